"""Finding suspicious spans without changing anything: the spans the model is asked to
rewrite (``--model-scope flagged``) and the artifacts ``cleanup detect`` lists.

A span is suspicious when a rule would repair it (glued words, phrase artifacts) or when
it shows a trace of a link boundary that only a reader of the sentence can repair: a
capitalised function word in mid-sentence (``the Army In a message``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .rules import casing, merge, phrases
from .rules.casing import title_case_line
from .rules.merge import GERMAN_ZU_INFINITIVE, SUBJECT_PRONOUNS
from .rules.context import protected_spans
from .config import SUPPORTED_LANGUAGES
from .ops import NO_COMMA_AFTER
from .rules.lexicon import (ARTICLES, CONJUNCTIONS, DETERMINERS, GERMAN_CONTRACTIONS, GERMAN_SUBORDINATORS, cased_table,
                            known_anywhere, mostly_capitalised, name_elsewhere, written_lower_case, zipf)

#: A capitalised word this common in its lower-case form is a function word, not a name.
FUNCTION_WORD_ZIPF = 5.6


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    rule: str
    reason: str
    #: Where the merge rule that flagged the span puts the lost space (offset in the span), so
    #: that the model's split is the rule's (``IAnswered`` → ``I|Answered``)
    split_at: int | None = None


def _split_at(before: str, after: str) -> int | None:
    """Where ``after`` puts a space into ``before`` (case aside), if that is all it does."""
    at = after.find(" ")
    if 0 < at < len(after) - 1 and (after[:at] + after[at + 1:]).lower() == before.lower():
        return at
    return None


#: Prepositions (and their contractions with an article) that the es, fr, pt and it corpora
#: never capitalise in mid-sentence after a capitalised word, not even inside a name or a
#: title (Portuguese ``do`` 576 times in lower case there, never capitalised; ``para`` 225:0).
#: Capitalised there, one is a link's trace, kept by no name: the model chooses only between
#: a comma and lower case (``Clementino Aos 38 minutos``, ``Córdoba Até 1947``). Not those
#: that open names: ``de``, ``di``, ``da`` (``De Niro``, ``Di Domenico``), ``del``, ``della``,
#: ``dal`` (``Del Toro``), Spanish ``el``, ``la``, nor ``em``, ``sem``, ``sobre``, ``avec``,
#: which the corpora capitalise in names of organisations (``Médicos Sem Fronteiras``), nor
#: ``entre`` (``Entre Ríos``) or ``al`` (``Al Qaeda``, ``Al Pacino``). Only after a
#: capitalised word, not the sentence's first: after any other a title may start (``editou
#: Aos Olhos de Deus``, ``C'est Au Bonheur du Jour``).
_PREPOSITIONS_OPENING_NO_NAME = {lang: frozenset(words.split()) for lang, words in {
    "pt": "do dos das ao aos até pelo pela pelos pelas no nos nas com para",
    "es": "en con por para sin desde hasta",
    "fr": "du des dans pour sur sous par chez sans vers au aux",
    "it": "dei degli delle nel nella per con su tra fra alla"}.items()}

#: English prepositions and ``and``, capitalised in titles (``Lord Of The Rings``, ``Need For
#: Speed``, ``Dancing On Ice``), but not after a name: of the 136,303 English corpus lines,
#: none has one capitalised in mid-sentence after a word the corpus capitalises 5 times or more
#: and never writes in lower case (``Slovenia On Sunday``, ``Bournemouth And Watford``),
#: outside headlines; ``The`` two (``Philippe The Original``), so not ``the``.
_ENGLISH_PREPOSITIONS = frozenset("on at from and in of for with by to".split())
NAME_BEFORE_PREPOSITION_COUNT = 5


def _preposition_after_a_name(text: str, prev_start: int, prev_end: int, word: str, lang: str) -> bool:
    """Whether ``word``, capitalised after the word at ``text[prev_start:prev_end]``, is a
    preposition no name or title goes on with there (``_PREPOSITIONS_OPENING_NO_NAME``,
    ``_ENGLISH_PREPOSITIONS``): not after the sentence's first word, nor in a headline."""
    previous = text[prev_start:prev_end]
    if not previous[:1].isupper() or previous.isupper() or merge.sentence_start(text, prev_start):
        return False
    if lang == "en":
        if not (word.lower() in _ENGLISH_PREPOSITIONS and merge.famous(previous, lang, NAME_BEFORE_PREPOSITION_COUNT)):
            return False
    elif word.lower() not in _PREPOSITIONS_OPENING_NO_NAME.get(lang, ()):
        return False
    return not title_case_line(text, prev_start)


