"""The ceiling of the design: how many benchmark sentences the pipeline would restore if the
model always named the right repair for every span the detector flags.

The model is replaced by an oracle that knows the clean sentence: for each flagged window it
takes the repair whose result appears in the clean sentence (``keep`` first), and no score
floor applies. Everything else (rules, detector, verifier) is the real pipeline. A sentence
the oracle leaves wrong is one the detector does not flag, or that no repair covers; the gap
between the oracle and the real model is what better weights could still win.

    python benchmarks/oracle.py                 # every language, the sentences of model_quality.py
    python benchmarks/oracle.py en --show       # and list what the oracle cannot restore
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cleanup.neural as neural  # noqa: E402
from cleanup.config import SUPPORTED_LANGUAGES, Config  # noqa: E402
from cleanup.ops import MARK_CLOSE, MARK_OPEN, apply_op  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from model_quality import EVAL_SEED, corrupted_pairs  # noqa: E402


@dataclass
class OracleRepairer:
    """Stands in for :class:`cleanup.neural.Repairer`; ``target`` is the clean sentence of
    the article being cleaned."""

    target: str = ""
    model_id: str = "oracle"
    evidence: bool = False
    names_ops: bool = True

    def choose(self, sources, candidates, relative=None, evidence=None, keep_penalty=None):
        return [(self._best(source, options), 0.0) for source, options in zip(sources, candidates)]

    def _best(self, source: str, options: list[str]) -> str:
        window = source.split(" ", 1)[1]  # drop the language tag
        start = window.index(MARK_OPEN)
        end = window.index(MARK_CLOSE) - len(MARK_OPEN)
        text = window.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
        lang = source[1:3]
        for op in options:
            after = apply_op(op, text, start, end, lang)
            if after is not None and after in self.target:
                return op
        return "keep"  # no repair fits: abstain, as a model below its floor would (the rules' edit stands)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--per-lang", type=int, default=300)
    parser.add_argument("--show", action="store_true", help="print the sentences the oracle leaves wrong")
    parser.add_argument("--seeds", type=int, nargs="+", default=[EVAL_SEED],
                        help="draw the sentences with these seeds (default: the benchmark's)")
    args = parser.parse_args()
    oracle = OracleRepairer()
    neural.load_repairer = lambda path: oracle
    neural.MIN_SCORE_BY_KIND = {kind: -math.inf for kind in neural.MIN_SCORE_BY_KIND}
    for lang in args.langs:
        config = Config(lang=lang, use_model=True)
        pairs = [pair for seed in args.seeds  # the benchmark's seed: the sentences of model_quality.py
                 for pair in corrupted_pairs(lang, args.per_lang, 1000, seed=seed)[0]]
        restored, totals, by_kind = 0, Counter(), Counter()
        for kind, corrupted, target in pairs:
            oracle.target = target
            out = clean_article(corrupted, config).text
            totals[kind] += 1
            if out == target:
                restored += 1
                by_kind[kind] += 1
            elif args.show:
                print(f"[{lang} {kind}]\n  in:   {corrupted}\n  want: {target}\n  got:  {out}")
        kinds = ", ".join(f"{k} {by_kind[k] / totals[k]:.2f} ({totals[k]})" for k in sorted(totals))
        print(f"{lang}: oracle exact match {restored / len(pairs):.3f} of {len(pairs)}; {kinds}", flush=True)


if __name__ == "__main__":
    main()
