"""Rules only vs rules + model, per language, on held-out corpus sentences corrupted by the
training simulator with a seed training never used; and the model's CPU speed.

Quality, per language (held-out lines only: ``cleanup.training.data.is_held_out``):
- **exact match**: corrupted sentences whose cleaned text equals the clean sentence;
- **edit precision**: of the sentences a system changed, the share it restored exactly
  (a change that leaves the sentence wrong, or breaks a correct one, counts against it);
- **edit recall**: of the corrupted sentences, the share restored exactly (= exact match);
- **clean changed**: clean held-out sentences the system changed at all, and those among
  them with an edit by the model;
- **clean harmed**: the same less the held-out lines that carry an artifact of their own
  (``grèveaprès``, ``In russia``), hand-checked and listed with their repair in
  ``benchmarks/data/corpus_artifacts.json``, where the system's output is that repair.
  A repair of such a line is no false positive; a different change to it still is.
Also exact match per corruption kind.

Speed (CPU): model load time, in a fresh process (importing torch and transformers, then the
weights; and the weights alone, the libraries imported) and again in this one (the libraries
and the model code loaded: what a second model costs a running ``cleanup batch``); sentences per
second through ``clean_article`` with the model (flagged scope); seconds for a 700-word article
with a few planted artifacts, in this process and as a fresh ``cleanup clean`` command (every
import and table a one-article run pays).

    python benchmarks/model_quality.py                       # bundled model, 300 corrupted + 1,000 clean per language
    python benchmarks/model_quality.py --per-lang 1000 --model models/cleanup-t5-small --json out.json
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.config import DEFAULT_MODEL_DIR, SUPPORTED_LANGUAGES, Config  # noqa: E402
from cleanup.neural import chooser_id_for  # noqa: E402
from cleanup.pipeline import clean_article  # noqa: E402
from cleanup.training.data import corpus_dir, corrupted_held_out, is_held_out  # noqa: E402
from cleanup.training.simulate import CORRUPTIONS  # noqa: E402

#: Held-out lines that are not clean after all, with their hand-checked repair.
CORPUS_ARTIFACTS = ROOT / "benchmarks" / "data" / "corpus_artifacts.json"


def corpus_artifacts(lang: str) -> dict[str, str]:
    """The held-out lines of ``lang`` known to carry an artifact, each with its repair."""
    entries = json.loads(CORPUS_ARTIFACTS.read_text(encoding="utf-8"))
    return {e["line"]: e["repaired"] for e in entries if e["lang"] == lang}


#: Not the training seed: the corruptions differ from anything the model saw.
EVAL_SEED = 20261126


def corrupted_pairs(lang: str, per_lang: int, clean_per_lang: int | None = None, seed: int = EVAL_SEED):
    """:func:`cleanup.training.data.corrupted_held_out`, drawn with the benchmark's seed by default."""
    return corrupted_held_out(lang, per_lang, clean_per_lang, seed)


def evaluate(lang: str, pairs, clean, config: Config) -> dict:
    started = time.perf_counter()
    restored, changed, by_kind = 0, 0, {}
    for kind, corrupted, target in pairs:
        out = clean_article(corrupted, config).text
        ok = out == target
        restored += ok
        changed += out != corrupted
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += 1
        by_kind[kind][1] += ok
    clean_changed, clean_changed_by_model, clean_harmed = 0, 0, 0
    repairs = corpus_artifacts(lang)
    for line in clean:
        article = clean_article(line, config)
        clean_changed += article.text != line
        clean_harmed += article.text != line and article.text != repairs.get(line)
        clean_changed_by_model += any(edit.source == "model" for edit in article.edits)
    seconds = time.perf_counter() - started
    changed_total = changed + clean_changed
    return {
        "exact_match": restored / len(pairs),
        "edit_precision": restored / changed_total if changed_total else 1.0,
        "edit_recall": restored / len(pairs),
        "clean_changed": clean_changed / len(clean),
        "clean_changed_by_model": clean_changed_by_model / len(clean),
        "clean_harmed": clean_harmed / len(clean),
        "by_kind": {k: round(v[1] / v[0], 3) for k, v in sorted(by_kind.items())},
        "sentences_per_second": (len(pairs) + len(clean)) / seconds,
    }


#: Run in a fresh interpreter: seconds to import torch and transformers, then to load the model.
_COLD_LOAD = """
import sys, time
started = time.perf_counter()
import torch, transformers
imported = time.perf_counter()
from cleanup.neural import load_repairer
load_repairer(sys.argv[1])
print(imported - started, time.perf_counter() - imported)
"""


