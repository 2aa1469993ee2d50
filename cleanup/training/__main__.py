"""``python -m cleanup.training``: train (or resume) the repair model; prints the best model's path."""

from __future__ import annotations

import logging
import sys
from typing import Optional

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(
    preset: str = typer.Option("small", help="Named TrainConfig preset: tiny, small, small-2 (goes on from "
                                             "small's best), small-3 (an experiment, not shipped), small-window; "
                                             "on a GPU (scripts/train_on_gpu.sh): gpu, gpu-c5, gpu-cont, then "
                                             "gpu-cont2 (goes on from gpu-cont's best); back on the CPU, cpu-s7 "
                                             "(goes on from gpu-cont2's weights; the shipped model; its examples "
                                             "are written first, see the model card); CPU experiments, not "
                                             "shipped: cpu-glue, cpu-s6, then cpu-mix, cpu-s8 and cpu-s9 (write their examples "
                                             "first with --write-examples)."),
    name: Optional[str] = typer.Option(None, help="Run name; checkpoints go to runs/<name>/."),
    max_steps: Optional[int] = typer.Option(None),
    max_minutes: Optional[float] = typer.Option(None, help="Stop (and checkpoint) after this long."),
    learning_rate: Optional[float] = typer.Option(None),
    warmup_steps: Optional[int] = typer.Option(None),
    decay_to: Optional[float] = typer.Option(None, help="Decay the rate linearly to this share of it at --max-steps."),
    optimizer: Optional[str] = typer.Option(None, help="adamw or adafactor."),
    batch_size: Optional[int] = typer.Option(None),
    architecture: Optional[str] = typer.Option(None, help="t5 or marian."),
    d_model: Optional[int] = typer.Option(None),
    d_ff: Optional[int] = typer.Option(None),
    heads: Optional[int] = typer.Option(None),
    encoder_layers: Optional[int] = typer.Option(None),
    decoder_layers: Optional[int] = typer.Option(None),
    eval_every: Optional[int] = typer.Option(None),
    eval_windows_per_language: Optional[int] = typer.Option(None),
    checkpoint_every_s: Optional[float] = typer.Option(None),
    threads: Optional[int] = typer.Option(None, help="torch threads (default 1)."),
    export_dir: Optional[str] = typer.Option(None, help="Where improvements are exported; 'none' to skip."),
    seed: Optional[int] = typer.Option(None),
    copy_share: Optional[float] = typer.Option(None, help="Share of scrambled-window copies (the copy curriculum)."),
    max_target_tokens: Optional[int] = typer.Option(None),
    init_from: Optional[str] = typer.Option(None, help="Start from this saved model's weights and tokenizer "
                                                       "(a new optimizer and schedule) instead of fresh ones."),
    evidence: Optional[bool] = typer.Option(None, "--evidence/--no-evidence",
                                            help="ops models: give the model the span's word-list evidence."),
    context_words: Optional[int] = typer.Option(None, help="ops models: words of context on either side of "
                                                           "the span (default 3); cleanup reads it back."),
    fit_steps_to_minutes: Optional[bool] = typer.Option(
        None, "--fit-steps-to-minutes/--no-fit-steps-to-minutes",
        help="After the warm-up, set --max-steps to what the measured speed fits into --max-minutes "
             "(a decaying schedule then ends in time on hardware of unknown speed)."),
    write_examples: Optional[str] = typer.Option(
        None, help="Do not train: simulate and label --epochs epochs and the validation set into this "
                   "directory (for training on a machine without the corpus), then exit."),
    epochs: int = typer.Option(8, help="With --write-examples: how many epochs to write."),
    workers: int = typer.Option(1, help="With --write-examples: processes that simulate."),
    examples_dir: Optional[str] = typer.Option(None, help="Train from examples written by --write-examples "
                                                          "instead of simulating them (no corpus needed)."),
    tokenizer_from: Optional[str] = typer.Option(None, help="With fresh weights: use this model directory's "
                                                            "tokenizer instead of training one."),
) -> None:
    from cleanup.training.train import config_from_preset, train

    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    overrides = dict(
        name=name, max_steps=max_steps, max_minutes=max_minutes, learning_rate=learning_rate,
        warmup_steps=warmup_steps, decay_to=decay_to, optimizer=optimizer, batch_size=batch_size, architecture=architecture, d_model=d_model, d_ff=d_ff, heads=heads, encoder_layers=encoder_layers,
        decoder_layers=decoder_layers, eval_every=eval_every, eval_windows_per_language=eval_windows_per_language,
        checkpoint_every_s=checkpoint_every_s, threads=threads, seed=seed, copy_share=copy_share,
        max_target_tokens=max_target_tokens, evidence=evidence, init_from=init_from, context_words=context_words,
        fit_steps_to_minutes=fit_steps_to_minutes, examples_dir=examples_dir, tokenizer_from=tokenizer_from,
    )
    config = config_from_preset(preset, **overrides)
    if export_dir is not None:
        from dataclasses import replace

        config = replace(config, export_dir=None if export_dir.lower() == "none" else export_dir)
    try:
        if write_examples:
            from pathlib import Path

            from cleanup.training.store import write_store

            write_store(config, Path(write_examples), epochs, workers, log=logging.getLogger("cleanup.training").info)
            typer.echo(write_examples)
            return
        best = train(config)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    typer.echo(str(best))


if __name__ == "__main__":
    app()
