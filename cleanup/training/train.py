"""Training loop of the repair model: a small T5 learns to rewrite simulated windows.

Guarantees: seeded and resumable (``runs/<name>/checkpoint.pt`` holds model, optimizer,
scheduler, step, data position and RNG states; it is written every few minutes, on SIGTERM
and at exit, and picked up on start); validation is exact match of greedy decoding on a
fixed held-out set (corrupted and clean windows reported separately); every improvement of
the validation score is exported with ``save_pretrained`` (safetensors) plus the tokenizer,
so a usable model exists even if the run is stopped. Logs go to stderr only.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from cleanup.config import SUPPORTED_LANGUAGES
from cleanup.training.data import corpus_dir, read_corpus
from cleanup.windows import CONTEXT_WORDS, model_input
from cleanup.training.simulate import Example, simulate

log = logging.getLogger("cleanup.training")

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides the trained model; presets below.

    Model (T5 v1.0 style: ReLU feed-forward, tied embeddings, which keep it under 50 MB):
    ``d_model`` 256, ``d_ff`` 1024, ``encoder_layers``/``decoder_layers`` 3+3, ``heads`` 4.
    ``task`` "ops" (the shipped ``small`` preset): name the repair of a marked span
    (:mod:`cleanup.ops`); "window" (``small-window``): rewrite the whole window, which did
    not train on 2 CPU cores (see the model card).

    Optimisation: ``optimizer`` "adamw" with a linear warm-up of ``warmup_steps`` to
    ``learning_rate``, then constant, or with ``decay_to`` a linear decay to that share
    of the rate at ``max_steps``; ``lr_drops`` lists (step, rate) pairs: from that
    step on, the rate. The measured reasons for each preset's values are beside it.
    ``batch_size`` 64, windows truncated to ``max_source_tokens``/``max_target_tokens``.

    Data: each epoch simulates fresh corruptions (seed, epoch) on a contiguous block of at
    most ``lines_per_language`` training lines per language, so en does not drown it;
    ``copy_share`` adds scrambled-window copies (the copy curriculum).

    Run control: ``eval_every`` steps, ``eval_windows_per_language`` held-out windows per
    language and kind (corrupted / clean); ``checkpoint_every_s`` seconds; stop at
    ``max_steps`` or after ``max_minutes`` of this process. ``threads`` (1) leaves the
    other core to the rest of the machine. ``fit_steps_to_minutes``: once the warm-up is
    over, ``max_steps`` becomes what the measured speed fits into ``max_minutes``, so a
    decaying schedule ends with the time a lent GPU has (the speed is not known beforehand).

    Elsewhere: ``examples_dir`` trains from examples written by ``--write-examples``
    (:mod:`cleanup.training.store`) instead of simulating them, so the corpus and the
    detector's word lists are not needed; ``tokenizer_from`` then names the model directory
    whose tokenizer fresh weights use.
    """

    name: str = "small"
    # model
    architecture: str = "t5"
    d_model: int = 256
    d_ff: int = 1024
    encoder_layers: int = 3
    decoder_layers: int = 3
    heads: int = 4
    dropout: float = 0.0
    # tokenizer
    vocab_size: int = 8000
    tokenizer_lines_per_language: int = 25000
    # optimisation
    optimizer: str = "adamw"
    learning_rate: float = 1.5e-3
    warmup_steps: int = 300
    lr_drops: tuple[tuple[int, float], ...] = ()
    # None: constant after the warm-up; a share: linear decay to that share of the rate at max_steps
    decay_to: float | None = None
    copy_share: float = 0.33
    # "window": the model rewrites the window; "ops": it names the repair of the marked span
    # (cleanup.ops), which a small model learns in hundreds of steps instead of thousands.
    task: str = "window"
    # ops only: the span's lexical evidence (cleanup.windows.span_evidence) follows the window
    evidence: bool = False
    # ops only: (corruption, weight) pairs drawn instead of simulate.CORRUPTIONS' weights
    corruption_weights: tuple[tuple[str, float], ...] = ()
    # ops only: words of context on either side of the span (cleanup.windows.widen); inference
    # reads it from training_info.json
    context_words: int = CONTEXT_WORDS
    weight_decay: float = 0.0
    batch_size: int = 64
    max_source_tokens: int = 48
    max_target_tokens: int = 48
    # data
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    lines_per_language: int = 40000
    clean_share: float = 0.45
    corpus_dir: str | None = None  # None: cleanup.training.data.corpus_dir()
    corpus_pattern: str = "{lang}.txt"
    examples_dir: str | None = None  # train from cleanup.training.store files instead of simulating
    tokenizer_from: str | None = None  # with fresh weights: this model directory's tokenizer
    # run control
    max_steps: int = 100_000
    max_minutes: float | None = None
    fit_steps_to_minutes: bool = False
    eval_every: int = 500
    eval_windows_per_language: int = 50
    eval_batch_size: int = 100
    log_every: int = 50
    checkpoint_every_s: float = 300.0
    threads: int = 1
    seed: int = 0
    runs_dir: str = "runs"
    export_dir: str | None = "models/cleanup-t5-small"
    # A model directory (save_pretrained) to start from instead of fresh weights: its weights
    # and tokenizer, a new optimizer and schedule. How a run continues after its checkpoint is gone.
    init_from: str | None = None

    @property
    def run_dir(self) -> Path:
        return _resolve(self.runs_dir) / self.name


