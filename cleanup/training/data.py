"""The text the model learns from: corpus files and the one train / held-out split.

Every consumer (training, validation, benchmarks) must split lines with
:func:`is_held_out`, so that no held-out sentence is ever trained on. The split hashes
the line itself, not its position, so it survives re-ordering and appending to a file.

>>> split_lines(["A sentence.", "Another one."]).train + split_lines(["A sentence.", "Another one."]).held_out
('A sentence.', 'Another one.')
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import dataclass
from pathlib import Path

from cleanup.config import SUPPORTED_LANGUAGES
from cleanup.training.simulate import CORRUPTIONS

#: Where the shared corpus lives in the development checkout (one sentence per line,
#: see its SOURCES.md). Only the training side reads it; ``CLEANUP_CORPUS_DIR`` overrides.
DEFAULT_CORPUS_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus"

#: Share of each corpus held out for validation and benchmarks, in percent.
HELD_OUT_PERCENT = 5


@dataclass(frozen=True)
class Split:
    """Lines of one corpus, divided into training and held-out lines (order kept)."""

    train: tuple[str, ...]
    held_out: tuple[str, ...]


def corpus_dir() -> Path:
    """The corpus folder: ``$CLEANUP_CORPUS_DIR`` if set, else the shared development corpus."""
    return Path(os.environ.get("CLEANUP_CORPUS_DIR", DEFAULT_CORPUS_DIR))


def is_held_out(line: str) -> bool:
    """True for the ~5% of lines reserved for evaluation; a pure function of the text.

    >>> is_held_out("The President said on Monday that talks would resume.") in (True, False)
    True
    """
    bucket = int(hashlib.sha1(line.encode("utf-8")).hexdigest()[:8], 16) % 100
    return bucket >= 100 - HELD_OUT_PERCENT


def split_lines(lines) -> Split:
    """Divide lines into training and held-out lines with :func:`is_held_out`."""
    train, held_out = [], []
    for line in lines:
        (held_out if is_held_out(line) else train).append(line)
    return Split(tuple(train), tuple(held_out))


def read_lines(path: Path) -> list[str]:
    """Non-empty lines of a UTF-8 text file, without their line endings."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def read_corpus(lang: str, directory: Path | None = None, pattern: str = "{lang}.txt") -> Split:
    """The split corpus of one language, read from ``<directory>/<pattern>`` (``en.txt``)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(SUPPORTED_LANGUAGES)}")
    return split_lines(read_lines((directory or corpus_dir()) / pattern.format(lang=lang)))


def corrupted_held_out(lang: str, per_lang: int, clean_per_lang: int | None, seed: int):
    """(kind, corrupted, clean) for held-out lines, one corruption each, and clean held-out
    lines (other lines than the corrupted ones; as many as there are, up to
    ``clean_per_lang``, default ``per_lang``); deterministic for a seed, which orders the lines
    and draws the corruptions."""
    rng = random.Random(f"{seed}:{lang}")
    held_out = list(read_corpus(lang).held_out)
    rng.shuffle(held_out)
    names = list(CORRUPTIONS)
    weights = [CORRUPTIONS[n][1] for n in names]
    clean_wanted = per_lang if clean_per_lang is None else clean_per_lang
    # A small held-out split (it: ~600 lines) keeps at least its second half for clean lines.
    limit = max(len(held_out) - clean_wanted, len(held_out) // 2)
    pairs, used = [], 0
    for line in held_out[:limit]:
        if len(pairs) >= per_lang:
            break
        used += 1
        name = rng.choices(names, weights=weights)[0]
        corruption = CORRUPTIONS[name][0](line, lang, rng)
        if corruption is not None and corruption.corrupted != corruption.clean:
            pairs.append((corruption.kind, corruption.corrupted, corruption.clean))
    clean = held_out[used : used + clean_wanted]
    return pairs, clean
