"""merge.*: words glued together where a hyperlink ended (``ForcesThey``, ``Moscowwho``,
``possible”to``).

Web-page translation translates the link text and the text around it separately and then
drops the space between them. Splits are decided from word frequencies of the article's
language (wordfreq) and the corpus's cased table; never split: a known word, a name that
recurs in the article, an acronym, a number, a URL, an e-mail address, a hashtag or a
handle (see ``context.protected_spans``), or a deliberate mixed-case brand (``iPhone``,
``YouTube``, ``McDonald``, ``PlayStation``).
"""

from __future__ import annotations

import re

from . import PROSE, Fix, Rule
from .lexicon import is_known_name, known_anywhere, mostly_capitalised, word_list, zipf, cased_table

# A run of letters, not touching digits or other letters/underscores on either side.
_LETTER_RUN = re.compile(r"(?<![\w@#/.\-])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w@/\-]|\.\w)")

# Name prefixes written with an inner capital: McDonald, MacArthur, DeSantis, LeBron, DiCaprio, O'Neill.
_NAME_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "del", "della", "st", "fitz"})

# A word is "known" (so never split) above this Zipf frequency.
KNOWN_WORD_ZIPF = 2.0
# The word a name is glued to must be common in the language.
COMMON_WORD_ZIPF = 3.0


def propose_case_boundary(text: str, lang: str, context) -> list[Fix]:
    """Split at a lower→upper change inside a word: ``ForcesThey`` → ``Forces They``.

    >>> [f.after for f in propose_case_boundary("the Armed ForcesThey said", "en", None)]
    ['Forces They']
    >>> propose_case_boundary("an iPhone, YouTube, McDonald and PlayStation", "en", None)
    []
    """
    fixes = []
    for m in _LETTER_RUN.finditer(text):
        run = m.group(0)
        bounds = [i for i in range(1, len(run)) if run[i - 1].islower() and run[i].isupper()]
        if len(bounds) != 1:
            continue
        i = bounds[0]
        left, right = run[:i], run[i:]
        if _is_deliberate_mixed_case(run, left, right, lang, context):
            continue
        left_known = known_anywhere(left, lang) > 0 or is_known_name(left, lang) or _occurs(context, left)
        right_known = known_anywhere(right, lang) > 0 or is_known_name(right, lang) or _occurs(context, right)
        if not (left_known and right_known):
            continue
        confidence = 0.9 if min(known_anywhere(left, lang), known_anywhere(right, lang)) >= 3 else 0.75
        fixes.append(Fix(m.start(), m.end(), f"{left} {right}",
                         f"words glued at a link boundary: {left!r} + {right!r}", confidence))
    return fixes


def _is_deliberate_mixed_case(run: str, left: str, right: str, lang: str, context) -> bool:
    if run in word_list("common", "brands") or run.rstrip("s") in word_list("common", "brands"):
        return True
    if len(left) <= 2 and left.islower():  # iPhone, eBay, iOS
        return True
    if left.lower() in _NAME_PREFIXES and left[0].isupper():  # McDonald, DeSantis, LeBron
        return True
    if len(right) == 1 or any(c.isupper() for c in right[1:]):  # SpaceX, OpenAI, BioNTech
        return True
    if left.isupper():  # an acronym before a word: "USAToday"-like brands
        return True
    if known_anywhere(run, lang) >= KNOWN_WORD_ZIPF or _recurs(context, run):
        return True
    return False


def propose_name_word(text: str, lang: str, context) -> list[Fix]:
    """Split a name glued to a common lower-case word: ``Moscowwho`` → ``Moscow who``.

    >>> [f.after for f in propose_name_word("in Moscowwho said, as Zelenskystressed", "en", None)]
    ['Moscow who', 'Zelensky stressed']
    >>> propose_name_word("Washington, Southampton and Carlson", "en", None)
    []
    """
    fixes = []
    suffixes = word_list("common", "name_suffixes")
    for m in _LETTER_RUN.finditer(text):
        run = m.group(0)
        if len(run) < 5 or not run[0].isupper() or not run[1:].islower() or "'" in run or "’" in run:
            continue
        if known_anywhere(run, lang) > 0 or is_known_name(run, lang) or _recurs(context, run):
            continue
        best = None
        for i in range(2, len(run) - 1):
            left, right = run[:i], run[i:]
            if right in suffixes or zipf(right, lang) < COMMON_WORD_ZIPF:
                continue
            if lang == "de" and mostly_capitalised(right, lang):
                continue  # the second half of a German compound noun, not a glued word
            strength = _name_strength(left, lang, context)
            if strength == 0 or (len(right) <= 2 and strength < 2):
                continue
            score = (strength, zipf(right, lang) + zipf(left, lang) / 4)
            if best is None or score > best[0]:
                best = (score, left, right)
        if best:
            (strength, _), left, right = best
            fixes.append(Fix(m.start(), m.end(), f"{left} {right}",
                             f"a name glued to the next word at a link boundary: {left!r} + {right!r}",
                             0.85 if strength >= 2 else 0.7))
    return fixes


def _name_strength(left: str, lang: str, context) -> int:
    """0: not a plausible first word; 1: plausible; 2: a name the corpus or article uses."""
    form = cased_table(lang).get(left.lower())
    if _occurs(context, left) or (form and form.capitalised == left and form.capitalised_count >= 20):
        return 2
    if is_known_name(left, lang) or known_anywhere(left, lang) >= 3.5:
        return 1
    return 0


# Closing marks glued to the next word, and opening marks glued to the previous one.
# ’ is never treated as a closing quote: it is the apostrophe of "don’t" and "l’homme".
_CLOSING = {"de": "“‘«", "default": "”»"}
_OPENING = {"de": "„»", "default": "“«"}


def propose_quote_word(text: str, lang: str, context) -> list[Fix]:
    """Put back the space between a quote or bracket and a glued word.

    >>> [f.after for f in propose_quote_word("it was “not possible”to say", "en", None)]
    ['” ']
    >>> [f.after for f in propose_quote_word("the agency (AFP)said that", "en", None)]
    [') ']
    """
    closing = _CLOSING.get(lang, _CLOSING["default"])
    opening = _OPENING.get(lang, _OPENING["default"])
    fixes = []
    for m in re.finditer(rf"(?<=[^\W\d_][.,!?]|[^\W\d_]{{2}})([{closing}])(?=[^\W\d_]{{2}})", text):
        fixes.append(Fix(m.start(), m.end(), m.group(1) + " ", "a closing quote glued to the next word", 0.9))
    for m in re.finditer(r"\(\w[^()\n]{2,80}(\))(?=[^\W\d_]{2})", text):
        fixes.append(Fix(m.start(1), m.end(1), ") ", "a closing bracket glued to the next word", 0.85))
    for m in re.finditer(rf"(?<=[^\W\d_]{{2}})([{opening}])(?=[^\W\d_])", text):
        fixes.append(Fix(m.start(), m.end(), " " + m.group(1), "an opening quote glued to the previous word", 0.85))
    return fixes


def _occurs(context, word: str) -> bool:
    return context is not None and context.occurs(word)


def _recurs(context, word: str) -> bool:
    return context is not None and context.recurs(word)


RULES = (
    Rule("merge.quote_word", PROSE, propose_quote_word),
    Rule("merge.case_boundary", PROSE, propose_case_boundary),
    Rule("merge.name_word", PROSE, propose_name_word),
)
