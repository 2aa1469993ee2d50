"""Choose the model's per-kind score floors (``cleanup/neural.py: MIN_SCORE_BY_KIND``) on a
development split that neither training nor ``model_quality.py`` uses.

The lines: held-out corpus lines of en, de and fr beyond those ``model_quality.py`` takes
(its corrupted and clean sentences come first in the same shuffled order); es, pt and it
have none to spare, so the floors are chosen on three languages and the benchmark's six
are all out of sample. Corrupted with the simulator under another seed.

Every sentence is cleaned once with the floors off (every other check of the verifier
still applies), and each model proposal that passes is recorded with its repair kind and
score, and judged: on a corrupted sentence it is right when its rewritten window occurs in
the clean sentence, wrong otherwise; on a clean sentence it is always wrong (harm). For
each kind and floor the table shows what the model would still repair and break; the
floor chosen is the most permissive one at which the kind changes at most one clean
sentence in 1,000 and makes over twice as many right repairs as wrong edits and changed
clean sentences together. ``capital choice`` (a comma or not, before a capital the rule
lowers anyway) gets its own table: how many spans come out right at each floor of the
answer's share; the floor shipped is the one with the most.

    python benchmarks/tune_floors.py                 # bundled model
    python benchmarks/tune_floors.py --model runs/small-2/best
    python benchmarks/tune_floors.py --comma-lean    # only the table for neural.COMMA_LEAN
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cleanup.neural as neural  # noqa: E402
from cleanup.config import DEFAULT_MODEL_DIR, Config  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from cleanup.training.data import corpus_dir, is_held_out  # noqa: E402
from cleanup.training.simulate import CORRUPTIONS  # noqa: E402
from model_quality import EVAL_SEED, corrupted_pairs  # noqa: E402

DEV_SEED = 77_001
FLOORS = (-0.02, -0.05, -0.07, -0.1, -0.15, -0.2, -0.25, -0.3, -0.35, -0.4, -0.5)


def dev_sentences(lang: str, corrupted_wanted: int, clean_wanted: int, benchmark_clean: int = 1000):
    """(kind, corrupted, clean) pairs and clean lines from the held-out lines after the
    benchmark's own."""
    pairs, clean = corrupted_pairs(lang, 300, benchmark_clean)
    rng = random.Random(f"{EVAL_SEED}:{lang}")  # the benchmark's order of the held-out lines
    lines = [ln.rstrip("\n") for ln in (corpus_dir() / f"{lang}.txt").open(encoding="utf-8")]
    held_out = [ln for ln in lines if ln and is_held_out(ln)]
    rng.shuffle(held_out)
    taken = {c for _, _, c in pairs} | set(clean)
    spare = [ln for ln in held_out if ln not in taken]
    rng = random.Random(f"{DEV_SEED}:{lang}")
    names = list(CORRUPTIONS)
    weights = [CORRUPTIONS[n][1] for n in names]
    dev_pairs, used = [], 0
    for line in spare[: max(0, len(spare) - clean_wanted)]:
        if len(dev_pairs) >= corrupted_wanted:
            break
        used += 1
        corruption = CORRUPTIONS[rng.choices(names, weights=weights)[0]][0](line, lang, rng)
        if corruption is not None and corruption.corrupted != corruption.clean:
            dev_pairs.append((corruption.kind, corruption.corrupted, corruption.clean))
    return dev_pairs, spare[used : used + clean_wanted]


