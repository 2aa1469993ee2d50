"""Build the tables of sentence openers shipped in cleanup/rules/data/<lang>/comma_after_opener.tsv.

A sentence that opens with a connective or an adverbial phrase and a comma (``After all, we``,
``According to him, the``, ``Normalement, il``) loses the comma and gains a capital when a link
boundary falls after the phrase (``After all We faced``). Which phrases the language follows with
a comma is a fact of its news prose, not of a hand-made list: ``Finally`` takes one 62 times in
73, ``Nearly`` seldom (``Nearly a third``), where the capital is right to lower but no comma was lost.

For every sentence of the TRAINING part of the corpus (the held-out 5% is left for benchmarks,
see cleanup.training.data.is_held_out) that opens a line or follows a full stop, a question or
an exclamation mark (and a closing quote), its first one, two and three words: whether a comma
follows them. Only phrases followed by a comma at least MIN_COMMAS times are written; the rule
(``cleanup.rules.casing.propose_comma_after_connective``) decides by their share.

    python scripts/build_opener_table.py            # every supported language
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_opener_table.py es

Output rows: ``phrase in lower case<TAB>followed by a comma<TAB>followed by anything else``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import SUPPORTED_LANGUAGES  # noqa: E402

from build_cased_table import training_lines, write_language_table  # noqa: E402  (scripts/ is on the path when run as a script)

MIN_COMMAS = 5
MAX_WORDS = 3
#: Where a sentence starts, as the rule finds it: a line's start, or after a stop and a space
#: (and a closing quote).
SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”»] ))(?=[A-ZÀ-Þ])")
#: A word (with an inner apostrophe: ``aujourd'hui``), then a comma or not, then what follows.
OPENING_WORD = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)?)(,?)( ?)")


def count_openers(lines) -> tuple[Counter, Counter]:
    """Phrase → times followed by a comma, and by anything else."""
    comma, other = Counter(), Counter()
    for line in lines:
        for start in SENTENCE_OPENING.finditer(line):
            words, at = [], start.end()
            while len(words) < MAX_WORDS and (m := OPENING_WORD.match(line, at)):
                words.append(m.group(1).lower())
                phrase = " ".join(words)
                if m.group(2):
                    comma[phrase] += 1
                    break
                other[phrase] += 1
                if not m.group(3):
                    break  # a colon, a quote, a digit: the phrase ends here
                at = m.end()
    return comma, other


def build(lang: str) -> Path:
    path, lines = training_lines(lang)
    comma, other = count_openers(lines)
    rows = [(phrase, comma[phrase], other[phrase]) for phrase in sorted(comma) if comma[phrase] >= MIN_COMMAS]
    return write_language_table(
        lang, "comma_after_opener.tsv",
        f"built by scripts/build_opener_table.py from {path.name} (training split); a sentence's first "
        f"1-{MAX_WORDS} words in lower case, times followed by a comma, by anything else", rows, "openers")


if __name__ == "__main__":
    for lang in sys.argv[1:] or SUPPORTED_LANGUAGES:
        build(lang)
