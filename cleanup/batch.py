"""Cleaning a whole directory: plan the jobs, run them (in parallel), report what was done.

Guarantees:

- The input tree is mirrored under the output directory; outputs are only ever written with
  :func:`cleanup.files.write_atomically`, so an interruption leaves whole files or none.
- One broken file (binary, undecodable, empty, unreadable, or a bug in a stage) never stops
  the batch: it becomes a failed :class:`FileResult` with its reason.
- Resumable: a job whose output is newer than its input is planned as up to date and
  skipped, unless ``force``.
- With ``workers > 1`` the files go to a process pool in chunks of a few files per task; each
  worker loads the model once (its initializer). The suspicious windows of every file of a
  chunk go through the model together (:func:`cleanup.neural.repair_many`), so sentences are
  batched across files; with one worker the same chunking runs in this process. Chunking
  also amortises the per-task cost of the pool.
- Ctrl-C: pending work is cancelled, running chunks finish their current files, and the
  result says ``interrupted`` and lists exactly the files that were done.

This module does not print or exit; ``cli.py`` turns a :class:`BatchResult` into a report,
a progress bar and an exit code.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .config import Config
from .errors import CleanupError, InputError, ModelError

#: What ``cleanup batch`` cleans when no ``--glob`` is given.
DEFAULT_GLOBS = ("*.txt", "*.md")

#: Files per pool task, at most: big enough to amortise a task's round trip, small enough
#: that progress moves and an interruption waits for little.
MAX_CHUNK = 8


@dataclass(frozen=True)
class Job:
    """One file to clean. ``name`` is its path relative to the input directory (POSIX form),
    used in the report and for the HTML page; ``up_to_date`` when its output is newer."""

    source: Path
    target: Path
    name: str
    up_to_date: bool = False

    @property
    def in_place(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: ``status`` is "cleaned", "skipped" or "failed"."""

    name: str
    status: str
    language: str | None = None
    encoding: str | None = None
    edits_by_kind: dict = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    html: str | None = None  # the article's HTML diff page, relative to the HTML directory

    @property
    def edits(self) -> int:
        return sum(self.edits_by_kind.values())

    def to_dict(self) -> dict:
        d = {"path": self.name, "status": self.status, "language": self.language, "encoding": self.encoding,
             "edits": self.edits, "edits_by_kind": dict(sorted(self.edits_by_kind.items())),
             "seconds": round(self.seconds, 4), "error": self.error}
        if self.html is not None:
            d["html"] = self.html
        return d


@dataclass(frozen=True)
class BatchResult:
    """Every file that was dealt with, in plan order, and whether the run was interrupted."""

    files: tuple[FileResult, ...]
    planned: int
    seconds: float
    workers: int
    interrupted: bool = False

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status == "failed")

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def articles_per_second(self) -> float:
        done = self.count("cleaned") + self.count("failed")
        return done / self.seconds if self.seconds > 0 else 0.0

    def totals(self) -> dict:
        kinds: Counter = Counter()
        for f in self.files:
            kinds.update(f.edits_by_kind)
        return {
            "files": self.planned,
            "cleaned": self.count("cleaned"),
            "skipped": self.count("skipped"),
            "failed": self.count("failed"),
            "pending": self.planned - len(self.files),
            "edits": sum(kinds.values()),
            "edits_by_kind": dict(sorted(kinds.items())),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
        }


