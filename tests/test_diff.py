"""``cleanup diff``: word-level terminal diff, --stat, --exit-code, two files, the HTML page,
and the page rendered in a real headless browser. Rules only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleanup import clean_article
from cleanup.article import original_span
from cleanup.cli import app
from cleanup.explain import Change, compared_article, diff_blocks, html_diff_page, plain_diff, rich_diff, word_diff

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def article_file(tmp_path, article_en) -> Path:
    path = tmp_path / "forces.txt"
    path.write_text(article_en, encoding="utf-8")
    return path


def test_diff_prints_a_plain_word_diff_when_stdout_is_not_a_terminal(runner, article_file):
    result = runner.invoke(app, ["diff", str(article_file), "--no-model"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert "\x1b[" not in out
    assert out.startswith(f"--- {article_file}\n+++ cleaned (rules only)\n")
    assert "as [-kyiv-]{+Kyiv+} asks" in out
    assert "Armed [-ForcesThey-]{+Forces They+} said" in out
    assert "[-hours.The-]{+hours. The+}" in out
    assert "merge.case_boundary (rule, 0.90): 'ForcesThey' → 'Forces They' — " in out
    assert "block 2 [body] en\n" in out
    # the byline, and the caption, body and source after the changed paragraph, are folded
    assert "… 1 unchanged block …\n" in out and "… 3 unchanged blocks …\n" in out
    assert "Reuters" not in out


def test_diff_no_color_and_color_flags(runner, article_file):
    plain = runner.invoke(app, ["diff", str(article_file), "--no-model", "--no-color"])
    coloured = runner.invoke(app, ["diff", str(article_file), "--no-model", "--color"])
    assert "{+Kyiv+}" in plain.stdout and "\x1b[" not in plain.stdout
    assert "\x1b[" in coloured.stdout and "{+Kyiv+}" not in coloured.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout.replace("[-", "").replace("-]", "") \
        .replace("{+", "").replace("+}", "")


def test_diff_stat_counts_edits_by_kind(runner, article_file):
    result = runner.invoke(app, ["diff", str(article_file), "--no-model", "--stat"])
    assert result.exit_code == 0
    assert result.stdout == "casing   1\nmerge    1\nspacing  1\n3 edits in 2 of 6 blocks\n"


def test_diff_exit_code(runner, article_file, tmp_path, article_clean):
    changed = runner.invoke(app, ["diff", str(article_file), "--no-model", "--exit-code"])
    assert changed.exit_code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text(article_clean, encoding="utf-8")
    unchanged = runner.invoke(app, ["diff", str(clean), "--no-model", "--exit-code"])
    assert unchanged.exit_code == 0
    assert "… 2 unchanged blocks …" in unchanged.stdout


def test_diff_of_two_files_shows_changes_without_reasons(runner, article_file, tmp_path, article_en):
    after = tmp_path / "after.txt"
    after.write_text(article_en.replace("kyiv", "Kyiv").replace("the West", "the western allies"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(article_file), str(after), "--exit-code"])
    assert result.exit_code == 1
    out = result.stdout
    assert f"+++ {after}\n" in out
    assert "two files compared" in out
    assert "[-kyiv-]{+Kyiv+}" in out and "[-West-]{+western allies+}" in out
    assert "casing." not in out  # no reasons are known


def test_diff_reads_stdin_and_refuses_unreadable_input(runner, tmp_path, article_en):
    piped = runner.invoke(app, ["diff", "-", "--no-model"], input=article_en)
    assert piped.exit_code == 0 and "{+Kyiv+}" in piped.stdout
    missing = runner.invoke(app, ["diff", str(tmp_path / "nope.txt"), "--no-model"])
    assert missing.exit_code == 2
    assert missing.stdout == ""
    assert missing.stderr == f"cleanup: error: {tmp_path / 'nope.txt'}: no such file\n"
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02" * 20)
    assert runner.invoke(app, ["diff", str(binary), "--no-model"]).exit_code == 2


def test_diff_html_writes_a_self_contained_page(runner, article_file, tmp_path):
    page_path = tmp_path / "diff.html"
    result = runner.invoke(app, ["diff", str(article_file), "--no-model", "--html", str(page_path)])
    assert result.exit_code == 0
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page and not re.search(r"(?:src|href)=\"?https?:", page)
    assert '<dl class="summary" id="summary">' in page and "3 in 2 of 6 blocks" in page
    assert "none (rules only)" in page
    assert re.search(r'<del title="casing · casing.proper_noun · [^"]+" data-rule="casing.proper_noun" '
                     r'data-kind="casing">kyiv</del>', page)
    assert re.search(r'<ins title="merge · merge.case_boundary · [^"]+" data-rule="merge.case_boundary" '
                     r'data-kind="merge">Forces They</ins>', page)
    assert page.count("<details") == 2  # the two runs of unchanged blocks, collapsed


def test_html_page_escapes_article_text(rules_only):
    article = clean_article('Talks in kyiv <script>alert("x")</script> ended.', rules_only)
    page = html_diff_page(article, rules_only, path="<x>.txt")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "&lt;x&gt;.txt" in page


def test_word_diff_ties_every_change_to_its_edits(rules_only, article_en):
    article = clean_article(article_en, rules_only)
    diffs = diff_blocks(article)
    changes = [c for d in diffs for c in d.changes]
    assert {e.rule for c in changes for e in c.edits} == {e.rule for e in article.edits}
    assert all(c.edits for c in changes)
    for d in diffs:  # the segments rebuild both texts
        block = article.blocks[d.index]
        assert "".join(s if isinstance(s, str) else s.before for s in d.segments) == block.original
        assert "".join(s if isinstance(s, str) else s.after for s in d.segments) == block.text


def test_word_diff_maps_edits_through_the_patch_series(rules_only):
    # The split glue shifts the later edits' offsets by one: each change must still be
    # tied to its own edit.
    article = clean_article("The Armed ForcesThey said in washington that talks ended.Officials left.", rules_only)
    edits = article.edits_for(0)
    assert any(original_span(edits, k)[0] != e.start for k, e in enumerate(edits))  # offsets did shift
    segments = word_diff(article.blocks[0].original, article.blocks[0].text, edits)
    changes = [(s.before, tuple(e.rule for e in s.edits)) for s in segments if isinstance(s, Change)]
    assert changes == [("ForcesThey", ("merge.case_boundary",)), ("washington", ("casing.proper_noun",)),
                       ("ended.Officials", ("spacing.after_punct",))]


def test_compared_article_pairs_blocks_or_compares_whole_texts(rules_only):
    paired = compared_article("A title\n\nOne body.\n", "A title\n\nOne new body.\n", rules_only)
    assert [b.text != b.original for b in paired.blocks] == [False, True]
    whole = compared_article("A title\n\nOne body.\n", "A title\n", rules_only)
    assert len(whole.blocks) == 1 and "compared as one text" in whole.notes[0]
    assert "[-" in plain_diff(whole, compared=True)


def test_rich_diff_styles_deletions_and_insertions(rules_only):
    text = rich_diff(clean_article("Talks in kyiv ended.", rules_only))
    styles = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert styles["kyiv"] == "red strike" and styles["Kyiv"] == "green bold"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium: apt-get install -y chromium")
def test_diff_html_renders_in_headless_chromium():
    """The page renders in a real browser: the DOM holds every change and the summary, and
    the screenshot shows the highlight colours (see scripts/check_html_in_browser.py)."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_html_in_browser.py")],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ok: the diff page renders" in result.stdout
