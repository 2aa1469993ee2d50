"""Repair operations: what the bundled model says about a flagged span, and how that is applied.

The bundled model does not rewrite text freely. It reads a short window with the flagged
span marked and names the repair (``keep``, ``split``, ``drop``, ``comma``, ``thus he`` …);
this module applies it. Copying a window token by token is what a small seq2seq model
trained from scratch on two CPU cores could not learn in the time we had (measured: no
window copied exactly after 2,800 steps, 0.5-1 % after 4,000 with a copy curriculum), while
naming one of a dozen repairs it learns in a few hundred steps. The repair is then
verified like any other rewrite. A model that returns rewritten text instead of an
operation (``--model`` with a larger model) is used as a rewrite.

>>> apply_op("split", "the Armed ForcesThey have", 10, 20, "en")
'the Armed Forces They have'
>>> apply_op("drop", "the Armed ForcesThey have", 10, 20, "en")
'the Armed Forces have'
>>> apply_op("comma", "the Army In a message", 4, 11, "en")
'the Army, in a message'
>>> apply_op("thus he", "A) Yes, stressed the urgency", 0, 7, "en")
'Thus, he stressed the urgency'
"""

from __future__ import annotations

import re

#: Every operation the bundled model may name, with what it does to the span.
OPS = {
    "keep": "leave the span as it is",
    "split": "put back the space lost at a link boundary (ForcesThey → Forces They, Moscowwho → Moscow who)",
    "split lower": "split and lower-case the second word (saidThe → said the)",
    "drop": "split and drop the pronoun the translator inserted (ForcesThey have → Forces have)",
    "comma": "a comma lost and a capital gained at a link boundary (Army In a → Army, in a)",
    "lower": "a capital gained at a link boundary (Army In a → Army in a)",
    "capitalise": "a name left in lower case (kyiv → Kyiv)",
    "thus": "Spanish 'Así,' mistranslated (A) Yes, → Thus,)",
    "thus he": "A) Yes, stressed → Thus, he stressed", "thus she": "A) Yes, → Thus, she",
    "thus they": "A) Yes, → Thus, they", "thus we": "A) Yes, → Thus, we",
}

#: Verb forms that cannot follow each pronoun of the `thus …` repairs.
_SINGULAR_ONLY = ("is", "was", "has", "does")
_PLURAL_ONLY = ("are", "were", "have", "do")
#: Articles, possessives and prepositions of the supported languages: a comma never follows
#: them, so ``comma`` does not apply after one (``the Turning Point`` is not ``the, turning``).
NO_COMMA_AFTER = {lang: frozenset(words.split()) for lang, words in {
    "en": "the a an of to in on at for with by from into onto about his her its their our my your this these those "
          "between during among toward towards via despite without within upon",
    "es": "el la los las un una unos unas lo al del de en con por para sin sobre entre su sus mi tu "
          "según hacia hasta desde contra durante mediante tras",
    "fr": "le la les un une des du au aux à de en dans sur sous pour par avec sans chez ce cette ces son sa ses leur leurs "
          "selon vers contre depuis pendant malgré parmi envers",
    "de": "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim von mit für auf aus bei nach zu",
    "pt": "o a os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas com em de seu sua seus suas "
          "por sem sobre entre contra desde durante até",
    "it": "il lo la gli i le un uno una dei degli delle della dello nel nella nei negli nelle al alla ai agli alle dal "
          "dalla sul sulla di da in con per su tra fra verso contro durante senza presso",
}.items()}

_VERB_NUMBER = {"he": _PLURAL_ONLY, "she": _PLURAL_ONLY, "they": _SINGULAR_ONLY, "we": _SINGULAR_ONLY}

#: Adverbs between a dropped subject and its verb (``A) Yes, also see``).
_ADVERBS_BEFORE_A_VERB = frozenset("also then still now later already even only often never always just soon again "
                                   "usually rarely recently".split())
#: Verbs whose past is their present, and modals: no -s form tells their person.
_NO_PERSON_IN_FORM = frozenset("can could may might must shall should will would set put cut hit let read spread "
                               "cost hurt quit shut beat bet cast burst split".split())
#: A verb and its -s form, both at least this common (Zipf, English), tell its person: the bare
#: form a present that he or she cannot take (``see``/``sees``), the -s form one that they and we
#: cannot; past forms have no -s form (``made``, ``stressed``).
THIRD_PERSON_FORM_ZIPF = 3.0


