"""Link the epochs of two example stores alternately into a third, so that a run replays
older examples between new ones (presets ``cpu-mix``, ``cpu-s7``, ``cpu-s8``, ``cpu-s9``):

    python scripts/interleave_example_stores.py runs/examples-mix7 runs/examples-cpu-s7 runs/examples-gpu --epochs 8
    python scripts/interleave_example_stores.py runs/examples-mix8 runs/examples-cpu-s8 runs/examples-gpu \\
        --epochs 4 --replay-from 4

Epoch 2k of the result is the new store's epoch k, epoch 2k+1 the replayed store's epoch
``replay_from + k``; the validation set and the manifest (its ``epochs`` doubled) are the new
store's, so the run's settings are checked against it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleanup.training.store import MANIFEST, epoch_path  # noqa: E402


def interleave(out: Path, new: Path, replayed: Path, epochs: int, replay_from: int = 0) -> None:
    out.mkdir(parents=True, exist_ok=True)
    links = {epoch_path(out, 2 * k): epoch_path(new, k) for k in range(epochs)}
    links |= {epoch_path(out, 2 * k + 1): epoch_path(replayed, replay_from + k) for k in range(epochs)}
    links[out / "validation.jsonl.xz"] = new / "validation.jsonl.xz"
    for link, target in links.items():
        if not target.exists():
            raise SystemExit(f"{target}: no such file; write the store first (--write-examples)")
        link.unlink(missing_ok=True)
        link.symlink_to(os.path.relpath(target, out))
    manifest = json.loads((new / MANIFEST).read_text(encoding="utf-8"))
    (out / MANIFEST).write_text(json.dumps({**manifest, "epochs": 2 * epochs}, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("replayed", type=Path)
    parser.add_argument("--epochs", type=int, required=True, help="epochs taken from each store")
    parser.add_argument("--replay-from", type=int, default=0, help="first epoch of the replayed store")
    args = parser.parse_args()
    interleave(args.out, args.new, args.replayed, args.epochs, args.replay_from)


if __name__ == "__main__":
    main()
