"""Export the weights of a run's last checkpoint as a model directory, beside its ``best``.

A run keeps its best validation checkpoint in ``runs/<name>/best`` and its latest state in
``runs/<name>/checkpoint.pt`` (model, optimizer, schedule). The validation mean that picks
``best`` weighs repairs and ``keep`` alike; the benchmark may prefer the last weights, so
this writes them out (``runs/<name>/last``) for ``benchmarks/tune_floors.py`` and
``benchmarks/model_quality.py --model``.

    python scripts/export_checkpoint.py runs/cpu-s6
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path


def main(run_dir: Path) -> Path:
    import torch
    from transformers import AutoModelForSeq2SeqLM

    best, out = run_dir / "best", run_dir / "last"
    saved = torch.load(run_dir / "checkpoint.pt", map_location="cpu", weights_only=False)
    model = AutoModelForSeq2SeqLM.from_pretrained(best, local_files_only=True)
    model.load_state_dict(saved["model"])
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)  # tokenizer and training_info.json, then the weights over them
    model.save_pretrained(out, safe_serialization=True)
    info = json.loads((out / "training_info.json").read_text(encoding="utf-8"))
    info["exported_from_checkpoint_step"] = saved["step"]
    (out / "training_info.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out} (step {saved['step']})")
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]))
