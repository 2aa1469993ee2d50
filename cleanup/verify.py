"""The no-harm checks every edit passes before it is applied.

Rules: no digit changes; no line break is added or removed; and unless the rule is allowed
to rewrite words (phrase table, mojibake, doubled words), the letters stay the same apart
from their case and the spaces between them.

Model proposals must also: keep the names (capitalised words) of the window, stay within
the suspicious span, and score at least ``Config.min_model_score``.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass

from .article import Edit

# Numbers as written, separators included: "2,400" → "24,00" changes a number, not its digits.
_DIGITS = re.compile(r"\d(?:[\d.,:/\u00a0\u202f]*\d)?")
_NAME = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]*")


def check_rule_edit(edit: Edit, allow_word_change: bool = False, allow_comma: bool = False) -> str | None:
    """Why ``edit`` would do harm, or None when it is safe.

    >>> e = Edit(0, 0, 10, "ForcesThey", "Forces They", "merge.case_boundary", "rule", "", 1.0)
    >>> check_rule_edit(e) is None
    True
    >>> check_rule_edit(Edit(0, 0, 4, "2021", "2012", "x.y", "rule", "", 1.0))
    'changes a digit'
    """
    if _digits(edit.before) != _digits(edit.after):
        return "changes a digit"
    if edit.before.count("\n") != edit.after.count("\n"):
        return "adds or removes a line break"
    if not allow_word_change:
        before, after = _letters(edit.before), _letters(edit.after)
        if allow_comma:  # a lost comma put back (``However, the``)
            before, after = before.replace(",", ""), after.replace(",", "")
        if before != after:
            return "changes letters, not just case and spacing"
    return None


@dataclass(frozen=True)
class Proposal:
    """A model's rewrite of one window of one block, before verification."""

    block: int
    window_start: int
    window_end: int
    span_start: int  # the suspicious span inside the block, which the rewrite must stay near
    span_end: int
    before: str
    after: str
    score: float  # mean token log-probability of ``after``
    #: the block's language: a name is a word *its* corpus mostly capitalises ("Job" is a
    #: German noun, not an English name); None: any supported language's
    lang: str | None = None


def check_model_proposal(proposal: Proposal, min_score: float, named_repair: bool = False) -> str | None:
    """Why a model rewrite must be rejected, or None when it may be applied. A
    ``named_repair`` (an operation of :mod:`cleanup.ops`, applied by cleanup itself) is not
    held to the similarity bound, which guards free rewrites: in a short window the
    `A) Yes,` → `Thus, he` repair alone falls below it.

    >>> p = Proposal(0, 0, 22, 10, 15, "said that 2,400 people", "said that 2,300 people", -0.1)
    >>> check_model_proposal(p, -0.5)
    'changes a digit'
    >>> check_model_proposal(Proposal(0, 0, 17, 4, 10, "the theMHP said", "the the mHP said", -0.1), -0.5)
    'lower-cases a name or an acronym'
    """
    before, after = proposal.before, proposal.after
    if _digits(before) != _digits(after):
        return "changes a digit"
    if before.count("\n") != after.count("\n") or "\n" in after:
        return "adds or removes a line break"
    if min_score == math.inf:
        return "the model is not trusted with this kind of repair (no score threshold met the tuning rule)"
    if proposal.score < min_score:
        return f"scores {proposal.score:.2f}, below the threshold {min_score:.2f}"
    if _names_changed(before, after, proposal.lang):
        return "adds or drops a name"
    if _name_lowered(before, after, proposal.lang):
        return "lower-cases a name or an acronym"
    span = before[proposal.span_start - proposal.window_start : proposal.span_end - proposal.window_start]
    removed, added = _quotes(before) - _quotes(after), _quotes(after) - _quotes(before)
    if added or removed - _quotes(span):  # only the artifact's own bracket may go: "A) Yes,"
        return "changes quotation marks or brackets"
    # The rewrite must stay within the suspicious span (give or take the words it touches).
    prefix = common_prefix(before, after)
    suffix = common_suffix(before[prefix:], after[prefix:])
    changed_start, changed_end = proposal.window_start + prefix, proposal.window_end - suffix
    if changed_start < proposal.span_start - SPAN_SLACK or changed_end > proposal.span_end + SPAN_SLACK:
        return "rewrites outside the suspicious span"
    if not named_repair and difflib.SequenceMatcher(None, before, after, autojunk=False).ratio() < MIN_SIMILARITY:
        return "rewrites too much of the window"
    return None


#: Characters a rewrite may reach beyond the suspicious span (a comma before it, a space).
SPAN_SLACK = 3
#: A repair changes a spot, not the window: below this similarity it is a rewrite.
MIN_SIMILARITY = 0.75


def _digits(text: str) -> list[str]:
    return _DIGITS.findall(text)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if not c.isspace())


def _names_changed(before: str, after: str, lang: str | None = None) -> bool:
    """A name of one side whose letters are missing from the other: re-casing ("kyiv" →
    "Kyiv") and re-spacing ("Fastowpleaded" → "Fastow pleaded") keep every name."""
    squeeze = lambda text: "".join(text.casefold().split())  # noqa: E731
    b, a = squeeze(before), squeeze(after)
    return (any(n.casefold() not in b for n in _names(after, lang))
            or any(n.casefold() not in a for n in _names(before, lang)))


