"""ops: the repairs the operation model names, applied to a flagged span."""

from __future__ import annotations

import pytest

from cleanup.ops import OPS, apply_op, echoed_pronoun, mark_span, parse_op


@pytest.mark.parametrize("op, text, span, expected", [
    ("split", "the Armed ForcesThey have", "ForcesThey", "the Armed Forces They have"),
    ("split lower", "he saidThe talks", "saidThe", "he said the talks"),
    ("drop", "the Armed ForcesThey have", "ForcesThey", "the Armed Forces have"),
    ("split", "In 2004, Fastowpleaded guilty", "Fastowpleaded", "In 2004, Fastow pleaded guilty"),
    ("split", "it was “not possible”to say", "possible”to", "it was “not possible” to say"),
    ("split", "the increasingtrend of the year", "increasingtrend", "the increasing trend of the year"),
    ("comma", "the Ukrainian Army In a message", "Army In", "the Ukrainian Army, in a message"),
    ("lower", "the Ukrainian Army In a message", "Army In", "the Ukrainian Army in a message"),
    ("capitalise", "shelling in bakhmut went on", "bakhmut", "shelling in Bakhmut went on"),
    ("thus he", "A) Yes, stressed the urgency", "A) Yes,", "Thus, he stressed the urgency"),
    ("thus", "A) Yes, the minister said", "A) Yes,", "Thus, the minister said"),
    ("keep", "the Armed ForcesThey have", "ForcesThey", "the Armed ForcesThey have"),
    ("thus they", "A) Yes, also see green buds", "A) Yes,", "Thus, they also see green buds"),
    ("thus he", "A) Yes, set the date", "A) Yes,", "Thus, he set the date"),  # a past as well
    ("drop", "fake CDsIt and other items", "CDsIt", "fake CDs and other items"),  # at the lower→upper change
    # an elided article before a name is lowered, the name keeps its capital
    ("split lower", "les États-UnisD'Europe.", "UnisD'Europe", "les États-Unis d'Europe."),
    # "a" fits a word said with a consonant however spelt
    ("comma", "said the Army A European official", "Army A", "said the Army, a European official"),
])
def test_ops_apply(op, text, span, expected):
    start = text.index(span)
    assert apply_op(op, text, start, start + len(span), "en") == expected


@pytest.mark.parametrize("op, text, span", [
    ("thus he", "Yes, stressed the urgency", "Yes,"),
    ("thus he", "A) Yes, President Zelensky stressed", "A) Yes,"),  # the subject is there
    ("thus he", "A) Yes, are seeing that losses", "A) Yes,"),  # he are: no agreement
    ("thus he", "A) Yes, also see green buds", "A) Yes,"),  # he see: a present without its -s
    ("thus they", "A) Yes, goes on with it", "A) Yes,"),  # they goes
    ("comma", "the army in a message", "army"),
    ("capitalise", "in Bakhmut", "Bakhmut"),
    ("drop", "the Armed Forces", "Forces"),
    ("drop", "In BulgariaIt's not a crime", "BulgariaIt"),  # the pronoun's verb follows it
    ("comma", "during the Turning Point", "the Turning"),  # no clause ends with an article
    # an English article lowered must fit the word after it: "a against" is no article's
    ("lower", "they played in the Serie A against Juventus", "Serie A"),
    ("comma", "they played in the Serie A against Juventus", "Serie A"),
    ("lower", "the Office An member of", "Office An"),
    # an acronym keeps its capitals: lowering its first letter writes no word ("on vOD")
    ("split lower", "available onVOD, DVD and in select theatres", "onVOD"),
    ("split lower", "rival services ofMcDonald's", "ofMcDonald"),
])
def test_ops_that_do_not_fit_the_span_return_none(op, text, span):
    start = text.index(span)
    assert apply_op(op, text, start, start + len(span), "en") is None


@pytest.mark.parametrize("lang, text, span", [
    ("fr", "mais selon Les Echos hier", "selon Les"),  # "selon, les Echos": no clause ends with a preposition
    ("es", "dijo según La Vanguardia", "según La"),
    ("en", "signed between The Hague and", "between The"),
    # the preposition glued to the word before it, which a merge span splits apart
    ("it", "il RispettoDella Legge e l'Ordine", "RispettoDella Legge"),
])
def test_no_comma_after_a_preposition(lang, text, span):
    start = text.index(span)
    assert apply_op("comma", text, start, start + len(span), lang) is None


def test_a_german_particle_ends_a_clause_before_a_subordinate_one():
    """``aus`` is a preposition and a separable verb's particle; before ``dass`` it is the
    particle, which ends its clause: the comma is a choice there."""
    text = "Es sieht natürlich so aus Dass es besser ist"
    start = text.index("aus Dass")
    assert apply_op("comma", text, start, start + len("aus Dass"), "de") == "Es sieht natürlich so aus, dass es besser ist"
    assert apply_op("comma", "wir fahren aus Der Stadt", 11, 18, "de") is None


@pytest.mark.parametrize("lang, text, span, expected", [
    ("pt", "o livro foiLançado em 1999", "foiLançado", None),  # a verb, not an inserted pronoun
    ("en", "the ministry saidRussia would", "saidRussia", None),
    ("pt", "as Forças ArmadasEles afirmaram", "ArmadasEles", "as Forças Armadas afirmaram"),
    ("de", "die StreitkräfteSie haben", "StreitkräfteSie", "die Streitkräfte haben"),
    # a name with capitals of its own: the pronoun goes, not the name's tail
    ("es", "son cifras de GfKElla que son", "GfKElla", "son cifras de GfK que son"),
    ("fr", "de Stanley Clarke, John McLaughlinIl et", "McLaughlinIl", "de Stanley Clarke, John McLaughlin et"),
])
def test_drop_removes_only_an_inserted_subject_pronoun(lang, text, span, expected):
    start = text.index(span)
    assert apply_op("drop", text, start, start + len(span), lang) == expected


def test_ops_parse_and_mark():
    assert parse_op(" Split Lower ") == "split lower" and parse_op("the Armed Forces have") is None
    assert set(OPS) >= {"keep", "split", "drop", "comma", "capitalise", "thus he"}
    assert mark_span("a ForcesThey b", 2, 12) == "a ⟦ForcesThey⟧ b"


@pytest.mark.parametrize("span, lang, expected", [
    ("Lopese", "pt", "Lopes e"),  # a known name, then the one-letter "and"
    ("Fastowpleaded", "en", "Fastow pleaded"),
])
def test_a_split_names_the_point_word_frequencies_give(span, lang, expected):
    """Where the model's ``split`` puts the space in a capitalised run no list knows."""
    assert apply_op("split", span, 0, len(span), lang) == expected


def test_the_one_letter_and_splits_off_only_after_a_known_word():
    assert not apply_op("split", "Barrichellopromete", 0, 18, "pt").endswith(" e")


@pytest.mark.parametrize("following, pronoun", [
    ("would spend up to half of their time on the beat there.", "they"),
    ("is capable of holding up one finger as her husband encourages her.", "she"),
    ("stressed the urgency of his plan.", "he"),
    ("stressed the urgency.", None),  # nothing refers back
    ("said his team and their fans agreed.", None),  # two pronouns: no telling which
    ("went home. Their house was empty.", None),  # the next sentence's subject may be another
])
def test_the_pronoun_after_thus_is_the_one_its_sentence_refers_back_to(following, pronoun):
    assert echoed_pronoun(following) == pronoun
