"""Build the comma tables shipped in cleanup/rules/data/<lang>/comma_before.tsv.

A lost comma and a gained capital leave the same trace as a gained capital alone (``Rusia Un
aumento`` from ``Rusia, un aumento``; ``Veres Es el`` from ``Veres es el``). How often the
language writes a comma before the next word tells them apart where the model hesitates:
``un``, ``lo``, ``mais`` open a clause or an apposition after a name far more often than ``es``,
``de`` or ``that`` do.

For every pair of consecutive words of the TRAINING part of the corpus (the held-out 5% is
left for benchmarks, see cleanup.training.data.is_held_out), outside sentence starts, where
the second word is in lower case: whether a comma stands between them, by whether the first is
capitalised. Only second words seen at least MIN_COUNT times after a capitalised word; the
rarer ones count together by their last letters (``comma_before_suffix.tsv``).

    python scripts/build_comma_table.py            # every supported language
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_comma_table.py es

Output rows: ``word<TAB>after a capital with a comma<TAB>without<TAB>after a lower-case word
with a comma<TAB>without``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import SUPPORTED_LANGUAGES  # noqa: E402
# Words the table lacks count together by their last letters, as comma_evidence looks them up.
from cleanup.windows import COMMA_SUFFIX_LETTERS, COMMA_SUFFIX_WORD_LETTERS  # noqa: E402

from build_cased_table import training_lines, write_language_table  # noqa: E402  (scripts/ is on the path when run as a script)
from build_name_pairs import SENTENCE_START, _capitalised  # noqa: E402

MIN_COUNT = 20
#: A word, an optional comma, one space, a lower-case word.
PAIR = re.compile(r"(?<![\w'’.-])([^\W\d_]+)(,?) (?=([^\W\d_A-ZÀ-Þ][^\W\d_]*)(?![\w'’-]))")


def count_commas(lines) -> Counter:
    """(next word, first capitalised?, comma?) → count."""
    counts = Counter()
    for line in lines:
        for m in PAIR.finditer(line):
            first, comma, second = m.group(1), m.group(2), m.group(3)
            if first.isupper() or SENTENCE_START.search(line[: m.start()]):
                continue  # an acronym, or the sentence's first word, capitalised by position
            counts[second, _capitalised(first), bool(comma)] += 1
    return counts


def suffix_counts(counts: Counter, listed: set[str]) -> Counter:
    """The counts of the words too rare to list, by their last COMMA_SUFFIX_LETTERS letters: the
    back-off for a word the table lacks (``Russia, forming``: words in ``-ing``)."""
    by_suffix = Counter()
    for (word, capitalised, comma), n in counts.items():
        if word not in listed and len(word) >= COMMA_SUFFIX_WORD_LETTERS:
            by_suffix[word[-COMMA_SUFFIX_LETTERS:], capitalised, comma] += n
    return by_suffix


def rows_of(counts: Counter) -> list[tuple]:
    """One row per key seen at least MIN_COUNT times after a capitalised word."""
    keys = {key for key, _, _ in counts}
    return [(key, counts[key, True, True], counts[key, True, False], counts[key, False, True], counts[key, False, False])
            for key in sorted(keys) if counts[key, True, True] + counts[key, True, False] >= MIN_COUNT]


def build(lang: str) -> Path:
    path, lines = training_lines(lang)
    counts = count_commas(lines)
    rows = rows_of(counts)
    columns = ("after a capitalised word with a comma, without, after a lower-case word with a comma, without")
    write_language_table(
        lang, "comma_before_suffix.tsv",
        f"built by scripts/build_comma_table.py from {path.name} (training split); the last {COMMA_SUFFIX_LETTERS} letters "
        f"of words of {COMMA_SUFFIX_WORD_LETTERS}+ letters that comma_before.tsv lacks, {columns}",
        rows_of(suffix_counts(counts, {row[0] for row in rows})), "suffixes")
    return write_language_table(
        lang, "comma_before.tsv", f"built by scripts/build_comma_table.py from {path.name} (training split); word, "
        f"{columns}", rows, "words")


if __name__ == "__main__":
    for lang in sys.argv[1:] or SUPPORTED_LANGUAGES:
        build(lang)
