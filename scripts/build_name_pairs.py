"""Build the two-word tables shipped in cleanup/rules/data/<lang>/: name_pairs.tsv and lower_pairs.tsv.

For every pair of consecutive words of the TRAINING part of the corpus (the held-out 5% is
left for benchmarks, see cleanup.training.data.is_held_out), outside sentence starts, count
how often it is written ``Capitalised Capitalised`` (``United States``, ``Stati Uniti``,
``Census Bureau``) and how often with either word in lower case (``united States``,
``Census bureau``). ``casing.name_pair`` restores the capital of a word left in lower case
inside such a name, but only where the corpus (nearly) never writes that variant.

    python scripts/build_name_pairs.py            # every supported language but German (the rule skips it)
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_name_pairs.py it

Output rows: ``First<TAB>Second<TAB>count<TAB>first-lower count<TAB>second-lower count``,
only for pairs seen capitalised at least MIN_COUNT times.

lower_pairs.tsv holds the opposite: a capitalised word and the lower-case word the corpus
writes after it (``Facebook page``, ``Parlement européen``, ``Universidad de``) at least
MIN_LOWER_COUNT times and capitalised at most a LOWER_RATIO-th as often, for
``casing.lower_pair``. Rows: ``First<TAB>second<TAB>count<TAB>count with the second capitalised``.
Every supported language, German included (its lower-case words after a name are verbs and
function words: ``Merkel sagte``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import SUPPORTED_LANGUAGES  # noqa: E402

from build_cased_table import training_lines, write_language_table  # noqa: E402  (scripts/ is on the path when run as a script)

MIN_COUNT = 5
MIN_LOWER_COUNT = 3
LOWER_RATIO = 20
PAIR = re.compile(r"(?<![\w'’.-])([^\W\d_]+) (?=([^\W\d_]+)(?![\w'’-]))")
SENTENCE_START = re.compile(r"(?:^|[.!?:;…]\s+|[\"“«„(\[—–-]\s*)$")


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def count_pairs(lines) -> Counter:
    pairs = Counter()
    for line in lines:
        for m in PAIR.finditer(line):
            first, second = m.group(1), m.group(2)
            if not SENTENCE_START.search(line[: m.start()]):
                pairs[first, second] += 1
    return pairs


@lru_cache(maxsize=None)
def training_pairs(lang: str) -> tuple[Path, Counter]:
    """The corpus file and its training lines' pair counts, read and counted once for both tables."""
    path, lines = training_lines(lang)
    return path, count_pairs(lines)


def build(lang: str) -> Path:
    path, pairs = training_pairs(lang)
    rows = []
    for (first, second), n in pairs.items():
        if n >= MIN_COUNT and _capitalised(first) and _capitalised(second):
            rows.append((first, second, n, pairs[first.lower(), second], pairs[first, second.lower()]))
    rows.sort()
    return write_language_table(
        lang, "name_pairs.tsv", f"built by scripts/build_name_pairs.py from {path.name} (training split); "
        "First, Second, count, count with the first in lower case, with the second in lower case", rows, "pairs")


def build_lower_pairs(lang: str) -> Path:
    path, pairs = training_pairs(lang)
    rows = []
    for (first, second), n in pairs.items():
        # the first word capitalised or an acronym (``EU has``), the second in lower case
        if n >= MIN_LOWER_COUNT and first[:1].isupper() and second.islower():
            capitalised = pairs[first, second.capitalize()]
            if capitalised * LOWER_RATIO <= n:
                rows.append((first, second, n, capitalised))
    rows.sort()
    return write_language_table(
        lang, "lower_pairs.tsv", f"built by scripts/build_name_pairs.py from {path.name} (training split); "
        "First, second, count, count with the second capitalised", rows, "pairs")


if __name__ == "__main__":
    for lang in sys.argv[1:] or SUPPORTED_LANGUAGES:
        if lang != "de":  # casing.name_pair skips German
            build(lang)
        build_lower_pairs(lang)
