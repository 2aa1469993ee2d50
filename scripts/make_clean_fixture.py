"""Build the fixed no-harm sample ``tests/data/clean_<lang>.txt`` from the shared corpus.

Why: the no-harm tests need clean human text that must come back unchanged, and they
must see the same lines on every machine. The selection is a pure function of the corpus
file, so anyone can rebuild the fixture and check it against the committed copy.

Rule, per language: read ``<corpus>/<lang>.txt`` (one sentence or short paragraph a line),
let ``k = total_lines // 400`` and keep the first 400 lines whose 0-based line number ``i``
satisfies ``i % k == 7``. Lines are written back unchanged, each ending in ``\\n``.

Usage::

    python scripts/make_clean_fixture.py                    # corpus at ../shared/corpus
    python scripts/make_clean_fixture.py --corpus DIR --out tests/data --check

Standard library only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

LANGS = ("en", "es", "fr", "de", "pt", "it")
COUNT = 400
OFFSET = 7

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "tests" / "data"


def select_lines(lines: list[str], count: int = COUNT, offset: int = OFFSET) -> list[str]:
    """The first ``count`` lines whose 0-based index is ``offset`` modulo ``len(lines) // count``.

    >>> select_lines([f"l{i}" for i in range(40)], count=4, offset=7)
    ['l7', 'l17', 'l27', 'l37']
    """
    k = len(lines) // count
    if k <= offset:
        raise ValueError(f"need at least {count * (offset + 1)} lines to take {count} with offset {offset}, got {len(lines)}")
    picked = [line for i, line in enumerate(lines) if i % k == offset][:count]
    if len(picked) < count:
        raise ValueError(f"only {len(picked)} lines selected, expected {count}")
    return picked


def read_lines(path: Path) -> list[str]:
    """The lines of ``path`` split at ``\\n`` only (a final newline does not add a line)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


def build(lang: str, corpus: Path) -> str:
    lines = read_lines(corpus / f"{lang}.txt")
    return "".join(line + "\n" for line in select_lines(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with <lang>.txt (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where clean_<lang>.txt go (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing; exit 1 on a difference")
    parser.add_argument("langs", nargs="*", default=list(LANGS), help="languages (default: %(default)s)")
    args = parser.parse_args(argv)

    status = 0
    for lang in args.langs:
        text = build(lang, args.corpus)
        target = args.out / f"clean_{lang}.txt"
        if args.check:
            same = target.exists() and target.read_text(encoding="utf-8") == text
            print(f"{target}: {'ok' if same else 'DIFFERS'}", file=sys.stderr)
            status |= 0 if same else 1
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {target} ({text.count(chr(10))} lines)", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
