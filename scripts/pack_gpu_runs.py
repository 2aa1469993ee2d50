"""Pack the best models of GPU runs so they fit what a lent machine sends back.

The device tool returns at most 8 files of 16 MB each, 64 MB in all; one 8.9M-parameter model
is 36 MB in float32. So the run with the best validation mean comes back whole (float32, as
trained), the second best in float16 (half the size: a fallback to measure, not to ship as
is), in a tar split into 15 MB parts; the rest only as logs.

Usage: python3 scripts/pack_gpu_runs.py OUT RUN [RUN ...]   (runs under runs/<RUN>/best)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

RUNS = Path("runs")


def main(out: Path, names: list[str]) -> None:
    scored = []
    for name in names:
        info = RUNS / name / "best" / "training_info.json"
        if info.exists():
            mean = json.loads(info.read_text())["validation_exact_match"]["mean"]
            scored.append((mean, name))
            print(f"{name}: best validation mean {mean:.3f}")
        else:
            print(f"{name}: no best model")
    scored.sort(reverse=True)
    pack = RUNS / "pack"
    shutil.rmtree(pack, ignore_errors=True)
    pack.mkdir(parents=True)
    for rank, (mean, name) in enumerate(scored[:2]):
        target = pack / name
        shutil.copytree(RUNS / name / "best", target)
        if rank == 1:
            from transformers import AutoModelForSeq2SeqLM

            model = AutoModelForSeq2SeqLM.from_pretrained(str(target), local_files_only=True).half()
            (target / "model.safetensors").unlink()
            model.save_pretrained(target)
            (target / "FLOAT16").write_text("weights rounded to float16 for the trip back\n")
    # inside the tar: the tool sends back 8 files at most (a machine note, 3 logs, 4 parts)
    (pack / "summary.json").write_text(json.dumps([{"run": n, "mean": m} for m, n in scored], indent=2) + "\n")
    tar = subprocess.Popen(["tar", "cf", "-", "-C", str(pack), "."], stdout=subprocess.PIPE)
    subprocess.run(["split", "-b", "15m", "-", str(out / "models.tar.part-")], stdin=tar.stdout, check=True)
    tar.wait()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
