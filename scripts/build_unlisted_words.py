"""Build the word lists shipped in cleanup/rules/data/<lang>/unlisted.txt: words the corpus
writes in lower case that wordfreq does not know (or barely: below the Zipf frequency at
which ``merge.word_word`` takes a run for two glued words).

wordfreq lacks many inflected forms (Portuguese ``constatem``, ``dragou``, ``comovida``), and
a run it does not know is what ``merge.word_word`` splits when it reads as two common words
(``consta tem``). A word the corpus itself uses is a word, not a glue. Only the TRAINING part
of the corpus is read (the held-out 5% stays unseen for benchmarks, see
cleanup.training.data.is_held_out), so the benchmarks measure the list on text it never saw.

    python scripts/build_unlisted_words.py            # the languages merge.CORPUS_WORDS_LANGUAGES names (pt)
    CLEANUP_CORPUS_DIR=/path/to/corpus python scripts/build_unlisted_words.py pt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.rules.lexicon import zipf  # noqa: E402
from cleanup.rules.merge import CORPUS_WORDS_LANGUAGES, UNKNOWN_FUNCTION_PAIR_ZIPF  # noqa: E402
from cleanup.training.data import corpus_dir, is_held_out  # noqa: E402

WORD = re.compile(r"(?<![\w'’])[^\W\d_]{5,}(?![\w'’])")


def build(lang: str) -> Path:
    words = set()
    with (corpus_dir() / f"{lang}.txt").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and not is_held_out(line.rstrip("\n")):
                words.update(w for w in WORD.findall(line) if w.islower())
    unlisted = sorted(w for w in words if zipf(w, lang) < UNKNOWN_FUNCTION_PAIR_ZIPF)
    out = ROOT / "cleanup" / "rules" / "data" / lang / "unlisted.txt"
    header = (f"# Lower-case words of the {lang} corpus (training lines) that wordfreq ranks below Zipf "
              f"{UNKNOWN_FUNCTION_PAIR_ZIPF}: words, not glues. Built by scripts/build_unlisted_words.py.\n")
    out.write_text(header + "\n".join(unlisted) + "\n", encoding="utf-8", newline="\n")
    return out


if __name__ == "__main__":
    for lang in sys.argv[1:] or sorted(CORPUS_WORDS_LANGUAGES):
        path = build(lang)
        print(f"{lang}: {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
