"""Throughput of ``cleanup batch``: articles per second over N sample-sized articles, with 1
and 2 workers, rules only and (``--with-model``, when the bundled model exists) with the model.

The articles are the samples in ``samples/*.txt`` (not the ``.expected.txt``), cycled to N
files with the copy number added to the title so that no two files are identical; when no
sample exists yet they are built from ``tests/data/clean_*.txt`` lines with glued words
planted at link-like boundaries. Each run goes through :func:`cleanup.batch.run_batch`
exactly as the CLI does (planning, reading, cleaning, atomic writes), so the wall time
includes starting the worker processes and their warm-up (word tables, language profiles,
the model). Not a timed test: the figures depend on the machine and on what else runs.

    python benchmarks/batch_speed.py                    # 200 articles, 1 and 2 workers, rules only
    python benchmarks/batch_speed.py --with-model       # also with the bundled model
    python benchmarks/batch_speed.py --update-readme    # write the table into benchmarks/README.md
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup import Config  # noqa: E402
from cleanup.batch import plan_batch, run_batch  # noqa: E402
from cleanup.config import DEFAULT_MODEL_DIR  # noqa: E402

README = Path(__file__).resolve().parent / "README.md"
HEADING = "## Batch throughput"


def sample_articles() -> list[str]:
    """The sample articles, or articles built from the no-harm lines when there are none."""
    samples = sorted(p for p in (ROOT / "samples").glob("*.txt") if not p.name.endswith(".expected.txt"))
    if samples:
        return [p.read_text(encoding="utf-8") for p in samples]
    return built_articles()


def built_articles(count: int = 12, seed: int = 0) -> list[str]:
    """Title, byline, four body paragraphs of three lines each, a source line; about one
    glued word (``ForcesThey``) per paragraph."""
    rng = random.Random(seed)
    articles = []
    files = sorted((ROOT / "tests" / "data").glob("clean_*.txt"))
    for i in range(count):
        lines = files[i % len(files)].read_text(encoding="utf-8").splitlines()
        rng.shuffle(lines)
        paragraphs = []
        for p in range(4):
            text = " ".join(lines[1 + 3 * p : 4 + 3 * p])
            glue = [m for m in re.finditer(r"\w+ (?=[A-Z]\w+)", text)]
            if glue:
                m = rng.choice(glue)
                text = text[: m.end() - 1] + text[m.end() :]
            paragraphs.append(text)
        title = lines[0].rstrip(".")[:90]
        articles.append("\n\n".join([title, "By Staff", *paragraphs, "(With agencies)"]) + "\n")
    return articles


def write_articles(folder: Path, n: int) -> int:
    sources = sample_articles()
    size = 0
    for i in range(n):
        text = sources[i % len(sources)]
        title, rest = text.split("\n", 1)
        text = f"{title} ({i // len(sources) + 1})\n{rest}"
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")
        size += len(text)
    return size // n


def measure(folder: Path, out: Path, config: Config, workers: int) -> dict:
    jobs = plan_batch(folder, out, force=True)
    started = time.perf_counter()
    result = run_batch(jobs, config, workers)
    wall = time.perf_counter() - started
    cleaned = result.count("cleaned")
    return {"workers": workers, "articles": cleaned, "failed": result.count("failed"), "wall": wall,
            "rate": cleaned / wall, "per_article": sum(f.seconds for f in result.files) / max(cleaned, 1),
            "edits": sum(f.edits for f in result.files)}


def table(rows: list[dict]) -> str:
    lines = ["| mode | workers | articles | wall (s) | articles/s | s per article in a worker | edits |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['mode']} | {r['workers']} | {r['articles']} | {r['wall']:.1f} | {r['rate']:.1f} | "
                     f"{r['per_article']:.3f} | {r['edits']} |")
    return "\n".join(lines)


def speedup_note(rows: list[dict]) -> str:
    rates = {r["workers"]: r["rate"] for r in rows if r["mode"] == "rules only"}
    note = ("Anything else running on the machine lowers these figures (see the load average); they vary "
            "from run to run by about 10-20 %.")
    if 1 in rates and 2 in rates:
        ratio = rates[2] / rates[1]
        note += (f" With 2 workers the rate is {ratio:.2f}× the 1-worker rate: on 2 busy cores a second worker "
                 "gains no CPU time and pays its own start-up and warm-up, so expect a speed-up close to the "
                 "number of *idle* cores, not more." if ratio < 1.3 else
                 f" With 2 workers the rate is {ratio:.2f}× the 1-worker rate.")
    return note


def machine() -> str:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{cores} cores ({cpu}), Python {platform.python_version()}, load average before the run {load}"


def update_readme(section: str) -> None:
    """Replace (or add) the ``## Batch throughput`` section; the rest of the file is kept."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda m: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--with-model", action="store_true", help="also run with the bundled model, if present")
    parser.add_argument("--update-readme", action="store_true", help=f"write the table into {README}")
    args = parser.parse_args(argv)

    modes = [("rules only", Config(use_model=False))]
    skipped = None
    if args.with_model:
        if (DEFAULT_MODEL_DIR / "config.json").exists():
            modes.append(("rules + model", Config(use_model=True)))
        else:
            skipped = f"with the model: not run, no model at {DEFAULT_MODEL_DIR.relative_to(ROOT)} yet"
            print(f"batch_speed: {skipped}", file=sys.stderr)
    host = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="cleanup-batch-speed-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chars = write_articles(folder, args.articles)
        for mode, config in modes:
            for workers in args.workers:
                r = measure(folder, Path(tmp) / f"out-{len(rows)}", config, workers)
                r["mode"] = mode
                rows.append(r)
                print(f"batch_speed: {mode}, {workers} worker(s): {r['rate']:.1f} articles/s", file=sys.stderr)
    result = table(rows)
    print(result)
    if args.update_readme:
        notes = [
            f"`cleanup batch` over {args.articles} sample-sized articles (about {chars} characters each, "
            "cycled from `samples/*.txt`), measured through `cleanup.batch.run_batch` as the CLI runs it. "
            "Wall time includes starting the workers and their warm-up (about 2 s each for the word tables "
            "and language profiles), so short batches look slower than the steady state.",
            "",
            result,
            "",
            f"Machine: {host}. {speedup_note(rows)}",
        ]
        if skipped:
            notes += ["", "With the model: not measured yet (no `models/cleanup-t5-small/config.json` when this "
                          "was run); rerun with `--with-model` once it lands."]
        notes += ["", "Rerun:", "", "```", "python benchmarks/batch_speed.py --with-model --update-readme", "```", ""]
        update_readme(f"{HEADING}\n\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
