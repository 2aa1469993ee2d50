"""Artifact simulator: turns clean sentences into the damage a machine-translated web page shows.

Each corruption is a named function ``(text, lang, rng) -> Corruption | None`` (None when it
does not apply to that text). A :class:`Corruption` is one replacement in the clean text; the
detector-visible span around it is widened with :func:`cleanup.windows.widen` on the corrupted
text, exactly as at inference, and the target is the clean text of the same words.

About half of the examples are deliberately CLEAN (kind ``clean``): a span a detector would
plausibly flag (a capital mid-sentence, a camel-case brand, a word after a comma…) whose
target equals its input, so the model learns to leave correct text alone.

>>> c = glue("Officials in Moscow who spoke", "en", random.Random(0))
>>> c.kind, c.corrupted
('glue', 'Officials in Moscowwho spoke')
>>> ex = make_example("en", c)
>>> ex.source, ex.target
('<en> Officials in Moscowwho spoke', 'Officials in Moscow who spoke')
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from cleanup.ops import PRONOUNS
from cleanup.windows import model_input, widen

_TOKEN = re.compile(r"\S+")

#: Frequent finite verbs: a pronoun is most often inserted right before one of them.
VERBS: dict[str, frozenset[str]] = {
    "en": frozenset("is are was were has have had said says will would can could did does told added announced reported stated".split()),
    "es": frozenset("es son fue fueron ha han había dijo dice afirmó señaló será está están tiene tienen anunció aseguró".split()),
    "fr": frozenset("est sont a ont était étaient sera dit fait avait avaient peut doit va".split()),
    "de": frozenset("ist sind war waren hat haben hatte sagte sagten wird werden kann soll will".split()),
    "pt": frozenset("é são foi foram tem têm disse afirmou está estão será vai pode".split()),
    "it": frozenset("è sono era erano ha hanno aveva disse sarà può deve".split()),
}

#: Lower-case subject pronouns of English that ``phrase`` may drop after "Thus,".
_EN_SUBJECTS = frozenset({"he", "she", "they", "we", "it"})

#: Punctuation that must follow a word without a space. French spaces ; : ! ? by rule,
#: so only , and . count there.
_TIGHT_PUNCT = {"fr": ",."}
_DEFAULT_TIGHT_PUNCT = ",.;:!?"
_SENTENCE_STOPS = ".!?"
#: Closing quotes per language. Apostrophes only count in English: in fr/it/pt/es a "'"
#: ends an elided article ("l'augmentation"), and gluing it would teach the model to
#: split "l'Europe" into "l' Europe".
_CLOSING_QUOTES = {"en": "”\"»’'", "de": "“\"«"}
_DEFAULT_CLOSING_QUOTES = "”\"»"


@dataclass(frozen=True)
class Corruption:
    """One replacement of ``clean[start:end]`` by ``replacement``; identity for kind ``clean``."""

    kind: str
    clean: str
    start: int
    end: int
    replacement: str

    @property
    def corrupted(self) -> str:
        return self.clean[: self.start] + self.replacement + self.clean[self.end :]


@dataclass(frozen=True)
class Example:
    """One training pair: ``source`` = ``model_input(lang, corrupted window)``, ``target`` = clean window."""

    lang: str
    source: str
    target: str
    kind: str

    @property
    def is_clean(self) -> bool:
        return self.kind == "clean"


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _is_capitalised(word: str) -> bool:
    """'Kyiv', 'Armed' — an upper-case first letter followed by lower-case ones."""
    return len(word) > 1 and word[0].isupper() and word[0].isalpha() and any(c.islower() for c in word[1:])


def _starts_sentence(tokens: list[_Token], i: int) -> bool:
    """True where a capital is expected: the first word, or after . ! ? : or an opening quote."""
    if i == 0:
        return True
    prev = tokens[i - 1].text
    return prev[-1] in _SENTENCE_STOPS + ":" or prev[-1] in "“„«\"'‘(–—-" or not any(c.isalnum() for c in prev)


def _single_space(text: str, left: _Token, right: _Token) -> bool:
    return text[left.end : right.start] == " "


def _pick(rng: random.Random, weighted: list[tuple[float, object]]):
    if not weighted:
        return None
    weights = [w for w, _ in weighted]
    return rng.choices([c for _, c in weighted], weights=weights)[0]


def _looks_plural(word: str, lang: str) -> bool:
    """Rough plural test on a noun's ending; good enough to prefer They over He."""
    w = word.lower()
    if lang in ("en", "es", "fr", "pt"):
        return w.endswith("s") and not w.endswith("ss") and len(w) > 3
    if lang == "it":
        return w.endswith("i")
    return False  # de: "Sie" serves both numbers, chosen at random below


