"""casing.proper_noun: a proper noun left in lower case (``kyiv`` → ``Kyiv``).

Machine translation lower-cases names it copies from a link or an untranslated segment.
The shipped cased table says which words the corpus writes capitalised in mid-sentence
almost always; only those are restored, so ordinary words (``may``, ``bill``) never are.
"""

from __future__ import annotations

import re

from . import PROSE, Fix, Rule
from .lexicon import cased_table

#: The corpus must write the word capitalised at least this often...
MIN_CAPITALISED = 10
#: ...and this many times more often than in lower case.
MIN_RATIO = 25

_LOWER_WORD = re.compile(r"(?<![\w@#/.\-'’])[^\W\d_A-ZÀ-Þ]+(?![\w@/\-]|\.\w)")


def propose_proper_noun(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [f.after for f in propose_proper_noun("Missiles hit kyiv and moscow may respond.", "en", None)]
    ['Kyiv', 'Moscow']
    """
    table = cased_table(lang)
    fixes = []
    for m in _LOWER_WORD.finditer(text):
        word = m.group(0)
        form = table.get(word)
        if form is None or not word.islower():
            continue
        if form.capitalised_count >= MIN_CAPITALISED and form.capitalised_count >= MIN_RATIO * max(form.lower_count, 0.2):
            fixes.append(Fix(m.start(), m.end(), form.capitalised,
                             f"a proper noun in lower case: the corpus writes {form.capitalised!r} "
                             f"{form.capitalised_count} times, {word!r} {form.lower_count} times", 0.85))
    return fixes


RULES = (Rule("casing.proper_noun", PROSE, propose_proper_noun),)
