"""``python -m cleanup.training.chooser`` (``cleanup train-chooser``): fit the chooser that
picks among a flagged span's repairs (:mod:`cleanup.chooser`) for a model directory.

1. **Record.** Held-out corpus lines, corrupted by the simulator with seeds of their own (9-24 by
   default: not the benchmark's, not the fresh seeds 1-3 that judge the result, not the read
   seeds 4-8 that judge it while it is built), and as many clean held-out lines, go through the
   pipeline up to the model. Every span the model judges is recorded with every option's score
   and whether the option restores the clean sentence (on a clean line only ``keep`` does).
2. **Fit.** A conditional logit (a softmax over each span's options, L2-regularised, L-BFGS)
   on the spans where some option is right.
3. **Threshold.** The least probability a repair needs, where ``keep`` is an option: for each
   language, the one that restores most spans while changing no more spans of clean lines
   than the hand-tuned choice it replaces (one for ``capitalise``, one for the other repairs);
   then, given those, the least probability a span's repairs need together
   (:data:`cleanup.chooser.ANY_REPAIR`), kept only where it restores more spans.

The result is written as ``chooser.json`` beside the model's weights, with the figures of the
fit. About 30 minutes on 2 CPU cores for the six languages and 16 seeds (recording; the fit
takes seconds, and reuses recorded spans with ``--records``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional

import typer

from cleanup.chooser import ANY_REPAIR, CHOOSER_FILE, Chooser, SpanChoice, features, held_to, threshold_group
from cleanup.config import DEFAULT_MODEL_DIR, SUPPORTED_LANGUAGES, Config
from cleanup.files import write_atomically
from cleanup.ops import apply_op

DEFAULT_SEEDS = tuple(range(9, 25))
#: Thresholds tried, and the L2 weight of the fit (spans right on the read seeds 4-8, six
#: languages, clean spans changed alike: 7,206 at 3e-4, 7,208 at 1e-3, 7,216 at 3e-3; within
#: the noise, so the middle).
THRESHOLDS = tuple(round(0.40 + 0.02 * k, 2) for k in range(30))
#: For a language the chooser was not fitted on: the strictest of the thresholds tried.
DEFAULT_THRESHOLD = THRESHOLDS[-1]
L2 = 1e-3


def record(lang: str, seeds: Iterable[int], model_dir: Path, per_seed: int = 300) -> Iterator[dict]:
    """Every span the model judges in ``per_seed`` corrupted and ``per_seed`` clean held-out
    lines per seed: ``{"seed", "clean", "choice" (SpanChoice as JSON), "right" {option: bool}}``.

    An option is right where its repaired window occurs in the clean line; ``keep`` is right
    too where the rules alone restore the span (the rules-only sentence holds a right option's
    repaired window: ``casing.proper_noun`` capitalises ``september`` whatever the model says),
    so that the fit learns where the model's choice decides, not where it only agrees with a
    rule. (On the seeds 9-24: 6-11 % of a language's spans, German's most.)"""
    from cleanup.langid import detect_language
    from cleanup.neural import span_choices
    from cleanup.parse import parse_article
    from cleanup.pipeline import clean_article
    from cleanup.training.data import corrupted_held_out

    config = Config(lang=lang, model_path=model_dir)
    rules_only = Config(lang=lang, use_model=False)
    for seed in seeds:
        pairs, clean = corrupted_held_out(lang, per_seed, per_seed, seed)
        for text, target, is_clean in [(c, t, False) for _, c, t in pairs] + [(line, line, True) for line in clean]:
            article = detect_language(parse_article(text), config)
            by_rules = None
            for block_text, request, choice in span_choices(article, config):
                window = block_text[request.window_start:request.window_end]
                start, end = request.span_start - request.window_start, request.span_end - request.window_start
                right, repaired = {}, []
                for option in choice.scores:
                    after = window if option == "keep" else apply_op(option, window, start, end, lang, request.split_at)
                    right[option] = option == "keep" if is_clean else (after is not None and after in target)
                    if right[option] and option != "keep":
                        repaired.append(after)
                if repaired and right.get("keep") is False:
                    by_rules = by_rules if by_rules is not None else clean_article(text, rules_only).text
                    right["keep"] = any(after in by_rules for after in repaired)
                yield {"seed": seed, "clean": is_clean, "choice": choice.to_json(), "right": right}


def fit(records: list[dict], l2: float = L2, clean_weight: float = 1.0) -> dict[str, float]:
    """Feature weights that maximise the probability of the right options (summed where
    several are right), spans with no right option left out; a span of a clean line counts
    ``clean_weight`` times (a correct sentence changed costs more than an artifact left)."""
    import torch

    names: dict[str, int] = {}
    rows, groups, labels, span_weights = [], [], [], []
    for g, rec in enumerate(r for r in records if any(r["right"].values())):
        span_weights.append(clean_weight if rec["clean"] else 1.0)
        choice = SpanChoice.from_json(rec["choice"])
        for option in choice.scores:
            rows.append({names.setdefault(k, len(names)): v for k, v in features(choice, option).items()})
            groups.append(g)
            labels.append(float(rec["right"][option]))
    x = torch.zeros(len(rows), len(names))
    for i, row in enumerate(rows):
        for j, v in row.items():
            x[i, j] = v
    group = torch.tensor(groups)
    y = torch.tensor(labels)
    weight = torch.tensor(span_weights)
    weight = weight / weight.mean()
    n_groups = int(group.max()) + 1
    w = torch.zeros(len(names), requires_grad=True)
    optimiser = torch.optim.LBFGS([w], max_iter=500, line_search_fn="strong_wolfe")

    def loss_fn():
        optimiser.zero_grad()
        z = x @ w
        top = torch.full((n_groups,), -1e9).scatter_reduce(0, group, z, reduce="amax")
        e = torch.exp(z - top[group])
        total = torch.zeros(n_groups).index_add(0, group, e)
        right = torch.zeros(n_groups).index_add(0, group, e * y)
        loss = -(weight * (torch.log(right + 1e-12) - torch.log(total))).mean() + l2 * (w * w).sum()
        loss.backward()
        return loss

    optimiser.step(loss_fn)
    weights = w.detach()
    return {name: round(float(weights[j]), 6) for name, j in names.items() if abs(float(weights[j])) > 1e-6}


def hand_tuned(choice: SpanChoice) -> str:
    """The option the hand-tuned choice applies (``keep``: none): what the chooser corrects,
    and what its threshold must not harm more than."""
    return choice.hand_tuned


def chosen(chooser: Chooser, choice: SpanChoice) -> str:
    """The option cleanup applies with ``chooser`` (:meth:`cleanup.chooser.Chooser.decide`)."""
    return chooser.decide(choice)[0]


def tally(records: list[dict], decide) -> tuple[int, int]:
    """(spans restored, spans of clean lines changed) with ``decide(choice) -> option``.
    Where ``keep`` is not an option (a rule repairs the span anyway) and nothing is applied,
    the rule's own edit stands; it is counted as not restored."""
    restored = changed = 0
    for rec in records:
        option = decide(SpanChoice.from_json(rec["choice"]))
        restored += rec["right"].get(option, False)
        changed += rec["clean"] and option != "keep"
    return restored, changed