def plan_batch(in_dir: Path, out_dir: Path, globs: Iterable[str] = DEFAULT_GLOBS, *, force: bool = False,
               in_place: bool = False) -> list[Job]:
    """The files under ``in_dir`` matching any of ``globs`` (recursively), each with its
    mirrored output path under ``out_dir``, sorted by name.

    ``out_dir`` equal to ``in_dir`` or inside it is refused unless ``in_place``: a second run
    would otherwise clean its own outputs. With ``in_place`` and an output folder inside the
    input folder, that output folder is left out of the scan.
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise InputError(f"{in_dir}: no such directory; IN_DIR must be a folder of articles")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: is a file; OUT_DIR must be a folder (it is created when missing)")
    src, dst = in_dir.resolve(), out_dir.resolve()
    same = dst == src
    inside = same or src in dst.parents
    if inside and not in_place:
        where = "is IN_DIR" if same else "is inside IN_DIR"
        raise CleanupError(f"OUT_DIR {out_dir} {where}: outputs would be cleaned again on the next run; "
                           "choose another folder, or pass --in-place to rewrite the files where they are")
    sources: set[Path] = set()
    for pattern in tuple(globs) or DEFAULT_GLOBS:
        for path in in_dir.rglob(pattern):
            if path.is_file() and not (inside and not same and dst in path.resolve().parents):
                sources.add(path)
    jobs = []
    for source in sorted(sources):
        rel = source.relative_to(in_dir)
        target = source if same else out_dir / rel
        jobs.append(Job(source, target, rel.as_posix(), up_to_date=not force and _newer(target, source)))
    return jobs


def _newer(target: Path, source: Path) -> bool:
    if target == source:
        return False
    try:
        return target.stat().st_mtime_ns > source.stat().st_mtime_ns
    except OSError:
        return False


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_batch(jobs: list[Job], config: Config, workers: int = 1,
              on_progress: Callable[[FileResult], None] | None = None, *,
              html_dir: Path | None = None) -> BatchResult:
    """Clean every job; up-to-date jobs are reported as skipped without being read.

    ``on_progress`` is called in this process once per file, as it is done. With
    ``workers == 1`` everything runs in this process (no pool). A KeyboardInterrupt
    (Ctrl-C) is caught: the result holds what was done and ``interrupted`` is True.
    A model that cannot be loaded raises ModelError (it would fail every file).
    """
    started = time.perf_counter()
    progress = on_progress or (lambda result: None)
    done: dict[str, FileResult] = {}
    interrupted = False
    todo = []
    for job in jobs:
        if job.up_to_date:
            done[job.name] = FileResult(job.name, "skipped", error=None)
            progress(done[job.name])
        else:
            todo.append(job)
    workers = max(1, min(workers, len(todo)))
    try:
        if todo and workers == 1:
            _prepare_worker(config, workers=1)
            # With the model, a chunk of files shares the model's batches; rules alone gain
            # nothing from it, so files go one by one (finer progress and interruption).
            size = MAX_CHUNK if config.use_model else 1
            for i in range(0, len(todo), size):
                chunk = todo[i : i + size]
                results = clean_chunk(chunk, config, html_dir) if size > 1 else [clean_file(chunk[0], config, html_dir)]
                for job, result in zip(chunk, results):
                    done[job.name] = result
                    progress(result)
        elif todo:
            interrupted = _run_pool(todo, config, workers, html_dir, done, progress)
    except KeyboardInterrupt:
        interrupted = True
    files = tuple(done[job.name] for job in jobs if job.name in done)
    return BatchResult(files, len(jobs), time.perf_counter() - started, workers, interrupted)


def _run_pool(todo: list[Job], config: Config, workers: int, html_dir: Path | None,
              done: dict[str, FileResult], progress: Callable[[FileResult], None]) -> bool:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(MAX_CHUNK, len(todo) // (workers * 4)))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    # forkserver: the parent may run a progress thread, and forking a threaded process is unsafe.
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_prepare_worker,
                               initargs=(config, workers))
    pending = {pool.submit(clean_chunk, chunk, config, html_dir): chunk for chunk in chunks}
    interrupted, wait_for_workers = False, True
    try:
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except ModelError:
                    wait_for_workers = False  # the other workers fail the same way
                    raise
                except BrokenProcessPool:
                    results = [FileResult(job.name, "failed", error=f"{job.name}: the worker process died "
                                          "(out of memory?); rerun the batch to retry") for job in chunk]
                for result in results:
                    done[result.name] = result
                    progress(result)
    except KeyboardInterrupt:
        interrupted = True
        for future in pending:
            future.cancel()
        # Chunks already running finish their files (workers ignore SIGINT), so that every
        # output on disk is also in the result. A second Ctrl-C stops the wait.
        try:
            for future in pending:
                if future.cancelled():
                    continue
                try:
                    results = future.result()
                except (BrokenProcessPool, CleanupError):
                    continue
                for result in results:
                    done[result.name] = result
        except KeyboardInterrupt:
            wait_for_workers = False
    finally:
        pool.shutdown(wait=wait_for_workers, cancel_futures=True)
    return interrupted


def _prepare_worker(config: Config, workers: int) -> None:
    """Per process, once: load the word tables, and the model when it is used and present,
    so that every file of this worker reuses them; in pool workers, leave Ctrl-C to the
    parent."""
    if workers > 1:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from dataclasses import replace

    from .pipeline import clean_article

    # Word tables and language profiles load on first use (about 2 s): pay that here, so a
    # file's seconds in the report are its own.
    clean_article("Warm up.", replace(config, use_model=False))
    if not config.use_model:
        return
    from . import neural

    path = neural.model_dir_for(config)
    if not (path / "config.json").exists():
        return  # the pipeline notes "rules only" (or fails each file for an explicit --model)
    try:
        neural.load_repairer(str(path))
    except ModelError:
        if workers == 1:
            raise
        return  # a pool worker must not die here: its first file raises the error again, and stops the batch
    if workers > 1:
        import torch

        torch.set_num_threads(max(1, default_workers() // workers))


def clean_chunk(jobs: list[Job], config: Config, html_dir: Path | None = None) -> list[FileResult]:
    """Clean several files in one pool task. With the model, the suspicious windows of all
    readable files of the chunk go through the model together (one batched generate per
    64 windows, not one call per article); each file is then written on its own. If the
    joint cleaning fails, the files are cleaned one by one so one bad file fails alone."""
    from .files import read_article
    from .pipeline import clean_articles

    started = time.perf_counter()
    decoded, results = {}, {}
    for job in jobs:
        try:
            decoded[job.name] = read_article(job.source)
        except CleanupError as err:
            results[job.name] = FileResult(job.name, "failed", seconds=time.perf_counter() - started, error=str(err))
    readable = [job for job in jobs if job.name in decoded]
    try:
        articles = clean_articles([decoded[job.name].text for job in readable], config)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - isolate the failure to its file below
        return [results.get(job.name) or clean_file(job, config, html_dir) for job in jobs]
    share = (time.perf_counter() - started) / max(1, len(readable))
    for job, article in zip(readable, articles):
        results[job.name] = _write_result(job, article, decoded[job.name], config, html_dir, share)
    return [results[job.name] for job in jobs]


def _write_result(job: Job, article, decoded, config: Config, html_dir: Path | None, seconds: float) -> FileResult:
    from .files import write_atomically

    started = time.perf_counter()
    try:
        text = article.text
        if job.in_place:
            if text != decoded.text:
                shutil.copy2(job.source, job.source.with_name(job.source.name + ".bak"))
                write_atomically(job.target, text)
        else:
            write_atomically(job.target, text)
        page = None
        if html_dir is not None:
            page = write_html_page(article, config, job, html_dir, decoded.encoding)
    except OSError as err:
        return FileResult(job.name, "failed", seconds=seconds, error=f"{job.name}: cannot be written ({err.strerror or err})")
    kinds = Counter(e.kind for e in article.edits)
    return FileResult(job.name, "cleaned", language=article.lang, encoding=decoded.encoding,
                      edits_by_kind=dict(sorted(kinds.items())),
                      seconds=seconds + time.perf_counter() - started, html=page)


def clean_file(job: Job, config: Config, html_dir: Path | None = None) -> FileResult:
    """Read, clean and write one file; every failure of this file becomes a failed
    FileResult. Only what would fail every file is raised: ModelError, and
    KeyboardInterrupt."""
    from .files import read_article
    from .pipeline import clean_article

    started = time.perf_counter()
    try:
        decoded = read_article(job.source)
        article = clean_article(decoded.text, config)
    except ModelError:
        raise  # the same for every file: stop the batch rather than fail each file
    except CleanupError as err:
        return FileResult(job.name, "failed", seconds=time.perf_counter() - started, error=str(err))
    except Exception as err:  # a bug in a stage must not stop the batch; the type says where to look
        return FileResult(job.name, "failed", seconds=time.perf_counter() - started,
                          error=f"{job.name}: internal error ({type(err).__name__}); please report it")
    return _write_result(job, article, decoded, config, html_dir, time.perf_counter() - started)


def html_page_name(name: str) -> str:
    """The HTML diff page of an article, relative to the HTML directory.

    >>> html_page_name("world/ukraine.txt")
    'world/ukraine.txt.html'
    """
    return name + ".html"


def write_html_page(article, config: Config, job: Job, html_dir: Path, encoding: str | None) -> str:
    from .explain import html_diff_page
    from .files import write_atomically
    from .neural import model_id_for

    page = html_page_name(job.name)
    depth = page.count("/")
    html = html_diff_page(article, config, path=job.name, encoding=encoding, model_id=model_id_for(config),
                          index_href="../" * depth + "index.html")
    write_atomically(Path(html_dir) / page, html)
    return page


def batch_report(result: BatchResult, config: Config, *, in_dir: str, out_dir: str,
                 model_id: str | None = None) -> dict:
    """The JSON-ready summary of a batch: per file and totals, with the run's signature."""
    from .explain import signature

    return {
        "in_dir": in_dir,
        "out_dir": out_dir,
        "signature": signature(config, model_id),
        "workers": result.workers,
        "interrupted": result.interrupted,
        "totals": result.totals(),
        "files": [f.to_dict() for f in result.files],
    }
