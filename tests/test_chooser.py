"""The chooser among a flagged span's repairs (cleanup/chooser.py), its fit
(cleanup/training/chooser.py), and how the pipeline uses it."""

from __future__ import annotations

import json
import math
import random
from dataclasses import replace

import pytest

from cleanup import Config, clean_article
from cleanup.chooser import ANY_REPAIR, CHOOSER_FILE, Chooser, SpanChoice, context_features, features, load_chooser
from cleanup.config import DEFAULT_MODEL_DIR
from cleanup.training.chooser import THRESHOLDS, chosen, fit, hand_tuned, pick_thresholds, tally


def _span(scores, rule="hint.capital_after_name", lang="en", floors=None, **kw) -> SpanChoice:
    floors = floors if floors is not None else {op: -0.5 for op in scores if op != "keep"}
    return SpanChoice(lang, rule, scores, floors=floors, **kw)


def test_every_feature_belongs_to_its_option():
    """A softmax sees only differences between options: two options never share a name
    crossed with the flag or the words' codes."""
    span = _span({"keep": -0.2, "comma": -0.9, "lower": -1.1}, codes="5n 6w")
    keep, comma = features(span, "keep"), features(span, "comma")
    assert keep["op:keep|rule:hint.capital_after_name"] == comma["op:comma|rule:hint.capital_after_name"] == 1.0
    assert "op:comma|rule:hint.capital_after_name" not in keep
    assert comma["op:comma|last_case:w"] == 1.0 and comma["op:comma|cases:nw"] == 1.0
    assert comma["gap"] == pytest.approx(-0.7) and keep["gap"] == 0.0


def test_the_chooser_follows_its_weights_not_the_models_likeliest_option():
    span = _span({"keep": -0.1, "lower": -0.8})
    trusting = Chooser({"score": 5.0}, threshold=0.5)
    corrected = Chooser({"score": 5.0, "op:keep|rule:hint.capital_after_name": -6.0}, threshold=0.5)
    assert trusting.choose(span)[0] == "keep"
    answer, probability = corrected.choose(span)
    assert answer == "lower" and probability > 0.5
    assert sum(corrected.probabilities(span).values()) == pytest.approx(1.0)


def test_the_chooser_needs_its_threshold_only_to_repair_what_the_hand_tuned_choice_leaves():
    unsure = Chooser({"op:lower": 0.2}, threshold=0.7)
    assert chosen(unsure, _span({"keep": -0.1, "lower": -0.8})) == "keep"
    # where the hand-tuned choice repairs, the chooser only says which repair
    assert chosen(unsure, _span({"lower": -0.8, "comma": -0.9}, rule="casing.capital_after_link",
                                hand_tuned="comma")) == "lower"
    sure = Chooser({"op:lower": 3.0}, threshold=0.7)
    assert chosen(sure, _span({"keep": -0.1, "lower": -0.8})) == "lower"
    # a kind the model is never trusted with (an infinite floor) stays untouched
    assert chosen(Chooser({"op:capitalise": 9.0}, 0.5), _span({"keep": -0.1, "capitalise": -0.2},
                                                            floors={"capitalise": math.inf})) == "keep"


def test_two_repairs_unsure_between_them_are_weighed_together():
    """``keep`` is the likeliest single option (0.38), but the two repairs have 0.62 together:
    something is broken, and the likelier repair mends it where the language's threshold for the
    repairs together allows."""
    span = _span({"keep": -0.2, "comma": -0.9, "lower": -1.1})
    weights = {"op:comma": -0.15, "op:lower": -0.3}
    assert Chooser(weights, 0.7).decide(span) == ("keep", pytest.approx(0.38, abs=0.01), False)
    together = Chooser(weights, 0.7, thresholds={"en": {ANY_REPAIR: 0.6}})
    answer, probability, weighed_together = together.decide(span)
    assert (answer, weighed_together) == ("comma", True) and probability == pytest.approx(0.62, abs=0.01)
    assert together.decide(replace(span, lang="fr")).answer == "keep"  # no such threshold chosen for French
    # one repair alone is held to its own threshold, not this one
    assert together.decide(_span({"keep": -0.2, "lower": -1.1})).answer == "keep"


