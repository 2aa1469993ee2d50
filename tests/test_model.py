"""The bundled model (models/cleanup-t5-small), loaded for real: it ships with the repository,
so a missing model is a failure, not a skip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import cleanup.neural as neural_module
from cleanup import Config, clean_article
from cleanup.config import DEFAULT_MODEL_DIR

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def repairer():
    from cleanup.neural import load_repairer

    return load_repairer(str(DEFAULT_MODEL_DIR))


def test_model_is_bundled_small_and_loads_offline(repairer):
    files = {p.name for p in DEFAULT_MODEL_DIR.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "README.md"} <= files
    assert sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir()) < 50 * 2**20
    text = "«Ça va ?» – “quoted” — Zelensky’s  double space 🙂"
    assert repairer.tokenizer.decode(repairer.tokenizer(text).input_ids, skip_special_tokens=True) == text


@pytest.mark.parametrize("window, span, repair", [
    ("the Ukrainian Armed ⟦ForcesThey⟧ have affirmed that", "ForcesThey", "drop"),
    ("talks resumed in ⟦Geneva⟧ on Monday", "Geneva", "keep"),
    ("the fighting in ⟦bakhmut⟧ went on", "bakhmut", "capitalise"),
    ("prices rose, he ⟦saidThe⟧ minister on", "saidThe", "split lower"),
])
def test_model_names_the_repair_of_a_marked_span(repairer, window, span, repair):
    from cleanup.windows import model_input, span_evidence

    assert repairer.evidence  # trained with the span's word-list evidence (training_info.json)
    [(answer, score)] = repairer.rewrite([model_input("en", window, span_evidence(span, "en"))])
    assert answer == repair and score <= 0


@pytest.mark.parametrize("name", ["clean_en", "clean_es"])
def test_model_leaves_a_clean_sample_unchanged(name):
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    assert clean_article(text, Config()).text == text


def test_model_edits_explain_themselves():
    text = (SAMPLES / "en_ukraine_forces.txt").read_text(encoding="utf-8")
    article = clean_article(text, Config())
    for edit in (e for e in article.edits if e.source == "model"):
        data = edit.to_dict()
        assert data["model"].startswith("cleanup-t5-small@") and data["score"] is not None and data["reason"]


def test_model_repairs_what_the_rules_cannot_in_a_sample():
    text = (SAMPLES / "en_ukraine_forces.txt").read_text(encoding="utf-8")
    rules_only = clean_article(text, Config(use_model=False)).text
    with_model = clean_article(text, Config()).text
    assert "Armed ForcesThey said" in text and "Armed Forces They said" in rules_only
    assert "Armed Forces said" in with_model  # the inserted pronoun dropped
    assert "Thus, President Volodymyr Zelensky stressed" in with_model  # not "Thus, he President"


def test_model_chooses_among_the_repairs_that_apply(repairer):
    """An op model is asked which applicable repair, not to name one freely: `comma` or
    `capitalise` cannot apply to a glued word, `split` is not offered where the merge
    rule lower-cases the function word it splits off, and `drop` only for a pronoun."""
    from cleanup.neural import _applicable_ops, _Request
    from cleanup.windows import model_input, span_evidence

    text = "Prices rose, he saidThe minister on Monday."
    start = text.index("saidThe")
    request = _Request(0, "en", 0, len(text), start, start + len("saidThe"), "hint.case_glue", "")
    options = _applicable_ops(text, request)
    assert options == ["keep", "split lower"]
    source = model_input("en", text[:start] + "⟦saidThe⟧" + text[start + 7:], span_evidence("saidThe", "en"))
    [(answer, score)] = repairer.choose([source], [options])
    assert answer in options and score <= 0


def test_a_german_verb_split_off_a_noun_may_lose_its_capital():
    """German capitalises nouns, so a word split off a glue keeps its capital unless it is a
    verb or an adjective: the corpus rarely capitalises `beibehalten` (a noun only as `das
    Beibehalten`), so the model may choose `split lower`; `Klimaanlage` stays a noun."""
    from cleanup.neural import _applicable_ops, _Request

    for glued, lowered in (("JuniBeibehalten", True), ("eineKlimaanlage", False)):
        text = f"Die Regel soll bis Ende {glued} werden."
        start = text.index(glued)
        request = _Request(0, "de", 0, len(text), start, start + len(glued), "merge.case_boundary", "")
        assert ("split lower" in _applicable_ops(text, request)) is lowered, glued


def test_a_capital_the_rule_lowers_anyway_is_only_asked_comma_or_not(repairer):
    """`the Ukrainian Army In a message` is lowered by casing.capital_after_link whatever the
    model says: the model only chooses whether a comma was lost too, scored by its share
    against the other repair (its absolute score is low where it also liked `keep`), and
    ``min_model_score`` does not apply to that share."""
    import math

    from cleanup.neural import _applicable_ops, _Request, _score_floor, floor_kind
    from cleanup.windows import model_input

    text = "He said the Ukrainian Army In a message had problems."
    start = text.index("Army")
    request = _Request(0, "en", 0, len(text), start, text.index(" a message"), "casing.capital_after_link", "")
    options = _applicable_ops(text, request)
    assert "keep" not in options and {"comma", "lower"} <= set(options)
    assert floor_kind("comma", request) == "capital choice"
    assert _score_floor("comma", request, Config(min_model_score=-0.1)) == _score_floor("comma", request, Config())
    source = model_input("en", "said the Ukrainian ⟦Army In⟧ a message had problems")
    [(absolute_answer, absolute)] = repairer.choose([source], [options])
    [(answer, share)] = repairer.choose([source], [options], relative=[True])
    assert answer == absolute_answer and absolute < share <= 0 and share >= math.log(1 / len(options))
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text in ("He said the Ukrainian Army, in a message had problems.",
                            "He said the Ukrainian Army in a message had problems.")


def test_a_span_of_a_disabled_rule_may_be_kept_by_the_model():
    """With the rule disabled nothing repairs the span anyway: the model may keep it."""
    from cleanup.neural import _applicable_ops, _requests
    from cleanup.pipeline import detect_language, parse_article

    text = "The company said the Ukrainian Army In a message had problems with its old accounts."
    for disabled, keep_offered in ((frozenset(), False), (frozenset({"casing"}), True)):
        config = Config(lang="en", disabled_rules=disabled)
        article = detect_language(parse_article(text), config)
        [request] = [r for r in _requests(article, config) if "In" in text[r.span_start:r.span_end]]
        assert ("keep" in _applicable_ops(text, request)) is keep_offered


def test_a_span_the_rules_split_anyway_is_only_asked_how():
    """`theJob` is split by the merge rule whatever the model says, so `keep` is not among
    the answers: the model chooses between `the Job` and `the job` (a split choice)."""
    from cleanup.neural import _applicable_ops, _Request, floor_kind

    text = "There seems to be no end to theJob cuts at the giant."
    start = text.index("theJob")
    request = _Request(0, "en", 0, len(text), start, start + len("theJob"), "merge.case_boundary", "")
    assert "keep" not in _applicable_ops(text, request)
    assert floor_kind("split lower", request) == "split choice in a clause"  # "cuts" follows
    assert floor_kind("split lower", replace(request, before_capital=True)) == "split choice"
    assert floor_kind("split lower", replace(request, rule="hint.case_glue")) == "glue hint"
    assert floor_kind("lower", replace(request, rule="hint.capital")) == "capital hint"
    assert floor_kind("lower", replace(request, rule="model.capital_after_link")) == "capital"
    assert floor_kind("comma", replace(request, rule="model.capital_in_title")) == "capital hint"
    assert floor_kind("lower", replace(request, rule="hint.capital_after_name")) == "capital after name"
    assert floor_kind("comma", replace(request, rule="model.capital_after_noun")) == "capital after noun"
    assert floor_kind("comma", replace(request, rule="hint.capital_lowercase_word")) == "capital lower-case word"
    assert floor_kind(None, request) == "rewrite"  # a model that rewrites the window instead of naming a repair


def test_a_split_choice_before_a_lower_case_word_is_the_models_however_unsure():
    """``foiLançado``: the rule splits it; the model (with the corpus's casing) lowers the
    participle, at a score under the global floor. The text changes either way, so where no
    capitalised word follows (no name goes on), its choice stands."""
    text = 'Já aposentado, seu primeiro livro intitulado "The Crossing Borders" foiLançado.'
    assert clean_article(text, Config(lang="pt")).text.endswith("foi lançado.")


def test_the_model_splits_where_the_rule_does():
    """``IAnswered``: the model's split goes where the rule put the space (``I answered``),
    not where word frequencies alone would put it."""
    from cleanup.detect import suspicious_spans
    from cleanup.neural import _Request, _applicable_ops
    from cleanup.ops import apply_op

    text = "Anti-Zionist: But IAnswered you, I translate."
    span = next(s for s in suspicious_spans(text, "en", hints=True) if text[s.start:s.end] == "IAnswered")
    assert span.split_at == 1
    request = _Request(0, "en", 0, len(text), span.start, span.end, span.rule, "", span.split_at)
    assert "split lower" in _applicable_ops(text, request)
    assert apply_op("split lower", text, span.start, span.end, "en", span.split_at) == text.replace("IAnswered", "I answered")


def test_the_model_may_not_lower_a_german_noun_split_off_a_glue():
    """``eineKlimaanlage``: the split is the model's to judge, the noun's capital is not."""
    from cleanup.neural import _applicable_ops, _Request

    text = "Ja, das setzt allerdings eineKlimaanlage voraus. Der BahnchefGeht heute."
    noun, verb = text.index("eineKlimaanlage"), text.index("BahnchefGeht")
    options = _applicable_ops(text, _Request(0, "de", 0, len(text), noun, noun + 15, "merge.case_boundary", ""))
    assert "split" in options and "split lower" not in options
    options = _applicable_ops(text, _Request(0, "de", 0, len(text), verb, verb + 12, "merge.case_boundary", ""))
    assert "split lower" in options


@pytest.mark.parametrize("text, lang, run, kept", [
    ("a demolição do Viaduto DiárioPopular e a construção dum pontilhão", "pt", "DiárioPopular", True),
    ("results of Obama's Nuclear SecuritySummit in April", "en", "SecuritySummit", True),
    ("the prescription period under Commercial LawShe said is two years", "en", "LawShe", False),  # a pronoun
    ("o que se viu foi DiárioPopular e nada mais", "pt", "DiárioPopular", False),  # no capital before it
])
def test_a_word_split_off_a_title_keeps_its_capital(text, lang, run, kept):
    """``Viaduto DiárioPopular``: a common word capitalised after a capitalised word goes on with
    a title, so the word split off it keeps its capital (the model had made it ``Diário
    popular``); the model may still lower a pronoun, or a word after lower-case text."""
    from cleanup.neural import _applicable_ops, _Request

    start = text.index(run)
    options = _applicable_ops(text, _Request(0, lang, 0, len(text), start, start + len(run), "merge.case_boundary", ""))
    assert ("split lower" not in options) == kept


@pytest.mark.parametrize("text, lang, span, comma", [
    ("The US Federal Aviation Administration Has left the way open.", "en", "Administration Has", False),
    ("Le ministre des Finances Est parti hier.", "fr", "Finances Est", False),
    ("Zhang, the founder of TSMC Has said so.", "en", "TSMC Has", True),  # a comma may close the apposition
    ("When the agency reviewed the plan it Has approved it.", "en", "it Has", True),  # after a subordinate clause
    ("Chitarrista appassionato Ha tenuto lì un concerto.", "it", "appassionato Ha", True),  # the subject dropped
    ("The agency's chief Mark Dickson Said that it would.", "en", "Dickson Said", True),  # not an auxiliary
])
def test_a_finite_auxiliary_after_its_subject_takes_no_comma(text, lang, span, comma):
    """``Administration Has left``: a finite auxiliary capitalised after its subject lost no
    comma, unless one closes a clause opened earlier in the sentence (the model had written
    ``Administration, has left``); not where the language drops its subjects (Italian
    ``Chitarrista appassionato, ha tenuto``)."""
    from cleanup.neural import _applicable_ops, _Request

    start = text.index(span)
    options = _applicable_ops(text, _Request(0, lang, 0, len(text), start, start + len(span), "hint.capital_verb", ""))
    assert "lower" in options and ("comma" in options) == comma


def test_a_surname_split_off_a_first_name_keeps_its_capital():
    """``DanielAuteuil``: the bundled model had lowered the surname it split off."""
    text = 'Ou "36 quai des Orfèvres", avec DanielAuteuil et Gérard Depardieu.'
    assert clean_article(text, Config(lang="fr")).text == text.replace("DanielAuteuil", "Daniel Auteuil")


def test_a_repair_is_held_to_the_floor_of_what_flagged_its_span(monkeypatch):
    """The floor depends on the detector rule that flagged the span (a hint's split is held
    to the stricter `glue hint` floor), not on the repair's report kind (`merge.model`)."""
    import cleanup.neural as neural

    seen = []
    floor = neural._score_floor
    monkeypatch.setattr(neural, "_score_floor", lambda op, request, config: seen.append(request.rule) or floor(
        op, request, config))
    clean_article("The rail operators were replaced by RegioJet on Monday.", Config(lang="en"))
    assert seen and all(not rule.endswith(".model") for rule in seen)
    assert "hint.case_glue" in seen


def test_a_connectives_capital_goes_to_the_model_only_when_its_rule_is_disabled():
    """`However The company`: casing.comma_after_connective repairs it, so the model is not
    asked; with that rule disabled the span is judged like any capital after a link."""
    from cleanup.neural import _requests
    from cleanup.pipeline import detect_language, parse_article

    text = "However The company has problems with its old accounts."
    for disabled, asked in ((frozenset(), False), (frozenset({"casing.comma_after_connective"}), True)):
        config = Config(lang="en", disabled_rules=disabled)
        article = detect_language(parse_article(text), config)
        requests = [r for r in _requests(article, config) if "The" in text[r.span_start:r.span_end]]
        assert bool(requests) is asked


def test_two_spans_sharing_a_word_are_both_judged():
    """``la Catedral`` (a hint) and ``Catedral De`` (a capitalised preposition) share a word;
    judging only the first had left ``De`` to no one."""
    from cleanup.neural import _requests
    from cleanup.pipeline import detect_language, parse_article

    text = "Fue descubierto en la Catedral De Durham, cuando fue abierta en el 1104."
    config = Config(lang="es")
    article = detect_language(parse_article(text), config)
    spans = [text[r.span_start:r.span_end] for r in _requests(article, config)]
    assert spans == ["la Catedral", "Catedral De"]


class _AlwaysRepairer:
    """Stands in for the model: names one repair for every window."""

    model_id, evidence, names_ops = "fake@0", False, True

    def __init__(self, op, score=0.0):
        self.op, self.score = op, score

    def choose(self, sources, candidates, relative=None, evidence=None, keep_penalty=None):
        return [(self.op if self.op in options else "keep", self.score) for options in candidates]


def _stand_in(monkeypatch, repairer) -> None:
    """Judge every span with ``repairer`` and the hand-tuned choice it is written for (no chooser)."""
    import cleanup.neural as neural

    monkeypatch.setattr(neural, "load_repairer", lambda path: repairer)
    monkeypatch.setattr(neural, "load_chooser", lambda path, model_id=None: None)


def test_repairs_of_windows_sharing_a_word_apply_at_their_own_letters(monkeypatch):
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("lower"))
    text = "Fue descubierto en la Catedral De Durham, cuando fue abierta en el 1104."
    cleaned = clean_article(text, Config(lang="es"))
    assert cleaned.text == "Fue descubierto en la catedral de Durham, cuando fue abierta en el 1104."
    assert [e.before for e in cleaned.edits] == ["C", "D"]