def record_proposals(text: str, config: Config) -> list[tuple[str, float, str, str]]:
    """(kind, score, rewritten window, window) of every model proposal the verifier passes
    when the score floors are off, by the floor it is held to (:func:`cleanup.neural.floor_kind`)."""
    seen: list[tuple[str, float, str, str]] = []
    pending: list[str] = []
    floor_of, check = neural._score_floor, neural.check_model_proposal

    def no_floor(op, request, config):
        pending.append(neural.floor_kind(op, request) or "keep")
        return -math.inf

    def recording(proposal, min_score, named_repair=False):
        why_not = check(proposal, min_score, named_repair)
        if why_not is None:
            seen.append((pending[-1], proposal.score, proposal.after, proposal.before))
        return why_not

    neural._score_floor, neural.check_model_proposal = no_floor, recording
    try:
        clean_article(text, config)
    finally:
        neural._score_floor, neural.check_model_proposal = floor_of, check
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["en", "de", "fr"])
    parser.add_argument("--per-lang", type=int, default=300)
    parser.add_argument("--clean-per-lang", type=int, default=1000)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--comma-lean", action="store_true",
                        help="only the table of right comma-or-lower choices by lean (neural.COMMA_LEAN)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    if args.comma_lean:
        comma_lean_table(args.langs, args.per_lang, args.model)
        return
    # (kind, floor) -> [right repairs, wrong on corrupted, changed clean]
    table: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0, 0])
    clean_total = 0
    choices: list[tuple[float, bool, bool]] = []  # (score, model said comma, comma wanted)
    for lang in args.langs:
        pairs, clean = dev_sentences(lang, args.per_lang, args.clean_per_lang)
        clean_total += len(clean)
        print(f"{lang}: {len(pairs)} corrupted, {len(clean)} clean dev sentences", file=sys.stderr)
        config = Config(lang=lang, model_path=args.model)
        for kind_of_corruption, corrupted, target in pairs:
            for kind, score, after, before in record_proposals(corrupted, config):
                if kind == "capital choice":
                    comma = after.count(",") > before.count(",")  # the model's answer
                    right = after in target
                    choices.append((score, comma, comma == right))  # was a comma wanted?
                    continue
                for floor in FLOORS:
                    if score >= floor:
                        table[(kind, floor)][0 if after in target else 1] += 1
        for line in clean:
            for kind, score, _, _ in record_proposals(line, config):
                for floor in FLOORS:
                    if score >= floor:
                        table[(kind, floor)][2] += 1
    kinds = sorted({k for k, _ in table})
    print(f"model {args.model}; {clean_total} clean sentences in {', '.join(args.langs)}\n")
    print("| kind | floor | right repairs | wrong on corrupted | clean changed |")
    print("|---|---:|---:|---:|---:|")
    chosen = {}
    for kind in kinds:
        for floor in FLOORS:
            right, wrong, harm = table[(kind, floor)]
            print(f"| {kind} | {floor} | {right} | {wrong} | {harm} |")
            if harm <= clean_total / 1000 and right > 2 * (wrong + harm):
                chosen[kind] = floor
    print(f"\nchosen floors (at most one clean sentence in 1,000 changed, over twice as many right repairs as "
          f"wrong ones and changed clean sentences): {chosen}")
    if choices:
        choice_table(choices)


#: Floors for a relative choice (``comma`` against ``lower``): the chosen answer's share is at
#: least a half, so its log lies in [-0.69, 0].
CHOICE_FLOORS = (-0.05, -0.1, -0.2, -0.3, -0.4, -0.5, -0.6, -0.7)


def choice_table(choices: list[tuple[float, bool, bool]]) -> None:
    """``capital choice``: the rule lowers the capital anyway, so a floor only decides when
    the model's ``comma`` replaces the rule's ``lower``. For each floor, how many of these
    spans come out right (the comma there or not, as in the clean sentence)."""
    print(f"\n`capital choice` on {len(choices)} corrupted spans the rule lowers: right outcomes by floor "
          "(below it, the rule's lower applies)")
    print("| floor | right | of |")
    print("|---:|---:|---:|")
    for floor in CHOICE_FLOORS:
        right = 0
        for score, comma, comma_wanted in choices:
            applied_comma = comma and score >= floor
            right += applied_comma == comma_wanted
        print(f"| {floor} | {right} | {len(choices)} |")


LEANS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def comma_lean_table(langs: list[str], per_lang: int, model: Path) -> None:
    """How many ``comma``-or-``lower`` choices (``neural.RELATIVE_CHOICES``) come out right with
    each lean toward the comma added to the model's log odds and the corpus's counts: every
    such span of the corrupted development sentences with exactly one right answer, the
    clean sentence holding its comma window or its lower-case one."""
    from cleanup.ops import apply_op
    from cleanup.windows import model_input, span_evidence

    spans: list[tuple[float, bool]] = []  # (log odds of comma over lower without the lean, comma wanted)
    target = [""]
    evidence_of = neural._evidence

    def recording(text, request, options):
        weighed = evidence_of(text, request, options)
        if request.rule in neural.RELATIVE_CHOICES and set(options) == {"comma", "lower"}:
            repairer = neural.load_repairer(str(model))
            source = model_input(request.lang, neural._marked_window(text, request),
                                 span_evidence(text[request.span_start:request.span_end], request.lang))
            score = {op: repairer.choose([source], [[op]])[0][1] for op in ("comma", "lower")}
            window = text[request.window_start:request.window_end]
            start, end = request.span_start - request.window_start, request.span_end - request.window_start
            right = [op for op in ("comma", "lower")
                     if (after := apply_op(op, window, start, end, request.lang, request.split_at)) and after in target[0]]
            if len(right) == 1:
                spans.append((score["comma"] - score["lower"] + (weighed.log_odds if weighed else 0.0),
                              right == ["comma"]))
        return weighed

    neural._evidence = recording
    try:
        for lang in langs:
            config = Config(lang=lang, model_path=model)
            for _, corrupted, clean in dev_sentences(lang, per_lang, 0)[0]:
                target[0] = clean
                clean_article(corrupted, config)
    finally:
        neural._evidence = evidence_of
    print(f"comma or lower on {len(spans)} spans ({sum(w for _, w in spans)} wanting the comma): right by lean")
    print("| lean | right |")
    print("|---:|---:|")
    for lean in LEANS:
        print(f"| {lean} | {sum((odds + lean > 0) == wanted for odds, wanted in spans)} |")


if __name__ == "__main__":
    main()