def _records(n: int, seed: int) -> list[dict]:
    """Spans where the model keeps too often after one flag: its ``keep`` looks likelier, but
    the repair is right (a corrupted sentence); and clean sentences' spans where ``keep`` is
    right and the model is sure of it."""
    rng = random.Random(seed)
    records = []
    for _ in range(n):
        clean = rng.random() < 0.4
        keep, lower = (-0.05, -2.5) if clean else (-0.3 + rng.uniform(-0.1, 0.1), -0.6 + rng.uniform(-0.1, 0.1))
        span = _span({"keep": keep, "lower": lower})
        records.append({"seed": seed, "clean": clean, "choice": span.to_json(),
                        "right": {"keep": clean, "lower": not clean}})
    return records


def test_the_fit_learns_what_the_hand_tuned_choice_gets_wrong():
    weights = fit(_records(300, 1))
    thresholds, tables = pick_thresholds(_records(300, 1), weights)
    chooser = Chooser(weights, THRESHOLDS[-1], thresholds=thresholds)
    held_out = _records(300, 2)
    # the model's keep wins every time: only the clean sentences' spans come out right
    assert tally(held_out, hand_tuned) == (sum(r["clean"] for r in held_out), 0)
    assert tally(held_out, lambda c: chosen(chooser, c)) == (len(held_out), 0)
    assert set(tables["en"]["by_threshold"]["repair"]) == {str(t) for t in THRESHOLDS}


def test_the_thresholds_change_no_more_clean_spans_than_the_hand_tuned_choice():
    # a chooser that repairs everything would change every clean span at any threshold
    thresholds, _ = pick_thresholds(_records(200, 3), {"op:lower": 10.0})
    assert thresholds["en"] == {"capitalise": THRESHOLDS[-1], "repair": THRESHOLDS[-1]}


def _unsure_records(n: int, seed: int) -> list[dict]:
    """Corrupted spans where ``keep`` scores a little above each of two repairs, the right
    one either, and clean spans where the model is sure of ``keep``."""
    rng = random.Random(seed)
    records = []
    for k in range(n):
        clean = rng.random() < 0.4
        scores = ({"keep": -0.05, "comma": -1.5, "lower": -1.6} if clean
                  else {"keep": -0.3, "comma": -0.35, "lower": -0.36})
        right = {"keep": clean, "comma": not clean and k % 3 > 0, "lower": not clean and k % 3 == 0}
        records.append({"seed": seed, "clean": clean, "choice": _span(scores).to_json(), "right": right})
    return records


def test_the_repairs_together_get_a_threshold_only_where_it_restores_spans():
    thresholds, tables = pick_thresholds(_unsure_records(200, 8), {"score": 5.0})
    # no repair is ever the likeliest option: only the repairs together restore the comma spans
    assert thresholds["en"][ANY_REPAIR] <= 0.6 and tables["en"]["clean_changed"] == 0
    records = _unsure_records(200, 8)
    assert tables["en"]["restored"] == sum(r["clean"] or r["right"]["comma"] for r in records)
    assert tally(records, hand_tuned) == (sum(r["clean"] for r in records), 0)
    # where keep is right whenever the model keeps, a threshold for them would restore nothing
    thresholds, _ = pick_thresholds(_records(200, 9), fit(_records(200, 9)))
    assert ANY_REPAIR not in thresholds["en"]


def test_capitalising_a_word_has_a_threshold_of_its_own():
    """Clean text offers many lower-case words to capitalise: the chooser's capitals on clean
    lines are held to a stricter threshold than its other repairs, which clean lines rarely offer."""
    records = _records(200, 6)
    for k, record in enumerate(_records(200, 7)):
        # clean or not, the model scores the capital alike: only a strict threshold spares clean lines
        scores = {"keep": -0.3 + (k % 7) / 100, "capitalise": -0.6}
        records.append({**record, "choice": {**record["choice"], "scores": scores},
                        "right": {"keep": record["clean"], "capitalise": not record["clean"]}})
    thresholds, _ = pick_thresholds(records, fit(records))
    assert thresholds["en"]["capitalise"] > thresholds["en"]["repair"]