def _name_lowered(before: str, after: str, lang: str | None = None) -> bool:
    """A name (or the head of an acronym: ``theMHP`` → ``the mHP``) that lost its capital; a
    capitalised word after a title is a name, whatever else it may be (``Herr Gleicher``)."""
    if re.search(r"(?<![^\W\d_])[a-zß-ÿ][A-ZÀ-Þ]", after) and not re.search(r"(?<![^\W\d_])[a-zß-ÿ][A-ZÀ-Þ]", before):
        return True
    lowered = Counter(_names(before, lang)) - Counter(_names(after, lang))
    lowered += Counter(_names_after_titles(before, lang)) - Counter(_names_after_titles(after, lang))
    return any(re.search(rf"(?<![^\W\d_]){re.escape(name[0].lower() + name[1:])}", after) for name in lowered)


#: Words of address before a name, besides the abbreviated titles (``lexicon.TITLES``). Not
#: after an article or a determiner, where ``Frau`` and ``Don`` are nouns or names themselves
#: (``die Frau Sagte``).
_WORDS_OF_ADDRESS = frozenset("Mr Mrs Ms Miss Sir Herr Frau Señor Señora Don Doña Monsieur Madame Mademoiselle "
                              "Senhor Senhora Dona Signor Signora".split())
_WORD_AND_STOP = re.compile(r"([^\W\d_]+)(\.?)")


def _names_after_titles(text: str, lang: str | None = None) -> list[str]:
    """The capitalised words right after a title or a word of address (``Herr Gleicher``,
    ``Mrs Dalloway``, ``Sra. Clinton``), which are names even where they are common words too."""
    from .rules.lexicon import DETERMINERS, is_title

    determiners = DETERMINERS.get(lang or "", frozenset()) | DETERMINERS["en"]
    words = list(_WORD_AND_STOP.finditer(text))
    names = []
    for k, (title, word) in enumerate(zip(words, words[1:])):
        if text[title.end():word.start()] != " " or not (word.group(1)[:1].isupper() and word.group(1)[1:].islower()):
            continue
        if not (is_title(title.group(1), lang or "en") or title.group(1) in _WORDS_OF_ADDRESS and not title.group(2)):
            continue
        if k and words[k - 1].group(1).lower() in determiners:
            continue
        names.append(word.group(1))
    return names


def _names(text: str, lang: str | None = None) -> Counter:
    """Proper names in ``text``: capitalised words ("ForcesThey" counts as "Forces" and
    "They") that the corpus mostly writes capitalised, or that no word list knows."""
    tokens = re.findall(r"[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]+", text)
    return Counter(t for t in tokens if _is_name(t, lang))


def _is_name(word: str, lang: str | None = None) -> bool:
    from .config import SUPPORTED_LANGUAGES
    from .rules.lexicon import known_anywhere, mostly_capitalised

    casing_langs = (lang,) if lang in SUPPORTED_LANGUAGES else SUPPORTED_LANGUAGES
    if any(mostly_capitalised(word, other) for other in casing_langs):
        return True
    if word.lower().endswith(_COMMON_WORD_ENDINGS.get(lang, ())):
        return False  # an adverb or an abstract noun by its ending (``Ilicitamente``), though rare
    return all(known_anywhere(word, other) == 0 for other in SUPPORTED_LANGUAGES) or (
        lang in SUPPORTED_LANGUAGES and _rare_and_never_lower_case(word, lang))


#: Endings of adverbs and abstract nouns that no name the corpora capitalise has in its language
#: (``acrescidosIlicitamente`` → ``acrescidos ilicitamente``): a rare word or one no list knows
#: that ends so is a common word, not a name to keep capitalised. So are the plural and imperfect
#: endings of verbs (``NoiAbbreviavamo`` → ``Noi abbreviavamo``; a name the corpora capitalise,
#: ``Aaron``, is a name before any ending is looked at).
_COMMON_WORD_ENDINGS = {"es": ("mente", "ciones", "idades", "aron", "ieron", "aban", "ábamos", "íamos"),
                        "pt": ("mente", "ções", "idades", "aram", "eram", "iram", "avam", "ávamos", "íamos"),
                        "it": ("mente", "zioni", "arono", "erono", "irono", "avano", "evano", "avamo", "evamo", "ivamo")}


#: A capitalised word rarer than this that its language's corpus never writes in lower case
#: is a name (``emGuernica``: 2.3), though wordfreq, which folds case, knows it. Not higher:
#: rare common words the corpus lacks come next (``haveNested``: 3.0, ``ofPersuasion``: 3.3,
#: but also ``oItamaraty``: 3.3).
RARE_NAME_ZIPF = 2.5


def _rare_and_never_lower_case(word: str, lang: str) -> bool:
    from .rules.lexicon import cased_table, written_lower_case, zipf

    lower = word.lower()
    return zipf(lower, lang) < RARE_NAME_ZIPF and lower not in cased_table(lang) and not written_lower_case(word, lang)


def _quotes(text: str) -> Counter:
    return Counter(c for c in text if c in "\"“”«»„‚‘()[]")


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n