def pick_thresholds(records: list[dict], weights: dict[str, float]) -> tuple[dict[str, dict[str, float]], dict]:
    """For each language, the thresholds (:func:`cleanup.chooser.threshold_group`) that restore
    most spans without changing more spans of clean lines than the hand-tuned choice; and each
    threshold's figures. A span's outcome depends on one threshold only, the one its likeliest
    repair is held to, so each group's figures are counted once per threshold and summed. The
    repairs' threshold together (:data:`cleanup.chooser.ANY_REPAIR`) is chosen after those two, and
    only where it restores more spans."""
    chooser = Chooser(weights, 1.0)
    thresholds, tables = {}, {}
    for lang in sorted({r["choice"]["lang"] for r in records}):
        ours = [r for r in records if r["choice"]["lang"] == lang]
        _, allowed = tally(ours, hand_tuned)
        likeliest = []
        for rec in ours:
            choice = SpanChoice.from_json(rec["choice"])
            probabilities = chooser.probabilities(choice)
            answer = max(probabilities, key=probabilities.get)
            likeliest.append((rec, choice, answer, probabilities[answer], probabilities))
        by_group: dict[str, dict[float, tuple[int, int]]] = {}
        for group in ("capitalise", "repair"):
            held = [item for item in likeliest if threshold_group(item[2]) == group]
            by_group[group] = {}
            for threshold in THRESHOLDS:
                options = [(rec, held_to(choice, answer, p, threshold)) for rec, choice, answer, p, _ in held]
                by_group[group][threshold] = (sum(rec["right"].get(o, False) for rec, o in options),
                                              sum(rec["clean"] and o != "keep" for rec, o in options))
        pairs = [((c, r), (by_group["capitalise"][c][0] + by_group["repair"][r][0],
                           by_group["capitalise"][c][1] + by_group["repair"][r][1]))
                 for c in THRESHOLDS for r in THRESHOLDS]
        fitting = [pair for pair in pairs if pair[1][1] <= allowed] or [((THRESHOLDS[-1],) * 2, pairs[-1][1])]
        (capitalise, repair), (restored, changed) = max(fitting, key=lambda p: (p[1][0], -p[0][0], -p[0][1]))
        thresholds[lang] = {"capitalise": capitalise, "repair": repair}
        # Then the repairs together (Chooser.some_repair), given those two: where the span is kept,
        # the strictest threshold that restores most spans without changing more clean ones.
        by_group[ANY_REPAIR] = {}
        for threshold in THRESHOLDS:
            together = Chooser(weights, 1.0, thresholds={lang: {**thresholds[lang], ANY_REPAIR: threshold}})
            options = [(rec, together.decide_by(choice, probabilities).answer)
                       for rec, choice, _, _, probabilities in likeliest]
            by_group[ANY_REPAIR][threshold] = (sum(rec["right"].get(o, False) for rec, o in options),
                                               sum(rec["clean"] and o != "keep" for rec, o in options))
        gains = [(t, figures) for t, figures in by_group[ANY_REPAIR].items()
                 if figures[1] <= allowed and figures[0] > restored]
        if gains:
            threshold, (restored, changed) = max(gains, key=lambda g: (g[1][0], g[0]))
            thresholds[lang][ANY_REPAIR] = threshold
        tables[lang] = {"restored": restored, "clean_changed": changed, "hand_tuned_clean_changed": allowed,
                        "by_threshold": {group: {str(t): list(v) for t, v in table.items()}
                                         for group, table in by_group.items()}}
    return thresholds, tables