def glue(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """Two words glued at a link boundary, half the time with a capital on the second word.

    "Moscow who" → "Moscowwho", "said the" → "saidThe". Mostly after a capitalised word,
    because links are usually names.
    """
    tokens = _tokens(text)
    candidates = []
    for a, b in zip(tokens, tokens[1:]):
        if a.text[-1].isalpha() and b.text[0].isalpha() and _single_space(text, a, b):
            candidates.append((4.0 if _is_capitalised(a.text) else 1.0, (a, b)))
    pair = _pick(rng, candidates)
    if pair is None:
        return None
    a, b = pair
    first = b.text[0]
    if first.islower() and rng.random() < 0.5:
        first = first.upper()
    return Corruption("glue", text, a.end, b.start + 1, first)


def pronoun(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A subject pronoun glued after a capitalised word, before a (preferably) verb.

    "the Armed Forces have" → "the Armed ForcesThey have"; plural pronoun after a
    plural-looking noun.
    """
    tokens = _tokens(text)
    verbs = VERBS.get(lang, frozenset())
    candidates = []
    for i in range(1, len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if _starts_sentence(tokens, i):
            continue  # "Según", "Contrairement": sentence openers are not linked entities
        if _is_capitalised(a.text) and a.text.isalpha() and b.text[0].islower() and b.text[0].isalpha():
            candidates.append((5.0 if b.text.strip(",.;:") in verbs else 1.0, a))
    a = _pick(rng, candidates)
    if a is None:
        return None
    singular, plural = PRONOUNS[lang]
    options = plural if _looks_plural(a.text, lang) else singular
    return Corruption("pronoun", text, a.end, a.end, rng.choice(options))


def comma_capital(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A comma lost and a capital gained at a link boundary ("Army, in a" → "Army In a"),
    or just a capital gained after a capitalised word ("Army in a" → "Army In a")."""
    tokens = _tokens(text)
    with_comma, without_comma = [], []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if not (b.text[0].isalpha() and b.text[0].islower() and _single_space(text, a, b)):
            continue
        if a.text.endswith(",") and len(a.text) > 1 and a.text[-2].isalpha():
            with_comma.append((4.0 if _is_capitalised(a.text) else 1.0, (a, b)))
        elif i > 0 and _is_capitalised(a.text) and a.text.isalpha():
            without_comma.append((1.0, (a, b)))
    if with_comma and (not without_comma or rng.random() < 0.5):
        a, b = _pick(rng, with_comma)
        return Corruption("comma_capital", text, a.end - 1, b.start + 1, " " + b.text[0].upper())
    pair = _pick(rng, without_comma)
    if pair is None:
        return None
    _, b = pair
    return Corruption("comma_capital", text, b.start, b.start + 1, b.text[0].upper())


def phrase(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """Sentence-initial Spanish "Así," mistranslated as "A) Yes," with the subject dropped.

    "Thus, he stressed" → "A) Yes, stressed"; "Thus, the" → "A) Yes, the". A sentence that
    starts with a subject pronoun is turned into its "Thus, he …" form first, because the
    corpus has few sentences that start with "Thus,".

    English only, on purpose: "A) Yes," is an artifact observed in Spanish→English pages
    (the translator splits "Así" into "A sí"). We have no observed analogue for the other
    target languages, and inventing "A) Oui," or "A) Ja," would teach the model to rewrite
    genuine "A)" list items there.
    """
    if lang != "en":
        return None
    tokens = _tokens(text)
    if len(tokens) < 3:
        return None
    if tokens[0].text == "Thus,":
        if tokens[1].text in _EN_SUBJECTS and tokens[2].text[0].islower():
            return Corruption("phrase", text, 0, tokens[1].end, "A) Yes,")
        return Corruption("phrase", text, 0, tokens[0].end, "A) Yes,")
    first, second = tokens[0].text, tokens[1].text
    if first.lower() in _EN_SUBJECTS and first != "It" and second.isalpha() and second.islower():
        clean = "Thus, " + first.lower() + text[tokens[0].end :]
        return Corruption("phrase", clean, 0, len("Thus, ") + len(first), "A) Yes,")
    return None


def lowercase_name(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A capitalised word mid-sentence lower-cased ("in Kyiv" → "in kyiv")."""
    tokens = _tokens(text)
    candidates = []
    for i, t in enumerate(tokens):
        core = t.text.rstrip(",.;:!?”’\"»)")
        if not _starts_sentence(tokens, i) and _is_capitalised(core) and core.isalpha() and len(core) >= 3:
            candidates.append((1.0, t))
    t = _pick(rng, candidates)
    if t is None:
        return None
    return Corruption("lowercase_name", text, t.start, t.start + 1, t.text[0].lower())


def punct_space(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A space inserted before , . ; : ! ? ("said, the" → "said , the"), or removed after a
    sentence stop ("said. The" → "said.The"). French spaces ; : ! ? normally: never those."""
    tight = _TIGHT_PUNCT.get(lang, _DEFAULT_TIGHT_PUNCT)
    tokens = _tokens(text)
    before, after = [], []
    for i, t in enumerate(tokens):
        w = t.text
        if len(w) > 1 and w[-1] in tight and w[-2].isalpha() and w.count(".") <= (1 if w[-1] == "." else 0):
            before.append((1.0, t))
        if i + 1 < len(tokens) and w[-1] in _SENTENCE_STOPS and len(w) > 1:
            nxt = tokens[i + 1]
            if nxt.text[0].isupper() and _single_space(text, t, nxt):
                after.append((1.0, t))
    if after and (not before or rng.random() < 0.5):
        t = _pick(rng, after)
        return Corruption("punct_space", text, t.end, t.end + 1, "")
    t = _pick(rng, before)
    if t is None:
        return None
    return Corruption("punct_space", text, t.end - 1, t.end - 1, " ")


def quote_glue(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A closing quote glued to the next word ("possible” to" → "possible”to")."""
    closing = _CLOSING_QUOTES.get(lang, _DEFAULT_CLOSING_QUOTES)
    tokens = _tokens(text)
    candidates = []
    for a, b in zip(tokens, tokens[1:]):
        quote_ends = a.text[-1] in closing and (len(a.text) > 1 or lang == "fr")
        if a.text[-1] in "’'" and len(a.text) < 4:
            continue  # "I'", "d'": an elision, not a quote
        if quote_ends and b.text[0].isalnum() and _single_space(text, a, b):
            if a.text[-1] == '"' and text.count('"', 0, a.end) % 2 == 1:
                continue  # an opening straight quote
            candidates.append((1.0, a))
    a = _pick(rng, candidates)
    if a is None:
        return None
    return Corruption("quote_glue", text, a.end, a.end + 1, "")


def clean_span(text: str, lang: str, rng: random.Random) -> Corruption | None:
    """A correct span a detector would plausibly flag, left unchanged (kind ``clean``).

    Preferred: a capital mid-sentence ("the President said"), a camel-case brand
    ("YouTube", "iPhone"), a word after a comma, a word after a sentence stop or a closing
    quote, a spaced French ";"; otherwise any word.
    """
    tokens = _tokens(text)
    if not tokens:
        return None
    candidates = []
    for i, t in enumerate(tokens):
        w = t.text
        if re.search(r"[a-z][A-Z]", w):
            candidates.append((6.0, (t, t)))
        elif i > 0 and _is_capitalised(w.rstrip(",.;:!?")):
            candidates.append((4.0 if not _starts_sentence(tokens, i) else 1.5, (t, t)))
        if i > 0 and tokens[i - 1].text[-1] in ",”\"»’;:" and w[0].isalpha():
            candidates.append((2.0, (tokens[i - 1], t)))
        if i > 0 and tokens[i - 1].text[-1] in _SENTENCE_STOPS:
            candidates.append((2.0, (tokens[i - 1], t)))
        if lang == "fr" and w in (";", ":", "!", "?", "»"):
            candidates.append((2.0, (tokens[i - 1] if i else t, t)))
        candidates.append((0.3, (t, t)))
    first, last = _pick(rng, candidates)
    return Corruption("clean", text, first.start, last.end, text[first.start : last.end])


#: The corruptions by name, with how often each is tried relative to the others.
CORRUPTIONS: dict[str, tuple[Callable[[str, str, random.Random], Corruption | None], float]] = {
    "glue": (glue, 3.0),
    "pronoun": (pronoun, 2.0),
    "comma_capital": (comma_capital, 2.0),
    "phrase": (phrase, 1.0),
    "lowercase_name": (lowercase_name, 2.0),
    "punct_space": (punct_space, 2.0),
    "quote_glue": (quote_glue, 2.0),
}


def make_example(lang: str, corruption: Corruption) -> Example:
    """The model's training pair for one corruption: windows widened on the corrupted text."""
    corrupted = corruption.corrupted
    edit_start = corruption.start
    edit_end = corruption.start + len(corruption.replacement)
    # The flagged span: the whole whitespace-delimited word(s) touched by the replacement.
    span_start, span_end = edit_start, edit_end
    while span_start > 0 and not corrupted[span_start - 1].isspace():
        span_start -= 1
    while span_end < len(corrupted) and not corrupted[span_end].isspace():
        span_end += 1
    window_start, window_end = widen(corrupted, span_start, max(span_end, span_start + 1))
    shift = (corruption.end - corruption.start) - len(corruption.replacement)
    target = corruption.clean[window_start : window_end + shift]
    return Example(lang, model_input(lang, corrupted[window_start:window_end]), target, corruption.kind)


def simulate(
    lines: Iterable[str],
    lang: str,
    seed: int,
    clean_share: float = 0.45,
    join_share: float = 0.25,
) -> Iterator[Example]:
    """Examples from consecutive lines, deterministic for a given seed.

    A share of units joins two consecutive lines into one paragraph, so that sentence
    boundaries ("said. The") occur. Units where the drawn corruptions do not apply are
    skipped; a unit is made clean whenever the clean share so far is below ``clean_share``,
    so at least that share of the output is clean, for any number of lines.
    """
    rng = random.Random(f"{seed}:{lang}")
    names = list(CORRUPTIONS)
    weights = [CORRUPTIONS[n][1] for n in names]
    lines = list(lines)
    produced = clean_count = 0
    for i, line in enumerate(lines):
        unit = line
        if i + 1 < len(lines) and rng.random() < join_share:
            unit = f"{line} {lines[i + 1]}"
        if clean_count < clean_share * (produced + 1):
            # A quota rather than a coin: the clean share holds for any number of lines.
            corruption = clean_span(unit, lang, rng)
        else:
            corruption = None
            remaining_names, remaining_weights = names[:], weights[:]
            for _ in range(2):  # a second draw when the first kind does not apply
                name = rng.choices(remaining_names, weights=remaining_weights)[0]
                k = remaining_names.index(name)
                del remaining_names[k], remaining_weights[k]
                corruption = CORRUPTIONS[name][0](unit, lang, rng)
                if corruption is not None:
                    break
        if corruption is not None:
            produced += 1
            clean_count += corruption.kind == "clean"
            yield make_example(lang, corruption)
