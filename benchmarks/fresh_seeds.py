"""Exact match on sentences no one has read: held-out lines corrupted with seeds other than
the benchmark's.

``model_quality.py`` draws its 300 corrupted sentences per language with one seed
(``EVAL_SEED``), and ``failures.py`` prints the ones the system gets wrong; the rules and the
detector have been built by reading those failures, so the benchmark's exact match is an
optimistic estimate. Each seed here draws other held-out lines in another order and other
corruptions of them (``model_quality.corrupted_pairs(..., seed=...)``); their failures are
not to be read, or they stop measuring what a user's articles will meet. Rules + model and
rules only, per seed and over all seeds together.

    python benchmarks/fresh_seeds.py                    # seeds 1, 2, 3; 300 sentences each; six languages
    python benchmarks/fresh_seeds.py en de --seeds 4 5 --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import DEFAULT_MODEL_DIR, SUPPORTED_LANGUAGES, Config  # noqa: E402
from cleanup.neural import chooser_id_for  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from model_quality import corrupted_pairs  # noqa: E402  (benchmarks/ is on the path when run as a script)


def exact_matches(pairs, config: Config) -> int:
    return sum(clean_article(corrupted, config).text == target for _, corrupted, target in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--per-lang", type=int, default=300, help="corrupted sentences per language and seed")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-chooser", action="store_true",
                        help="the hand-tuned choice among the model's repairs, not the model's chooser.json")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    chooser = chooser_id_for(Config(model_path=args.model, use_chooser=not args.no_chooser))
    results = {"model": str(args.model), "chooser": chooser, "per_lang": args.per_lang, "seeds": args.seeds, "langs": {}}
    for lang in args.langs:
        per_seed = {}
        for seed in args.seeds:
            pairs, _ = corrupted_pairs(lang, args.per_lang, 0, seed)
            per_seed[seed] = {"corrupted": len(pairs),
                              "rules": exact_matches(pairs, Config(lang=lang, use_model=False)),
                              "rules+model": exact_matches(pairs, Config(lang=lang, model_path=args.model,
                                                               use_chooser=not args.no_chooser))}
            print(f"{lang} seed {seed}: {per_seed[seed]}", file=sys.stderr)
        total = sum(s["corrupted"] for s in per_seed.values())
        results["langs"][lang] = {
            "per_seed": per_seed, "corrupted": total,
            **{system: sum(s[system] for s in per_seed.values()) / total for system in ("rules", "rules+model")}}
    print("| lang | sentences | rules only | rules + model | rules + model by seed |")
    print("|---|---:|---:|---:|---|")
    for lang, r in results["langs"].items():
        by_seed = ", ".join(f"{s['rules+model'] / s['corrupted']:.3f}" for s in r["per_seed"].values())
        print(f"| {lang} | {r['corrupted']} | {r['rules']:.3f} | {r['rules+model']:.3f} | {by_seed} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
