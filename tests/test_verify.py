"""verify: the no-harm checks every model rewrite passes before it is applied."""

from __future__ import annotations

import pytest

from cleanup.verify import Proposal, check_model_proposal

WINDOW = "the Ukrainian Armed ForcesThey have affirmed that 2,400"


def _proposal(after: str, score: float = -0.05, before: str = WINDOW) -> Proposal:
    span_start = before.index("ForcesThey")
    return Proposal(block=0, window_start=0, window_end=len(before), span_start=span_start,
                    span_end=span_start + len("ForcesThey"), before=before, after=after, score=score)


def _proposal_at(before: str, span: str, after: str) -> Proposal:
    """A proposal for the whole window ``before`` with ``span`` flagged, scored -0.1."""
    start = before.index(span)
    return Proposal(0, 0, len(before), start, start + len(span), before, after, -0.1)


def test_verify_accepts_a_rewrite_of_the_span():
    assert check_model_proposal(_proposal("the Ukrainian Armed Forces have affirmed that 2,400"), -0.5) is None


@pytest.mark.parametrize("after, why", [
    ("the Ukrainian Armed Forces have affirmed that 2,500", "changes a digit"),
    ("the Ukrainian Armed Forces have affirmed that 24,00", "changes a digit"),
    ("the Russian Armed Forces have affirmed that 2,400", "adds or drops a name"),
    ("the Armed Forces have affirmed that 2,400", "adds or drops a name"),
    ("the Ukrainian Armed Forces have affirmed “that” 2,400", "changes quotation marks or brackets"),
])
def test_verify_rejects_harmful_rewrites(after, why):
    assert check_model_proposal(_proposal(after), -0.5) == why


def test_verify_rejects_a_low_score():
    assert check_model_proposal(_proposal("the Ukrainian Armed Forces have affirmed that 2,400", -1.2), -0.5).startswith(
        "scores -1.20")


def test_verify_rejects_a_rewrite_outside_the_span():
    before = "the Ukrainian Armed ForcesThey have affirmed that the attack on the bridge failed badly"
    after = "the Ukrainian Armed ForcesThey have affirmed that the attack on the bridge was a failure"
    assert check_model_proposal(_proposal(after, before=before), -0.5) == "rewrites outside the suspicious span"


def test_verify_accepts_the_phrase_repair_that_drops_its_own_bracket():
    proposal = _proposal_at("A) Yes, stressed the urgency", "A) Yes,", "Thus, he stressed the urgency")
    assert check_model_proposal(proposal, -0.5) is None


def test_verify_rejects_a_rewrite_of_the_whole_window():
    proposal = _proposal_at("The Armed ForcesThey left.", "ForcesThey", "Troops left.")
    assert check_model_proposal(proposal, -0.5) is not None


@pytest.mark.parametrize("before, span, after", [
    ("under the roof of theMHP in the aftermath", "theMHP", "under the roof of the mHP in the aftermath"),
    ("Prices rose sharply inSofia and in", "inSofia", "Prices rose sharply in sofia and in"),
])
def test_verify_rejects_a_split_that_lower_cases_a_name_or_an_acronym(before, span, after):
    assert check_model_proposal(_proposal_at(before, span, after), -0.5) == "lower-cases a name or an acronym"


def test_verify_accepts_a_split_that_lower_cases_a_common_word():
    proposal = _proposal_at("Dennis QuaidIndignado dijo que", "QuaidIndignado", "Dennis Quaid indignado dijo que")
    assert check_model_proposal(proposal, -0.5) is None


def test_verify_holds_a_named_repair_to_the_span_but_not_to_the_similarity_bound():
    proposal = _proposal_at("A) Yes, also had a", "A) Yes,", "Thus, he also had a")
    assert check_model_proposal(proposal, -0.5) == "rewrites too much of the window"
    assert check_model_proposal(proposal, -0.5, named_repair=True) is None


def test_verify_reads_names_in_the_blocks_language():
    """`Job` is a German noun, capitalised by the German corpus, but no English name: in an
    English block the split may lower-case it; `Kyiv` stays a name in English."""
    job = _proposal_at("no end to theJob cuts at", "theJob", "no end to the job cuts at")
    assert check_model_proposal(job, -0.5) == "lower-cases a name or an acronym"  # language unknown
    assert check_model_proposal(Proposal(**{**job.__dict__, "lang": "en"}), -0.5) is None
    kyiv = _proposal_at("talks inKyiv ended", "inKyiv", "talks in kyiv ended")
    assert check_model_proposal(Proposal(**{**kyiv.__dict__, "lang": "en"}), -0.5) == "lower-cases a name or an acronym"


