"""Training side: simulator corruptions, determinism, tokenizer round trip, tiny training run.

Reads only the committed fixture tests/data/train_sample_<lang>.txt (never /work/shared).
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from cleanup.training import simulate as sim
from cleanup.training.data import is_held_out, read_corpus, split_lines
from cleanup.windows import model_input, widen

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "es", "fr", "de", "pt", "it")


def _fixture(lang: str) -> list[str]:
    return list(read_corpus(lang, DATA, "train_sample_{lang}.txt").train)


def _all_outcomes(fn, text, lang, seeds=range(40)):
    out = set()
    for seed in seeds:
        c = fn(text, lang, random.Random(seed))
        if c is not None:
            out.add(c.corrupted)
    return out


# --- simulator: one test per corruption -------------------------------------------------


def test_simulate_glue_removes_one_space_and_may_capitalise():
    outcomes = _all_outcomes(sim.glue, "Officials in Moscow who spoke", "en")
    assert "Officials in Moscowwho spoke" in outcomes
    assert "Officials in MoscowWho spoke" in outcomes
    for corrupted in outcomes:
        assert corrupted.count(" ") == 3
        assert corrupted.replace(" ", "").lower() == "officialsinmoscowwhospoke"


def test_simulate_glue_prefers_capitalised_first_word():
    text = "the troops in Moscow who spoke"
    hits = sum("Moscoww" in sim.glue(text, "en", random.Random(s)).corrupted.replace("W", "w") for s in range(400))
    assert hits > 400 * 0.35  # 4 of 8 weight units after "Moscow", 1 of 8 for each other pair


def test_simulate_pronoun_inserted_after_plural_entity_before_verb():
    text = "Yesterday the Armed Forces have affirmed it"
    outcomes = _all_outcomes(sim.pronoun, text, "en")
    assert outcomes == {"Yesterday the Armed ForcesThey have affirmed it"}


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("es", "Ayer las Fuerzas han dicho", {"Ayer las FuerzasEllos han dicho", "Ayer las FuerzasEllas han dicho"}),
        ("fr", "Hier les Forces ont dit", {"Hier les ForcesIls ont dit", "Hier les ForcesElles ont dit"}),
        ("de", "Gestern hat Berlin gesagt", {"Gestern hat BerlinEr gesagt", "Gestern hat BerlinSie gesagt",
                                             "Gestern hat BerlinEs gesagt"}),
        ("pt", "Ontem as Forças disseram", {"Ontem as ForçasEles disseram", "Ontem as ForçasElas disseram"}),
        ("it", "Ieri le Forze armate hanno", {"Ieri le ForzeLui armate hanno", "Ieri le ForzeLei armate hanno",
                                              "Ieri le ForzeEsso armate hanno"}),
    ],
)
def test_simulate_pronoun_uses_the_language_list(lang, text, expected):
    assert _all_outcomes(sim.pronoun, text, lang) == expected


def test_simulate_pronoun_skips_sentence_openers():
    assert sim.pronoun("Thus the", "en", random.Random(0)) is None


def test_simulate_comma_capital_drops_comma_or_adds_capital():
    outcomes = _all_outcomes(sim.comma_capital, "the Army, in a move", "en")
    assert outcomes == {"the Army In a move"}
    outcomes = _all_outcomes(sim.comma_capital, "the Army in a move", "en")
    assert outcomes == {"the Army In a move"}


def test_simulate_phrase_a_yes():
    assert sim.phrase("Thus, he stressed that", "en", random.Random(0)).corrupted == "A) Yes, stressed that"
    assert sim.phrase("Thus, the talks failed", "en", random.Random(0)).corrupted == "A) Yes, the talks failed"
    c = sim.phrase("She stressed that it was over", "en", random.Random(0))
    assert (c.clean, c.corrupted) == ("Thus, she stressed that it was over", "A) Yes, stressed that it was over")
    assert sim.phrase("Thus, he stressed", "es", random.Random(0)) is None


def test_simulate_lowercase_name_only_mid_sentence():
    assert _all_outcomes(sim.lowercase_name, "Troops reached Kyiv today", "en") == {"Troops reached kyiv today"}
    assert sim.lowercase_name("Kyiv is calm", "en", random.Random(0)) is None
    assert sim.lowercase_name("He left. Kyiv is calm", "en", random.Random(0)) is None


def test_simulate_punct_space_before_and_after():
    assert _all_outcomes(sim.punct_space, "He said, then left", "en") == {"He said , then left"}
    assert _all_outcomes(sim.punct_space, "He said. The end", "en") >= {"He said.The end"}
    # French spaces ; : ! ? by rule: never a corruption there
    assert sim.punct_space("Il a dit ; oui", "fr", random.Random(0)) is None
    assert _all_outcomes(sim.punct_space, "Il a dit: oui", "fr") == set()
    assert _all_outcomes(sim.punct_space, "Er sagte: ja", "de") == {"Er sagte : ja"}


def test_simulate_quote_glue():
    assert _all_outcomes(sim.quote_glue, "as “soon as possible” to act", "en") == {"as “soon as possible”to act"}
    assert _all_outcomes(sim.quote_glue, 'a "big" deal', "en") == {'a "big"deal'}
    assert sim.quote_glue("no quotes here", "en", random.Random(0)) is None
    # an elided article is not a closing quote (corpus lines such as "L' augmentation")
    assert sim.quote_glue("des banquiers L' augmentation de", "fr", random.Random(0)) is None
    assert sim.quote_glue("dell’ Europa", "it", random.Random(0)) is None
    assert _all_outcomes(sim.quote_glue, "« oui » a dit", "fr") == {"« oui »a dit"}


def test_simulate_clean_span_is_identity():
    c = sim.clean_span("Yesterday the President said YouTube was down", "en", random.Random(0))
    assert c.corrupted == c.clean and c.kind == "clean"


# --- simulator: examples ----------------------------------------------------------------


def test_simulate_example_window_matches_widen_and_clean_words():
    text = "Yesterday the Ukrainian Armed Forces have affirmed that the attack failed."
    at = text.index(" have")
    c = sim.Corruption("pronoun", text, at, at, "They")
    ex = sim.make_example("en", c)
    start, end = widen(c.corrupted, c.corrupted.index("ForcesThey"), c.corrupted.index("ForcesThey") + 10)
    assert ex.source == model_input("en", c.corrupted[start:end])
    assert ex.target == "the Ukrainian Armed Forces have affirmed that"


@pytest.mark.parametrize("lang", LANGS)
def test_simulate_targets_are_clean_text(lang):
    lines = _fixture(lang)
    corpus = " ".join(lines)
    for ex in sim.simulate(lines, lang, seed=3):
        assert ex.source.startswith(f"<{lang}> ")
        assert ex.target in corpus or ex.target.startswith("Thus, ")
        if ex.is_clean:
            assert ex.source == model_input(lang, ex.target)
        else:
            assert ex.source != model_input(lang, ex.target)


def test_simulate_is_deterministic_and_at_least_40_percent_clean():
    for lang in LANGS:
        lines = _fixture(lang)
        first = list(sim.simulate(lines, lang, seed=7))
        assert first == list(sim.simulate(lines, lang, seed=7))
        assert first != list(sim.simulate(lines, lang, seed=8))
        assert sum(e.is_clean for e in first) / len(first) >= 0.40


def test_simulate_produces_every_kind():
    kinds = set()
    for lang in LANGS:
        extra = ["He said that the talks were over.", "Thus, the plan failed."] * 60 if lang == "en" else []
        kinds |= {e.kind for e in sim.simulate(_fixture(lang) * 4 + extra, lang, seed=1)}
    assert kinds >= set(sim.CORRUPTIONS) | {"clean"}


def test_data_split_is_a_function_of_the_line():
    lines = [f"Sentence number {i} of the corpus." for i in range(2000)]
    split = split_lines(lines)
    assert 0.03 < len(split.held_out) / len(lines) < 0.07
    assert split_lines(reversed(lines)).held_out == tuple(reversed(split.held_out))
    assert all(is_held_out(x) for x in split.held_out)


# --- tokenizer ---------------------------------------------------------------------------

ROUND_TRIP = [
    "<en> the Ukrainian Armed ForcesThey have affirmed",
    "He said  “soon” – and — l’été « oui » ; ‘single’",
    "Ça coûte 3,5 € à São Paulo, Zürich, Kraków — añadió Peña.",
    "Emoji 😀👍🏽 and symbols ₴ ℃ ﬁ 𝔘",
    "<fr> mot ; autre ! « citation »",
    "said , the .The",
]


@pytest.fixture(scope="module")
def tiny_tokenizer_dir(tmp_path_factory):
    from cleanup.training.tokenizer import TokenizerConfig, train_tokenizer

    out = tmp_path_factory.mktemp("tok")
    train_tokenizer({lang: _fixture(lang) for lang in LANGS}, out, TokenizerConfig(vocab_size=400))
    return out


@pytest.fixture(scope="module")
def tiny_tokenizer(tiny_tokenizer_dir):
    from cleanup.training.tokenizer import load_tokenizer

    return load_tokenizer(tiny_tokenizer_dir)


@pytest.mark.parametrize("directory", ["trained", "bundled"])
def test_saved_tokenizer_config_is_one_transformers_4_also_reads(tiny_tokenizer_dir, directory):
    # transformers 5 saves a class name (TokenizersBackend) and a list of extra_special_tokens
    # that transformers 4, which pyproject.toml accepts, cannot load; transformers 4 would also
    # hand T5 token_type_ids, which its generate() refuses.
    folder = tiny_tokenizer_dir if directory == "trained" else ROOT / "models" / "cleanup-t5-small"
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert config["additional_special_tokens"] == [f"<{lang}>" for lang in LANGS]
    assert not isinstance(config.get("extra_special_tokens"), list)  # transformers 4 writes {}
    assert config["model_input_names"] == ["input_ids", "attention_mask"]


def _round_trip(tok, text):
    return tok.decode(tok(text).input_ids, skip_special_tokens=True)


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_tokenizer_round_trips_special_characters(tiny_tokenizer, text):
    expected = text.split(" ", 1)[1] if text.startswith("<") else text
    assert _round_trip(tiny_tokenizer, text) == expected
    assert tiny_tokenizer.unk_token_id not in tiny_tokenizer(text).input_ids


def test_tokenizer_round_trips_corpus_sample(tiny_tokenizer):
    for lang in LANGS:
        for line in read_corpus(lang, DATA, "train_sample_{lang}.txt").held_out:
            assert _round_trip(tiny_tokenizer, line) == line


def test_tokenizer_ids_and_language_tags(tiny_tokenizer):
    tok = tiny_tokenizer
    assert (tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (0, 1, 2)
    for lang in LANGS:
        ids = tok(f"<{lang}> word").input_ids
        assert tok.convert_ids_to_tokens(ids[0]) == f"<{lang}>"
        assert ids[-1] == tok.eos_token_id


# --- training ----------------------------------------------------------------------------


def test_train_tiny_run_exports_a_loadable_model(tmp_path):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from cleanup.training.train import PRESETS, train

    config = replace(PRESETS["tiny"], runs_dir=str(tmp_path / "runs"), export_dir=str(tmp_path / "export"))
    best = train(config)
    assert (config.run_dir / "checkpoint.pt").exists()
    for directory in (best, tmp_path / "export"):
        assert (directory / "model.safetensors").exists()
        tok = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
        model = AutoModelForSeq2SeqLM.from_pretrained(str(directory), local_files_only=True)
        out = model.generate(**tok(["<en> the Army in a"], return_tensors="pt"), max_new_tokens=5)
        assert isinstance(tok.batch_decode(out, skip_special_tokens=True)[0], str)
    # resuming a finished run does no more steps and keeps the checkpoint
    import torch

    before = torch.load(config.run_dir / "checkpoint.pt", weights_only=False)["step"]
    train(config)
    assert torch.load(config.run_dir / "checkpoint.pt", weights_only=False)["step"] == before == config.max_steps


def test_training_scrambled_copies_are_permutations_copied_verbatim():
    import random

    from cleanup.training.simulate import Example
    from cleanup.training.train import scrambled_copies

    examples = [Example("en", "<en> the Armed ForcesThey have said", "the Armed Forces have said", "pronoun")] * 4
    copies = scrambled_copies(examples, 0.5, random.Random(3))
    assert len(copies) == 4
    for copy in copies:
        assert copy.kind == "copy" and copy.source == f"<en> {copy.target}"
        assert sorted(copy.target.split(" ")) == sorted("the Armed Forces have said".split(" "))
    assert scrambled_copies(examples, 0.0, random.Random(3)) == []


def test_training_cleanup_train_is_a_cli_command():
    from typer.testing import CliRunner

    from cleanup.cli import app

    result = CliRunner().invoke(app, ["train", "--help"])
    assert result.exit_code == 0 and "--preset" in result.stdout


def test_training_learning_rate_warms_up_then_decays_linearly_to_its_share():
    from cleanup.training.train import PRESETS, _lr_lambda

    config = replace(PRESETS["tiny"], warmup_steps=10, max_steps=110, decay_to=0.1)
    factor = _lr_lambda(config)
    assert factor(0) == pytest.approx(0.1) and factor(9) == pytest.approx(1.0)
    assert factor(60) == pytest.approx(0.55)
    assert factor(110) == pytest.approx(0.1) and factor(500) == pytest.approx(0.1)
    constant = _lr_lambda(replace(config, decay_to=None))
    assert constant(60) == constant(500) == 1.0


def test_ops_examples_carry_the_span_evidence_when_asked():
    from cleanup.training.labels import labelled_examples

    line = ["The Ukrainian Armed Forces have affirmed that it failed."]
    plain = next(labelled_examples(line, "en", 0, 1.0, kinds=("pronoun",)))
    with_evidence = next(labelled_examples(line, "en", 0, 1.0, kinds=("pronoun",), evidence=True))
    assert with_evidence.target == plain.target == "drop"
    assert with_evidence.source == plain.source + " ‖ 4w 6w"  # "Forces" + "They": Zipf and casing


def test_tiny_ops_run_with_evidence_is_read_back_with_evidence(tmp_path):
    from cleanup import Config, clean_article
    from cleanup.neural import load_repairer
    from cleanup.training.train import PRESETS, train

    config = replace(PRESETS["tiny"], task="ops", evidence=True, max_target_tokens=8, max_steps=10,
                     runs_dir=str(tmp_path / "runs"), export_dir=str(tmp_path / "export"))
    train(config)
    repairer = load_repairer(str(tmp_path / "export"))
    assert repairer.evidence and repairer.names_ops
    sources, choose = [], repairer.choose
    repairer.choose = lambda batch, options, **kw: sources.extend(zip(batch, options)) or choose(batch, options, **kw)
    clean_article("The Ukrainian Armed ForcesThey have affirmed that the attack failed.\n",
                  Config(lang="en", model_path=tmp_path / "export"))
    assert sources == [("<en> The Ukrainian Armed ⟦ForcesThey⟧ have affirmed that ‖ 4w 6w",
                        ["split", "split lower", "drop"])]  # the merge rule splits it anyway: no "keep"


def test_a_run_can_start_from_a_saved_model(tmp_path):
    """--init-from: the weights and tokenizer of an exported model, not fresh ones (how a
    run goes on once its checkpoint is gone)."""
    import torch
    from safetensors.torch import load_file

    from cleanup.training.train import PRESETS, train

    first = replace(PRESETS["tiny"], max_steps=5, runs_dir=str(tmp_path / "runs"), export_dir=str(tmp_path / "first"))
    train(first)
    again = replace(first, name="again", max_steps=0, init_from=str(tmp_path / "first"), export_dir=None)
    best = train(again)
    saved, restarted = load_file(tmp_path / "first" / "model.safetensors"), load_file(best / "model.safetensors")
    assert saved.keys() == restarted.keys() and all(torch.equal(saved[k], restarted[k]) for k in saved)
    assert (best / "tokenizer.json").read_bytes() == (tmp_path / "first" / "tokenizer.json").read_bytes()
    assert not (again.run_dir / "tokenizer").exists()  # no new tokenizer was trained


def test_a_saved_model_of_another_size_is_refused(tmp_path):
    from cleanup.training.train import PRESETS, train

    first = replace(PRESETS["tiny"], max_steps=1, runs_dir=str(tmp_path / "runs"), export_dir=str(tmp_path / "first"))
    train(first)
    with pytest.raises(ValueError, match="differ from the config"):
        train(replace(first, name="bigger", d_model=64, init_from=str(tmp_path / "first")))


def test_ops_examples_draw_corruptions_by_the_weights_given():
    """`corruption_weights` (preset small-3) changes which corruptions are drawn, not how."""
    from collections import Counter

    from cleanup.training.labels import labelled_examples

    lines = (Path(__file__).parent / "data" / "train_sample_en.txt").read_text(encoding="utf-8").splitlines()[:200]
    default = Counter(e.kind for e in labelled_examples(lines, "en", 0, 1.0))
    weighted = Counter(e.kind for e in labelled_examples(lines, "en", 0, 1.0, weights={"comma_capital": 100.0}))
    assert weighted["comma_capital"] > 2 * default["comma_capital"]
    assert list(labelled_examples(lines[:20], "en", 0, 1.0, weights={})) == list(labelled_examples(lines[:20], "en", 0, 1.0))


# --- stored examples: simulate here, train on a machine without the corpus -------------

def _ops_tiny(tmp_path, **changes):
    from cleanup.training.train import PRESETS

    return replace(PRESETS["tiny"], task="ops", evidence=True, max_target_tokens=8, copy_share=0.0,
                   runs_dir=str(tmp_path / "runs"), export_dir=None, **changes)


def test_stored_epochs_are_the_epochs_the_run_would_simulate(tmp_path):
    from cleanup.training.store import ExampleStore, write_store
    from cleanup.training.train import _corpus, epoch_examples, validation_examples

    config = _ops_tiny(tmp_path)
    write_store(config, tmp_path / "store", epochs=2, log=lambda message: None)
    store = ExampleStore(tmp_path / "store", config)
    splits = _corpus(config)
    assert store.epoch(1) == epoch_examples(splits, config, 1)
    assert store.epoch(2) == store.epoch(0)  # epoch k reads file k mod 2
    assert store.validation() == validation_examples(splits, config)


def test_a_store_made_with_other_settings_is_refused(tmp_path):
    from cleanup.training.store import ExampleStore, write_store

    config = _ops_tiny(tmp_path)
    write_store(config, tmp_path / "store", epochs=1, log=lambda message: None)
    with pytest.raises(ValueError, match="other context_words, seed"):
        ExampleStore(tmp_path / "store", replace(config, seed=5, context_words=5))
    with pytest.raises(ValueError, match="other settings"):
        write_store(replace(config, seed=5), tmp_path / "store", epochs=1, log=lambda message: None)


def test_a_run_trains_from_stored_examples_without_the_corpus(tmp_path, monkeypatch):
    """What a lent GPU machine does: no corpus, no detector; the shipped tokenizer."""
    import cleanup.training.labels
    from cleanup.training import train as training
    from cleanup.training.store import write_store
    from cleanup.training.tokenizer import load_tokenizer

    config = _ops_tiny(tmp_path)
    write_store(config, tmp_path / "store", epochs=1, log=lambda message: None)

    def no_corpus(*args, **kwargs):
        raise AssertionError("read the corpus or ran the detector")

    monkeypatch.setattr(training, "_corpus", no_corpus)
    monkeypatch.setattr(cleanup.training.labels, "labelled_examples", no_corpus)
    stored = replace(config, examples_dir=str(tmp_path / "store"), max_steps=6,
                     tokenizer_from=str(Path(__file__).parents[1] / "models" / "cleanup-t5-small"))
    best = training.train(stored)
    assert (best / "model.safetensors").exists()
    assert load_tokenizer(best).get_vocab() == load_tokenizer(Path(stored.tokenizer_from)).get_vocab()


def test_fitting_steps_to_minutes_sets_max_steps_by_the_measured_speed():
    from cleanup.training.train import PRESETS, _fit_steps

    config = replace(PRESETS["tiny"], max_minutes=10.0, max_steps=100_000)
    # 200 steps took 20 s and 60 s have gone: 570 - 60 = 510 s left at 0.1 s a step
    assert _fit_steps(config, 700, window_s=20.0, elapsed_s=60.0).max_steps == 700 + 5100


def test_windows_are_as_wide_as_the_model_was_trained_on(tmp_path):
    """context_words reaches the training windows and, through training_info.json, inference."""
    from cleanup import Config, clean_article
    from cleanup.neural import load_repairer
    from cleanup.training.labels import labelled_examples
    from cleanup.training.train import train

    line = ["As they said so the Ukrainian Armed Forces have affirmed that the attack failed badly."]
    wide = next(e for e in labelled_examples(line, "en", 0, 1.0, kinds=("pronoun",), context_words=5, evidence=True)
                if e.target == "drop")
    assert wide.source == "<en> said so the Ukrainian Armed ⟦ForcesThey⟧ have affirmed that the attack ‖ 4w 6w"
    export = tmp_path / "export"
    train(replace(_ops_tiny(tmp_path), context_words=5, max_steps=2, export_dir=str(export)))
    repairer = load_repairer(str(export))
    sources, choose = [], repairer.choose
    repairer.choose = lambda batch, options, **kw: sources.extend(batch) or choose(batch, options, **kw)
    clean_article(line[0].replace("Forces", "ForcesThey") + "\n", Config(lang="en", model_path=export))
    assert wide.source in sources


def test_gpu_runs_come_back_best_in_float32_second_in_float16(tmp_path, monkeypatch):
    """scripts/pack_gpu_runs.py: what the device tool can send back (parts under 16 MB)."""
    import importlib.util
    import json
    import shutil
    import subprocess

    import torch
    from safetensors.torch import load_file

    from cleanup.training.train import PRESETS, train

    best = train(replace(PRESETS["tiny"], max_steps=2, runs_dir=str(tmp_path / "runs"), export_dir=None))
    for name, mean in (("worse", 0.2), ("better", 0.7), ("worst", 0.1)):
        target = tmp_path / "runs" / name / "best"
        shutil.copytree(best, target)
        info = json.loads((target / "training_info.json").read_text())
        info["validation_exact_match"]["mean"] = mean
        (target / "training_info.json").write_text(json.dumps(info))
    spec = importlib.util.spec_from_file_location("pack", Path(__file__).parents[1] / "scripts" / "pack_gpu_runs.py")
    pack = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pack)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    pack.main(tmp_path / "out", ["worse", "better", "worst"])

    parts = sorted((tmp_path / "out").glob("models.tar.part-*"))
    assert parts and all(p.stat().st_size <= 15 * 2**20 for p in parts)
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    subprocess.run(f"cat {' '.join(map(str, parts))} | tar xf - -C {unpacked}", shell=True, check=True)
    assert sorted(p.name for p in unpacked.iterdir()) == ["better", "summary.json", "worse"]
    dtypes = {name: {t.dtype for t in load_file(unpacked / name / "model.safetensors").values()}
              for name in ("better", "worse")}
    assert dtypes == {"better": {torch.float32}, "worse": {torch.float16}}
