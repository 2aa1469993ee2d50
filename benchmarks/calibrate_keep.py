"""How the model's choice on each kind of flagged span would fare with ``keep`` penalised and
the floors moved: the table behind ``cleanup/neural.py: KEEP_PENALTY_BY_RULE``.

Every sentence is cleaned as usual; for every span the model is asked about, every option the
span offers (``keep`` and the repairs that apply) is scored on its own, and judged: on a
corrupted sentence an option is right when the window it writes occurs in the clean sentence;
on a clean sentence only ``keep`` is right. The choice is then replayed offline, as
``Repairer.choose`` and the floors make it (the corpus's comma evidence and relative scores
included), with ``keep``'s score lowered by each penalty and with each floor in place of the
shipped ones. Per rule that flagged the spans, each cell shows right choices / clean sentences'
spans changed. A last table per rule shows, for the spans where the corpus's counts weigh
between two repairs (``neural.Evidence``: ``comma`` against ``lower``, ``split lower`` against
``split``), the right choices with each shift added to the shipped lean (``COMMA_LEAN``,
``SPLIT_CASE_LEAN``).

    python benchmarks/calibrate_keep.py en                  # the development split (as tune_floors.py)
    python benchmarks/calibrate_keep.py es pt fr --seeds 4 5 6 7 8
    python benchmarks/calibrate_keep.py en --rules hint.lower_glue model.capital_after_link

Fresh seeds 1-3 (``fresh_seeds.py``) are the check on what this chooses; do not calibrate on them.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cleanup.neural as neural  # noqa: E402
from cleanup.config import DEFAULT_MODEL_DIR, Config  # noqa: E402
from cleanup.ops import apply_op  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from cleanup.windows import model_input, span_evidence  # noqa: E402
from model_quality import corrupted_pairs  # noqa: E402
from tune_floors import dev_sentences  # noqa: E402

PENALTIES = (0.0, 0.25, 0.5, 0.75, 1.0)
LEAN_SHIFTS = (-0.5, -0.25, 0.0, 0.25, 0.5)
FLOORS = (None, -0.35, -0.5, -0.7, -1.0)  # None: the shipped floor of each repair kind


def record_spans(text: str, target: str, clean: bool, config: Config) -> list[dict]:
    """Every option's score and rightness for each span the model is asked about in ``text``."""
    spans: list[dict] = []
    repair_many = neural.repair_many

    def recording(articles, config):
        repairer = neural.load_repairer(str(neural.model_dir_for(config)))
        for article in articles:
            blocks = {b.index: b for b in article.blocks}
            for request in neural._requests(article, config):
                block_text = blocks[request.block].text
                source = model_input(request.lang, neural._marked_window(block_text, request),
                                     span_evidence(block_text[request.span_start:request.span_end], request.lang))
                options = neural._applicable_ops(block_text, request)
                scores = {op: score for op, (_, score) in
                          zip(options, repairer.choose([source] * len(options), [[op] for op in options]))}
                window = block_text[request.window_start:request.window_end]
                start, end = request.span_start - request.window_start, request.span_end - request.window_start
                right = {}
                for op in options:
                    after = window if op == "keep" else apply_op(op, window, start, end, request.lang, request.split_at)
                    right[op] = (op == "keep") if clean else (after is not None and after in target)
                spans.append({"rule": request.rule, "scores": scores, "right": right, "clean": clean,
                              "relative": request.rule in neural.RELATIVE_CHOICES,
                              "evidence": neural._evidence(block_text, request, options),
                              "floors": {op: neural._score_floor(op, request, config) for op in options if op != "keep"}})
        return repair_many(articles, config)

    neural.repair_many = recording
    try:
        clean_article(text, config)
    finally:
        neural.repair_many = repair_many
    return spans


def replay(span: dict, penalty: float, floor: float | None, lean_shift: float = 0.0) -> str:
    """The option the pipeline would apply, with ``keep`` lowered by ``penalty``, ``floor``
    (when given) in place of every repair's own, and ``lean_shift`` added to the evidence's lean."""
    scores = span["scores"]
    ranked = {**scores, "keep": scores["keep"] - penalty} if "keep" in scores else scores
    answer = max(ranked, key=ranked.get)
    judged = scores
    weighed = span["evidence"]
    if weighed is not None and answer in (weighed.favoured, weighed.other) and weighed.other in scores:
        judged = {**scores, weighed.favoured: scores[weighed.favoured] + weighed.total + lean_shift}
        answer = max((weighed.favoured, weighed.other), key=judged.get)
    if answer == "keep":
        return "keep"
    score = (judged[answer] - math.log(sum(math.exp(m) for m in judged.values())) if span["relative"]
             else scores[answer])
    return answer if score >= (span["floors"][answer] if floor is None else floor) else "keep"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="+")
    parser.add_argument("--seeds", type=int, nargs="*", default=[],
                        help="fresh seeds to draw from (default: the development split; en, de, fr only)")
    parser.add_argument("--rules", nargs="*", default=None, help="only these rules' tables")
    parser.add_argument("--limit", type=int, default=None, help="at most this many corrupted and clean sentences per language")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for lang in args.langs:
        if args.seeds:
            pairs, clean = [], []
            for seed in args.seeds:
                seed_pairs, seed_clean = corrupted_pairs(lang, 300, 300, seed)
                pairs += seed_pairs
                clean += seed_clean
        else:
            pairs, clean = dev_sentences(lang, 1000, 2000)
        pairs, clean = pairs[:args.limit], clean[:args.limit]
        config = Config(lang=lang, model_path=args.model)
        print(f"{lang}: {len(pairs)} corrupted, {len(clean)} clean sentences", file=sys.stderr)
        for _, corrupted, target in pairs:
            for span in record_spans(corrupted, target, False, config):
                by_rule[span["rule"]].append(span)
        for line in clean:
            for span in record_spans(line, line, True, config):
                by_rule[span["rule"]].append(span)
    for rule, spans in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        if args.rules is not None and rule not in args.rules:
            continue
        print(f"\n{rule}: {len(spans)} spans, {sum(s['clean'] for s in spans)} in clean sentences; "
              f"some option right in {sum(any(s['right'].values()) for s in spans)}")
        print("| keep penalty | " + " | ".join("shipped floors" if f is None else f"floor {f}" for f in FLOORS) + " |")
        print("|---:|" + "---:|" * len(FLOORS))
        for penalty in PENALTIES:
            cells = []
            for floor in FLOORS:
                chosen = [replay(s, penalty, floor) for s in spans]
                right = sum(s["right"].get(op, False) for s, op in zip(spans, chosen))
                changed = sum(s["clean"] and op != "keep" for s, op in zip(spans, chosen))
                cells.append(f"{right} / {changed}")
            print(f"| {penalty} | " + " | ".join(cells) + " |")
        weighed = [s for s in spans if s["evidence"] is not None]
        if weighed:
            print(f"\n{len(weighed)} spans with corpus evidence: right choices by the lean's shift")
            print("| " + " | ".join(f"{shift:+}" for shift in LEAN_SHIFTS) + " |")
            print("|" + "---:|" * len(LEAN_SHIFTS))
            print("| " + " | ".join(str(sum(s["right"].get(replay(s, 0.0, None, shift), False) for s in weighed))
                                    for shift in LEAN_SHIFTS) + " |")


if __name__ == "__main__":
    main()
