"""List the corrupted benchmark sentences that rules + model leave wrong, and the clean
sentences rules + model change: the reading list behind the figures of ``model_quality.py``.

    python benchmarks/failures.py en                  # every failure, grouped by corruption kind
    python benchmarks/failures.py en --kind comma_capital --no-model
    python benchmarks/failures.py en --seeds 4 5 6 7 8   # the read seeds the rules are built on

Never pass ``fresh_seeds.py``'s seeds (1, 2, 3): reading their failures would make that
measure optimistic.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleanup.config import DEFAULT_MODEL_DIR, Config  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from model_quality import EVAL_SEED, corpus_artifacts, corrupted_pairs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("--per-lang", type=int, default=300)
    parser.add_argument("--clean-per-lang", type=int, default=1000)
    parser.add_argument("--kind", default=None, help="only this corruption kind")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--seeds", type=int, nargs="+", default=[EVAL_SEED],
                        help="draw the sentences with these seeds (default: the benchmark's)")
    args = parser.parse_args()
    config = Config(lang=args.lang, use_model=not args.no_model, model_path=args.model)
    pairs, clean = [], []
    for seed in args.seeds:
        seed_pairs, seed_clean = corrupted_pairs(args.lang, args.per_lang, args.clean_per_lang, seed)
        pairs += seed_pairs
        clean += [line for line in seed_clean if line not in clean]
    failures, totals = Counter(), Counter()
    for kind, corrupted, target in pairs:
        if args.kind and kind != args.kind:
            continue
        totals[kind] += 1
        article = clean_article(corrupted, config)
        if article.text == target:
            continue
        failures[kind] += 1
        print(f"[{kind}]\n  in:   {corrupted}\n  want: {target}\n  got:  {article.text}")
        for edit in article.edits:
            print(f"    {edit.source}/{edit.rule}: {edit.before!r} -> {edit.after!r} ({edit.confidence:.2f})")
    print("\nfailures by kind:", {k: f"{failures[k]}/{totals[k]}" for k in totals})
    print(f"right: {sum(totals.values()) - sum(failures.values())} of {sum(totals.values())}")
    if args.kind is None and not args.no_model:
        print("\nclean sentences rules + model change:")
        repairs = corpus_artifacts(args.lang)
        changed = 0
        for line in clean:
            article = clean_article(line, config)
            if article.text == line:
                continue
            changed += 1
            listed = "  (repairs a listed artifact of the corpus)" if article.text == repairs.get(line) else ""
            print(f"  {line}{listed}")
            for edit in article.edits:
                print(f"    {edit.source}/{edit.rule}: {edit.before!r} -> {edit.after!r} ({edit.confidence:.2f})")
        print(f"clean changed: {changed} of {len(clean)}")


if __name__ == "__main__":
    main()
