"""spacing.*: spaces lost or added around punctuation and between words.

- ``spacing.before_punct``: ``said , the`` → ``said, the``. French keeps its space before
  ``; : ! ?`` (and its no-break spaces are never touched).
- ``spacing.after_punct``: ``said.The`` → ``said. The``, ``said,the`` → ``said, the``.
- ``spacing.double_space``: two or more spaces between words → one (indentation is kept).
- ``spacing.doubled_word``: ``the the`` → ``the``, only for words in ``data/<lang>/never_doubled.txt``.
"""

from __future__ import annotations

import re

from . import NON_CREDIT, PROSE, Fix, Rule
from .lexicon import is_known_name, is_title, known_anywhere, word_list

_FRENCH_SPACED = ";:!?"


def propose_before_punct(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [(f.start, f.end) for f in propose_before_punct("He said , then left .", "en", None)]
    [(7, 8), (19, 20)]
    >>> propose_before_punct("Il a dit : non !", "fr", None)
    []
    """
    fixes = []
    for m in re.finditer(r"(?<=[^\W_]|[”»)\]])( +)([,.;:!?])(?=\s|$|[”\"»])", text):
        if lang == "fr" and m.group(2) in _FRENCH_SPACED:
            continue
        if m.group(2) == "." and text[m.end():m.end() + 2] == "..":
            continue  # a spaced ellipsis " ..." is a style choice
        fixes.append(Fix(m.start(1), m.end(1), "", f"a space before {m.group(2)!r}", 0.95))
    return fixes


def propose_after_punct(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [f.start for f in propose_after_punct("He left.The talks failed,but not U.S.The end", "en", None)]
    [8, 25]
    >>> [f.start for f in propose_after_punct("selon M.Tripodi et Mme.Durand.", "fr", None)]
    [8, 23]
    """
    fixes = []
    # (a name may end the sentence: ``ha detto Ms.Nathiri.``; not ``U.S.A``)
    for m in re.finditer(r"(?<![.\w])([^\W\d_]+)\.([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]{2,})(?!\w|\.\w)", text):
        if is_title(m.group(1), lang):
            fixes.append(Fix(m.end(1) + 1, m.end(1) + 1, " ", f"no space after the title {m.group(1) + '.'!r}", 0.9))
    for m in re.finditer(r"(?<![.\w])([^\W\d_]{2,})([.!?])([A-ZÀ-Þ][^\W\d_]*)(?![.\w])", text):
        left, right = m.group(1), m.group(3)
        if is_title(left, lang):
            continue  # above: any name follows a title
        if left.isupper() or not (known_anywhere(right, lang) >= 2.5 or is_known_name(right, lang)):
            continue
        fixes.append(Fix(m.end(2), m.end(2), " ", f"no space after {m.group(2)!r} between two sentences", 0.9))
    for m in re.finditer(r"(?<![\w.])([^\W\d_]{2,}),([^\W\d_]{2,})(?![\w.])", text):
        if known_anywhere(m.group(1), lang) >= 2 and known_anywhere(m.group(2), lang) >= 2:
            fixes.append(Fix(m.end(1) + 1, m.end(1) + 1, " ", "no space after a comma", 0.9))
    return fixes


def propose_double_space(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [(f.start, f.end) for f in propose_double_space("  indented  twice", "en", None)]
    [(10, 12)]
    """
    return [Fix(m.start(), m.end(), " ", "more than one space between words", 0.95)
            for m in re.finditer(r"(?<=\S) {2,}(?=\S)", text)]


def propose_doubled_word(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [(f.start, f.end, f.after) for f in propose_doubled_word("in the the city, had had", "en", None)]
    [(6, 10, '')]
    >>> propose_doubled_word("an An-2 plane, Moon Jae-in in May, e e-mails", "en", None)
    []
    """
    words = word_list(lang, "never_doubled")
    fixes = []
    # Not next to a hyphen: either word may belong to a compound (``an An-2``, ``ein
    # Ein-Zimmer-Haus``, ``e e-mails``, ``Jae-in in``), written so on purpose.
    for m in re.finditer(r"(?<![\w'’-])([^\W\d_]+) \1(?![\w'’-])", text, re.IGNORECASE):
        word, second = m.group(1), m.group(0)[len(m.group(1)) + 1:]
        if word.lower() not in words or second.lower() != word.lower():
            continue
        if lang == "fr" and word.lower() == "en" and _GERUND_AFTER.match(text, m.end()):
            continue  # "en en découvrant": the pronoun, then the gerund's "en"
        fixes.append(Fix(m.start() + len(word), m.end(), "", f"the word {word!r} written twice", 0.9))
    return fixes


#: A French gerund after ``en en``: the second ``en`` is its marker, the first a pronoun.
_GERUND_AFTER = re.compile(r" [^\W\d_]+ant\b")


RULES = (
    Rule("spacing.double_space", NON_CREDIT, propose_double_space),
    Rule("spacing.before_punct", PROSE, propose_before_punct),
    Rule("spacing.after_punct", PROSE, propose_after_punct),
    Rule("spacing.doubled_word", PROSE, propose_doubled_word, rewrites_words=True),
)