PRESETS: dict[str, TrainConfig] = {
    # For tests: trains in seconds on the committed fixture corpus.
    "tiny": TrainConfig(
        name="tiny",
        d_model=32,
        d_ff=64,
        encoder_layers=1,
        decoder_layers=1,
        heads=2,
        vocab_size=400,
        tokenizer_lines_per_language=100,
        learning_rate=3e-3,
        warmup_steps=5,
        batch_size=16,
        lines_per_language=100,
        max_steps=30,
        eval_every=15,
        eval_windows_per_language=2,
        log_every=10,
        checkpoint_every_s=3600.0,
        corpus_dir=str(REPO_ROOT / "tests" / "data"),
        corpus_pattern="train_sample_{lang}.txt",
        export_dir=None,
    ),
    # The long run: 1.5e-3 until its loss plateaued (resumed at step 1824), then 5e-4.
    # The operation model. Measured on 2 CPU cores: at 1e-3 it sat at loss ~0.50 from step 400
    # to 2,200 answering the label prior whatever the input (its encoder states had collapsed
    # to one vector); with scrambled copies mixed in at 5e-4 it stayed at 0.17 corrupted
    # exact match after 1,000 steps; 3e-4 with a 400-step warm-up and no copies is the one
    # that started to read its input (0.24-0.39 corrupted, 0.74-0.98 clean by step 2,250).
    # A linear decay to a tenth instead of a constant rate: validation swung by 0.1-0.2
    # between evaluations at the constant rate.
    # With lexical evidence (the 2026-11-26 run): without it, after 6,500 steps the model had
    # learnt `drop` (0.98 on validation), `split lower` (0.47) and `keep` (0.95) but answered
    # `keep` for every `capitalise`, `split`, `comma` and `lower`: which words are names is
    # knowledge, not something a 7.6M model learns from a few hours of examples.
    "small": TrainConfig(task="ops", learning_rate=3e-4, warmup_steps=400, threads=2, lines_per_language=15000,
                         copy_share=0.0, max_target_tokens=8, max_source_tokens=64, eval_every=500,
                         max_steps=12000, decay_to=0.1, evidence=True),
    "small-window": TrainConfig(name="small-window", learning_rate=1e-3, warmup_steps=200, threads=2),
}
# The second stage (2026-11-27): the first stage's best weights, trained on with a fresh
# optimizer on new simulations (seed 1) and the detector's new hints (a common word
# capitalised in mid-sentence, a lower-case word before or a rare one after a name).
PRESETS["small-2"] = replace(PRESETS["small"], name="small-2", learning_rate=1.5e-4, warmup_steps=200,
                             max_steps=16000, seed=1, init_from="runs/small/best")
# A third stage (2026-11-27, second session), an experiment that did not ship: the shipped
# weights trained on with the lost comma + gained capital drawn three times as often (its
# repairs, `comma` and `lower`, were the weakest and the largest group of failures), new
# simulations (seed 2). Validation: `comma` 0.46 → 0.55-0.61, but `capitalise` and `split
# lower` fell, and the mean went 0.772 (step 500, best) → 0.745 (step 2,000); stopped at 2,289.
# Its best checkpoint with floors re-tuned for it: exact match +0.000 to +0.013 per language
# on the benchmark, and 5 clean sentences changed by the model instead of 3: no clear gain.
# It exports to runs/small-3/best only.
PRESETS["small-3"] = replace(PRESETS["small"], name="small-3", learning_rate=1e-4, warmup_steps=100,
                             max_steps=6000, seed=2, init_from="models/cleanup-t5-small", export_dir=None,
                             corruption_weights=(("comma_capital", 6.0),))

