"""casing.proper_noun: a proper noun left in lower case (``kyiv`` → ``Kyiv``).

Machine translation lower-cases names it copies from a link or an untranslated segment.
The shipped cased table says which words the corpus writes capitalised in mid-sentence
almost always; only those are restored, so ordinary words (``may``, ``bill``) never are.
"""

from __future__ import annotations

import re

from . import PROSE, Fix, Rule
from .lexicon import CasedForm, cased_table

#: The corpus must write the word capitalised at least this often...
MIN_CAPITALISED = 10
#: ...or at least this often and never in lower case...
MIN_CAPITALISED_NEVER_LOWER = 5
#: ...and at least MIN_RATIO × (lower-case uses)² times, with at most MAX_LOWER lower-case uses
#: ("turkey" the bird and "saint" the noun stay lower-case; "madrid" 44:1 is restored).
MIN_RATIO = 25
MAX_LOWER = 2
GERMAN_MIN_CAPITALISED = 30

_LOWER_WORD = re.compile(r"(?<![\w@#/.\-'’])[^\W\d_A-ZÀ-Þ]+(?![\w@/\-]|\.\w)")


def propose_proper_noun(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [f.after for f in propose_proper_noun("Missiles hit kyiv and moscow may respond.", "en", None)]
    ['Kyiv', 'Moscow']
    """
    fixes = []
    for m in _LOWER_WORD.finditer(text):
        word = m.group(0)
        form = capitalised_form(word, lang)
        if form is not None:
            fixes.append(Fix(m.start(), m.end(), form.capitalised,
                             f"a proper noun in lower case: the corpus writes {form.capitalised!r} "
                             f"{form.capitalised_count} times, {word!r} {form.lower_count} times", 0.85))
    return fixes


def capitalised_form(word: str, lang: str) -> CasedForm | None:
    """The capitalised form to restore for a lower-case ``word``, or None.

    Only the article language's own table is used. Measured and dropped: borrowing from other
    languages, and trusting a capitalised form elsewhere in the article ("the ministry" and
    "the Ministry of Health" are both right) did harm (French and Spanish write nationality adjectives in lower case,
    German capitalises every noun, Portuguese "tel." is not Tel Aviv).
    """
    form = cased_table(lang).get(word)
    if form is None:
        return None
    if lang == "de":
        # German capitalises every noun, and many verbs share a noun's spelling ("messe",
        # "durchgreifen"): only words the corpus often capitalises and never writes lower-case.
        return form if form.lower_count == 0 and form.capitalised_count >= GERMAN_MIN_CAPITALISED else None
    if form.lower_count == 0 and form.capitalised_count >= MIN_CAPITALISED_NEVER_LOWER:
        return form
    if (form.capitalised_count >= MIN_CAPITALISED and form.lower_count <= MAX_LOWER
            and form.capitalised_count >= MIN_RATIO * form.lower_count ** 2):
        return form
    return None


RULES = (Rule("casing.proper_noun", PROSE, propose_proper_noun),)