def test_a_span_choice_round_trips_through_json():
    span = SpanChoice("fr", "merge.case_boundary", {"split": -0.2, "split lower": -0.4}, 0.25,
                      ("split lower", "split", 0.7, -1.0), {"split": -0.5, "split lower": -math.inf},
                      {"split": "drop before a non-verb"}, "4w 6N", True, "split", "le ", "ParisLa", " ville")
    assert SpanChoice.from_json(json.loads(json.dumps(span.to_json()))) == span
    # a span recorded before the context was kept reads back without it
    old = {k: v for k, v in span.to_json().items() if k not in ("before", "span", "after")}
    assert SpanChoice.from_json(old).span == "" and not context_features(SpanChoice.from_json(old), "split")


def _capital(before, word, after, lang="de"):
    return context_features(_span({"keep": -0.3, "capitalise": -0.3}, rule="hint.unlowered_name", lang=lang,
                                  before=before, span=word, after=after), "capitalise")


def test_the_context_says_where_a_german_noun_stands():
    """A German noun follows its determiner (``ihre kunden``); a lower-case word before a
    capitalised one is an adjective (``flotte Polkas``), after ``zu`` a verb (``zu summen``)."""
    noun = _capital("Preiserhöhung an ihre ", "kunden", " weitergeben.")
    assert noun["op:capitalise|after_determiner|lang:de"] == 1.0 and noun["op:capitalise|capitalised_log"] > 0.5
    assert noun["op:capitalise|german_noun"] == 1.0
    adjective = _capital("Die Kapelle spielt ", "flotte", " Polkas und Märsche.")
    assert adjective["op:capitalise|before_capital|lang:de"] == 1.0
    assert "op:capitalise|after_determiner|lang:de" not in adjective
    assert _capital("alle ihre Telefone zu ", "summen", " begannen.")["op:capitalise|after_function_word|lang:de"] == 1.0


def test_the_context_counts_the_two_word_name_a_capital_would_make():
    name = _capital("moved to the United ", "states", ", where", lang="en")
    assert name["op:capitalise|after_capital"] == 1.0 and name["op:capitalise|name_pair_log"] > 0.5
    assert "op:capitalise|name_pair_log" not in _capital("moved to the ", "states", " where", lang="en")


def test_the_fit_learns_from_the_context_what_the_scores_cannot_tell():
    """The model scores a German noun after its determiner and an adjective before its noun
    alike; only the words around them tell them apart."""
    def records(n, seed):
        rng = random.Random(seed)
        out = []
        for _ in range(n):
            noun = rng.random() < 0.5
            before, word, after = (("an ihre ", "kunden", " weiter.") if noun
                                   else ("Die Kapelle spielt ", "flotte", " Polkas."))
            span = _span({"keep": -0.3 + rng.uniform(-0.05, 0.05), "capitalise": -0.3}, rule="hint.unlowered_name",
                         lang="de", before=before, span=word, after=after)
            out.append({"seed": seed, "clean": not noun, "choice": span.to_json(),
                        "right": {"keep": not noun, "capitalise": noun}})
        return out
    weights = fit(records(200, 1))
    thresholds, _ = pick_thresholds(records(200, 1), weights)
    held_out = records(200, 2)
    assert tally(held_out, lambda c: chosen(Chooser(weights, THRESHOLDS[-1], thresholds=thresholds), c)) == (200, 0)


# --- in the pipeline ---------------------------------------------------------------------


def _scoring_repairer():
    """Stands in for the model: scores every option, ``keep`` likeliest."""
    from cleanup.neural import Repairer

    class Scoring(Repairer):
        def score(self, sources, candidates):
            return [{op: (-0.1 if op == "keep" else -0.9) for op in options} for options in candidates]

    return Scoring(model=None, tokenizer=None, model_id="fake@0", names_ops=True)


def _model_dir(tmp_path, weights, threshold, thresholds=None):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / CHOOSER_FILE).write_text(json.dumps({"threshold": threshold, "weights": weights,
                                                     "thresholds": thresholds or {}}), encoding="utf-8")
    return tmp_path