# The GPU stage (2026-11-27, third session: an H100 lent for 15 minutes of device time). Its
# examples are simulated here (`--write-examples`, 12 epochs) and carried there, where three
# runs share the GPU for the same minutes: a deeper encoder (6+2 layers, 8.9M parameters,
# still under 50 MB) from fresh weights with 3 or 5 words of context, and the shipped weights
# trained on. Batch 256 at 5e-4: the CPU runs' 3e-4 at batch 64, scaled by about the square
# root of the batch; 1e-3 at batch 64 had collapsed. `fit_steps_to_minutes` ends the decay
# with the time, whatever the GPU's speed turns out to be.
PRESETS["gpu"] = replace(PRESETS["small"], name="gpu", encoder_layers=6, decoder_layers=2, batch_size=256,
                         learning_rate=5e-4, warmup_steps=500, decay_to=0.1, max_steps=100_000, max_minutes=7.0,
                         fit_steps_to_minutes=True, eval_every=1000, eval_windows_per_language=100, seed=3,
                         tokenizer_from="models/cleanup-t5-small", examples_dir="runs/examples-gpu",
                         export_dir=None, checkpoint_every_s=1e9)
PRESETS["gpu-c5"] = replace(PRESETS["gpu"], name="gpu-c5", context_words=5, max_source_tokens=80,
                            examples_dir="runs/examples-gpu-c5")
PRESETS["gpu-cont"] = replace(PRESETS["gpu"], name="gpu-cont", encoder_layers=3, decoder_layers=3,
                              init_from="models/cleanup-t5-small", tokenizer_from=None, learning_rate=1.5e-4,
                              warmup_steps=200)
# Measured there (validation mean, 1,171 windows; the stage-2 weights 0.759): the deeper
# fresh models reached 0.704 (3 words) and 0.726 (5 words) in 6,300-6,500 steps, still
# climbing; gpu-cont 0.804 at its last step, 6,868. Then, on the same machine, gpu-cont2 went
# on from gpu-cont's best at a lower rate for the 3.2 minutes left: 0.800, but 0.677 on
# repairs against gpu-cont's 0.662, and better on the benchmark (+0.003 to +0.013). gpu-cont2
# is the shipped model. The GPU sat mostly idle: 0.05 s a step alone or three at a time, so
# the time goes to each process's Python work (collating batches, launching a small model's
# many kernels), not measured apart.
PRESETS["gpu-cont2"] = replace(PRESETS["gpu-cont"], init_from="runs/gpu-cont/best", name="gpu-cont2",
                               learning_rate=8e-5, warmup_steps=100, max_minutes=3.2)

# A CPU stage (2026-11-27, fourth session; no GPU lent), an experiment that did not ship: the
# shipped weights trained on with the detector's new flag, a lower-case run no list knows that
# splits into two words (`hint.lower_glue`: ``cameflying``), which the model had never been
# shown and answered `keep` for. New simulations (seed 4, 6 epochs, 261,512 examples), written
# first (`--write-examples`, 5 minutes) so that both cores train; batch 64 at 1e-4, the decay
# fitted to 45 minutes (5,264 steps, 0.38-0.83 s a step). Validation mean 0.783 (step 500) →
# 0.807 (step 2,000, best) → 0.780 (last), noisy; the best then split `cameflying` and
# `increasingtrend` (share of `split` 0.31 → 0.41 on validation), but with floors re-tuned for
# it (`benchmarks/tune_floors.py`) the benchmark moved -0.017 to +0.004 per language: it lost
# more on comma + capital (de 0.215 → 0.108) than it gained on glues (+0.01 to +0.03).
PRESETS["cpu-glue"] = replace(PRESETS["gpu-cont"], name="cpu-glue", batch_size=64, learning_rate=1e-4,
                              warmup_steps=100, max_minutes=45.0, seed=4, threads=2, eval_every=500,
                              eval_windows_per_language=50, examples_dir="runs/examples-cpu-glue",
                              checkpoint_every_s=300.0)

# A second CPU stage (2026-11-27, sixth session; no GPU lent): the shipped weights trained on
# with examples the sixth session's detector flags (seed 5: corruptions no run has seen), at a
# lower rate than cpu-glue so that the comma choice it lost is not unlearnt, for the 80 minutes
# a session can spare. Outcome beside the model card's cpu-glue paragraph.
PRESETS["cpu-s6"] = replace(PRESETS["cpu-glue"], name="cpu-s6", learning_rate=6e-5, max_minutes=80.0, seed=5,
                            examples_dir="runs/examples-cpu-s6")

# A third CPU stage (sixth session): cpu-s6's last weights, which learnt the glue hints but lost
# the comma choice, trained on with the examples the shipped GPU stages learnt the comma from
# replayed between cpu-s6's (``runs/examples-mix``: epoch files alternately from
# ``runs/examples-cpu-s6`` and ``runs/examples-gpu``, under cpu-s6's manifest), 30 minutes.
PRESETS["cpu-mix"] = replace(PRESETS["cpu-s6"], name="cpu-mix", init_from="runs/cpu-s6/last", learning_rate=4e-5,
                             max_minutes=30.0, examples_dir="runs/examples-mix")

