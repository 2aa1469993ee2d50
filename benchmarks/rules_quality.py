"""Rules-only quality and speed on the shared corpus (development checkout only).

For each language:
- **clean lines changed**: the share of corpus lines (clean human text) that the rules
  change at all — every change is a false positive (target < 0.2%);
- **merge repair precision / recall** on glues synthesised from HELD-OUT lines (the 5% that
  the cased table never saw, see ``cleanup.training.data.is_held_out``): one glue per line,
  of the kinds a link boundary makes — a capitalised word glued to the word before it
  (``Forces They`` → ``ForcesThey``), a name glued to a lower-case word (``Moscow who`` →
  ``Moscowwho``), a closing quote glued to the next word (``possible” to`` → ``possible”to``).
  A merge edit is correct when it puts the space back exactly where it was; precision =
  correct merge edits / all merge edits on the corrupted lines, recall = glues restored /
  glues planted (targets: P >= 0.98, R >= 0.90);
- **lines per second** of the rules stage (parse + rules, language given).

    python benchmarks/rules_quality.py                 # all six languages, whole corpus
    python benchmarks/rules_quality.py --limit 20000 en de
    python benchmarks/rules_quality.py it --changes /tmp/it-changes.tsv   # every edit to a clean line, to read
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import SUPPORTED_LANGUAGES, Config  # noqa: E402
from cleanup.parse import parse_article  # noqa: E402
from cleanup.rules import apply_rules  # noqa: E402
from cleanup.rules.context import ArticleContext  # noqa: E402
from cleanup.training.data import corpus_dir, is_held_out  # noqa: E402

CONFIG = Config(use_model=False)


#: Lines on each side of a sentence that make up its "article": corpus files keep the
#: documents of the WMT test sets in order, so the neighbours are the same story.
CONTEXT_LINES = 4


def clean_line(line: str, lang: str, neighbours: str = ""):
    """Rules on one line, knowing the vocabulary of the lines around it (its article)."""
    article = parse_article(line)
    article = replace(article, lang=lang, blocks=tuple(replace(b, lang=lang) for b in article.blocks))
    return apply_rules(article, CONFIG, context=ArticleContext.of_text(neighbours + "\n" + line))


def neighbours_of(lines: list[str], i: int) -> str:
    return "\n".join(lines[max(0, i - CONTEXT_LINES): i] + lines[i + 1: i + 1 + CONTEXT_LINES])


def synthesise_glue(line: str, rng: random.Random):
    """(glued line, offset where the space was) or None when no glue of a link kind fits."""
    candidates = []
    for m in re.finditer(r"(?<=[^\W\d_]{2}) (?=[A-ZÀ-Þ][^\W\d_]{2,})", line):
        candidates.append(("capital", m.start()))
    for m in re.finditer(r"(?<= )([A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]{2,}) (?=[^\W\d_A-ZÀ-Þ]{2,}\b)", line):
        candidates.append(("name", m.end(1)))
    for m in re.finditer(r"(?<=[^\W\d_][”»]) (?=[^\W\d_]{2,})", line):
        candidates.append(("quote", m.start()))
    if not candidates:
        return None
    kind, pos = rng.choice(candidates)
    return kind, line[:pos] + line[pos + 1 :], pos


def measure(lang: str, limit: int | None, seed: int, changes=None) -> dict:
    all_lines = [ln.rstrip("\n") for ln in (corpus_dir() / f"{lang}.txt").open(encoding="utf-8") if ln.strip()]
    lines = all_lines[:limit] if limit else all_lines
    started = time.perf_counter()
    changed, examples, changed_by_rule = 0, [], {}
    for i, line in enumerate(lines):
        article = clean_line(line, lang, neighbours_of(all_lines, i))
        for rule in {e.rule for e in article.edits}:
            changed_by_rule[rule] = changed_by_rule.get(rule, 0) + 1
        if changes is not None:
            for e in article.edits:
                changes.write(f"{lang}\t{e.rule}\t{line[max(0, e.start - 40):e.start]}[{e.before}→{e.after}]"
                              f"{line[e.end:e.end + 30]}\n")
        if article.edits:
            changed += 1
            if len(examples) < 25:
                examples.append([f"{e.rule}: {line[max(0, e.start - 20):e.end + 20]!r}: {e.before!r}→{e.after!r}"
                                 for e in article.edits])
    seconds = time.perf_counter() - started

    rng = random.Random(seed)
    held_out = [i for i, ln in enumerate(all_lines) if is_held_out(ln)]
    planted = restored = merge_edits = correct_edits = 0
    by_kind: dict[str, list[int]] = {}
    misses = []
    for i in held_out:
        line = all_lines[i]
        glue = synthesise_glue(line, rng)
        if glue is None:
            continue
        kind, glued, pos = glue
        planted += 1
        article = clean_line(glued, lang, neighbours_of(all_lines, i))
        edits = [e for e in article.edits if e.rule.startswith("merge.")]
        merge_edits += len(edits)
        ok = [e for e in edits if e.start <= pos <= e.end and e.after.replace(" ", "") == e.before and
              e.start + e.after.index(" ") == pos]
        correct_edits += len(ok)
        restored += bool(ok)
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += 1
        by_kind[kind][1] += bool(ok)
        if not ok and len(misses) < 24:
            misses.append(f"{kind}: {glued[max(0, pos - 25): pos + 25]}")
    return {
        "lang": lang,
        "clean_lines": len(lines),
        "clean_lines_changed": changed,
        "clean_changed_share": changed / len(lines),
        "clean_changed_by_rule": dict(sorted(changed_by_rule.items())),
        "lines_per_second": len(lines) / seconds,
        "glues_planted": planted,
        "merge_precision": correct_edits / merge_edits if merge_edits else 1.0,
        "merge_recall": restored / planted if planted else 0.0,
        "recall_by_kind": {k: round(v[1] / v[0], 4) for k, v in by_kind.items()},
        "false_positive_examples": examples,
        "missed_examples": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus lines for the clean-line share")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", type=Path, default=None, help="also write the full results here")
    parser.add_argument("--changes", type=Path, default=None,
                        help="write every edit the rules make to a clean line here (lang, rule, the edit in context)")
    args = parser.parse_args()
    with args.changes.open("w", encoding="utf-8") if args.changes else contextlib.nullcontext() as changes:
        results = [measure(lang, args.limit, args.seed, changes) for lang in args.langs]
    print("| lang | clean lines | changed | share | glues | merge P | merge R | lines/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['lang']} | {r['clean_lines']} | {r['clean_lines_changed']} | {r['clean_changed_share']:.3%} | "
              f"{r['glues_planted']} | {r['merge_precision']:.3f} | {r['merge_recall']:.3f} | {r['lines_per_second']:.0f} |")
    for r in results:
        print(f"\n{r['lang']} recall by kind: {r['recall_by_kind']}; clean lines changed by rule: "
              f"{r['clean_changed_by_rule']}", file=sys.stderr)
        for ex in r["false_positive_examples"]:
            print("  FP", ex, file=sys.stderr)
        for ex in r["missed_examples"]:
            print("  MISS", repr(ex), file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
