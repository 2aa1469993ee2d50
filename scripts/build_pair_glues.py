"""Build the tables of pair glues, cleanup/rules/data/<lang>/pair_glues.tsv (es, fr, pt, it).

A pair glue is a function word of the language (Zipf >= FUNCTION_WORD_ZIPF, seen at least
MIN_WORD_COUNT times in lower case) and a lower-case word beside it that the corpus writes apart at
least MIN_PAIR_COUNT times and never solid, in any case and even with accents (``y las`` 136
times in Spanish, ``ylas`` never; ``de cada`` often, but ``década`` is a word, so ``decada`` is
its typo, not a glue), and that wordfreq knows less than MAX_RUN_ZIPF as one word in the
language (or FREQUENT_PAIR_MAX_RUN_ZIPF for a pair written apart FREQUENT_PAIR_COUNT times).
wordfreq learnt its counts from the web, where people type such glues (``enla`` 2.75): it
cannot tell them from rare words; the corpus, edited text, can. Counted on the TRAINING
part of each corpus (the held-out 5% is left for benchmarks, see
cleanup.training.data.is_held_out). ``merge.word_word`` splits a run the table lists (``ylas`` →
``y las``, ``n'apas`` → ``n'a pas``, ``cualquiercosa`` → ``cualquier cosa``).

Not German, whose prepositions are also verb particles written solid with the verb: its table
(16,008 pairs) would mend 4 read failures (``ausdem``, ``zuschützen``) but lists real verbs the
corpus lacks (``zuerkennen``, to award, as ``zu erkennen``); nor English, where such a table
mended 3 read failures and split ``herewith``.

    python scripts/build_pair_glues.py          # es fr it pt
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_pair_glues.py es
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.rules.lexicon import zipf  # noqa: E402
from cleanup.rules.merge import FUNCTION_WORD_ZIPF, PAIR_GLUE_LANGUAGES  # noqa: E402

from build_cased_table import training_lines, write_table  # noqa: E402  (scripts/ is on the path when run as a script)

MIN_WORD_COUNT = 20
MIN_PAIR_COUNT = 3
#: the bound of ``merge.word_word`` on a run of two function words (UNKNOWN_FUNCTION_PAIR_ZIPF):
#: above it real words and names the corpus happens to lack come in (Spanish ``deforma``,
#: ``delfin``, Portuguese ``aparte``, ``anão``, French ``neveux``, ``parles``, ``laplace``)
MAX_RUN_ZIPF = 2.6
#: ...but a pair the corpus writes apart this often is typed solid often enough on the web for
#: wordfreq to know it better (Spanish ``enla`` 2.75, 1,698 times apart; ``asu``, Portuguese
#: ``deum``, French ``ily``): up to this Zipf. No other run of the four corpora comes in.
FREQUENT_PAIR_COUNT = 200
FREQUENT_PAIR_MAX_RUN_ZIPF = 3.0
LETTERS = re.compile(r"[^\W\d_]+")


def unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def pair_glues(lines: list[str], lang: str) -> list[tuple[str, str, str, int]]:
    """(run, first word, second word, times the corpus writes them apart), by run."""
    solid, lower = Counter(), Counter()
    for line in lines:
        for word in LETTERS.findall(line):
            solid[unaccented(word.lower())] += 1
            if word.islower():
                lower[word] += 1
    function_words = {word for word, n in lower.items() if n >= MIN_WORD_COUNT and zipf(word, lang) >= FUNCTION_WORD_ZIPF}
    apart = Counter()
    for line in lines:
        words = line.split()  # neighbours across a space only, not across punctuation
        for first, second in zip(words, words[1:]):
            if ((first in function_words or second in function_words) and first.isalpha() and second.isalpha()
                    and first.islower() and second.islower()):
                apart[(first, second)] += 1
    rows = [(first + second, first, second, n) for (first, second), n in apart.items()
            if n >= MIN_PAIR_COUNT and solid[unaccented(first + second)] == 0
            and zipf(first + second, lang) < (FREQUENT_PAIR_MAX_RUN_ZIPF if n >= FREQUENT_PAIR_COUNT else MAX_RUN_ZIPF)]
    return sorted(rows)


def build(lang: str) -> Path:
    _, lines = training_lines(lang)
    rows = pair_glues(lines, lang)
    out = ROOT / "cleanup" / "rules" / "data" / lang / "pair_glues.tsv"
    write_table(out, f"built by scripts/build_pair_glues.py from the corpus's training split: a function word "
                     f"(Zipf >= {FUNCTION_WORD_ZIPF}, {MIN_WORD_COUNT}+ times) and a word written apart {MIN_PAIR_COUNT}+ "
                     f"times and never solid, even with accents, under Zipf {MAX_RUN_ZIPF} solid; run, first, second, "
                     f"times apart (under Zipf {FREQUENT_PAIR_MAX_RUN_ZIPF} solid if {FREQUENT_PAIR_COUNT}+ times apart)", rows)
    print(f"{lang}: {len(rows)} pair glues -> {out.relative_to(ROOT)}", file=sys.stderr)
    return out


if __name__ == "__main__":
    for lang in sys.argv[1:] or sorted(PAIR_GLUE_LANGUAGES):
        build(lang)