def cold_load(model_dir: Path) -> tuple[float, float]:
    """(seconds to import the libraries, seconds to load the model after them) in a fresh process,
    as a one-article ``cleanup clean`` pays them."""
    done = subprocess.run([sys.executable, "-c", _COLD_LOAD, str(model_dir)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    imports, load = map(float, done.stdout.split())
    return imports, load


def cold_article(article: str, model_dir: Path) -> float:
    """Wall seconds of a fresh ``cleanup clean`` on ``article`` (language given)."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "article.txt", Path(tmp) / "clean.txt"
        source.write_text(article, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from cleanup.cli import main; main()", "clean", str(source),
                        "-o", str(target), "--lang", "en", "--model", str(model_dir)],
                       capture_output=True, check=True, cwd=ROOT)
        return time.perf_counter() - started


def speed(model_dir: Path) -> dict:
    from cleanup.neural import load_repairer

    imports_seconds, cold_load_seconds = cold_load(model_dir)
    load_repairer.cache_clear()  # a load in this process, its libraries and model code imported already
    started = time.perf_counter()
    load_repairer(str(model_dir))
    load_seconds = time.perf_counter() - started
    lines = [ln.rstrip("\n") for ln in (corpus_dir() / "en.txt").open(encoding="utf-8") if is_held_out(ln.rstrip("\n"))]
    rng = random.Random(EVAL_SEED)
    paragraphs, words = [], 0
    while words < 700:
        line = rng.choice(lines)
        corruption = CORRUPTIONS["glue"][0](line, "en", rng) if rng.random() < 0.3 else None
        paragraphs.append(corruption.corrupted if corruption else line)
        words += len(line.split())
    article = "Title of the article\n\n" + "\n\n".join(paragraphs) + "\n"
    config = Config(lang="en", model_path=model_dir)
    clean_article(article, config)  # warm-up: first generate() call
    started = time.perf_counter()
    clean_article(article, config)
    article_seconds = time.perf_counter() - started
    return {"model_load_seconds": load_seconds, "cold_imports_seconds": imports_seconds,
            "cold_model_load_seconds": cold_load_seconds, "article_words": words,
            "article_seconds": article_seconds, "cold_article_command_seconds": cold_article(article, model_dir)}


def _systems(systems: dict):
    return [(name, r) for name, r in systems.items() if isinstance(r, dict)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--per-lang", type=int, default=300, help="corrupted sentences per language")
    parser.add_argument("--clean-per-lang", type=int, default=1000,
                        help="clean sentences per language (fewer where the held-out split is smaller)")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-chooser", action="store_true",
                        help="the hand-tuned choice among the model's repairs, not the model's chooser.json")
    parser.add_argument("--seed", type=int, default=EVAL_SEED,
                        help="another seed draws other held-out lines and other corruptions: sentences no one "
                             "has read while building the rules (the default seed's failures have been read)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    chooser = chooser_id_for(Config(model_path=args.model, use_chooser=not args.no_chooser))
    results = {"model": str(args.model), "chooser": chooser, "per_lang": args.per_lang, "clean_per_lang": args.clean_per_lang,
               "seed": args.seed, "langs": {}}
    for lang in args.langs:
        pairs, clean = corrupted_pairs(lang, args.per_lang, args.clean_per_lang, args.seed)
        rules = evaluate(lang, pairs, clean, Config(lang=lang, use_model=False))
        model = evaluate(lang, pairs, clean, Config(lang=lang, model_path=args.model, use_chooser=not args.no_chooser))
        results["langs"][lang] = {"corrupted": len(pairs), "clean": len(clean), "rules": rules, "rules+model": model}
        print(f"{lang}: rules {rules['exact_match']:.3f}, rules+model {model['exact_match']:.3f}", file=sys.stderr)
    results["speed"] = speed(args.model)
    print("| lang | system | corrupted / clean | exact match | edit P | edit R | clean changed (by the model) "
          "| clean harmed | sentences/s |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for lang, systems in results["langs"].items():
        for name, r in _systems(systems):
            print(f"| {lang} | {name} | {systems['corrupted']} / {systems['clean']} | {r['exact_match']:.3f} | "
                  f"{r['edit_precision']:.3f} | {r['edit_recall']:.3f} | "
                  f"{r['clean_changed']:.2%} ({r['clean_changed_by_model']:.2%}) | {r['clean_harmed']:.2%} | "
                  f"{r['sentences_per_second']:.1f} |")
    print()
    print("| lang | system | " + " | ".join(k for k in CORRUPTIONS) + " |")
    print("|---|---|" + "---:|" * len(CORRUPTIONS))
    for lang, systems in results["langs"].items():
        for name, r in _systems(systems):
            print(f"| {lang} | {name} | " + " | ".join(str(r["by_kind"].get(k, "–")) for k in CORRUPTIONS) + " |")
    s = results["speed"]
    print(f"\nmodel load in a fresh process {s['cold_model_load_seconds']:.2f} s after {s['cold_imports_seconds']:.2f} s "
          f"of importing torch and transformers; again in this process {s['model_load_seconds']:.2f} s; a "
          f"{s['article_words']}-word article {s['article_seconds']:.2f} s, or {s['cold_article_command_seconds']:.2f} s "
          f"as a fresh `cleanup clean` (CPU, {torch.get_num_threads()} threads)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
