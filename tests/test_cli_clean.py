"""`cleanup clean`: stdout carries the article only; errors are one line on stderr with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import ARTICLE_CLEAN, ARTICLE_EN, undecodable_bytes

EXPECTED_EN = (ARTICLE_EN.replace("kyiv", "Kyiv").replace("ForcesThey", "Forces They")
               .replace("hours.The", "hours. The"))


@pytest.fixture
def runner():
    return CliRunner()


def test_cli_clean_file_to_stdout(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_EN, encoding="utf-8")
    result = runner.invoke(app, ["clean", "--no-model", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EXPECTED_EN
    assert result.stderr == ""


def test_cli_clean_stdin(runner):
    result = runner.invoke(app, ["clean", "--no-model", "-"], input=ARTICLE_EN.encode("utf-8"))
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_EN


def test_cli_clean_output_file_and_report(runner, tmp_path):
    src, out, report = tmp_path / "a.txt", tmp_path / "out" / "a.txt", tmp_path / "r.json"
    src.write_text(ARTICLE_EN, encoding="utf-8")
    result = runner.invoke(app, ["clean", "--no-model", str(src), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == EXPECTED_EN
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["language"]["article"] == "en"
    assert {e["rule"] for e in data["edits"]} == {"casing.proper_noun", "merge.case_boundary", "spacing.after_punct"}
    assert all(e["source"] == "rule" and e["reason"] and e["confidence"] > 0 for e in data["edits"])
    assert [b["kind"] for b in data["blocks"]] == ["title", "byline", "body", "caption", "body", "source"]
    assert not list(out.parent.glob("*.tmp")) and not list(out.parent.glob(".*.tmp"))


def test_cli_clean_in_place_keeps_a_backup(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE_EN, encoding="utf-8")
    result = runner.invoke(app, ["clean", "--no-model", "--in-place", str(src)])
    assert result.exit_code == 0
    assert src.read_text(encoding="utf-8") == EXPECTED_EN
    assert (tmp_path / "a.txt.bak").read_text(encoding="utf-8") == ARTICLE_EN


def test_cli_clean_correct_article_is_unchanged(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_CLEAN, encoding="utf-8")
    result = runner.invoke(app, ["clean", "--no-model", str(path)])
    assert result.stdout == ARTICLE_CLEAN


def test_cli_clean_lang_override(runner):
    result = runner.invoke(app, ["clean", "--no-model", "--lang", "fr", "-"],
                           input="Il a dit : « non » , puis il est parti .\n".encode())
    assert result.stdout == "Il a dit : « non », puis il est parti.\n"


def test_cli_clean_reads_other_encodings_and_says_which(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("El ministro habló en Madrid.La reunión terminó sin acuerdo, según la agencia.\n".encode("cp1252"))
    result = runner.invoke(app, ["clean", "--no-model", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "El ministro habló en Madrid. La reunión terminó sin acuerdo, según la agencia.\n"
    assert "was read as" in result.stderr and "not UTF-8" in result.stderr


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "bin.txt", b"\x7fELF\x00\x01\x02" * 50), "binary file"),
    (lambda d: _write(d / "empty.txt", b""), "empty"),
    (lambda d: _write(d / "bad.txt", undecodable_bytes()), "no other text encoding fits"),
])
def test_cli_clean_bad_input_is_one_line_and_exit_2(runner, tmp_path, make, message):
    result = runner.invoke(app, ["clean", "--no-model", str(make(tmp_path))])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("cleanup: error: ")


def test_cli_clean_bad_usage_exit_2(runner, tmp_path):
    result = runner.invoke(app, ["clean", "--no-model", "--model-scope", "some", "-"], input=b"Text.\n")
    assert result.exit_code == 2 and "--model-scope" in result.stderr
    result = runner.invoke(app, ["clean", "--in-place", "-"], input=b"Text.\n")
    assert result.exit_code == 2


def test_cli_clean_help_lists_the_options(runner):
    result = runner.invoke(app, ["clean", "--help"])
    for option in ("--output", "--in-place", "--report", "--lang", "--no-model", "--model", "--model-scope",
                   "--disable-rule"):
        assert option in result.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_written_files_get_the_permissions_a_plain_write_gives(runner, tmp_path):
    """Written through a temp file and a rename (never half-written), yet not private to their
    owner as a bare temp file is: a new file follows the umask, an existing one keeps its mode."""
    import os
    import stat

    src, out, report = tmp_path / "a.txt", tmp_path / "out.txt", tmp_path / "r.json"
    src.write_text(ARTICLE_EN, encoding="utf-8")
    report.write_text("{}", encoding="utf-8")
    report.chmod(0o640)
    umask = os.umask(0o022)
    try:
        result = runner.invoke(app, ["clean", "--no-model", str(src), "-o", str(out), "--report", str(report)])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stat.S_IMODE(report.stat().st_mode) == 0o640