# The seventh session's stage (no GPU lent): the shipped weights trained on with the mix that
# worked for cpu-mix from the start, so the new hint (``hint.capital_after_name``: ``Fastow
# Pleaded guilty``) is learnt beside the comma choice rather than in place of it:
# ``runs/examples-mix7`` alternates epochs of this detector's examples (seed 7, written to
# ``runs/examples-cpu-s7``) with the GPU stages' examples, rewritten by the code that first
# wrote them (commit ecb2528, ``--preset gpu``, seed 3), under cpu-s7's manifest
# (``scripts/interleave_example_stores.py``). Shipped as
# stage 5; it started from stage 4's weights, which ``models/cleanup-t5-small`` held until then
# (commit 1b5ad6c: ``git checkout 1b5ad6c -- models/cleanup-t5-small`` before a rerun).
PRESETS["cpu-s7"] = replace(PRESETS["cpu-s6"], name="cpu-s7", learning_rate=5e-5, max_minutes=80.0, seed=7,
                            examples_dir="runs/examples-mix7")

# An experiment on stage 5 (seventh session): the comma lost with a capital drawn three times as
# often (seed 8, ``runs/examples-cpu-s8``), so that more spans of the new after-name hint are
# seen, its epochs alternating with the GPU stages' as for cpu-s7 (``runs/examples-mix8``: 4
# epochs of each, the GPU stages' epochs 4-7). It did not ship (model card).
PRESETS["cpu-s8"] = replace(PRESETS["cpu-s7"], name="cpu-s8", learning_rate=4e-5, max_minutes=35.0, seed=8,
                            corruption_weights=(("comma_capital", 6.0),), examples_dir="runs/examples-mix8")


# The eighth session's candidate (no GPU lent): stage 5 trained on with the examples this
# session's detector flags (seed 9; ``hint.capital_lowercase_word``: ``sueños Considera``,
# German ``Stieftochter Ging``), alternating with the GPU stages' as for cpu-s7
# (``runs/examples-mix9``), for the 55 minutes the session could spare. It did not ship (mean
# 0.779 against stage 5's 0.781 with floors re-chosen for it; model card).
PRESETS["cpu-s9"] = replace(PRESETS["cpu-s7"], name="cpu-s9", learning_rate=4e-5, max_minutes=55.0, seed=9,
                            examples_dir="runs/examples-mix9")


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else REPO_ROOT / p


def _corpus(config: TrainConfig):
    directory = Path(config.corpus_dir) if config.corpus_dir else corpus_dir()
    return {lang: read_corpus(lang, directory, config.corpus_pattern) for lang in config.languages}


def build_model(config: TrainConfig, vocab_size: int):
    """A freshly initialised seq2seq model of the configured size (nothing is downloaded)."""
    if config.architecture == "marian":
        return _build_marian(config, vocab_size)
    if config.architecture != "t5":
        raise ValueError(f"unknown architecture {config.architecture!r}; expected 't5' or 'marian'")
    from transformers import T5Config, T5ForConditionalGeneration

    t5 = T5Config(
        vocab_size=vocab_size,
        d_model=config.d_model,
        d_kv=config.d_model // config.heads,
        d_ff=config.d_ff,
        num_layers=config.encoder_layers,
        num_decoder_layers=config.decoder_layers,
        num_heads=config.heads,
        dropout_rate=config.dropout,
        feed_forward_proj="relu",
        tie_word_embeddings=True,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    model = T5ForConditionalGeneration(t5)
    model.generation_config.decoder_start_token_id = 0
    model.generation_config.pad_token_id = 0
    model.generation_config.eos_token_id = 1
    model.generation_config.max_new_tokens = config.max_target_tokens
    return model


def _build_marian(config: TrainConfig, vocab_size: int):
    """Same sizes as the T5, but with fixed sinusoidal positions in encoder and decoder:
    cross-attention can then align output position j with input position j from step
    one, which is most of what a copy-and-fix task needs (T5's cross-attention only has
    content to go on)."""
    from transformers import MarianConfig, MarianMTModel

    marian = MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        d_model=config.d_model,
        encoder_layers=config.encoder_layers,
        decoder_layers=config.decoder_layers,
        encoder_attention_heads=config.heads,
        decoder_attention_heads=config.heads,
        encoder_ffn_dim=config.d_ff,
        decoder_ffn_dim=config.d_ff,
        max_position_embeddings=max(config.max_source_tokens, config.max_target_tokens) + 16,
        dropout=config.dropout,
        attention_dropout=0.0,
        activation_dropout=0.0,
        activation_function="gelu",
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        forced_eos_token_id=1,
    )
    model = MarianMTModel(marian)
    model.generation_config.decoder_start_token_id = 0
    model.generation_config.pad_token_id = 0
    model.generation_config.eos_token_id = 1
    model.generation_config.bad_words_ids = None
    model.generation_config.max_new_tokens = config.max_target_tokens
    model.generation_config.num_beams = 1
    return model


