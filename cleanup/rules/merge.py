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
COMMON_WORD_ZIPF = 3.5
# Languages whose one-letter words ("y", "a", "e", "o", "à") get glued to names; English "a"
# and "I" are not split off: "Jharkhandi", "Tantasitha" are names.
ONE_LETTER_WORD_LANGUAGES = frozenset({"es", "fr", "pt", "it"})
# Words this frequent are function words and common verbs ("who", "which", "said", "is").
FUNCTION_WORD_ZIPF = 5.5


def propose_case_boundary(text: str, lang: str, context) -> list[Fix]:
    """Split at a lower→upper change inside a word: ``ForcesThey`` → ``Forces They``.

    >>> [f.after for f in propose_case_boundary("the Armed ForcesThey said, inSofia forSMEs", "en", None)]
    ['Forces They', 'in Sofia', 'for SMEs']
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
        left_zipf, right_zipf = known_anywhere(left, lang), known_anywhere(right, lang)
        if not _plausible_case_glue(left, right, lang, context):
            continue
        confidence = 0.9 if min(left_zipf, right_zipf) >= 3 else 0.75
        fixes.append(Fix(m.start(), m.end(), f"{left} {right}",
                         f"words glued at a link boundary: {left!r} + {right!r}", confidence))
    return fixes


def _plausible_case_glue(left: str, right: str, lang: str, context) -> bool:
    """Whether ``left`` + ``right`` reads as two words run together rather than one
    camel-case name. Link boundaries glue a segment's first word to the link text: a common
    lower-case word before a capital ("inSofia", "saidThe"), a function word after a
    name ("ForcesThey", "InVienna"), or two names ("SaudiArabia", "GordonMackenzie").
    Capitalised common words run together ("TowerGroup", "OpenOffice", "FriendFeed") are
    far more often a brand, so they split only when the article uses both halves alone."""
    if left.islower():
        if zipf(left, lang) >= 4.0:
            return True
        return known_anywhere(left, lang) > 0 and (known_anywhere(right, lang) > 0 or is_known_name(right, lang))
    if _is_function_word(right, lang):
        return known_anywhere(left, lang) > 0 or is_known_name(left, lang) or _occurs(context, left)
    if _is_function_word(left, lang):  # "InVienna", "TheHotel"; but "WeWork", "MyGym" are brands
        return _namelike(right, lang)
    if len(left) >= 3 and _namelike(left, lang) and _namelike(right, lang):
        return True
    return _occurs(context, left) and _occurs(context, right)


def _is_function_word(word: str, lang: str) -> bool:
    return zipf(word.lower(), lang) >= FUNCTION_WORD_ZIPF - 0.5 and not mostly_capitalised(word, lang)


def _namelike(word: str, lang: str) -> bool:
    """Mostly written capitalised in the corpus, or too rare for the word lists: a name."""
    if mostly_capitalised(word, lang):
        return True
    return word.lower() not in cased_table(lang) and known_anywhere(word, lang) < 3.0


def _is_deliberate_mixed_case(run: str, left: str, right: str, lang: str, context) -> bool:
    brands = word_list("common", "brands")
    if run in brands or run.rstrip("s") in brands or run.removesuffix("'s") in brands:
        return True
    if left.islower() and (len(left) == 1 or (len(left) == 2 and zipf(left, lang) < 4.0)):  # iPhone, eBay
        return True
    if left.lower() in _NAME_PREFIXES and left[0].isupper():  # McDonald, DeSantis, LeBron
        return True
    acronym = right.rstrip("s").isupper() and len(right.rstrip("s")) >= 2
    if acronym:  # "forSMEs" is a glue; "OpenAI", "BioNTech" are names
        return not (left.islower() and zipf(left, lang) >= 4.0)
    if len(right) == 1 or any(c.isupper() for c in right[1:]):  # SpaceX
        return True
    if left.isupper():  # an acronym before a word
        return True
    if known_anywhere(run, lang) >= KNOWN_WORD_ZIPF or _recurs(context, run):
        return True
    return False


def propose_name_word(text: str, lang: str, context) -> list[Fix]:
    """Split a name glued to a common lower-case word: ``Moscowwho`` → ``Moscow who``.

    >>> from cleanup.rules.context import ArticleContext
    >>> text = "Moscow said no. Talks in Moscowwho said, as Zelenskystressed"
    >>> [f.after for f in propose_name_word(text, "en", ArticleContext.of_text(text))]
    ['Moscow who', 'Zelensky stressed']
    >>> propose_name_word("Washington, Southampton, Blairish and Carlson", "en", None)
    []
    """
    fixes = []
    suffixes = word_list("common", "name_suffixes") | word_list(lang, "name_suffixes")
    prefixes = word_list("common", "word_prefixes")
    for m in _LETTER_RUN.finditer(text):
        run = m.group(0)
        if len(run) < 6 or not run[0].isupper() or not run[1:].islower() or "'" in run or "’" in run:
            continue
        if any(known_anywhere(run, other) > 0 for other in (lang, "en", "es", "fr", "de", "pt", "it")):
            continue
        if is_known_name(run, lang) or _recurs(context, run):
            continue
        best = None
        for i in range(3, len(run)):
            left, right = run[:i], run[i:]
            right_zipf = zipf(right, lang)
            if len(right) == 1 and (right_zipf < 6.0 or lang not in ONE_LETTER_WORD_LANGUAGES):
                continue  # only the one-letter words of the language: "Macrona" → "Macron a"
            if right in suffixes or left in prefixes or right_zipf < COMMON_WORD_ZIPF:
                continue
            if lang == "de" and not _german_glue_word(right, right_zipf, _occurs(context, left)):
                continue
            if right_zipf < 5.0 and mostly_capitalised(right, lang):
                continue  # "Lamperth": a name ("Perth"), not a lower-case word
            function_word = right_zipf >= FUNCTION_WORD_ZIPF
            if (len(right) <= 2 or len(left) <= 3) and not function_word:
                continue  # "Novera", "Miluse": short halves are too easily found in unknown names
            strength = _name_strength(left, lang, context)
            if (strength == 0 and lang != "de" and len(left) >= 5 and len(right) >= 4 and function_word
                    and _unknown_everywhere(left)):
                strength = 1  # a foreign name no list knows, then a very common word: "Zelenskidijo"
            common_word = len(right) >= 4 and right_zipf >= 4.0
            if strength == 0 or (strength == 1 and not (function_word or common_word)):
                continue
            if len(right) <= 3 and not (_occurs(context, left) or (_famous(left, lang) and right_zipf >= 6.0)):
                continue  # "Dicket", "Legesse", "Fiatal": short endings need the name seen alone
            score = (strength, right_zipf + zipf(left, lang) / 4)
            if best is None or score > best[0]:
                best = (score, left, right)
        if best:
            (strength, _), left, right = best
            fixes.append(Fix(m.start(), m.end(), f"{left} {right}",
                             f"a name glued to the next word at a link boundary: {left!r} + {right!r}",
                             0.85 if strength >= 2 else 0.7))
    return fixes


def candidate_split(run: str, lang: str) -> tuple[str, str] | None:
    """Where a capitalised run would split if it were a name glued to a word, judged by
    word frequency alone (no knowledge of the name): ``Fastowpleaded`` → (``Fastow``,
    ``pleaded``). The model decides *whether* it is a glue; this says *where*.

    >>> candidate_split("Fastowpleaded", "en")
    ('Fastow', 'pleaded')
    """
    suffixes = word_list("common", "name_suffixes") | word_list(lang, "name_suffixes")
    best = None
    for i in range(3, len(run) - 1):
        left, right = run[:i], run[i:]
        right_zipf = zipf(right, lang)
        if right in suffixes or right_zipf < 3.0 or (len(right) <= 2 and right_zipf < FUNCTION_WORD_ZIPF):
            continue
        score = right_zipf + len(right) / 4
        if best is None or score > best[0]:
            best = (score, left, right)
    return (best[1], best[2]) if best else None


def _german_glue_word(right: str, right_zipf: float, name_seen_alone: bool) -> bool:
    """German writes compounds as one word ("Brotwecken", "Autobahnsperren"); a lower-case
    ending splits off only if it is a function word ("Scholzsagte" → "Scholz sagte").
    Measured: also allowing rarer lower-case words split "Nutzerschnittstelle"."""
    threshold = 5.0 if name_seen_alone else FUNCTION_WORD_ZIPF  # "sagte" is 5.5
    return right_zipf >= threshold and not mostly_capitalised(right, "de", ratio=1.0)


def _famous(word: str, lang: str) -> bool:
    """A name the corpus writes capitalised often and never in lower case (Moscow, Berlin)."""
    form = cased_table(lang).get(word.lower())
    return form is not None and form.capitalised == word and form.capitalised_count >= 50 and form.lower_count == 0


def _unknown_everywhere(word: str) -> bool:
    return all(known_anywhere(word, lang) == 0 for lang in ("en", "es", "fr", "de", "pt", "it"))


def _name_strength(left: str, lang: str, context) -> int:
    """0: not a plausible first word; 1: plausible; 2: a name the corpus or article uses."""
    form = cased_table(lang).get(left.lower())
    if _occurs(context, left) or (form and form.capitalised == left and form.capitalised_count >= 20):
        return 2
    if zipf(left, lang) >= FUNCTION_WORD_ZIPF:  # "Thesupermarkets": a sentence-initial function word
        return 2
    if is_known_name(left, lang) or known_anywhere(left, lang) >= 3.5:
        return 1
    return 0


# Closing marks glued to the next word, and opening marks glued to the previous one.
# ’ is never treated as a closing quote: it is the apostrophe of "don’t" and "l’homme".
_CLOSING = {"de": "“«", "default": "”»"}  # German ‘ is also an apostrophe ("St. Martin‘s")
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
    for m in re.finditer(rf"(?<=[^\W\d_][.,!?]|[^\W\d_]{{2}}|[^\W\d_][ \u00a0\u202f])([{closing}])(?=[^\W\d_])", text):
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
