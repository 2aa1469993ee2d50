"""Reading articles from disk and writing them back safely.

Reading: UTF-8 first (with or without BOM); otherwise the encoding charset-normalizer
detects, and the caller is told which. Binary files and empty files are refused with an
InputError that says so. Writing: a temp file in the same folder, fsync, then an atomic
rename, so no reader ever sees a half-written file.
"""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", or what was detected, e.g. "cp1252"


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode an article's bytes, refusing binary data.

    >>> decode_bytes("Kyiv said.".encode("cp1252"), "a.txt").encoding
    'utf-8'
    >>> decode_bytes(b"\\x00\\x01\\x02ELF", "a.bin")
    Traceback (most recent call last):
    cleanup.errors.InputError: a.bin: looks like a binary file (it contains NUL bytes), not an article
    """
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        # charset-normalizer is maintained and pure-Python fast enough for articles; chardet is slower.
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: not valid UTF-8 and no other text encoding fits; convert it to UTF-8") from None
        text, encoding = str(best), best.encoding
    if not text.strip():
        raise InputError(f"{name}: the file is empty; there is no article to clean")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if control > max(2, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file (control characters), not an article")
    return DecodedText(text, encoding)


def read_article(path: Path) -> DecodedText:
    """Read an article file, with one clear InputError for every way it can fail."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; use `cleanup batch` for directories")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    return decode_bytes(data, str(path))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 via a temp file and rename; ``path`` is whole or untouched. The
    file gets the permissions a plain write would give it: an existing file's own, else those
    the umask allows (the temp file is created with mode 0o666 for the system to apply the
    umask, as ``open`` does; ``mkstemp`` would make it readable by its owner only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp_beside(path)
    try:
        if path.exists():
            os.fchmod(fd, stat.S_IMODE(path.stat().st_mode))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_temp_beside(path: Path) -> tuple[int, str]:
    """A new, uniquely named hidden file in ``path``'s folder, open for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