def test_two_repairs_reaching_the_same_letters_apply_once(monkeypatch):
    """Were the same span judged twice, its comma would not go in twice."""
    import cleanup.neural as neural

    text = "He said the Ukrainian Army They said on Monday it was fine."
    requests = neural._requests
    monkeypatch.setattr(neural, "_requests", lambda *args, **kwargs: requests(*args, **kwargs) * 2)
    _stand_in(monkeypatch, _AlwaysRepairer("comma"))
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text == "He said the Ukrainian Army, they said on Monday it was fine."
    assert len([e for e in cleaned.edits if e.source == "model"]) == 1


def test_a_capital_on_a_word_the_corpus_writes_in_lower_case_is_held_to_a_looser_floor(monkeypatch):
    """The same unsure repair (-0.4) is applied where the corpus never capitalises the word
    (``Adding``), and not where the word is also a name (``Peace``: the capital hint's floor)."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("comma", score=-0.4))
    text = "He said Adding that a focus on ensuring tranquility Peace and trust helps."
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text == "He said, adding that a focus on ensuring tranquility Peace and trust helps."
    assert [e.rule for e in cleaned.edits] == ["capital.model"]


def test_a_lower_case_glue_only_a_hint_found_is_split_at_its_own_floor(monkeypatch):
    """An unsure split (-0.4) of two lower-case words run together (``cameflying``) is
    applied; the same score is refused for a capitalised word only a hint found
    (``LongBeach``: a brand as often as a glue)."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("split", score=-0.4))
    text = "A piece of plywood cameflying from the crowd hit LongBeach on the head."
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text == "A piece of plywood came flying from the crowd hit LongBeach on the head."
    assert [(e.before, e.after, e.source) for e in cleaned.edits] == [("", " ", "model")]