def epoch_examples(splits, config: TrainConfig, epoch: int, store=None) -> list[Example]:
    """The shuffled training examples of one epoch; a pure function of (config, epoch).
    With a ``store`` (:class:`cleanup.training.store.ExampleStore`), read from it."""
    if store is not None:
        return store.epoch(epoch)
    from cleanup.training.labels import labelled_examples  # the detector: wordfreq and the word lists

    rng = random.Random(f"{config.seed}:epoch:{epoch}")
    examples: list[Example] = []
    for lang in config.languages:
        lines = splits[lang].train
        n = min(len(lines), config.lines_per_language)
        begin = rng.randrange(len(lines)) if lines else 0
        block = [lines[(begin + k) % len(lines)] for k in range(n)]
        seed = config.seed * 1_000_003 + epoch
        if config.task == "ops":
            labelled = list(labelled_examples(block, lang, seed, evidence=config.evidence,
                                              weights=dict(config.corruption_weights),
                                              context_words=config.context_words))
            examples.extend(labelled)
            # Copies keep the encoder honest: without them its states collapsed to one
            # vector and the decoder answered with the label prior whatever the input.
            windows = [Example(e.lang, e.source, e.source.split(" ", 1)[1].replace("⟦", "").replace("⟧", ""), e.kind)
                       for e in labelled]
            examples.extend(scrambled_copies(windows, config.copy_share, rng))
            continue
        simulated = list(simulate(block, lang, seed=seed, clean_share=config.clean_share))
        examples.extend(simulated)
        examples.extend(scrambled_copies(simulated, config.copy_share, rng))
    rng.shuffle(examples)
    return examples


def scrambled_copies(examples: list[Example], share: float, rng: random.Random) -> list[Example]:
    """Windows with their words shuffled, target = source: the copy curriculum.

    Natural text lets the decoder predict the next word like a language model and ignore
    the encoder, which is where every run without these stalled (loss ~5.3, no window
    copied after 2,800 steps). A shuffled window can only be reproduced by reading the
    input, so cross-attention learns to copy; the repairs are learned on top of that.
    ``share`` is their share of the epoch.
    """
    if share <= 0:
        return []
    wanted = int(len(examples) * share / (1 - share))
    copies = []
    for example in rng.sample(examples, min(wanted, len(examples))):
        words = example.target.split(" ")
        rng.shuffle(words)
        window = " ".join(words)
        copies.append(Example(example.lang, model_input(example.lang, window), window, "copy"))
    return copies


def validation_examples(splits, config: TrainConfig, store=None) -> list[Example]:
    """The fixed held-out set: per language, the first N corrupted and N clean windows."""
    if store is not None:
        return store.validation()
    from cleanup.training.labels import labelled_examples

    chosen: list[Example] = []
    for lang in config.languages:
        corrupted, clean = [], []
        examples = (labelled_examples(splits[lang].held_out, lang, seed=10_007, evidence=config.evidence,
                                      context_words=config.context_words)
                    if config.task == "ops"
                    else simulate(splits[lang].held_out, lang, seed=10_007, clean_share=0.5))
        for ex in examples:
            bucket = clean if ex.is_clean else corrupted
            if len(bucket) < config.eval_windows_per_language:
                bucket.append(ex)
        chosen.extend(corrupted + clean)
    return chosen


def _encode(tokenizer, examples, config: TrainConfig):
    sources = tokenizer([e.source for e in examples], truncation=True, max_length=config.max_source_tokens)
    targets = tokenizer([e.target for e in examples], truncation=True, max_length=config.max_target_tokens)
    return list(zip(sources["input_ids"], targets["input_ids"]))


def epoch_batches(pairs, config: TrainConfig, epoch: int) -> list[list]:
    """Batches of similar length (less padding: ~30% faster on CPU), in a seeded order.

    Pairs are sorted by length within pools of 100 batches, so batches stay random in
    content; the order is a pure function of (config, epoch), which makes resuming exact.
    """
    pool = config.batch_size * 100
    batches = []
    for i in range(0, len(pairs), pool):
        chunk = sorted(pairs[i : i + pool], key=lambda p: (len(p[0]), len(p[1])))
        batches.extend(chunk[j : j + config.batch_size] for j in range(0, len(chunk) - config.batch_size + 1,
                                                                     config.batch_size))
    random.Random(f"{config.seed}:batches:{epoch}").shuffle(batches)
    return batches