#: Words of time after which a capitalised article opens the next clause, where a link's
#: segment began and a comma went with it (``Na quarta-feira O São Paulo tomou``, ``Um dia O
#: Humberto``, ``On February 10th The Ministry``): no title or name follows such a word in the
#: corpora (of their lines, one English one has a capitalised article after one in mid-sentence:
#: ``this year The Rocket``), unlike ``o jornal O Globo``, ``o livro O Príncipe``. The model
#: chooses between a comma and lower case.
_TIME_WORDS = {lang: frozenset(words.split()) for lang, words in {
    "en": "day week month year morning afternoon evening night today yesterday tomorrow Monday Tuesday "
          "Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
          "September October November December",
    "pt": "dia semana mês ano manhã tarde noite domingo sábado segunda-feira terça-feira quarta-feira "
          "quinta-feira sexta-feira janeiro fevereiro março abril maio junho julho agosto setembro outubro "
          "novembro dezembro",
    "es": "día semana mes año mañana tarde noche lunes martes miércoles jueves viernes sábado domingo enero "
          "febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "jour semaine mois an année matin soir nuit lundi mardi mercredi jeudi vendredi samedi dimanche "
          "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "giorno settimana mese anno mattina sera notte lunedì martedì mercoledì giovedì venerdì sabato "
          "domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}.items()}
_CAPITALISED_ARTICLES = {lang: frozenset(words.split()) for lang, words in {
    "en": "The A An", "pt": "O A Os As", "es": "El La Los Las", "fr": "Le La Les", "it": "Il Lo La I Gli Le"}.items()}


#: An English date's day (``On February 10th The Ministry``).
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _article_after_a_time_word(previous: str, word: str, lang: str) -> bool:
    """Whether ``word`` is a capitalised article right after a word of time (``_TIME_WORDS``)."""
    time_word = previous in _TIME_WORDS.get(lang, ()) or lang == "en" and _ORDINAL.fullmatch(previous)
    return bool(time_word) and word in _CAPITALISED_ARTICLES[lang]


def _lower_in_titles(word: str, lang: str) -> bool:
    """Whether title case writes ``word`` in lower case: an article, a conjunction or a
    preposition (``"One Belt And One Road"`` is a link's trace; ``Running Out of Time`` is not)."""
    lower = word.lower()
    return (lower in ARTICLES.get(lang, ()) or lower in CONJUNCTIONS
            or lower in NO_COMMA_AFTER.get(lang, ()) and lower not in DETERMINERS.get(lang, ()))


def _after_a_dateline(text: str, word_start: int, lang: str) -> bool:
    """Whether the word at ``word_start`` opens its line and names a place, as a dateline does
    (``Berlin Der Chef``, ``WASHINGTON The``): the capital after it opens the story's first sentence."""
    if word_start != text.rfind("\n", 0, word_start) + 1:
        return False
    first = re.match(r"[^\W\d_]+", text[word_start:])
    word = first.group(0) if first else ""
    return word[:1].isupper() and (word.isupper() or mostly_capitalised(word, lang))


def _after_a_lower_case_word(text: str, start: int) -> bool:
    """Whether a lower-case word or a determiner stands right before ``start`` (``von tieren``,
    ``Die tschechen``): where a German noun goes. A verb the corpus capitalises only as a noun
    follows a pronoun (``Sie stütze sich``), a comma (``gilt, ernte Mandela``) or ends its clause
    after a noun (``die lauten Kollegen ausreden!``)."""
    before = re.search(r"(?<![^\W\d_])([^\W\d_]+) $", text[:start])
    return before is not None and (before.group(1).islower() or before.group(1).lower() in DETERMINERS["de"])


def suspicious_spans(text: str, lang: str, context=None, hints: bool = False, glue_hints: bool = False,
                     rule_enabled: Callable[[str], bool] = lambda rule_id: True) -> list[Span]:
    """Spans of one block that the model should look at, in text order.

    >>> t = "the Ukrainian Army In a message published by the Armed ForcesThey have"
    >>> [(t[s.start:s.end], s.rule) for s in suspicious_spans(t, "en")]
    [('Army In', 'casing.capital_after_link'), ('ForcesThey', 'merge.case_boundary')]
    """
    spans = []
    for propose, rule_id in ((merge.propose_case_boundary, "merge.case_boundary"),
                             (merge.propose_name_word, "merge.name_word"),
                             (merge.propose_quote_word, "merge.quote_word"),
                             (phrases.propose_phrases, "phrase")):
        for fix in propose(text, lang, context):
            spans.append(Span(fix.start, fix.end, fix.rule or rule_id, fix.reason,
                              _split_at(text[fix.start:fix.end], fix.after)))
    lowered_by_rule = {fix.start: fix for fix in casing.propose_capital_after_link(text, lang, context)}
    # A connective's or an incise's lost comma (``However The``, ``range According to``,
    # ``rangs A-t-il ajouté``) is the rules' alone: the model is not asked, unless the user
    # disabled those rules (``rule_enabled``).
    after_connective = ({fix.end - 1 for fix in casing.propose_comma_after_connective(text, lang, context)}
                        if rule_enabled("casing.comma_after_connective") else set())
    before_a_clause = {fix.end - 1
                       for rule_id, propose in (("casing.comma_before_connective", casing.propose_comma_before_connective),
                                                ("casing.comma_before_incise", casing.propose_comma_before_incise))
                       if rule_enabled(rule_id) for fix in propose(text, lang, context)}
    for m in re.finditer(r"(?<=[^\W\d_])( )([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]*)(?=[ ,]|[.;:](?:\s|$))", text):
        word = m.group(2)
        if m.start(2) in after_connective:
            continue
        # Before a stop only a German function word after a noun (``am Donnerstag Mit.``, a
        # separable verb's particle): elsewhere a name or a title may end there (``Iron Man.``);
        # not before "!", which ends brands (``im Hamburger Mehr!``, a theatre).
        at_clause_end = text[m.end(2)] not in " ,"
        if at_clause_end and lang != "de":
            continue
        if zipf(word.lower(), lang) >= FUNCTION_WORD_ZIPF and not mostly_capitalised(word, lang) and not (
                lang == "de" and _german_noun_too(word)):
            prev_start = text.rfind(" ", 0, m.start(1)) + 1
            if _after_a_dateline(text, prev_start, lang):
                continue  # "Berlin Der Chef des Ifo-Instituts": the place the story was filed from
            if casing.capitalised_within_a_name(text, m.start(2), word, lang):
                continue  # "the rock band The Who", "Ping An stated"
            if _article_before_a_capitalised_function_word(text, m.end(2), word, lang):
                continue  # "Rock legends The Who are": the article opens the name
            if casing.BEFORE_A_COORDINATED_NAME.match(text, m.end(2)):
                continue  # "Great War and Modern Memory", "in Much and Ruppichteroth": names joined
            if lang != "de" and casing.quoted_title(text, m.start(2)) and not _lower_in_titles(word, lang):
                continue  # "“Running Out of Time 2” will be released": a title the article quotes, as written
            if m.start(2) in lowered_by_rule:
                # The rule lowers it anyway; the model, reading the words before, chooses
                # between that and a comma lost with the capital ("Army, in a").
                spans.append(Span(prev_start, m.end(2), "casing.capital_after_link", lowered_by_rule[m.start(2)].reason))
                continue
            if lang == "de" and word in _GERMAN_FORMAL_ADDRESS:
                continue  # "für Ihr Baby": formal address, capitalised by grammar
            if lang == "de" and _german_verb_after_a_clause(text, prev_start, m.start(1), m.end(2), word):
                spans.append(Span(prev_start, m.end(2), "model.capital_function_word",
                                  f"{word!r}, a verb, opens the main clause after a subordinate one, capitalised "
                                  "where a comma was lost: a segment translated on its own after a link"))
                continue
            if (lang == "de" and _german_noun(text[prev_start:m.start(1)])
                    and (not _name_follows(text, m.end(2)) or word.lower() in _GERMAN_WORDS_OPENING_NO_NAME)
                    and _german_function_word(word)):
                spans.append(Span(prev_start, m.end(2), "model.capital_function_word",
                                  f"{word!r}, a function word German writes in lower case, is capitalised after a "
                                  "noun: a segment translated on its own after a link"))
                continue
            if at_clause_end:
                continue
            if _article_after_a_time_word(text[prev_start:m.start(1)], word, lang):
                spans.append(Span(prev_start, m.end(2), "model.capital_function_word",
                                  f"{word!r}, an article, is capitalised after a word of time: the next clause's "
                                  "first word, after a link where a comma was lost?"))
                continue
            if (_listed_verb_form(word, lang) and text[prev_start].isupper()
                    and not merge.sentence_start(text, prev_start) and re.match(r" [^\W\d_A-ZÀ-Þ]", text[m.end(2):])):
                # A common verb form no name spells, after its subject's name (``Sunday Made
                # the voice``); after a lower-case word a title may start (``the show Made in
                # Chelsea``), which the model may keep.
                spans.append(Span(prev_start, m.end(2), "hint.capital_verb",
                                  f"{word!r}, a verb form no name spells, is capitalised after a name: a "
                                  "segment translated on its own after a link"))
                continue
            if _preposition_after_a_name(text, prev_start, m.start(1), word, lang):
                spans.append(Span(prev_start, m.end(2), "model.capital_function_word",
                                  f"{word!r}, a preposition no name or title of the corpus capitalises there, "
                                  "is capitalised in mid-sentence: a segment translated on its own after a link"))
                continue
            if lang == "de" and _german_clause_opener(word) and _after_a_german_clause_word(text[prev_start:m.start(1)]):
                spans.append(Span(prev_start, m.end(2), "model.capital_function_word",
                                  f"{word!r}, a function word German writes in lower case, is capitalised after a "
                                  "verb or an adverb: a segment translated on its own after a link"))
                continue
            if lang == "de" and text[prev_start].isupper() and _name_follows(text, m.end(2)):
                # "die Attentäter Von Ansbach": the capitals around it are German nouns, no
                # sign of a name or a title; judged as after a link, at a floor of its own.
                spans.append(Span(prev_start, m.end(2), "model.capital_after_noun",
                                  f"{word!r} is capitalised between two nouns: a segment translated on its own after a link?"))
                continue
            if len(word) > 1 and _name_follows(text, m.end(2)) and _clause_may_open_after(text[prev_start:m.start(1)], lang):
                # "the tea bags This Canadian team": after a content word in lower case that
                # introduces no title, the capitalised function word opens the next clause.
                spans.append(Span(prev_start, m.end(2), "model.capital_after_link",
                                  f"{word!r} is capitalised in mid-sentence after a word in lower case that "
                                  "names no title: a segment translated on its own after a link?"))
                continue
            if len(word) == 1 or _name_follows(text, m.end(2)):
                # "Serie A", "Chang An Avenue", "How To Get Away": a name or a title in title case
                spans.append(Span(prev_start, m.end(2), "model.capital_in_title",
                                  f"{word!r} is capitalised in mid-sentence, within a name or a title?"))
                continue
            spans.append(Span(prev_start, m.end(2), "model.capital_after_link",
                              f"{word!r} is capitalised in mid-sentence: a segment translated on its own after a link?"))
    for start, fix in lowered_by_rule.items():
        if elided := _ELIDED_WORD.match(text, start):
            # An elided article the rule lowers (``boursière L'attractivité``): the model
            # chooses whether a comma was lost too, as above.
            prev_start = text.rfind(" ", 0, start - 1) + 1
            spans.append(Span(prev_start, elided.end(), "casing.capital_after_link", fix.reason))
    if hints:
        spans += _hints(text, lang, glue_hints, context)
    protected = protected_spans(text)
    spans = [s for s in spans if not any(ps < s.end and s.start < pe for ps, pe in protected)
             and not any(s.start <= at < s.end for at in before_a_clause)]
    return sorted(spans, key=lambda s: (s.start, s.end))


#: English nouns and verbs after which a title in title case may begin (``the film Gone With
#: the Wind``, ``a song called With or Without You``).
_TITLE_INTRODUCERS = frozenset(
    "film films movie movies book books song songs album albums show shows series novel novels play plays opera "
    "magazine magazines newspaper newspapers paper journal programme program programs titled called named entitled "
    "channel brand label slogan motto hashtag campaign project exhibition festival game games app website blog "
    "podcast episode column poem painting read reads reading watch watched sing sang perform performed wrote "
    "write writes written directed starring starred published released presented staged recorded".split())
#: A content word, not a function word, this rare at most.
CLAUSE_BOUNDARY_WORD_MAX_ZIPF = 5.5


def _article_before_a_capitalised_function_word(text: str, end: int, word: str, lang: str) -> bool:
    """``The`` before ``Who``: an English article capitalised with the function word after it
    opens a name or a title (``The Who``); a lost comma would leave the next word in lower
    case. Not elsewhere: Portuguese ``são`` is a verb and a name's first word (``O São Paulo``)."""
    if lang != "en" or word.lower() not in ARTICLES["en"]:
        return False
    following = _CAPITALISED_WORD_AFTER.match(text, end)
    return (following is not None and zipf(following.group(1).lower(), lang) >= FUNCTION_WORD_ZIPF
            and not mostly_capitalised(following.group(1), lang))


_CAPITALISED_WORD_AFTER = re.compile(r" ([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]*)\b")


def _clause_may_open_after(previous: str, lang: str) -> bool:
    """Whether an English word in lower case may end a clause before a capitalised function
    word that a capitalised word follows (``bags This Canadian``), rather than introduce a title."""
    return (lang == "en" and len(previous) >= 4 and previous.isalpha() and previous.islower()
            and zipf(previous, lang) < CLAUSE_BOUNDARY_WORD_MAX_ZIPF and previous not in _TITLE_INTRODUCERS)


#: German formal address (``Sie``, ``Ihr Baby``), capitalised anywhere in a sentence.
_GERMAN_FORMAL_ADDRESS = frozenset({"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"})

#: Languages whose adjectives come before the noun: a capitalised word the corpus writes in
#: lower case after a name is a verb there (``Trump Considered``, ``Neil Black Sagt``), not
#: a name's adjective as in Spanish ``Congreso Norteamericano``.
_ADJECTIVES_BEFORE_NOUNS = frozenset({"en", "de"})

#: An elided article or pronoun and the word it is written with (``L'attractivité``, ``Dell'aumento``).
_ELIDED_WORD = re.compile(r"[A-ZÀ-Þ][a-z]*['’][^\s,;:.!?»”\")]*")


def _abbreviation(text: str, end: int, word: str) -> bool:
    """A lower-case abbreviation with its stop, no vowel in it (German ``tsch.`` for
    tschechisch, ``bzw.``, ``vgl.``): no name to capitalise, though the cased table may list it
    capitalised (German ``Tsch`` 3:0), which the model then capitalised in clean lines."""
    return text[end:end + 1] == "." and not re.search(r"[aeiouyàáâãäåèéêëìíîïòóôõöùúûü]", word)


def _hints(text: str, lang: str, glue_hints: bool = False, context=None) -> list[Span]:
    """Weaker evidence, for the model only (``cleanup detect`` does not list these): a
    lower-case word the corpus mostly capitalises (``bakhmut``; ``ministry`` is not one).

    Also a word with one inner capital that the rules leave whole (``LongBeach``): a name
    glued to a word, or a brand the model should keep.

    A run the article writes twice or more (``PopularMax`` in every paragraph of its story) is a
    name or a brand, not a glue: a link boundary seldom falls twice on the same two words.
    Rules split no such run either (``ArticleContext.recurs``).

    ``glue_hints`` adds capitalised words no list knows that would split into a name and a
    word (``Fastowpleaded``). The bundled model was trained with them, but they are off at
    inference: on clean held-out text every false positive of the model (27 of 27 in 900
    sentences) came from those, for 2 correct repairs.
    """
    from .rules.merge import (candidate_split, case_glue_candidate, lower_glue_split, propose_case_boundary,
                              propose_word_word, unknown_everywhere)

    spans = []
    split_by_rules = {(f.start, f.end) for f in propose_case_boundary(text, lang, None)}
    words_split_by_rules = None

    def split_by_word_rules(start: int, end: int) -> bool:
        # A lower-case run the rules split is theirs to split, where they choose (``de|nosso``, not
        # the hint's ``den|osso``): the model's edit, applied first, would leave them nothing to
        # do. Asked only of a run that would be hinted, and the rules run once per block.
        nonlocal words_split_by_rules
        if words_split_by_rules is None:
            words_split_by_rules = [(f.start, f.end) for f in propose_word_word(text, lang, None)]
        return any(s < end and start < e for s, e in words_split_by_rules)
    for m in re.finditer(r"(?<![\w@#/.\-])[^\W\d_]+(?![\w@/\-])", text):
        word = m.group(0)
        if context is not None and context.recurs(word) and not word.islower() and not word.istitle():
            continue  # a brand or a name the article repeats (``PopularMax``), not a glue
        if (m.start(), m.end()) not in split_by_rules and len(word) >= 5 and case_glue_candidate(word, lang):
            spans.append(Span(m.start(), m.end(), "hint.case_glue", "an inner capital: a name glued to a word, or a brand?"))
        elif (lang != "de" and word.islower() and len(word) >= LOWER_GLUE_LETTERS and (m.start(), m.end()) not in split_by_rules
              and unknown_everywhere(word) and lower_glue_split(word, lang)
              and not split_by_word_rules(m.start(), m.end())):
            spans.append(Span(m.start(), m.end(), "hint.lower_glue", "two words run together, which no list knows as one?"))
        elif (word[0].isupper() and word[1:].islower() and len(word) >= NAME_GLUE_LETTERS
              and (m.start(), m.end()) not in split_by_rules and _glued_to_a_lower_case_word(word, lang)):
            spans.append(Span(m.start(), m.end(), "hint.name_glue",
                              "a word no list knows, ending in one the corpus writes only in lower case: "
                              "a name or a noun glued to it?"))
        elif glue_hints and len(word) >= 6 and word[0].isupper() and word[1:].islower():
            if known_anywhere(word, lang) == 0 and candidate_split(word, lang):
                spans.append(Span(m.start(), m.end(), "hint.glue", "an unknown word that reads as a name glued to a word"))
        elif word.islower() and len(word) >= 3 and not _abbreviation(text, m.end(), word):
            form = cased_table(lang).get(word)
            if form is not None and form.capitalised_count > form.lower_count:
                if form.lower_count == 0 and len(word) >= 4 and zipf(word, lang) < RARE_WORD_ZIPF:
                    spans.append(Span(m.start(), m.end(), "hint.rare_lowercase_name",
                                      "never written in lower case, and rare as a common word: a name?"))
                elif (form.lower_count == 0 and len(word) >= 4 and lang in UNLOWERED_NAME_LANGUAGES
                      and (lang != "de" or _after_a_lower_case_word(text, m.start()))):
                    spans.append(Span(m.start(), m.end(), "hint.unlowered_name",
                                      "never written in lower case in mid-sentence: a name?"))
                else:
                    spans.append(Span(m.start(), m.end(), "hint.lowercase_name", "usually written capitalised"))
            # from three letters (``kim``, ``rai``; four before the twenty-sixth session): on the
            # held-out lines of the six corpora one word more is hinted, Portuguese ``zen``
            elif (form is None and (elsewhere := name_elsewhere(word, lang))
                  and not _after_a_plural_article(text, m.start(), lang)):
                rule = "hint.rare_lowercase_name" if zipf(word, lang) < RARE_WORD_ZIPF else "hint.unlowered_name"
                spans.append(Span(m.start(), m.end(), rule,
                                  f"never written in lower case, and capitalised {elsewhere[0]} times by the "
                                  f"corpora of {', '.join(elsewhere[1])}: a name?"))
            elif form is not None and form.capitalised_count * 4 >= form.lower_count and _name_follows(text, m.end()):
                spans.append(Span(m.start(), m.end(), "hint.lowercase_name",
                                  "often capitalised, and a name follows (united States)"))
            elif lang != "de" and form is None and len(word) >= 4 and _after_name(text, m.start()) and max(
                    known_anywhere(word, other) for other in SUPPORTED_LANGUAGES) < RARE_AFTER_NAME_ZIPF:
                spans.append(Span(m.start(), m.end(), "hint.lowercase_name",
                                  "a word no list knows well, after a name (Anton zharkov)"))
    for m in _MID_SENTENCE_CAPITAL.finditer(text):
        word = m.group(2)
        prev_start = text.rfind(" ", 0, m.start(1)) + 1
        after_name = not text[prev_start].islower()
        lower_only = written_lower_case(word, lang) or _listed_verb_form(word, lang)
        verb = (lower_only or _unlisted_verb_form(word, lang)) and (
            _verb_before(text, m.end(2), word, lang)
            or after_name and _german_past_tense(text, m.end(2), word, lang, text[prev_start:m.start(1)])
        ) or not after_name and _plural_participle(text, m.end(2), word, lang)
        lower_only = lower_only or verb
        # German capitalises its nouns, not its headlines: a line of nouns is no title there.
        headline = title_case_line(text, m.start(2), judged_word=True) and not (lang == "de" and verb)
        if headline or (after_name and not verb and not _may_end_a_name(text, m.end(2), word, lang, lower_only)):
            continue  # a name of several words, a headline in title case
        lower = word.lower()
        frequency = max(zipf(lower, lang), zipf(re.split(r"['’]", lower)[0], lang))
        if frequency >= FUNCTION_WORD_ZIPF:
            continue  # flagged already (model.capital_after_link)
        if lower_only and not _before_a_name(text[prev_start:m.start(1)], lang) and (
                not after_name or lang in _ADJECTIVES_BEFORE_NOUNS or verb) and not (
                _name_goes_on(text, m.end(2)) and not (lang == "de" and verb)):
            # The corpus never capitalises it in mid-sentence (``sueños Considera que``,
            # ``Trump Considered``): the strongest evidence the lists have, German included,
            # where it tells a verb (``Stieftochter Ging``) from a noun. Not after a
            # determiner, a preposition or a conjunction, which end no link but start names
            # and titles (``la Sûreté``, ``Ministerio de Planificación``, ``Comedy of Errors``),
            # nor after a name where adjectives follow nouns (``Congreso Norteamericano``),
            # nor where a name goes on past a preposition (``ser Comandante en Jefe``), but for
            # a German verb, after which a preposition's noun is capitalised (``Sorgte für Aufsehen``).
            if verb:
                spans.append(Span(prev_start, m.end(2), "hint.capital_verb",
                                  f"{word!r}, a verb or an adverb the corpus writes only in lower case, is "
                                  "capitalised in mid-sentence: a segment translated on its own after a link"))
                continue
            spans.append(Span(prev_start, m.end(2), "hint.capital_lowercase_word",
                              f"{word!r} is capitalised in mid-sentence, though the corpus writes it only in "
                              "lower case: after a link?"))
            continue
        form = cased_table(lang).get(lower)
        rule, lower_ratio, unlisted_zipf = (
            ("hint.capital_after_name", AFTER_NAME_LOWER_RATIO, AFTER_NAME_UNLISTED_ZIPF) if after_name
            else ("hint.capital", CAPITAL_HINT_LOWER_RATIO, CAPITAL_HINT_UNLISTED_ZIPF))
        if form is None:
            # Never capitalised in mid-sentence by the corpus though common (``Adding``); but
            # every German noun is capitalised, and the table lists only some of them.
            if lang != "de" and frequency >= unlisted_zipf:
                spans.append(Span(prev_start, m.end(2), rule,
                                  f"{word!r}, a common word, is capitalised in mid-sentence: after a link?"))
        elif form.lower_count >= lower_ratio * max(1, form.capitalised_count):
            spans.append(Span(prev_start, m.end(2), rule,
                              f"{word!r}, mostly lower-case, is capitalised in mid-sentence: after a link?"))
    for m in _CAPITALISED_VERB_WITH_CLITIC.get(lang, _NOTHING).finditer(text):
        if not title_case_line(text, m.start(2), judged_word=True):
            spans.append(Span(m.start(1), m.end(2), "hint.capital_verb",
                              f"{m.group(2)!r}, a verb with its pronoun, is capitalised in mid-sentence: a segment "
                              "translated on its own after a link"))
    return spans


#: A Portuguese verb and the pronoun hyphenated to it (``Encaixa-se``, ``Mudou-se``,
#: ``Recusando-se``), capitalised after a lower-case word: no name is spelt so.
_CAPITALISED_VERB_WITH_CLITIC = {"pt": re.compile(
    r"(?<![\w-])([^\W\d_A-ZÀ-Þ]+) ([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]+-(?:se|lo|la|los|las|lhe|lhes|me|te|nos|vos))(?![\w-])")}
_NOTHING = re.compile(r"(?!)")


#: A word with a plural verb's ending that the cased table lacks, too rare for the corpus's
#: lower-case list, counts as written only in lower case where wordfreq knows it this well in
#: the article's language and better than in any other (``Aliança Seguradora Ilustram de
#: forma``, ``Ilustram`` 3.1), and the Italian future (``Scozia Resterà``, ``Uber Riceverà``). Not
#: the singular endings, which names share (``Amadeu``, ``Pompeu``, ``Suarez``, ``Fumaba``: 7
#: corpus spans with them, none without), but the Portuguese preterite's -ou and -iu
#: (``caminhão Adicionou``, ``anos Aderiu``), with which no span of the Portuguese corpus is flagged.
#: Portuguese from 2.5 (``século Converteram``, ``sangrenta Massacrou``, ``semanas Acertamos``):
#: no line of its corpus is flagged more (nor at 2.0); Spanish at 2.5 would flag a name
#: (``Carreta Literaria Leamos``).
UNLISTED_VERB_ZIPF = 3.0
UNLISTED_VERB_ZIPF_BY_LANG = {"pt": 2.5}
_PLURAL_VERB_ENDINGS = {"es": ("aron", "ieron", "aban", "ían", "amos", "emos", "imos"),
                        "pt": ("aram", "eram", "iram", "am", "avam", "iam", "amos", "emos", "imos", "ou", "iu"),
                        "it": ("arono", "erono", "irono", "iamo", "avano", "evano", "rà", "rò", "ranno"),
                        "fr": ("aient", "èrent", "issent", "ennent", "ouent", "ènent")}


def _unlisted_verb_zipf(lang: str) -> float:
    return UNLISTED_VERB_ZIPF_BY_LANG.get(lang, UNLISTED_VERB_ZIPF)


def _unlisted_verb_form(word: str, lang: str) -> bool:
    lower = word.lower()
    if (lang not in _PLURAL_VERB_ENDINGS or not lower.endswith(_PLURAL_VERB_ENDINGS[lang])
            or lower in cased_table(lang) or len(word) < 6):
        return False
    own = zipf(lower, lang)
    return own >= _unlisted_verb_zipf(lang) and all(zipf(lower, other) < own for other in SUPPORTED_LANGUAGES if other != lang)


#: A lower-case word the corpus capitalises and never writes in lower case (too seldom for
#: ``casing.proper_noun``) is a name the model may restore when it is rarer than this as a
#: common word (``watzke``, ``aylan``; not ``nebula``), under a floor of its own
#: (``cleanup.neural``). Words the corpus also writes lower-case (``cup``, ``bay``,
#: ``inspectorate``, which start names and stand alone) stay ``hint.lowercase_name``; commoner
#: words the corpus never writes in lower case are ``hint.unlowered_name`` (``holt``,
#: ``archie``, ``grammys``), under a strict floor (eighteenth session; read seeds 4-8 against
#: leaving them ``hint.lowercase_name``: en +3, es +2, fr +2, de +6 with German's guard, it +4,
#: no clean sentence more). Not in Portuguese, whose small corpus has never written in lower
#: case words that are common there (``pinhal``, English ``drag king``): 1 gained, 2 lost and
#: 1 clean line of the benchmark changed.
RARE_WORD_ZIPF = 3.0
UNLOWERED_NAME_LANGUAGES = frozenset({"en", "es", "fr", "de", "it"})

#: Plural articles of the languages that write the names of peoples in lower case (Spanish
#: ``los ogoni``, ``les tutsis``), which English, whose table the other corpora's hint reads,
#: capitalises.
_PLURAL_ARTICLES = {"es": ("los", "las", "unos", "unas"), "fr": ("les", "des"), "pt": ("os", "as"),
                    "it": ("i", "gli", "le")}


def _after_a_plural_article(text: str, start: int, lang: str) -> bool:
    words_before = text[max(0, start - 12):start].split()
    return bool(words_before) and words_before[-1].lower() in _PLURAL_ARTICLES.get(lang, ())


#: A capitalised word no list knows, this long, that ends in a word of NAME_GLUE_ENDING
#: letters or more the corpus writes only in lower case, is a hint for the model: a name or a
#: noun glued to the word after it (``Bildersollten``, ``Rücktrittgeführt``,
#: ``Ilsélargissent``). Unlike ``hint.glue`` (any unknown split, off at inference), the
#: lower-case list vouches for the second word.
NAME_GLUE_LETTERS = 8
NAME_GLUE_ENDING = 4


def _glued_to_a_lower_case_word(word: str, lang: str) -> bool:
    from .rules.merge import candidate_split

    if known_anywhere(word, lang) > 0:
        return False
    split = candidate_split(word, lang)
    return split is not None and len(split[1]) >= NAME_GLUE_ENDING and written_lower_case(split[1], lang)


#: A lower-case word no list knows, this long, that splits into two words is a hint for the
#: model (``veryemblematic``, ``cameflying``); not in German, which writes compounds solid.
LOWER_GLUE_LETTERS = 7

#: A capitalised word in mid-sentence whose lower-case form is this many times more common
#: is a hint for the model (``he said Adding that``, ``the Bible Wouldn't``).
CAPITAL_HINT_LOWER_RATIO = 4.0
#: ... or which the cased table does not list although it is this common.
CAPITAL_HINT_UNLISTED_ZIPF = 4.0
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[^\W\d_])( )([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]+(?:['’][^\W\d_]+)?)(?=[ ,;:.!?])")


def _verb_before(text: str, end: int, word: str, lang: str) -> bool:
    """Whether ``word``, which the corpus writes only in lower case, is a verb form or an
    adverb by its ending (``_VERB_ENDINGS``), before what may follow one: in English a
    lower-case word (``Chen Hailing, chairman`` is a name), elsewhere also a comma or a stop
    (``in Houston Angeordnet.``), and a past tense of es, pt, it also the speaker's name
    (``yen Explicó Noda``); or a listed verb form (``_LISTED_VERB_FORMS``: ``Stieftochter Ging``).
    In German also a separable verb's zu-infinitive (``Länder Aufzufordern``) and any such word
    before a subject pronoun (``Information Sende ich``)."""
    if lang == "de" and GERMAN_ZU_INFINITIVE.fullmatch(word.lower()):
        return True  # ``Länder Aufzufordern``: a separable verb's zu-infinitive is no noun
    if lang == "de" and re.match(r" (?:ich|du|er|es|wir|ihr|man|Sie)\b", text[end:end + 5]):
        return True  # a finite verb before its subject (``Zur Information Sende ich``)
    if _listed_verb_form(word, lang) and (lang != "en" or re.match(r" [a-z]", text[end:end + 2])):
        return True  # ``Stieftochter Ging nach``, ``magie Avoua Jens Lehmann``; English ``Sunday Made the``
    endings = _VERB_ENDINGS.get(lang)
    if len(word) < 5 or endings is None or not word.lower().endswith(endings):
        return False
    if word.lower().endswith(_SPEECH_VERB_ENDINGS.get(lang, ())):
        return True  # also before its subject's name (``yen Explicó Noda``, ``disse Lula``)
    if lang != "en":
        return _before_a_lower_case_word_or_a_stop(text, end)
    return re.match(r" [a-z]", text[end:end + 2]) is not None


#: Past-tense endings of Spanish, Portuguese and Italian verbs, which report speech before the
#: speaker's name (``explicó Noda``, ``afirmou Almeida``, ``dichiarò Renzi``).
_SPEECH_VERB_ENDINGS = {"es": ("ó", "aron", "ieron"), "pt": ("ou", "eu", "iu", "aram", "eram", "iram"),
                        "it": ("ò", "arono", "erono", "irono")}


#: Verb forms no name or noun spells, which the ending rules below cannot tell, listed: past
#: tenses of irregular and strong verbs (German ``Stieftochter Ging nach``, Portuguese
#: ``Sudeste Houve a``, ``Dudu Estiver recuperado``) and French verbs of saying in the passé
#: simple, which report speech before the speaker's name (``magie Avoua Jens Lehmann``; their
#: -a ends too many names to go by). Most are too rare in the corpus for its lower-case lists,
#: so they count as written only in lower case. Not the forms that are nouns or names too
#: (German ``Stand``, ``Bot``, ``Wuchs``, ``Lag``, ``Gaben``, ``Trug``, ``Stieg``, ``Kamen``, the
#: modals ``Würde``, ``Muss``, ``Soll``, unlike ``Könnte``, ``Sollte``, ``Wurde``;
#: Spanish ``vino``; Italian ``prese``; Portuguese ``fez``, Fez). None of them is capitalised
#: after a word in mid-sentence on the six corpora.
_LISTED_VERB_FORMS = {lang: frozenset(words.split()) for lang, words in {
    "de": "ging gingen kam sah sahen gab nahm nahmen fand fanden blieb blieben rief riefen fiel fielen "
          "lief liefen schrieb schrieben sprach sprachen traf trafen zog zogen flog fuhr starb schlug sank "
          "schien ließ saß trat verließ erhielt begann gewann verlor könnte könnten konnte konnten müsste müssten "
          "musste mussten sollte sollten dürfte dürften durfte durften wollte wollten wurde wurden wird kann",
    "fr": "avoua déclara affirma ajouta expliqua indiqua précisa souligna estima raconta confia résuma assura "
          "rappela insista martela répliqua admit poursuivit répondit conclut reconnut",
    "pt": "houve teve esteve disse pôde quis veio deu trouxe soube pôs estiver estiverem tiver tiverem puder "
          "puderem fizer fizerem quiser souber",
    "es": "hubo tuvo estuvo hizo dijo pudo quiso trajo supo puso",
    "it": "ebbe fece disse venne diede volle seppe vide ebbero fecero dissero vennero",
    "en": "made took gave went came told found held began brought became knew wrote spoke sent kept stood fell "
          "sold built meant"}.items()}
#: English capitalises some of those in titles now and then (``Made in Chelsea``: ``made`` 13
#: times against 2,363 in lower case): they count if the corpus writes them in lower case at
#: least this many times as often. Not ``said`` (``Edward Said``), ``left``, ``lost``, ``won``,
#: ``ran``, ``met``, ``led``, ``paid``, which name things too.
LISTED_VERB_LOWER_RATIO = 100


def _listed_verb_form(word: str, lang: str) -> bool:
    """Whether ``word`` is a listed verb form (``_LISTED_VERB_FORMS``) that the corpus does not
    also capitalise as a noun or a name (German ``Sprachen``, languages, is ``sprachen`` too)."""
    form = cased_table(lang).get(word.lower())
    return word.lower() in _LISTED_VERB_FORMS.get(lang, ()) and (
        form is None or lang == "en" and form.lower_count >= LISTED_VERB_LOWER_RATIO * form.capitalised_count)


#: Endings of verb forms and adverbs that no word of a name ends in, once the corpus writes
#: the word only in lower case: English -ed, -ing, -ly, -n't (``Fastow Pleaded``, ``Russia
#: Forming``, ``Republic Namely``, ``Bible Wouldn't``; the corpus capitalises ``United``,
#: ``Reading``); German participles and finite verbs in -t (``Trump Comey Gefeuert``; a word
#: made a noun takes an adjective's ending instead: ``Verstorbene``); the past tense of Spanish
#: (-ó, -aron, -ieron: ``Vystrčil Entregó``), Portuguese (-ou, -eu, -iu, -aram, -eram, -iram)
#: and Italian (-ò, -arono, -erono, -irono; and its future, -rà, -ranno: ``Scozia Resterà``,
#: which no line of the Italian corpus flags); their present and imperfect endings that end no
#: noun or adjective (Portuguese -am, -mos: ``Zeca Temos``; not -em, -ano or French -ent,
#: -ons: ``Folha Imagem``, ``Partito Repubblicano``, ``Vieux Continent``), and French
#: -ez, -aient, -èrent, -ait and the -ent of a plural verb where no noun has it (-ènent,
#: -issent, -ennent, -ouent: ``Youtube Mènent une``). With these, one more span on the es,
#: fr, pt and it corpora (``Movement Regardez``, a heading run into its text).
_VERB_ENDINGS = {"en": ("ed", "ing", "ly", "n't", "n’t"), "de": ("t",),
                 "es": ("ó", "aron", "ieron", "an", "en", "mos", "aba", "aban", "ían"),
                 "pt": ("ou", "eu", "iu", "aram", "eram", "iram", "am", "mos", "avam", "iam"),
                 "it": ("ò", "rà", "ranno", "arono", "erono", "irono", "iamo", "avano", "evano"),
                 "fr": ("ez", "aient", "èrent", "ait", "ènent", "issent", "ennent", "ouent")}


#: Plural participles of Portuguese (``investimento Verificados em``, ``clubes profissionais
#: Filiados à``), after a lower-case word and before a lower-case word or a stop.
#: After a capitalised one they end names (``Fuerzas Armadas``, ``Resíduos Sólidos``). The word
#: is written only in lower case, or unlisted and as common as an unlisted verb must be; after a
#: lower-case word no span of the pt corpus is flagged so (Spanish would flag names: ``ante
#: Rayados.``, ``hoteles Posadas.``).
_PLURAL_PARTICIPLES = {"pt": ("ados", "idos", "adas", "idas")}


def _plural_participle(text: str, end: int, word: str, lang: str) -> bool:
    lower, endings = word.lower(), _PLURAL_PARTICIPLES.get(lang)
    return (endings is not None and len(word) >= 6 and lower.endswith(endings)
            and (written_lower_case(word, lang)
                 or lower not in cased_table(lang) and zipf(lower, lang) >= _unlisted_verb_zipf(lang))
            and _before_a_lower_case_word_or_a_stop(text, end))


def _german_past_tense(text: str, end: int, word: str, lang: str, previous: str) -> bool:
    """A German past tense in -te (``Aktion Sorgte für``, ``London Stellte sich``), after a noun or
    a name (not an article: ``Das Interessante dabei``) and before a lower-case word or a stop.
    Not after any other word: adjectives made nouns end so too (``als Inhaftierte``, ``Defekte
    in``); on the German corpus this flags one span more, a name's (``Kaiser Permanente mit``)."""
    return (lang == "de" and len(word) >= 5 and word.endswith("te")
            and re.sub(r"\W", "", previous).lower() not in DETERMINERS["de"]
            and _before_a_lower_case_word_or_a_stop(text, end))


def _before_a_lower_case_word_or_a_stop(text: str, end: int) -> bool:
    return re.match(_LOWER_CASE_WORD_OR_STOP, text[end:end + 2]) is not None


_LOWER_CASE_WORD_OR_STOP = r" [a-zß-ÿ]|[,.;:!?]"


#: A German function word is written in lower case this many times as often as capitalised
#: in mid-sentence (``für`` 8,386:5, ``des`` 7,604:9), or never capitalised there.
GERMAN_FUNCTION_WORD_LOWER_RATIO = 100


def _german_function_word(word: str) -> bool:
    """A word of :data:`FUNCTION_WORD_ZIPF` that German writes in lower case (``Am``, ``Dort``,
    ``Über``, ``Haben``), after a noun: no noun of its spelling, no title (German titles are
    in sentence case), so its capital is a link's trace for sure, and the model only chooses
    between a comma and a lower-case letter (``Wetter am 30.``, ``Anhänger dort neben``). The
    caller asks for a noun before it and no capital after it (street names: ``Straße Am
    Wall``)."""
    lower = word.lower()
    if lower in DETERMINERS["de"] - GERMAN_CONTRACTIONS or lower in _GERMAN_NUMERALS:
        return False  # a title or a name starts (``Die Linke``), a numeral (``Platz Drei``)
    if zipf(lower, "en") > zipf(lower, "de") + ENGLISH_FUNCTION_WORD_MARGIN:
        return False  # an English title (``Life In Colour``)
    if word in SUBJECT_PRONOUNS:
        return False  # a sentence may start there (``Real Madrid Er wechselte``)
    return _german_lower_case_word(lower)


def _german_lower_case_word(lower: str) -> bool:
    """Whether German writes ``lower`` in lower case :data:`GERMAN_FUNCTION_WORD_LOWER_RATIO`
    times as often as capitalised in mid-sentence, or never capitalises it there."""
    form = cased_table("de").get(lower)
    return form is None or form.lower_count >= GERMAN_FUNCTION_WORD_LOWER_RATIO * max(1, form.capitalised_count)


#: German prepositions and conjunctions that open no street's or title's name (``Straße Am
#: Wall``, ``Der Herr Der Ringe``, ``Haus Im Park``): capitalised after a noun they are a
#: link's trace before a capital too (``Tagung Über Syrien``, ``Kataloniens Für PP``). On the
#: German corpus, after a noun and before a capital, the corpus writes none of them so but
#: ``Nach`` once, after a stop it lost (``Großbritannien Nach Cleggs Angaben``).
_GERMAN_WORDS_OPENING_NO_NAME = frozenset(
    "für über während gegen ohne seit wegen trotz durch mit nach bei von aus wenn weil dass ob und oder aber".split())


#: Words that open a clause or a noun phrase and are never made nouns: conjunctions, relative
#: and personal pronouns, demonstratives and possessives (not ``Muss``, ``Selbst``, ``Aus``,
#: which German makes nouns after an adjective or a verb: ``ist Muss``, ``blamablen Aus``;
#: nor ``Man``, English in ``Isle of Man``, nor ``Andere``, which the older spelling
#: capitalised, nor ``Seine``, a river: ``der nahe gelegenen Seine``). After a verb or an
#: adverb, on the German corpus 5 more spans, all its own lost stops (``zog von dannen Seinen
#: Spielern``, ``welches Ihn wählte``, ``gehalten Er hat``).
_GERMAN_CLAUSE_OPENERS = GERMAN_SUBORDINATORS | frozenset(
    "als wie wo was wer während solange indem ich du wir ihr er es ihn ihm uns euch mir mich dir dich unser "
    "unsere unseren unserem unserer dieser diese diesem diesen dieses mein meine meinem meinen meiner sein "
    "seinem seinen seiner ihre ihrem ihren ihrer".split())


def _german_clause_opener(word: str) -> bool:
    """Whether ``word`` is one of :data:`_GERMAN_CLAUSE_OPENERS` the corpus writes in lower case
    (German ``was``, whatever English does with it; ``Ich`` and ``Unsere`` may open a sentence,
    but not after a verb)."""
    return word.lower() in _GERMAN_CLAUSE_OPENERS and _german_lower_case_word(word.lower())


#: Finite auxiliaries and modals that end a German subordinate clause (``wenn Sie zufrieden
#: sind``), after which the main clause opens with its verb and then its subject.
_GERMAN_CLAUSE_FINAL_VERBS = frozenset(
    "ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können konnte konnten muss müssen "
    "musste mussten soll sollen sollte sollten will wollen wollte wollten darf dürfen".split())
_GERMAN_SUBJECT_PRONOUNS = re.compile(r" (?:ich|du|er|sie|es|wir|ihr|Sie|man)\b")
#: ...a word the corpus writes in lower case this many times as often as capitalised, or one it
#: never capitalises in mid-sentence this common: a verb.
GERMAN_VERB_LOWER_RATIO = 4
GERMAN_UNLISTED_VERB_ZIPF = 3.0


def _german_verb_after_a_clause(text: str, prev_start: int, prev_end: int, end: int, word: str) -> bool:
    """``zufrieden sind Geben Sie``: a capitalised verb between an auxiliary that ends a
    subordinate clause and a subject pronoun, where a comma was lost with the capital (the main
    clause opens with its verb). On the German corpus that place holds only names and ``Sie``
    (``hat Blair es``, ``haben Sie es``), which the tables do not write in lower case."""
    form = cased_table("de").get(word.lower())
    return (text[prev_start:prev_end] in _GERMAN_CLAUSE_FINAL_VERBS and word not in _GERMAN_FORMAL_ADDRESS
            and _GERMAN_SUBJECT_PRONOUNS.match(text, end) is not None
            and (form.lower_count >= GERMAN_VERB_LOWER_RATIO * max(1, form.capitalised_count) if form is not None
                 else zipf(word.lower(), "de") >= GERMAN_UNLISTED_VERB_ZIPF))


def _after_a_german_clause_word(word: str) -> bool:
    """Whether ``word`` is a lower-case German word after which a capitalised clause opener is
    a link's trace: a verb or an adverb (``zerdenkt Was``, ``fährt Als``, ``glaube Unsere``),
    not a preposition, a determiner or a conjunction, after which German makes any word a noun
    (``ohne Wenn und Aber``, ``das Für und Wider``)."""
    lower = word.lower()
    if zipf(lower, "en") > zipf(lower, "de"):
        return False  # English (``Isle of Man``, ``it Was``)
    return (word.isalpha() and word.islower() and lower not in DETERMINERS["de"]
            and lower not in NO_COMMA_AFTER["de"] and lower not in CONJUNCTIONS
            and lower not in _GERMAN_PREPOSITIONS)


#: German prepositions ``NO_COMMA_AFTER`` does not list, after which German makes any word a
#: noun (``zwischen Richtig und Falsch``, ``durch Andere``).
_GERMAN_PREPOSITIONS = frozenset("ohne durch um gegen zwischen vor über unter hinter neben an in bis seit "
                                 "während wegen trotz statt samt gemäß".split())


def _german_noun(word: str) -> bool:
    """A capitalised word that is no function word, no heading in capitals (``ABER``) and no
    name English capitalises too: the noun a German function word follows (``Anhänger
    Dort``; not ``Das Sagen``)."""
    return (word[:1].isupper() and not word.isupper() and word.isalpha()
            and (zipf(word.lower(), "de") < FUNCTION_WORD_ZIPF or mostly_capitalised(word, "de"))
            and not mostly_capitalised(word, "en"))  # a first name (``Franz Immer``, ``Raymond So``)


#: A function word is taken for English when English uses it this much more (Zipf) than
#: German: ``in`` 7.4 against 7.2, ``so`` 6.8 against 6.6 are German too; ``am`` is German
#: first (5.8 against 6.5).
ENGLISH_FUNCTION_WORD_MARGIN = 0.3


#: A preposition and an article in one word (``am``, ``zum``), a determiner that opens no
#: name unless a capital follows (``Straße Am Wall``), which the caller rules out.
_GERMAN_NUMERALS = frozenset("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())


def _german_noun_too(word: str) -> bool:
    """A German word the corpus capitalises at least a quarter as often as not: a noun as
    well (``Recht``/``recht``, ``Mal``/``mal``), whose capital is grammar, not a link's trace."""
    form = cased_table("de").get(word.lower())
    return form is not None and form.lower_count < CAPITAL_HINT_LOWER_RATIO * form.capitalised_count


#: A lower-case word after a capitalised one is a hint when no word list has it this often
#: (not in German, where every noun is capitalised and rare verb forms follow them).
RARE_AFTER_NAME_ZIPF = 2.0


def _after_name(text: str, start: int) -> bool:
    """Whether a capitalised word, not an acronym, comes right before ``start``."""
    return re.search(r"(?<![\w.])[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]+ $", text[max(0, start - 40):start]) is not None


#: After a capitalised word, a capital is a hint only with stronger evidence than after a
#: lower-case one, since names run on (``Guardian Role``, ``Polish Oil``): a listed word
#: written lower-case this many times as often as capitalised (``Country``: 106, ``Made``: 181;
#: not ``Line``: 12, ``Agreement``: 16) ...
AFTER_NAME_LOWER_RATIO = 20.0
#: ... or an unlisted word this common (``Vystrčil Entregó``: too rare in the corpus for its lower-case list).
AFTER_NAME_UNLISTED_ZIPF = 3.5


def _may_end_a_name(text: str, end: int, word: str, lang: str, lower_only: bool = False) -> bool:
    """Whether a capitalised ``word`` after a capitalised one may be a link's trace rather
    than a name going on (``Fastow Pleaded guilty``, ``Russia Forming a``): a lower-case word
    or a comma follows, it is no possessive (``Lisa Wilkinson's``), and the language does not
    capitalise every noun, unless the corpus writes the word only in lower case (German
    ``Neil Black Sagt``; ``Stieftochter Bekam`` is left alone where the corpus lacks it)."""
    return ((lang != "de" or lower_only) and re.match(r" [a-zß-ÿ]|,", text[end:end + 2]) is not None
            and re.search(r"['’]s$", word) is None)


def _name_follows(text: str, end: int) -> bool:
    return re.match(r" [A-ZÀ-Þ][^\W\d_]", text[end:end + 3]) is not None


def _before_a_name(word: str, lang: str) -> bool:
    """A determiner, a preposition, a conjunction or a word written with an elided article
    (``l'East Village``): after one a capital starts a name or a title."""
    word = word.lower()
    return (word in DETERMINERS.get(lang, ()) or word in NO_COMMA_AFTER.get(lang, ()) or word in CONJUNCTIONS
            or re.match(r"[^\W\d_]{1,4}['’]", word) is not None)




def _name_goes_on(text: str, end: int) -> bool:
    """Whether a word that joins the words of a name and a capitalised word follow
    (``Comandante en Jefe``, ``Sûreté du Québec``, ``Ministry of Defence``). Not a capital
    right after: a verb before its subject (``explicó Noda``) is as likely as a name."""
    return _NAME_GOES_ON.match(text, end) is not None


_NAME_GOES_ON = re.compile(r" (?:of|and|de|del|da|do|dos|das|du|des|di|della|en|y|e|et|und|von|für) [A-ZÀ-Þ][^\W\d_]")