def test_the_pipeline_applies_what_the_chooser_chooses_and_reports_its_probability(tmp_path, monkeypatch):
    import cleanup.neural as neural

    monkeypatch.setattr(neural, "load_repairer", lambda path: _scoring_repairer())
    text = "Residents of Tyumen Soon erupted with comments."
    model = _model_dir(tmp_path, {"op:lower": 4.0}, 0.6)
    cleaned = clean_article(text, Config(lang="en", model_path=model))
    assert cleaned.text == "Residents of Tyumen soon erupted with comments."
    [edit] = [e for e in cleaned.edits if e.source == "model"]
    assert edit.score == -0.9  # the model's own score of the repair
    assert 0.6 <= edit.confidence < 1 and "chosen by chooser@" in edit.reason
    # without the chooser the model's likeliest option, keep, stands
    assert clean_article(text, Config(lang="en", model_path=model, use_chooser=False)).text == text


def test_an_edit_chosen_by_the_repairs_together_says_so(tmp_path, monkeypatch):
    import cleanup.neural as neural

    monkeypatch.setattr(neural, "load_repairer", lambda path: _scoring_repairer())
    text = "Residents of Tyumen Soon erupted with comments."
    model = _model_dir(tmp_path, {"op:comma": -0.15, "op:lower": -0.3}, 0.99,
                       thresholds={"en": {"capitalise": 0.99, "repair": 0.99, ANY_REPAIR: 0.6}})
    cleaned = clean_article(text, Config(lang="en", model_path=model))
    assert cleaned.text == "Residents of Tyumen, soon erupted with comments."
    [edit] = [e for e in cleaned.edits if e.source == "model"]
    assert "repairs have probability 0.62 together" in edit.reason and edit.confidence == pytest.approx(0.62, abs=0.01)


def test_a_repair_the_chooser_is_unsure_of_is_not_applied(tmp_path, monkeypatch):
    import cleanup.neural as neural

    monkeypatch.setattr(neural, "load_repairer", lambda path: _scoring_repairer())
    text = "Residents of Tyumen Soon erupted with comments."
    model = _model_dir(tmp_path, {"op:lower": 4.0}, 0.99)
    cleaned = clean_article(text, Config(lang="en", model_path=model))
    assert cleaned.text == text
    assert any("below the threshold" in note for note in cleaned.notes)


def test_a_chooser_fitted_for_other_weights_is_ignored(tmp_path):
    (tmp_path / CHOOSER_FILE).write_text(json.dumps({"model": "small@aaa", "threshold": 0.7, "weights": {"score": 1}}),
                                         encoding="utf-8")
    assert load_chooser(tmp_path, "small@aaa").threshold == 0.7
    assert load_chooser(tmp_path, "small@bbb") is None  # retrained into the same directory


def test_the_bundled_model_ships_its_chooser():
    chooser = load_chooser(DEFAULT_MODEL_DIR)
    assert chooser is not None and 0.5 <= chooser.threshold < 1
    assert chooser.chooser_id.startswith("chooser@") and len(chooser.weights) > 50
    fitted = json.loads((DEFAULT_MODEL_DIR / CHOOSER_FILE).read_text(encoding="utf-8"))["fitted_on"]
    assert set(fitted["langs"].split(",")) == {"en", "es", "fr", "de", "pt", "it"}


def test_spans_are_recorded_with_every_options_rightness(tmp_path, monkeypatch):
    """The fit's data: held-out lines, corrupted and clean, each flagged span with its options."""
    from pathlib import Path

    from cleanup.training.chooser import record
    from cleanup.training.data import read_corpus

    data = Path(__file__).resolve().parent / "data"
    lines = read_corpus("en", data, "train_sample_{lang}.txt")
    (tmp_path / "en.txt").write_text("\n".join(lines.held_out) + "\n", encoding="utf-8")
    monkeypatch.setenv("CLEANUP_CORPUS_DIR", str(tmp_path))
    records = list(record("en", [9], DEFAULT_MODEL_DIR, per_seed=10))
    held_out_text = "\n".join(lines.held_out)
    assert records and all(set(r["right"]) == set(r["choice"]["scores"]) for r in records)
    assert all(r["right"]["keep"] for r in records if r["clean"] and "keep" in r["right"])
    assert any(not r["clean"] and any(r["right"].values()) for r in records)
    # each span with the words around it, for the context's features
    assert all(r["choice"]["span"] for r in records)
    assert all(r["choice"]["before"] + r["choice"]["span"] + r["choice"]["after"] in held_out_text
               for r in records if r["clean"])


