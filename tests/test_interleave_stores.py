"""scripts/interleave_example_stores.py: replaying older examples between new ones."""

import importlib.util
import json
from pathlib import Path

from cleanup.training.store import MANIFEST, epoch_path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "interleave_example_stores.py"


def _store(directory: Path, epochs: int, settings: dict) -> Path:
    directory.mkdir()
    for k in range(epochs):
        epoch_path(directory, k).write_text(f"{directory.name} {k}")
    (directory / "validation.jsonl.xz").write_text(f"{directory.name} validation")
    (directory / MANIFEST).write_text(json.dumps({"settings": settings, "epochs": epochs}))
    return directory


def test_epochs_alternate_and_the_new_store_gives_validation_and_manifest(tmp_path):
    spec = importlib.util.spec_from_file_location("interleave", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    new = _store(tmp_path / "new", 2, {"seed": 7})
    old = _store(tmp_path / "old", 4, {"seed": 3})
    out = tmp_path / "mix"
    module.interleave(out, new, old, epochs=2, replay_from=2)
    assert [epoch_path(out, k).read_text() for k in range(4)] == ["new 0", "old 2", "new 1", "old 3"]
    assert (out / "validation.jsonl.xz").read_text() == "new validation"
    assert json.loads((out / MANIFEST).read_text()) == {"settings": {"seed": 7}, "epochs": 4}