app = typer.Typer(add_completion=False)


@app.command()
def main(
    model: Path = typer.Option(DEFAULT_MODEL_DIR, help="The model directory the chooser is fitted for and written to."),
    langs: str = typer.Option(",".join(SUPPORTED_LANGUAGES), help="Comma-separated languages."),
    seeds: str = typer.Option(f"{DEFAULT_SEEDS[0]}-{DEFAULT_SEEDS[-1]}", help="Simulator seeds, e.g. 9-24."),
    records: Optional[Path] = typer.Option(None, help="Keep the recorded spans here (one JSONL per language) "
                                                      "and reuse those already recorded (not those of a cleanup "
                                                      "older than the spans' context: remove them)."),
    out: Optional[Path] = typer.Option(None, help=f"Where to write the chooser (default: MODEL/{CHOOSER_FILE})."),
    l2: float = typer.Option(L2, help="L2 weight of the fit."),
) -> None:
    """Fit the chooser among a flagged span's repairs for MODEL, on held-out corpus lines."""
    import torch

    torch.set_num_threads(min(2, torch.get_num_threads()))
    from cleanup.training.data import corpus_dir

    lo, _, hi = seeds.partition("-")
    if not (lo.isdigit() and (hi.isdigit() or not hi)):
        raise typer.BadParameter(f"{seeds!r}: give a seed or a range, e.g. 9-24", param_hint="--seeds")
    seed_list = list(range(int(lo), int(hi or lo) + 1))
    spans: list[dict] = []
    for lang in [lang.strip() for lang in langs.split(",") if lang.strip()]:
        path = records / f"{lang}.jsonl" if records else None
        if not (path and path.exists()) and not (corpus_dir() / f"{lang}.txt").exists():
            typer.echo(f"cleanup: error: no corpus for {lang!r} at {corpus_dir() / f'{lang}.txt'} "
                       "(set CLEANUP_CORPUS_DIR) and no recorded spans", err=True)
            raise typer.Exit(2)
        if path and path.exists():
            lang_spans = [json.loads(line) for line in path.open(encoding="utf-8")]
            if any("span" not in s["choice"] for s in lang_spans):
                # recorded before the span's context and the rules' labels: fitting on them would
                # silently give a chooser without either
                typer.echo(f"cleanup: error: {path} was recorded by an older cleanup (no context of the "
                           "spans); remove it to record again", err=True)
                raise typer.Exit(2)
        else:
            lang_spans = list(record(lang, seed_list, model))
            if path:  # whole or absent: a later run reuses it
                write_atomically(path, "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in lang_spans))
        print(f"{lang}: {len(lang_spans)} spans", file=sys.stderr, flush=True)
        spans += lang_spans
    weights = fit(spans, l2)
    thresholds, tables = pick_thresholds(spans, weights)
    chooser = Chooser(weights, DEFAULT_THRESHOLD, thresholds=thresholds)
    restored, changed = tally(spans, hand_tuned)
    chooser_restored, chooser_changed = tally(spans, lambda c: chosen(chooser, c))
    target = out or model / CHOOSER_FILE
    from cleanup.neural import load_repairer

    report = {"model": load_repairer(str(model)).model_id, "threshold": DEFAULT_THRESHOLD, "thresholds": thresholds,
              "weights": weights,
              "fitted_on": {"langs": langs, "seeds": seeds, "spans": len(spans), "l2": l2,
                            "hand_tuned": {"restored": restored, "clean_changed": changed},
                            "chooser": {"restored": chooser_restored, "clean_changed": chooser_changed},
                            "by_language": tables}}
    write_atomically(target, json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"{target}: {len(weights)} weights, thresholds {thresholds}; on the spans it was fitted on, the "
          f"hand-tuned choice restores {restored} ({changed} spans of clean lines changed), the chooser "
          f"{chooser_restored} ({chooser_changed})", file=sys.stderr)


if __name__ == "__main__":
    app()