def test_the_model_restores_a_rare_name_but_not_a_word_that_starts_names(monkeypatch):
    """``capitalise`` is never applied to words the corpus also writes in lower case (``cup``),
    and is applied above its own floor to a rare word the corpus only capitalises (``watzke``)."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("capitalise", score=-0.1))
    text = "Next week, said watzke, the world cup final will be played."
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text == "Next week, said Watzke, the world cup final will be played."
    assert [(e.before, e.source) for e in cleaned.edits] == [("w", "model")]


def test_a_sure_model_capitalises_a_word_the_corpus_never_writes_in_lower_case_only(monkeypatch):
    """However sure the model is, ``cup`` (World Cup) and ``united`` (United States), which the
    corpus also writes in lower case, stay as written, in English as in French; ``holt``, which
    it only ever capitalises, is restored when the model is that sure (``casing unlowered``,
    -0.05), and not when it is unsure."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("capitalise", score=-0.01))
    for text in ("She always has a cup with her.", "They asked for a united government."):
        assert clean_article(text, Config(lang="en")).edits == ()
    assert clean_article("Ils ont joué la finale de la coupe du monde.", Config(lang="fr")).edits == ()
    coach = "The team is unbeaten with head coach holt in charge."
    assert clean_article(coach, Config(lang="en")).text == coach.replace("holt", "Holt")
    _stand_in(monkeypatch, _AlwaysRepairer("capitalise", score=-0.2))
    assert clean_article(coach, Config(lang="en")).edits == ()