def _present_of_person(following: str) -> str | None:
    """The person of the present verb that opens ``following`` (a clause whose subject was
    dropped), past any adverbs: ``third`` (``also sees``), ``plural`` (``also see``), or None
    (a past, a modal, not a verb the word list knows in both forms)."""
    from .rules.lexicon import zipf

    words = re.findall(r"[^\W\d_]+", following.split(",", 1)[0])
    verb = next((word for word in words if word not in _ADVERBS_BEFORE_A_VERB), None)
    if verb is None or not verb.islower() or verb in _NO_PERSON_IN_FORM or zipf(verb, "en") < THIRD_PERSON_FORM_ZIPF:
        return None
    if verb.endswith("s"):
        stems = [verb[:-1]] + ([verb[:-2]] if verb.endswith("es") else []) + (
            [verb[:-3] + "y"] if verb.endswith("ies") else [])
        known = not verb.endswith("ss") and any(zipf(stem, "en") >= THIRD_PERSON_FORM_ZIPF for stem in stems)
        return "third" if known else None
    third_person = verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else (
        verb + "es" if verb.endswith(("sh", "ch", "x", "o")) else verb + "s")
    return "plural" if zipf(third_person, "en") >= THIRD_PERSON_FORM_ZIPF else None


#: The words that refer back to each pronoun of the ``thus …`` repairs later in its sentence
#: (``A) Yes, would spend half of their time`` → ``Thus, they``).
_PRONOUN_ECHOES = {"he": frozenset({"his", "himself"}), "she": frozenset({"her", "hers", "herself"}),
                   "they": frozenset({"their", "theirs", "themselves"}),
                   "we": frozenset({"our", "ours", "ourselves", "us"})}


def echoed_pronoun(following: str) -> str | None:
    """The one pronoun of the ``thus …`` repairs that the rest of the sentence refers back to
    (``their time``, ``her husband``), or None where none or several are.

    >>> echoed_pronoun("is capable of holding up one finger as her husband encourages her."), echoed_pronoun("said his and their")
    ('she', None)
    """
    sentence = re.split(r"(?<=[.!?])\s", following, maxsplit=1)[0]
    words = {word.lower() for word in re.findall(r"[^\W\d_]+", sentence)}
    echoed = [pronoun for pronoun, echoes in _PRONOUN_ECHOES.items() if words & echoes]
    return echoed[0] if len(echoed) == 1 else None


#: English words a subject pronoun never comes before (articles, prepositions, possessives,
#: conjunctions): a pronoun glued between a name and one of these was inserted by the
#: translator (``the Department of HealthHe that`` → ``Health that``), never a clause's
#: subject to keep (``Health he that``).
NOT_AFTER_A_SUBJECT = {"en": NO_COMMA_AFTER["en"] | frozenset("and or nor but that which who whose than".split())}

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


def mark_span(text: str, start: int, end: int) -> str:
    """The window text with the flagged span between marks, as the model reads it.

    >>> mark_span("the Armed ForcesThey have", 10, 20)
    'the Armed ⟦ForcesThey⟧ have'
    """
    return f"{text[:start]}{MARK_OPEN}{text[start:end]}{MARK_CLOSE}{text[end:]}"


#: Subject pronouns (singular, plural) that MT glues after a linked entity: Spanish drops
#: the subject ("las Fuerzas Armadas han…"), the translator re-inserts one, and the link
#: boundary eats the space: "the Armed ForcesThey have". The simulator plants these, and
#: ``drop`` removes nothing else.
PRONOUNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("He", "She", "It"), ("They",)),
    "es": (("Él", "Ella"), ("Ellos", "Ellas")),
    "fr": (("Il", "Elle"), ("Ils", "Elles")),
    "de": (("Er", "Sie", "Es"), ("Sie",)),
    "pt": (("Ele", "Ela"), ("Eles", "Elas")),
    "it": (("Lui", "Lei", "Esso"), ("Loro", "Essi")),
}
_DROPPABLE = {lang: frozenset(singular + plural) for lang, (singular, plural) in PRONOUNS.items()}