def _batch(pairs, device):
    import torch

    src_len = max(len(s) for s, _ in pairs)
    tgt_len = max(len(t) for _, t in pairs)
    input_ids = torch.zeros((len(pairs), src_len), dtype=torch.long)
    attention = torch.zeros((len(pairs), src_len), dtype=torch.long)
    labels = torch.full((len(pairs), tgt_len), -100, dtype=torch.long)
    for i, (s, t) in enumerate(pairs):
        input_ids[i, : len(s)] = torch.tensor(s)
        attention[i, : len(s)] = 1
        labels[i, : len(t)] = torch.tensor(t)
    return input_ids.to(device), attention.to(device), labels.to(device)


def exact_match(model, tokenizer, examples, config: TrainConfig, device) -> dict[str, float]:
    """Share of windows whose greedy decoding equals the target exactly, by group."""
    import torch

    hits: dict[str, list[int]] = {"corrupted": [0, 0], "clean": [0, 0]}
    model.eval()
    with torch.no_grad():
        for i in range(0, len(examples), config.eval_batch_size):
            chunk = examples[i : i + config.eval_batch_size]
            enc = tokenizer([e.source for e in chunk], return_tensors="pt", padding=True,
                            truncation=True, max_length=config.max_source_tokens).to(device)
            out = model.generate(**enc, max_new_tokens=config.max_target_tokens + 8, num_beams=1, do_sample=False)
            for ex, text in zip(chunk, tokenizer.batch_decode(out, skip_special_tokens=True)):
                groups = ["clean" if ex.is_clean else "corrupted"]
                if config.task == "ops":
                    groups.append(f"target:{ex.target}")  # which repairs it has learnt
                for name in groups:
                    group = hits.setdefault(name, [0, 0])
                    group[0] += text == ex.target
                    group[1] += 1
    model.train()
    scores = {k: (h / n if n else 0.0) for k, (h, n) in hits.items()}
    scores["mean"] = (scores["corrupted"] + scores["clean"]) / 2
    return scores


def _lr_lambda(config: TrainConfig):
    """Linear warm-up to ``learning_rate``, then constant (or decaying linearly to
    ``decay_to`` of it at ``max_steps``), then the ``lr_drops`` steps."""

    def factor(step: int) -> float:
        rate = config.learning_rate
        for at_step, later_rate in config.lr_drops:
            if step >= at_step:
                rate = later_rate
        warm = min(1.0, (step + 1) / max(1, config.warmup_steps))
        if config.decay_to is not None and step > config.warmup_steps:
            progress = min(1.0, (step - config.warmup_steps) / max(1, config.max_steps - config.warmup_steps))
            warm = 1.0 - (1.0 - config.decay_to) * progress
        return warm * rate / config.learning_rate

    return factor


def _optimizer(model, config: TrainConfig):
    import torch

    if config.optimizer == "adamw":
        return torch.optim.AdamW(model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay)
    if config.optimizer == "adafactor":
        from transformers.optimization import Adafactor

        return Adafactor(model.parameters(), lr=config.learning_rate, scale_parameter=False,
                         relative_step=False, warmup_init=False)
    raise ValueError(f"unknown optimizer {config.optimizer!r}; expected 'adamw' or 'adafactor'")


def _prepare_tokenizer(config: TrainConfig, splits, run_dir: Path):
    from cleanup.training.tokenizer import TokenizerConfig, load_tokenizer, train_tokenizer

    if config.tokenizer_from:
        return load_tokenizer(_resolve(config.tokenizer_from))
    tok_dir = run_dir / "tokenizer"
    if (tok_dir / "tokenizer.json").exists():
        return load_tokenizer(tok_dir)
    if splits is None:
        raise ValueError("--examples-dir without --init-from or --tokenizer-from: no corpus to train a tokenizer on")
    log.info("training tokenizer (%d pieces) into %s", config.vocab_size, tok_dir)
    lines = {lang: list(split.train) for lang, split in splits.items()}
    tok_config = TokenizerConfig(vocab_size=config.vocab_size, lines_per_language=config.tokenizer_lines_per_language,
                                 seed=config.seed)
    train_tokenizer(lines, tok_dir, tok_config)
    return load_tokenizer(tok_dir)