def test_each_language_gets_the_threshold_its_clean_sentences_allow():
    """French clean spans score as the corrupted ones do, so a low threshold would change
    them; English ones the model tells apart would not: French is held to a stricter
    threshold than English."""
    english = _records(200, 4)
    french = []
    for record in _records(200, 5):
        choice = dict(record["choice"], lang="fr")
        if record["clean"]:
            choice["scores"] = {"keep": -0.3, "lower": -0.6}
        french.append({**record, "choice": choice})
    thresholds, tables = pick_thresholds(english + french, fit(english + french))
    assert thresholds["fr"]["repair"] > thresholds["en"]["repair"]
    assert set(tables) == {"en", "fr"}


def test_a_report_names_the_chooser_that_decided():
    from cleanup.explain import signature
    from cleanup.neural import model_id_for

    config = Config(lang="en")
    assert signature(config, model_id_for(config))["chooser"] == load_chooser(DEFAULT_MODEL_DIR).chooser_id
    assert signature(Config(lang="en", use_chooser=False), model_id_for(config))["chooser"] is None
    assert signature(Config(lang="en", use_model=False))["chooser"] is None


def test_no_chooser_on_the_command_line_leaves_the_choice_to_the_hand_tuned_rules(tmp_path):
    """``Russia Forming``: the hand-tuned choice puts the comma back, the chooser lowers the
    capital; ``--no-chooser`` gives the former."""
    from typer.testing import CliRunner

    from cleanup.cli import app

    text = "were delivered to the arctic region of Russia Forming a battalion of air defense.\n"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    hand_tuned = clean_article(text, Config(lang="en", use_chooser=False)).text
    with_chooser = clean_article(text, Config(lang="en")).text
    assert hand_tuned != with_chooser
    runner = CliRunner()
    assert runner.invoke(app, ["clean", str(article), "--lang", "en", "--no-chooser"]).stdout == hand_tuned
    assert runner.invoke(app, ["clean", str(article), "--lang", "en"]).stdout == with_chooser


def test_fitting_without_a_corpus_is_a_one_line_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from cleanup.cli import app

    monkeypatch.setenv("CLEANUP_CORPUS_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["train-chooser", "--langs", "en", "--out", str(tmp_path / "c.json")])
    assert result.exit_code == 2
    assert result.stderr == f"cleanup: error: no corpus for 'en' at {tmp_path / 'en.txt'} (set CLEANUP_CORPUS_DIR) and no recorded spans\n"
    assert not (tmp_path / "c.json").exists()


def test_records_made_before_the_context_are_refused_not_fitted_on(tmp_path, monkeypatch):
    """A records directory from an older cleanup would fit a chooser without the span's
    context or the rules' labels: a one-line error, and nothing written."""
    from typer.testing import CliRunner

    from cleanup.cli import app

    old = _span({"keep": -0.1, "lower": -0.8})
    record = {"seed": 9, "clean": False, "right": {"keep": False, "lower": True},
              "choice": {k: v for k, v in old.to_json().items() if k not in ("before", "span", "after")}}
    (tmp_path / "en.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setenv("CLEANUP_CORPUS_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["train-chooser", "--langs", "en", "--records", str(tmp_path),
                                      "--out", str(tmp_path / "c.json")])
    assert result.exit_code == 2
    assert result.stderr == (f"cleanup: error: {tmp_path / 'en.jsonl'} was recorded by an older cleanup (no context "
                             "of the spans); remove it to record again\n")
    assert not (tmp_path / "c.json").exists()


def test_keep_is_right_where_the_rules_restore_the_span_anyway(monkeypatch):
    """``casing.proper_noun`` capitalises ``september`` whatever the model says: the span's
    ``keep`` restores the sentence too, and the fit must not learn that only a capital does."""
    import cleanup.training.data as data
    from cleanup.training.chooser import record

    line = ("It ended at the end of september.", "It ended at the end of September.")
    monkeypatch.setattr(data, "corrupted_held_out", lambda lang, n, m, seed: ([(None, *line)], []))
    [span] = [r for r in record("en", [1], DEFAULT_MODEL_DIR) if r["choice"]["span"] == "september"]
    assert span["right"] == {"keep": True, "capitalise": True}
