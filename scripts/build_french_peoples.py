"""Build cleanup/rules/data/fr/peoples.tsv: the peoples French capitalises after a plural article.

French writes a people with a capital (``les Français``, ``aux Espagnols``) and its adjective in
lower case (``les produits français``). Spanish, Portuguese and Italian write both in lower case
(``los franceses``), and a translation from them keeps it: ``les français``, ``aux espagnols``.
A word is listed when, right after ``les``, ``des`` or ``aux``, the corpus writes it capitalised at
least MIN_CAPITALISED times and at least RATIO times as often as in lower case (the corpus
slips too: ``les américains`` 11 times against 36), and it ends as the plural of a people does
(``-ains``, ``-ais``, ``-ois``, ``-iens``, ``-éens``, ``-ands``, ``-ols``, ``-ques``, ``-cs``):
not a party, a team or a title the corpus also capitalises there (``les Verts``, ``les Bleus``,
``les Apprentis d'Auteuil``, ``les États``). Counted on the TRAINING part of the corpus.
``casing.french_people`` capitalises a listed word after a plural article.

    python scripts/build_french_peoples.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_cased_table import training_lines, write_table  # noqa: E402  (scripts/ is on the path when run as a script)

MIN_CAPITALISED = 4
RATIO = 3
PEOPLE_ENDINGS = ("ains", "ais", "ois", "iens", "éens", "ands", "ols", "ques", "cs")
AFTER_PLURAL_ARTICLE = re.compile(r"(?<![\w'’-])(?:[Ll]es|[Dd]es|[Aa]ux) ([^\W\d_]+)(?![\w'’-])")


def peoples(lines: list[str]) -> list[tuple[str, int, int]]:
    """(word in lower case, times capitalised after a plural article, times in lower case there)."""
    capitalised, lower = Counter(), Counter()
    for line in lines:
        for m in AFTER_PLURAL_ARTICLE.finditer(line):
            word = m.group(1)
            if word[:1].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1
            elif word.islower():
                lower[word] += 1
    return sorted((word, n, lower[word]) for word, n in capitalised.items()
                  if n >= MIN_CAPITALISED and n >= RATIO * lower[word] and word.endswith(PEOPLE_ENDINGS))


def build() -> Path:
    _, lines = training_lines("fr")
    rows = peoples(lines)
    out = ROOT / "cleanup" / "rules" / "data" / "fr" / "peoples.tsv"
    write_table(out, f"built by scripts/build_french_peoples.py from the corpus's training split: a people's plural "
                     f"after les/des/aux, capitalised there {MIN_CAPITALISED}+ times and {RATIO}+ times as often as "
                     f"not; word, times capitalised, times in lower case", rows)
    print(f"fr: {len(rows)} peoples -> {out.relative_to(ROOT)}", file=sys.stderr)
    return out


if __name__ == "__main__":
    build()