def apply_op(op: str, text: str, start: int, end: int, lang: str, split_at: int | None = None) -> str | None:
    """``text`` with ``op`` applied to the span [start, end); None when it does not apply. A
    split goes at ``split_at`` (an offset in the span) where a rule said so, else at
    :func:`glue_point`."""
    span = text[start:end]
    if op == "keep":
        return text
    if op in ("split", "split lower", "drop"):
        point = split_at if split_at is not None and op != "drop" else glue_point(span, lang, by_frequency=(op != "drop"))
        if point is None:
            return None
        left, right = span[:point], span[point:]
        if op == "drop":
            if right not in _DROPPABLE.get(lang, ()):
                return None  # only an inserted pronoun goes ("foiLançado" keeps its verb)
            if re.match(r"['’]\w", text[end:]):
                return None  # "BulgariaIt's not": the pronoun carries its verb, and "Bulgaria's" is no repair
            return text[:start] + left + text[end:]
        if op == "split lower":
            if re.search(r"(?<!['’])[A-ZÀ-Þ]", right[1:]):
                # an acronym or a name with an inner capital (``onVOD``, ``doSTF``): "sTF" is no
                # word; but an elided article before a name lowers (``etD'Europe`` → ``et d'Europe``)
                return None
            right = right[:1].lower() + right[1:]
        return text[:start] + left + " " + right + text[end:]
    if op in ("comma", "lower"):
        from .rules.lexicon import GERMAN_SUBORDINATORS

        m = re.search(r"(\S+) ([A-ZÀ-Þ])(\S*)$", span)
        if m is None:
            return None
        # the word before, or the last of a glued run there, split by its own span (``RispettoDella Legge``)
        before = re.sub(r"^.*[^\W\d_](?=[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ])", "", m.group(1))
        if (op == "comma" and before.lower() in NO_COMMA_AFTER.get(lang, ())
                and not (lang == "de" and f"{m.group(2)}{m.group(3)}".lower() in GERMAN_SUBORDINATORS)):
            # "the, turning Point": an article or a preposition never ends a clause; but a
            # German separable verb's particle does, before a subordinate clause ("so aus, dass")
            return None
        if lang == "en" and f"{m.group(2)}{m.group(3)}" in ("A", "An"):
            from .rules.merge import article_fits

            if not article_fits(m.group(2).lower() + m.group(3), text, end):
                return None  # "the Serie A against": "a against" is no article before its noun
        joiner = ", " if op == "comma" and not m.group(1).endswith(",") else " "
        fixed = f"{m.group(1)}{joiner}{m.group(2).lower()}{m.group(3)}"
        return text[:start] + span[: m.start()] + fixed + text[end:]
    if op == "capitalise":
        if not span[:1].islower() or any(c.isupper() for c in span):
            return None  # a lower-cased name, not a glue ("canAlso")
        return text[:start] + span[0].upper() + span[1:] + text[end:]
    if op == "thus" or op.startswith("thus "):
        if not span.startswith("A) Yes,"):
            return None
        pronoun = op[5:]
        following = text[start + len("A) Yes,") :].lstrip()
        if pronoun and following[:1].isupper():
            return None  # the subject is there ("A) Yes, President Zelensky stressed"): only "Thus,"
        if following.split(" ", 1)[0] in _VERB_NUMBER.get(pronoun, ()):
            return None  # "Thus, he are seeing": the verb does not agree with that pronoun
        if pronoun in ("he", "she") and _present_of_person(following) == "plural":
            return None  # "Thus, he also see": a verb without the -s of the third person
        if pronoun in ("they", "we") and _present_of_person(following) == "third":
            return None  # "Thus, they goes on"
        replacement = "Thus," + (f" {pronoun}" if pronoun else "")
        return text[:start] + replacement + span[len("A) Yes,"):] + text[end:]
    return None


def glue_point(span: str, lang: str, by_frequency: bool = True) -> int | None:
    """Where the space was lost inside a glued span: after a closing quote, at a lower→upper
    change, or (a name glued to a word, a word no list knows) where word frequencies say.
    An inserted pronoun always starts with a capital, so ``drop`` uses only the first two."""
    m = re.search(r"[”»“)](?=\w)", span)
    if m:
        return m.end()
    from .rules.merge import pronoun_after_mixed_case

    if glued := pronoun_after_mixed_case(span):
        return len(glued[0])  # ``GfKElla``: the pronoun, not the name's own capital
    m = re.search(r"(?<=[^\W\d_A-ZÀ-Þ])[A-ZÀ-Þ]", span)  # the first lower→upper change: ``CDsIt`` after ``CDs``
    if m:
        return m.start()
    from .rules.lexicon import known_anywhere
    from .rules.merge import candidate_split, lower_glue_split

    run = re.search(r"[^\W\d_]+", span)
    if by_frequency and run and known_anywhere(run.group(0), lang) == 0:
        # Two lower-case words: both must be words. A capitalised run: a name (any first
        # part) glued to a word.
        split = (lower_glue_split if run.group(0).islower() else candidate_split)(run.group(0), lang)
        if split:
            return run.start() + len(split[0])
    return None


def parse_op(output: str) -> str | None:
    """The operation a model output names, or None when it is free text."""
    op = output.strip().lower()
    return op if op in OPS else None