def test_a_capitalised_english_verb_after_a_name_is_repaired_as_the_model_prefers(monkeypatch):
    """``Fastow Pleaded guilty``: no ``keep`` is offered, and the repair the model prefers is
    applied even where its share against the other is barely over a half (log -0.6)."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("lower", score=-0.6))
    text = "In January 2004, Fastow Pleaded guilty to two counts of conspiracy."
    cleaned = clean_article(text, Config(lang="en"))
    assert cleaned.text == "In January 2004, Fastow pleaded guilty to two counts of conspiracy."
    request = neural._Request(0, "en", 0, len(text), text.index("Fastow"), text.index(" guilty"), "hint.capital_verb", "")
    assert neural._applicable_ops(text, request) == ["comma", "lower"]


def test_a_german_function_word_capitalised_after_a_noun_is_repaired_as_the_model_prefers(monkeypatch):
    """``Anhänger Dort neben``: no ``keep`` is offered, and the model's preference applies at
    a share barely over a half, as for a verb hint."""
    import cleanup.neural as neural

    _stand_in(monkeypatch, _AlwaysRepairer("lower", score=-0.6))
    text = "Hast du den Anhänger Dort neben dem Müllcontainer geparkt?"
    cleaned = clean_article(text, Config(lang="de"))
    assert cleaned.text == "Hast du den Anhänger dort neben dem Müllcontainer geparkt?"
    request = neural._Request(0, "de", 0, len(text), text.index("Anhänger"), text.index(" neben"),
                              "model.capital_function_word", "")
    assert neural._applicable_ops(text, request) == ["comma", "lower"]


@pytest.mark.parametrize("weight, expected", [
    (0.0, "de gas importado, en particular de Rusia un aumento de las emisiones"),
    (neural_module.COMMA_EVIDENCE_WEIGHT, "de gas importado, en particular de Rusia, un aumento de las emisiones"),
])
def test_the_corpus_comma_counts_decide_where_the_bundled_model_hesitates(monkeypatch, weight, expected):
    """``Rusia Un aumento``: the bundled model prefers ``lower`` by a hair (a share of 0.55);
    after a capitalised word Spanish writes ``, un`` three times as often as ``un``, which
    turns the choice to the comma."""
    monkeypatch.setattr(neural_module, "COMMA_EVIDENCE_WEIGHT", weight)
    monkeypatch.setattr(neural_module, "COMMA_LEAN", 0.0)
    text = "de gas importado, en particular de Rusia Un aumento de las emisiones"
    cleaned = clean_article(text, Config(lang="es"))
    assert cleaned.text == expected
    # the edit says that the corpus weighed in, and how much
    assert [("corpus's counts weighed" in e.reason) for e in cleaned.edits] == [weight > 0]


@pytest.mark.parametrize("lean, expected", [
    (0.0, "HR is quiet the managers mind their own business."),
    (neural_module.COMMA_LEAN, "HR is quiet, the managers mind their own business."),
])
def test_the_lean_to_lower_case_is_corrected_where_the_bundled_model_hesitates(monkeypatch, lean, expected):
    """``quiet The managers``: the bundled model leans to ``lower`` where it hesitates between
    the two repairs; ``COMMA_LEAN``, chosen on the development split, corrects that, and the
    edit says so."""
    monkeypatch.setattr(neural_module, "COMMA_LEAN", lean)
    # the hand-tuned choice's mechanics: without the chooser, which weighs the lean itself
    cleaned = clean_article("HR is quiet The managers mind their own business.", Config(lang="en", use_chooser=False))
    assert cleaned.text == expected
    assert [("lean" in e.reason) for e in cleaned.edits] == [lean > 0]


def test_a_word_too_rare_for_the_comma_table_is_judged_by_its_ending(monkeypatch):
    """``Russia Forming``: ``forming`` is too rare to be listed, but words in ``-ing`` follow a
    capitalised word after a comma nearly half the time, which turns the model's hesitation in
    the hand-tuned choice. (The shipped chooser weighs the same evidence less and takes
    ``lower`` here: one of the sentences it loses, see benchmarks/README.md.)"""
    import cleanup.rules.lexicon as lexicon

    text = "were delivered to the arctic region of Russia Forming a battalion of air defense."
    hand_tuned = Config(lang="en", use_chooser=False)
    assert "Russia, forming a battalion" in clean_article(text, hand_tuned).text
    monkeypatch.setattr(lexicon, "comma_suffix_counts", lambda lang: {})
    assert "Russia forming a battalion" in clean_article(text, hand_tuned).text


@pytest.mark.parametrize("weight, expected", [
    (0.0, "die Betreuung der Töchter (3½ und 1½ Jahre Alt) gewährleisten"),
    (neural_module.SPLIT_CASE_EVIDENCE_WEIGHT, "die Betreuung der Töchter (3½ und 1½ Jahre alt) gewährleisten"),
])
def test_the_corpus_casing_decides_the_case_of_a_split_where_the_bundled_model_hesitates(monkeypatch, weight,
                                                                                          expected):
    """``JahreAlt``: the rule splits it; the bundled model keeps the capital by a hair, and the
    corpus, which writes ``alt`` in lower case far more often than capitalised, turns it.
    (``casing.lower_pair`` would lower ``Jahre Alt`` after the model, whatever it chose: off here.)"""
    monkeypatch.setattr(neural_module, "SPLIT_CASE_EVIDENCE_WEIGHT", weight)
    text = "die Betreuung der Töchter (3½ und 1½ JahreAlt) gewährleisten"
    config = Config(lang="de", disabled_rules=frozenset({"casing.lower_pair"}))
    assert clean_article(text, config).text == expected


def test_corpus_evidence_never_turns_a_dropped_pronoun_into_a_split():
    """Evidence weighs only between its two repairs: ``They``, which the corpus writes in lower
    case, still goes (``drop``) rather than being split off in lower case."""
    text = "The Ukrainian Armed ForcesThey have affirmed that the attack failed."
    expected = "The Ukrainian Armed Forces have affirmed that the attack failed."
    assert clean_article(text, Config(lang="en")).text == expected


@pytest.mark.parametrize("text, left, pronoun, expected", [
    ("You must notify the Department of HealthHe that costs overrun.", "Health", "He",
     "You must notify the Department of Health that costs overrun."),
    ("They seized fake concert tickets, fake CDsIt and other items.", "CDs", "It",
     "They seized fake concert tickets, fake CDs and other items."),
    ("A report by the Attorney General's OfficeHe showing that drivers were stopped.", "Office", "He",
     "A report by the Attorney General's Office showing that drivers were stopped."),
])
def test_a_pronoun_glued_before_a_word_no_subject_precedes_is_dropped(text, left, pronoun, expected):
    """No subject pronoun comes before ``that`` or ``and``: split off (``Health he that``) it
    would still be wrong, so ``drop`` is the only repair, whatever the model expected."""
    from cleanup.neural import _applicable_ops, _Request

    start = text.index(left + pronoun)
    request = _Request(0, "en", 0, len(text), start, start + len(left + pronoun), "merge.case_boundary", "",
                       split_at=len(left))
    assert _applicable_ops(text, request) == ["drop"]
    assert clean_article(text, Config(lang="en")).text == expected


@pytest.mark.parametrize("text, run, options", [
    # after a German verb or adverb the pronoun is the sentence's own: never dropped ...
    ("Die Menschen fragen, warumSie nach zehn Jahren noch regieren.", "warumSie", ["split", "split lower"]),
    # ... and where the article addresses its reader elsewhere, it keeps its capital
    ("Falls Sie Energie sparen möchten, könnenSie diese Schritte ausführen.", "könnenSie", ["split"]),
    # after a noun, the capitalised end of a link's text, it may be the translator's to drop
    ("Die StreitkräfteSie haben den Angriff abgewehrt.", "StreitkräfteSie", ["split", "split lower", "drop"]),
])
def test_a_german_pronoun_glued_to_a_lower_case_word_is_never_dropped(text, run, options):
    from cleanup.neural import _applicable_ops, _Request

    start = text.index(run)
    request = _Request(0, "de", 0, len(text), start, start + len(run), "merge.case_boundary", "",
                       split_at=len(run) - 3)
    assert sorted(_applicable_ops(text, request)) == sorted(options)


def test_a_glue_the_text_writes_apart_elsewhere_is_split_as_it_is_written_there():
    """``ArcticCollege``: the same paragraph writes ``Arctic College``, so ``split lower`` (the
    model's choice alone: ``Arctic college``) is not offered."""
    from cleanup.neural import _applicable_ops, _Request

    text = "The board of ArcticCollege will be involved. The Arctic College president will plan it."
    start = text.index("ArcticCollege")
    request = _Request(0, "en", 0, len(text), start, start + len("ArcticCollege"), "merge.case_boundary", "",
                       split_at=len("Arctic"))
    assert "split lower" not in _applicable_ops(text, request)
    assert clean_article(text, Config(lang="en")).text.startswith("The board of Arctic College will")


def test_the_model_restores_a_name_only_other_corpora_know():
    """The Spanish corpus lacks ``gelsenkirchen``; the English one writes it only capitalised,
    and the evidence the model reads says so (``N``)."""
    text = "Ahora levantan una tienda de modas en gelsenkirchen."
    assert clean_article(text, Config(lang="es")).text == "Ahora levantan una tienda de modas en Gelsenkirchen."


def test_the_pronoun_after_thus_agrees_with_what_its_sentence_refers_back_to():
    """The model says ``Thus, he`` for every ``A) Yes,``; ``their time`` says ``they``."""
    text = "A) Yes, would spend up to half of their time on the beat there."
    assert clean_article(text, Config(lang="en")).text == "Thus, they would spend up to half of their time on the beat there."


def test_a_capital_between_two_words_is_never_offered_as_a_glue_to_split():
    """``Tipsport Ties``: the flag is about the capital of ``Ties``; splitting the unknown
    ``Tipsport`` into ``Tip sport`` is no answer to it."""
    from cleanup.neural import _applicable_ops, _Request

    text = "Probably because Tipsport Ties registration to an email address."
    start, end = text.index("Tipsport"), text.index(" registration")
    request = _Request(0, "en", 0, len(text), start, end, "hint.capital_lowercase_word", "")
    assert _applicable_ops(text, request) == ["keep", "comma", "lower"]


def test_keep_is_penalised_where_the_model_keeps_too_often(monkeypatch):
    """Two lower-case words run together that only a hint flags (``cameflying``): ``keep`` loses
    ``KEEP_PENALTY_BY_RULE``'s share before the likeliest answer is taken; spans other rules
    flag are judged on the model's scores alone."""
    import cleanup.neural as neural

    penalties = {}

    class Recording(_AlwaysRepairer):
        def choose(self, sources, candidates, relative=None, evidence=None, keep_penalty=None):
            penalties.update(zip(sources, keep_penalty))
            return super().choose(sources, candidates, relative, evidence, keep_penalty)

    _stand_in(monkeypatch, Recording("keep"))
    clean_article("The soldiers cameflying over the hill, said kyiv officials.", Config(lang="en"))
    by_span = {source.split("⟦")[1].split("⟧")[0]: penalty for source, penalty in penalties.items()}
    assert by_span["cameflying"] == neural.KEEP_PENALTY_BY_RULE["hint.lower_glue"] > 0
    assert neural.pick_answer({"keep": -0.30, "split": -0.40}, keep_penalty=by_span["cameflying"]) == ("split", -0.40)
    assert len(by_span) > 1 and all(penalty == 0.0 for span, penalty in by_span.items() if span != "cameflying")


def _flagged_span(lang: str, rule: str):
    """A model request for a span flagged by ``rule``, wherever it stands in the text."""
    import cleanup.neural as neural

    return neural._Request(block=0, lang=lang, window_start=0, window_end=20, span_start=4, span_end=16,
                           rule=rule, reason="")


def test_no_keep_penalty_in_german_but_on_a_word_written_only_in_lower_case():
    """German capitalises its nouns: a capital after a link is judged on the model's scores alone;
    but a word the corpus writes only in lower case is no noun (``Luftgewehr Beschossen``)."""
    import cleanup.neural as neural

    assert neural.keep_penalty(_flagged_span("en", "model.capital_after_link")) > 0
    assert neural.keep_penalty(_flagged_span("de", "model.capital_after_link")) == 0
    assert neural.keep_penalty(_flagged_span("de", "hint.capital_lowercase_word")) > 0
    assert neural.floor_kind("lower", _flagged_span("de", "model.capital_after_link")) == "capital in German"


def test_an_inner_capital_is_judged_more_readily_outside_english():
    """``JohnsonEssayait``: in es, fr, pt and it a name glued to a word; English writes brands so."""
    import cleanup.neural as neural

    assert neural.keep_penalty(_flagged_span("fr", "hint.case_glue")) > 0
    assert neural.keep_penalty(_flagged_span("en", "hint.case_glue")) == 0
    assert neural.floor_kind("split lower", _flagged_span("fr", "hint.case_glue")) == "inner capital hint"
    assert neural.floor_kind("split lower", _flagged_span("en", "hint.case_glue")) == "glue hint"


@pytest.mark.parametrize("text, penalised", [
    ("White Helmets In Syria criticize the UN for its stance.", True),  # prose: "in", as the corpus writes it
    ("Legislative Assembly Of Nunavut", False),  # a headline in title case: the model judges alone
    ("A drama - Mr Bates Vs The Post Office - in an election year.", False),  # an article starts a title
])
def test_keep_is_penalised_for_a_capital_between_capitals_only_outside_a_title(text, penalised):
    import cleanup.neural as neural

    name, capital = next((a, b) for a, b in zip(text.split(), text.split()[1:])
                         if a[:1].isupper() and b in ("In", "Of", "The"))  # the span: "Helmets In", "Vs The"
    start = text.index(f"{name} {capital}")
    request = neural._Request(0, "en", 0, len(text), start, start + len(f"{name} {capital}"), "model.capital_in_title", "")
    assert (neural.keep_penalty(request, text) > 0) == penalised


def test_a_people_split_off_a_french_article_keeps_its_capital():
    """``LesAllemands``: French capitalises a people after its article (``les Allemands``); the
    model, reading the corpus's lower-case adjective ``allemands``, would lower it."""
    from cleanup.neural import _applicable_ops, _Request

    text = "Le référendum, dans lequel lesBritanniques se sont prononcés."
    start = text.index("lesBritanniques")
    request = _Request(0, "fr", 0, len(text), start, start + len("lesBritanniques"), "merge.case_boundary", "",
                       split_at=len("les"))
    assert "split lower" not in _applicable_ops(text, request)
    assert clean_article(text, Config(lang="fr")).text == "Le référendum, dans lequel les Britanniques se sont prononcés."


@pytest.mark.parametrize("lean, expected", [
    (0.0, "Foi professor do Colégio de são Fiel a partir de 1895."),
    (-1.0, "Foi professor do Colégio de São Fiel a partir de 1895."),
])
def test_a_word_split_off_before_a_capital_keeps_its_capital_where_the_model_hesitates(monkeypatch, lean, expected):
    """``deSão Fiel``: the corpus writes ``são`` (the verb) more often in lower case, and the
    bundled model lowers it; a name going on after it (``Fiel``) leans the choice to the capital."""
    monkeypatch.setattr(neural_module, "SPLIT_LOWER_BEFORE_CAPITAL_LEAN", lean)
    assert clean_article("Foi professor do Colégio deSão Fiel a partir de 1895.", Config(lang="pt")).text == expected