def test_a_kind_of_repair_the_model_is_not_trusted_with_is_refused_whatever_its_score():
    """An infinite floor (`capitalise` in MIN_SCORE_BY_KIND: no floor met the tuning rule)."""
    import math

    from cleanup.neural import MIN_SCORE_BY_KIND

    why = check_model_proposal(_proposal("the Ukrainian Armed Forces have affirmed that 2,400", score=0.0), math.inf)
    assert why.startswith("the model is not trusted with this kind of repair")
    assert MIN_SCORE_BY_KIND["casing"] == math.inf


def test_verify_reads_a_rare_word_its_corpus_never_writes_in_lower_case_as_a_name():
    """wordfreq folds case, so it knows `guernica`; the Portuguese corpus never writes it in
    lower case, and a word that rare is a name. A word as rare that the corpus writes in
    lower case (`subtropicais`) may still lose its capital."""
    guernica = _proposal_at("há 60 anos, emGuernica, para sempre", "emGuernica", "há 60 anos, em guernica, para sempre")
    assert check_model_proposal(Proposal(**{**guernica.__dict__, "lang": "pt"}), -0.5) == \
        "lower-cases a name or an acronym"
    plants = _proposal_at("das plantasSubtropicais da região", "plantasSubtropicais",
                          "das plantas subtropicais da região")
    assert check_model_proposal(Proposal(**{**plants.__dict__, "lang": "pt"}), -0.5) is None


@pytest.mark.parametrize("lang, before, span, after, refused", [
    ("pt", "os valores acrescidosIlicitamente ao seu", "acrescidosIlicitamente",
     "os valores acrescidos ilicitamente ao seu", False),  # an adverb by its ending, however rare
    ("es", "las nuevas medidasDesreguladoras del", "medidasDesreguladoras",
     "las nuevas medidas desreguladoras del", True),  # no such ending: rare, so a name for all the verifier knows
    ("it", "NoiAbbreviavamo i nostri discorsi", "NoiAbbreviavamo", "Noi abbreviavamo i nostri discorsi",
     False),  # a verb's imperfect ending
])
def test_verify_reads_a_rare_word_with_an_adverbs_or_abstract_nouns_ending_as_a_common_word(
        lang, before, span, after, refused):
    proposal = _proposal_at(before, span, after)
    verdict = check_model_proposal(Proposal(**{**proposal.__dict__, "lang": lang}), -0.5)
    assert (verdict == "lower-cases a name or an acronym") == refused


@pytest.mark.parametrize("lang, before, span, after", [
    ("de", "Indessen schätzt Herr Gleicher, dass es", "Gleicher", "Indessen schätzt Herr gleicher, dass es"),
    ("en", "the report by Mrs Brown said that", "Brown", "the report by Mrs brown said that"),
    ("fr", "a déclaré M. Petit lors de", "Petit", "a déclaré M. petit lors de"),
])
def test_verify_keeps_the_capital_of_a_word_after_a_title(lang, before, span, after):
    """A capitalised word after a title or a word of address is a name, though it is a common
    word too (``gleicher``, ``petit``): the model's lowering of it is rejected."""
    proposal = Proposal(0, 0, len(before), before.index(span), before.index(span) + len(span), before, after, -0.1,
                        lang)
    assert check_model_proposal(proposal, -0.5, named_repair=True) == "lower-cases a name or an acronym"


def test_verify_lowers_a_capital_after_a_noun_of_address():
    """``die Frau``, after an article, is a noun, not a word of address: the word after it may
    be the capital a link left (``die Frau Sagte``)."""
    before = "Dann sagte die Frau Sagte, dass"
    proposal = Proposal(0, 0, len(before), before.index("Frau Sagte"), before.index("Frau Sagte") + 10, before,
                        "Dann sagte die Frau sagte, dass", -0.1, "de")
    assert check_model_proposal(proposal, -0.5, named_repair=True) is None