def _warm_start(config: TrainConfig):
    """Tokenizer and weights of ``config.init_from``; its architecture must match the config."""
    from transformers import AutoModelForSeq2SeqLM

    from cleanup.training.tokenizer import load_tokenizer

    directory = _resolve(config.init_from)
    if not (directory / "config.json").exists():
        raise ValueError(f"--init-from {directory}: not a saved model directory (no config.json)")
    model = AutoModelForSeq2SeqLM.from_pretrained(str(directory), local_files_only=True)
    shape = (model.config.d_model, model.config.num_layers, model.config.num_decoder_layers)
    wanted = (config.d_model, config.encoder_layers, config.decoder_layers)
    if shape != wanted:
        raise ValueError(f"--init-from {directory}: d_model/layers {shape} differ from the config's {wanted}")
    log.info("starting from the weights and tokenizer of %s", directory)
    return load_tokenizer(directory), model


def _save_checkpoint(path: Path, model, optimizer, scheduler, state: dict) -> None:
    import torch

    state = dict(state)
    state.update(
        model=model.state_dict(),
        optimizer=optimizer.state_dict(),
        scheduler=scheduler.state_dict(),
        python_rng=random.getstate(),
        torch_rng=torch.get_rng_state(),
    )
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)  # atomic: a stop mid-write never leaves a broken checkpoint


