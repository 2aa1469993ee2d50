"""``cleanup batch`` and :mod:`cleanup.batch`: a tree of good and broken files, resume,
refusals, interruption. Rules only: nothing here loads the model."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from cleanup import Config, InputError, clean_article
from cleanup.batch import plan_batch, run_batch
from cleanup.cli import app
from cleanup.errors import CleanupError

GOOD = ("en_forces.txt", "world/deep/clean.txt", "world/es_salario.md")
BROKEN = ("broken/binary.txt", "broken/empty.md", "broken/undecodable.txt")


def _age(root: Path, seconds: float = 60) -> None:
    """Date the inputs in the past, so outputs written now are clearly newer."""
    past = time.time() - seconds
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _batch(runner, *args):
    return runner.invoke(app, ["batch", *map(str, args), "--no-model"])


def test_batch_cleans_good_files_and_lists_broken_ones(runner, article_tree, tmp_path):
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = _batch(runner, article_tree, out, "--workers", "1", "--report", report)

    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert _files(out) == set(GOOD)  # mirrored tree; broken files not written; notes.csv not matched
    for name in GOOD:
        original = (article_tree / name).read_text(encoding="utf-8")
        assert (out / name).read_text(encoding="utf-8") == clean_article(original, Config(use_model=False)).text
    assert "Armed Forces They said" in (out / "en_forces.txt").read_text(encoding="utf-8")
    failures = [line for line in result.stderr.splitlines() if line.startswith("cleanup: failed: ")]
    assert len(failures) == 3
    assert any("binary.txt" in line and "binary file" in line for line in failures)
    assert any("empty.md" in line and "empty" in line for line in failures)
    assert any("undecodable.txt" in line and "no other text encoding fits" in line for line in failures)
    assert "3 cleaned, 0 up to date (skipped), 3 failed of 6 files" in result.stderr

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is False
    assert data["totals"]["files"] == 6
    assert (data["totals"]["cleaned"], data["totals"]["failed"], data["totals"]["skipped"]) == (3, 3, 0)
    by_path = {f["path"]: f for f in data["files"]}
    assert set(by_path) == set(GOOD) | set(BROKEN)
    en = by_path["en_forces.txt"]
    assert en["status"] == "cleaned" and en["language"] == "en" and en["error"] is None
    assert en["edits_by_kind"] == {"casing": 1, "merge": 1, "spacing": 1}
    assert en["seconds"] >= 0
    assert by_path["world/deep/clean.txt"]["edits"] == 0
    assert by_path["broken/empty.md"]["status"] == "failed"
    assert "empty" in by_path["broken/empty.md"]["error"]
    assert data["totals"]["edits_by_kind"]["merge"] >= 1
    assert data["signature"]["model"] is None


def test_batch_exit_code_0_when_every_file_succeeds(runner, article_tree, tmp_path):
    for name in BROKEN:
        (article_tree / name).unlink()
    result = _batch(runner, article_tree, tmp_path / "out", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "cleanup: failed" not in result.stderr


def test_batch_with_two_workers_matches_one_worker(runner, article_tree, tmp_path):
    one = _batch(runner, article_tree, tmp_path / "one", "--workers", "1")
    two = _batch(runner, article_tree, tmp_path / "two", "--workers", "2", "--report", tmp_path / "r.json")
    assert (one.exit_code, two.exit_code) == (1, 1)
    assert _files(tmp_path / "two") == set(GOOD)
    for name in GOOD:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["workers"] == 2
    assert [f["path"] for f in data["files"]] == sorted(GOOD + BROKEN)  # plan order, not finishing order


def test_batch_resume_skips_done_files_and_force_redoes_them(runner, article_tree, tmp_path):
    out = tmp_path / "out"
    _age(article_tree)
    first = _batch(runner, article_tree, out, "--workers", "1")
    assert first.exit_code == 1
    stamps = {name: (out / name).stat().st_mtime_ns for name in GOOD}

    second = _batch(runner, article_tree, out, "--workers", "1", "--report", tmp_path / "r.json")
    assert second.exit_code == 1  # the broken files are retried, and fail again
    assert "0 cleaned, 3 up to date (skipped), 3 failed" in second.stderr
    assert {name: (out / name).stat().st_mtime_ns for name in GOOD} == stamps
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in data["files"] if f["status"] == "skipped"} == set(GOOD)

    os.utime(article_tree / "en_forces.txt")  # an input edited after its output: done again
    third = _batch(runner, article_tree, out, "--workers", "1")
    assert "1 cleaned, 2 up to date (skipped)" in third.stderr

    forced = _batch(runner, article_tree, out, "--workers", "1", "--force")
    assert "3 cleaned, 0 up to date (skipped)" in forced.stderr


@pytest.mark.parametrize("inside", [".", "cleaned"])
def test_batch_refuses_out_dir_equal_to_or_inside_in_dir(runner, article_tree, inside):
    before = _files(article_tree)
    result = _batch(runner, article_tree, article_tree / inside)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("cleanup: error: OUT_DIR ")
    assert "--in-place" in result.stderr
    assert _files(article_tree) == before


def test_batch_in_place_rewrites_changed_files_with_a_backup(runner, article_tree):
    original = (article_tree / "en_forces.txt").read_text(encoding="utf-8")
    result = _batch(runner, article_tree, article_tree, "--in-place", "--workers", "1")
    assert result.exit_code == 1  # the broken files
    assert (article_tree / "en_forces.txt").read_text(encoding="utf-8") != original
    assert (article_tree / "en_forces.txt.bak").read_text(encoding="utf-8") == original
    assert not (article_tree / "world/deep/clean.txt.bak").exists()  # nothing changed, nothing rewritten

    again = _batch(runner, article_tree, article_tree, "--in-place", "--workers", "1")
    assert again.exit_code == 1
    assert (article_tree / "en_forces.txt.bak").read_text(encoding="utf-8") == original  # backup kept


def test_batch_in_place_into_a_subfolder_leaves_it_out_of_the_scan(runner, article_tree):
    out = article_tree / "cleaned"
    _batch(runner, article_tree, out, "--in-place", "--workers", "1")
    assert _files(out) == set(GOOD)
    again = _batch(runner, article_tree, out, "--in-place", "--workers", "1", "--force")
    assert "of 6 files" in again.stderr
    assert _files(out) == set(GOOD)


def test_batch_glob_selects_files(runner, article_tree, tmp_path):
    result = _batch(runner, article_tree, tmp_path / "out", "--glob", "*.md", "--workers", "1")
    assert _files(tmp_path / "out") == {"world/es_salario.md"}
    assert "of 2 files" in result.stderr  # es_salario.md and the empty broken/empty.md


def test_batch_quiet_prints_only_failures(runner, article_tree, tmp_path):
    result = _batch(runner, article_tree, tmp_path / "out", "--workers", "1", "--quiet")
    assert result.exit_code == 1
    assert all(line.startswith("cleanup: failed: ") for line in result.stderr.splitlines())
    assert "━" not in result.stderr  # no progress bar when stderr is not a terminal


def test_batch_html_dir_writes_a_page_per_article_and_an_index(runner, article_tree, tmp_path):
    html = tmp_path / "html"
    _batch(runner, article_tree, tmp_path / "out", "--workers", "1", "--html-dir", html)
    assert _files(html) == {"index.html"} | {f"{name}.html" for name in GOOD}
    index = (html / "index.html").read_text(encoding="utf-8")
    for name in GOOD:
        assert f'href="{name}.html"' in index
    assert "broken/binary.txt" in index and 'class="failed"' in index
    page = (html / "en_forces.txt.html").read_text(encoding="utf-8")
    assert "<ins " in page and "<del " in page
    assert 'href="index.html"' in page
    assert 'href="../../index.html"' in (html / "world/deep/clean.txt.html").read_text(encoding="utf-8")

    _batch(runner, article_tree, tmp_path / "out", "--workers", "1", "--html-dir", html)  # all up to date
    index = (html / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}.html"' in index for name in GOOD)


def test_batch_interrupted_leaves_only_whole_files_and_a_report(runner, article_tree, tmp_path, monkeypatch):
    """Ctrl-C while the second output is being written: its temp file is removed, the first
    output is whole, and the report lists exactly what was done."""
    out, report = tmp_path / "out", tmp_path / "report.json"
    _age(article_tree)
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = _batch(runner, article_tree, out, "--workers", "1", "--report", report)

    assert result.exit_code == 130
    assert "interrupted: 2 files not done" in result.stderr
    assert _files(out) == {"en_forces.txt"}  # no *.tmp, no half-written world/deep/clean.txt
    original = (article_tree / "en_forces.txt").read_text(encoding="utf-8")
    assert (out / "en_forces.txt").read_text(encoding="utf-8") == clean_article(original, Config(use_model=False)).text
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    assert data["totals"]["pending"] == 2
    assert {f["path"]: f["status"] for f in data["files"]} == {**{name: "failed" for name in BROKEN},
                                                               "en_forces.txt": "cleaned"}

    monkeypatch.setattr(os, "fsync", real_fsync)
    resumed = _batch(runner, article_tree, out, "--workers", "1")
    assert "2 cleaned, 1 up to date (skipped)" in resumed.stderr


def test_run_batch_interrupted_in_a_pool_reports_every_written_file(article_tree, tmp_path, rules_only):
    """Ctrl-C reaches the parent while workers run: pending chunks are cancelled, running
    ones finish, and every output on disk is in the result."""
    out = tmp_path / "out"
    jobs = plan_batch(article_tree, out)

    def on_progress(result):
        if result.status == "cleaned":
            raise KeyboardInterrupt

    result = run_batch(jobs, rules_only, workers=2, on_progress=on_progress)
    assert result.interrupted
    written = _files(out) if out.exists() else set()
    assert written == {f.name for f in result.files if f.status == "cleaned"}
    assert written  # at least the file whose progress raised
    assert not any(name.endswith(".tmp") for name in written)


def test_plan_batch_mirrors_the_tree_and_marks_up_to_date_jobs(article_tree, tmp_path):
    out = tmp_path / "out"
    jobs = plan_batch(article_tree, out)
    assert [j.name for j in jobs] == sorted(GOOD + BROKEN)
    assert all(j.target == out / j.name and j.source == article_tree / j.name for j in jobs)
    assert not any(j.up_to_date for j in jobs)

    _age(article_tree)
    (out / "world").mkdir(parents=True)
    (out / "world" / "es_salario.md").write_text("done", encoding="utf-8")
    assert [j.name for j in plan_batch(article_tree, out) if j.up_to_date] == ["world/es_salario.md"]
    assert not any(j.up_to_date for j in plan_batch(article_tree, out, force=True))
    assert [j.name for j in plan_batch(article_tree, out, ["*.csv"])] == ["notes.csv"]


def test_plan_batch_refusals(article_tree, tmp_path):
    with pytest.raises(InputError, match="no such directory"):
        plan_batch(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(CleanupError, match="is IN_DIR"):
        plan_batch(article_tree, article_tree)
    with pytest.raises(CleanupError, match="is inside IN_DIR"):
        plan_batch(article_tree, article_tree / "sub" / "out")
    assert all(j.in_place for j in plan_batch(article_tree, article_tree, in_place=True))


def test_run_batch_in_process_returns_results_in_plan_order(article_tree, tmp_path, rules_only):
    seen = []
    result = run_batch(plan_batch(article_tree, tmp_path / "out"), rules_only, workers=1, on_progress=seen.append)
    assert [f.name for f in result.files] == sorted(GOOD + BROKEN) == [f.name for f in seen]
    assert result.workers == 1 and not result.interrupted
    assert {f.name for f in result.failed} == set(BROKEN)
    assert result.totals()["cleaned"] == 3


def test_batch_stops_with_exit_2_when_the_model_cannot_be_loaded(runner, article_tree, tmp_path, monkeypatch):
    """A model that cannot be loaded would fail every file: one error, exit 2, nothing written."""
    from cleanup import ModelError, neural

    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "config.json").write_text("{}", encoding="utf-8")

    def broken(path):
        raise ModelError(f"{path}: cannot load a seq2seq model from this directory")

    monkeypatch.setattr(neural, "load_repairer", broken)
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(article_tree), str(out), "--model", str(model_dir), "--workers", "1"])
    assert result.exit_code == 2
    assert result.stderr == f"cleanup: error: {model_dir}: cannot load a seq2seq model from this directory\n"
    assert not out.exists() or _files(out) == set()
