"""Build the list of name openers shipped in cleanup/rules/data/common/name_openers.txt.

A name opener is a word that opens names: first names (``Janine``, ``Carlos``, ``Miroslav``)
and the like. Counted on the TRAINING part of every supported language's corpus (the held-out
5% is left for benchmarks, see cleanup.training.data.is_held_out), outside sentence starts: a
capitalised word seen at least MIN_COUNT times that is followed by another capitalised word in
at least OPENER_SHARE of its uses, and that no language's corpus writes in lower case (its
``cased.tsv`` and ``lowercase.txt``). One list for all languages: first names travel between them.
``casing.surname`` restores the capital of a surname left in lower case after one (``Janine
wissler`` → ``Wissler``).

    python scripts/build_name_openers.py
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_name_openers.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import SUPPORTED_LANGUAGES  # noqa: E402
from cleanup.rules.lexicon import cased_table, written_lower_case  # noqa: E402

from build_cased_table import training_lines, write_table  # noqa: E402  (scripts/ is on the path when run as a script)

MIN_COUNT = 3
OPENER_SHARE = 0.7
WORD = re.compile(r"\S+")
CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
SENTENCE_END = ".!?:;\"“«„([—–-"


def count_openers(lines) -> tuple[Counter, Counter]:
    """How often each capitalised word stands in mid-sentence, and how often a capitalised
    word follows it there."""
    seen, opening = Counter(), Counter()
    for line in lines:
        words = WORD.findall(line)
        for previous, word, following in zip(words, words[1:], words[2:]):
            if not CAPITALISED.fullmatch(word) or previous[-1] in SENTENCE_END:
                continue
            seen[word] += 1
            if CAPITALISED.match(following):
                opening[word] += 1
    return seen, opening


def never_lower_case(word: str) -> bool:
    """Whether no language's corpus writes ``word`` in lower case: neither its cased table
    (``cased.tsv``) nor its list of lower-case words (``lowercase.txt``: ``across``,
    ``absolutely``, which open titles)."""
    forms = [cased_table(lang).get(word.lower()) for lang in SUPPORTED_LANGUAGES]
    return (all(form is None or form.lower_count == 0 for form in forms)
            and not any(written_lower_case(word, lang) for lang in SUPPORTED_LANGUAGES))


def build() -> Path:
    seen, opening = Counter(), Counter()
    for lang in SUPPORTED_LANGUAGES:
        _, lines = training_lines(lang)
        counts = count_openers(lines)
        seen.update(counts[0])
        opening.update(counts[1])
    openers = sorted(word for word, n in seen.items()
                     if n >= MIN_COUNT and opening[word] >= OPENER_SHARE * n and never_lower_case(word))
    out = ROOT / "cleanup" / "rules" / "data" / "common" / "name_openers.txt"
    write_table(out, "built by scripts/build_name_openers.py from the corpora's training splits: words that open "
                f"names (seen {MIN_COUNT}+ times in mid-sentence, {OPENER_SHARE:.0%}+ of them before a capitalised "
                "word, never in lower case)", [(word,) for word in openers])
    print(f"{len(openers)} name openers -> {out.relative_to(ROOT)}", file=sys.stderr)
    return out


if __name__ == "__main__":
    build()