def export_model(model, tokenizer, directory: Path, info: dict) -> None:
    """Save model (safetensors) and tokenizer for ``from_pretrained``; keeps a README.md there."""
    from transformers.utils import logging as hf_logging

    from cleanup.training.tokenizer import save_tokenizer

    hf_logging.disable_progress_bar()  # a progress bar per export would flood the training log
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory, safe_serialization=True)
    save_tokenizer(tokenizer, directory)
    (directory / "training_info.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def train(config: TrainConfig) -> Path:
    """Train (or resume) the run ``config.name``; returns the directory of the best model.

    The best model is kept in ``runs/<name>/best`` and, when ``export_dir`` is set, also
    exported there at every improvement of the validation score.
    """
    import torch

    torch.set_num_threads(config.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cuda.matmul.allow_tf32 = True  # on a GPU: TF32 matrix products; fp32 weights all the same
    run_dir = config.run_dir
    run_dir.mkdir(parents=True, exist_ok=True)
    checkpoint_path = run_dir / "checkpoint.pt"
    best_dir = run_dir / "best"
    export_dir = _resolve(config.export_dir) if config.export_dir else None

    random.seed(config.seed)
    torch.manual_seed(config.seed)
    store = None
    if config.examples_dir:
        from cleanup.training.store import ExampleStore

        store = ExampleStore(_resolve(config.examples_dir), config)
    splits = None if store else _corpus(config)
    if config.init_from:
        tokenizer, model = _warm_start(config)
        model = model.to(device)
    else:
        tokenizer = _prepare_tokenizer(config, splits, run_dir)
        model = build_model(config, len(tokenizer)).to(device)
    optimizer = _optimizer(model, config)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, _lr_lambda(config))
    state = {"step": 0, "epoch": 0, "batch": 0, "best": -1.0, "history": [], "config": asdict(config)}

    if checkpoint_path.exists():
        saved = torch.load(checkpoint_path, map_location=device, weights_only=False)
        model.load_state_dict(saved.pop("model"))
        optimizer.load_state_dict(saved.pop("optimizer"))
        scheduler.load_state_dict(saved.pop("scheduler"))
        random.setstate(saved.pop("python_rng"))
        torch.set_rng_state(saved.pop("torch_rng"))
        state.update({k: saved[k] for k in ("step", "epoch", "batch", "best", "history")})
        # The schedule is code, not state: a run resumed with new lr_drops follows them at once.
        for group, base in zip(optimizer.param_groups, scheduler.base_lrs):
            group["lr"] = base * _lr_lambda(config)(scheduler.last_epoch)
        log.info("resumed %s at step %d (best mean exact match %.3f)", checkpoint_path, state["step"], state["best"])

    params = sum(p.numel() for p in model.parameters())
    log.info("run %s: %.2fM parameters, device %s, %d thread(s)", config.name, params / 1e6, device, config.threads)
    validation = validation_examples(splits, config, store)
    log.info("validation set: %d windows (%d clean)", len(validation), sum(e.is_clean for e in validation))

    stop = {"signal": None}

    def request_stop(signum, frame):
        stop["signal"] = signum

    previous_handler = signal.signal(signal.SIGTERM, request_stop)

    def evaluate_and_keep_best():
        scores = exact_match(model, tokenizer, validation, config, device)
        state["history"].append({"step": state["step"], **scores})
        improved = scores["mean"] > state["best"]
        log.info("step %d validation exact match: corrupted %.3f clean %.3f mean %.3f%s", state["step"],
                 scores["corrupted"], scores["clean"], scores["mean"], " (best)" if improved else "")
        by_target = {k.removeprefix("target:"): round(v, 2) for k, v in scores.items() if k.startswith("target:")}
        if by_target:
            log.info("step %d validation exact match by repair: %s", state["step"], by_target)
        if improved:
            state["best"] = scores["mean"]
            info = {"step": state["step"], "validation_exact_match": scores, "config": asdict(config)}
            export_model(model, tokenizer, best_dir, info)
            if export_dir is not None:
                export_model(model, tokenizer, export_dir, info)

    started = time.monotonic()
    fit_from, fit_at = started, -1
    last_checkpoint = time.monotonic()
    model.train()
    try:
        while state["step"] < config.max_steps:
            t0 = time.monotonic()
            pairs = _encode(tokenizer, epoch_examples(splits, config, state["epoch"], store), config)
            log.info("epoch %d: %d examples (%.1fs to simulate and tokenize)", state["epoch"], len(pairs),
                     time.monotonic() - t0)
            batches = epoch_batches(pairs, config, state["epoch"])
            n_batches = len(batches)
            tick, loss_sum, loss_n = time.monotonic(), 0.0, 0
            while state["batch"] < n_batches and state["step"] < config.max_steps:
                b = state["batch"]
                input_ids, attention, labels = _batch(batches[b], device)
                loss = model(input_ids=input_ids, attention_mask=attention, labels=labels).loss
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                state["batch"] += 1
                state["step"] += 1
                loss_sum += loss.item()
                loss_n += 1
                if config.fit_steps_to_minutes and config.max_minutes and state["step"] == fit_at:
                    config = _fit_steps(config, state["step"], time.monotonic() - fit_from, time.monotonic() - started)
                    state["config"] = asdict(config)
                    scheduler.lr_lambdas = [_lr_lambda(config)]
                    log.info("step %d: %d steps fit into %.1f minutes; the schedule ends there", state["step"],
                             config.max_steps, config.max_minutes)
                if state["step"] == config.warmup_steps:
                    fit_from, fit_at = time.monotonic(), state["step"] + 200
                if state["step"] % config.log_every == 0:
                    now = time.monotonic()
                    log.info("step %d loss %.4f lr %.2e %.3f s/step", state["step"], loss_sum / loss_n,
                             scheduler.get_last_lr()[0], (now - tick) / loss_n)
                    tick, loss_sum, loss_n = now, 0.0, 0
                if state["step"] % config.eval_every == 0:
                    evaluate_and_keep_best()
                out_of_time = config.max_minutes is not None and time.monotonic() - started > config.max_minutes * 60
                if stop["signal"] is not None or out_of_time:
                    log.info("stopping at step %d (%s)", state["step"], "signal" if stop["signal"] else "time limit")
                    if out_of_time and (not state["history"] or state["history"][-1]["step"] != state["step"]):
                        evaluate_and_keep_best()
                    return best_dir
                if time.monotonic() - last_checkpoint > config.checkpoint_every_s:
                    _save_checkpoint(checkpoint_path, model, optimizer, scheduler, state)
                    last_checkpoint = time.monotonic()
                    log.info("checkpoint saved at step %d", state["step"])
            if state["batch"] >= n_batches:
                state["epoch"] += 1
                state["batch"] = 0
        if not state["history"] or state["history"][-1]["step"] != state["step"]:
            evaluate_and_keep_best()
        return best_dir
    finally:
        _save_checkpoint(checkpoint_path, model, optimizer, scheduler, state)
        signal.signal(signal.SIGTERM, previous_handler)
        log.info("checkpoint saved at step %d; best mean exact match %.3f", state["step"], state["best"])


def _fit_steps(config: TrainConfig, step: int, window_s: float, elapsed_s: float) -> TrainConfig:
    """``max_steps`` such that the run ends within ``max_minutes``, at the speed of the last
    200 steps, keeping 5 % for the evaluations."""
    per_step = window_s / 200
    left_s = config.max_minutes * 60 * 0.95 - elapsed_s
    return replace(config, max_steps=step + max(1, int(left_s / per_step)))


def config_from_preset(preset: str, **overrides) -> TrainConfig:
    """A preset with some fields replaced (None values are ignored)."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; expected one of {', '.join(PRESETS)}")
    return replace(PRESETS[preset], **{k: v for k, v in overrides.items() if v is not None})


__all__ = ["PRESETS", "TrainConfig", "build_model", "config_from_preset", "exact_match", "export_model", "train"]
