"""Training examples on disk: simulate and label here, train elsewhere.

Simulating and labelling runs the detector (wordfreq, the cased tables) on the CPU, about
1,600 examples a second per core. A GPU machine lent for minutes has neither the corpus nor
those packages, and should spend its time on gradient steps. So ``cleanup train
--write-examples DIR --epochs N`` writes N epochs and the validation set here, and
``cleanup train --examples-dir DIR`` trains from them there, epoch k reading file k mod N.

Each epoch file holds exactly what :func:`cleanup.training.train.epoch_examples` returns for
that epoch, in order, so a run from the store sees the same data as one that simulates. The
manifest records the settings that shape the data; a run whose settings differ is refused.
Files are xz-compressed JSON lines (``[lang, source, target, kind]``), about 22 bytes an
example, and are written atomically.

>>> import tempfile
>>> from cleanup.training.simulate import Example
>>> d = Path(tempfile.mkdtemp())
>>> write_examples(d / "epoch-000.jsonl.xz", [Example("en", "<en> ⟦kyiv⟧ said ‖ 3N", "capitalise", "lowercase_name")])
>>> read_examples(d / "epoch-000.jsonl.xz")
[Example(lang='en', source='<en> ⟦kyiv⟧ said ‖ 3N', target='capitalise', kind='lowercase_name')]
"""

from __future__ import annotations

import json
import lzma
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from cleanup.training.simulate import Example

if TYPE_CHECKING:
    from cleanup.training.train import TrainConfig

MANIFEST = "manifest.json"
VALIDATION = "validation.jsonl.xz"

#: The TrainConfig fields that decide which examples an epoch holds.
DATA_FIELDS = ("task", "seed", "languages", "lines_per_language", "clean_share", "copy_share", "evidence",
               "corruption_weights", "context_words", "eval_windows_per_language")


def epoch_path(directory: Path, epoch: int) -> Path:
    return directory / f"epoch-{epoch:03d}.jsonl.xz"


def write_examples(path: Path, examples: Iterable[Example]) -> None:
    """Write examples to ``path`` atomically: a stopped write leaves no half file behind."""
    tmp = path.with_name(path.name + ".tmp")
    with lzma.open(tmp, "wt", encoding="utf-8") as out:
        for e in examples:
            out.write(json.dumps([e.lang, e.source, e.target, e.kind], ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def read_examples(path: Path) -> list[Example]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        return [Example(*json.loads(line)) for line in lines]


def data_settings(config: TrainConfig) -> dict:
    settings = asdict(config)
    return json.loads(json.dumps({k: settings[k] for k in DATA_FIELDS}))  # tuples as lists, as read back


def _write_epoch(config: TrainConfig, directory: Path, epoch: int) -> int:
    from cleanup.training.train import _corpus, epoch_examples

    examples = epoch_examples(_corpus(config), config, epoch)
    write_examples(epoch_path(directory, epoch), examples)
    return len(examples)


def _write_validation(config: TrainConfig, directory: Path) -> int:
    from cleanup.training.train import _corpus, validation_examples

    examples = validation_examples(_corpus(config), config)
    write_examples(directory / VALIDATION, examples)
    return len(examples)


def write_store(config: TrainConfig, directory: Path, epochs: int, workers: int = 1, log=print) -> None:
    """Simulate and label epochs 0..epochs-1 and the validation set into ``directory``, in
    ``workers`` processes; epochs already there are kept, so a stopped write resumes."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = directory / MANIFEST
    settings = data_settings(config)
    if manifest.exists() and json.loads(manifest.read_text(encoding="utf-8"))["settings"] != settings:
        raise ValueError(f"{directory}: holds examples made with other settings; choose another directory")
    todo = [k for k in range(epochs) if not epoch_path(directory, k).exists()]
    # forkserver, as cleanup.batch: torch has started threads in this process by now, and forking
    # a threaded process is unsafe (Python 3.12+ warns; 3.14 no longer forks by default).
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = {pool.submit(_write_epoch, config, directory, k): k for k in todo}
        if not (directory / VALIDATION).exists():
            jobs[pool.submit(_write_validation, config, directory)] = "validation"
        for job, what in jobs.items():
            log(f"{directory}: {what}: {job.result()} examples")
    manifest.write_text(json.dumps({"settings": settings, "epochs": epochs}, indent=2) + "\n", encoding="utf-8")


class ExampleStore:
    """A directory written by :func:`write_store`, checked against the training config."""

    def __init__(self, directory: Path, config: TrainConfig):
        manifest = directory / MANIFEST
        if not manifest.exists():
            raise ValueError(f"--examples-dir {directory}: no {MANIFEST}; write one with --write-examples")
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        wanted = data_settings(config)
        differ = sorted(k for k in wanted if saved["settings"].get(k) != wanted[k])
        if differ:
            raise ValueError(f"--examples-dir {directory}: made with other {', '.join(differ)} than this run")
        self.directory = directory
        self.epochs = int(saved["epochs"])

    def epoch(self, epoch: int) -> list[Example]:
        return read_examples(epoch_path(self.directory, epoch % self.epochs))

    def validation(self) -> list[Example]:
        return read_examples(self.directory / VALIDATION)
