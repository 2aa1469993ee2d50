"""Golden tests over whole articles: every ``samples/<name>.txt`` with a hand-corrected
``samples/<name>.expected.txt`` beside it is cleaned with rules only and compared byte for byte.

Besides the exact output, each sample checks what must hold for any article: a second pass
changes nothing, replaying the edits reproduces the output, the block structure (count and
kinds, in order) is kept, and captions, credits, source lines and related links come back
untouched. The samples themselves are described in ``samples/README.md``.
"""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import pytest

from cleanup import Config, clean_article
from cleanup.article import Article, BlockKind, replay
from cleanup.parse import parse_article

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: Blocks that only get safe repairs; in the samples none of them carries an artifact.
UNTOUCHED_KINDS = (BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.SOURCE, BlockKind.RELATED_HEADING,
                   BlockKind.RELATED)


def _sample_names() -> list[str]:
    return sorted(
        p.name[: -len(".txt")]
        for p in SAMPLES.glob("*.txt")
        if not p.name.endswith(".expected.txt") and (SAMPLES / (p.name[: -len(".txt")] + ".expected.txt")).exists()
    )


NAMES = _sample_names()


def _read(path: Path) -> str:
    # Bytes, not read_text(): universal newlines would hide a changed line end.
    return path.read_bytes().decode("utf-8")


def _input(name: str) -> str:
    return _read(SAMPLES / f"{name}.txt")


def _expected(name: str) -> str:
    return _read(SAMPLES / f"{name}.expected.txt")


@cache
def _cleaned(name: str) -> Article:
    return clean_article(_input(name), Config(use_model=False))


def _diff(expected: str, actual: str, name: str) -> str:
    return "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"{name}.expected.txt", tofile=f"clean_article({name}.txt)",
    ))


def _untouched_blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in article.blocks if b.kind in UNTOUCHED_KINDS]


def test_samples_present():
    assert len(NAMES) >= 10, f"expected at least 10 samples with .expected.txt in {SAMPLES}, found {NAMES}"


@pytest.mark.parametrize("name", NAMES)
def test_samples_match_expected(name):
    actual = _cleaned(name).text
    expected = _expected(name)
    assert actual == expected, "cleaned text differs from the hand-corrected version:\n" + _diff(expected, actual, name)


@pytest.mark.parametrize("name", NAMES)
def test_samples_idempotent(name):
    once = _cleaned(name).text
    twice = clean_article(once, Config(use_model=False)).text
    assert twice == once, "a second pass changed the text:\n" + _diff(once, twice, name)


@pytest.mark.parametrize("name", NAMES)
def test_samples_replay_reproduces_output(name):
    article = _cleaned(name)
    for block in article.blocks:
        assert replay(block.original, article.edits_for(block.index)) == block.text, (
            f"block {block.index} ({block.kind.value}): replaying its edits does not give the cleaned text"
        )


@pytest.mark.parametrize("name", NAMES)
def test_samples_keep_block_kinds(name):
    out_kinds = [b.kind for b in _cleaned(name).blocks]
    in_kinds = [b.kind for b in parse_article(_input(name)).blocks]
    expected_kinds = [b.kind for b in parse_article(_expected(name)).blocks]
    assert out_kinds == in_kinds, "cleaning changed the block structure"
    assert out_kinds == expected_kinds, "cleaned blocks differ in kind from the expected article's"


@pytest.mark.parametrize("name", NAMES)
def test_samples_leave_captions_sources_and_related_unchanged(name):
    before = _untouched_blocks(parse_article(_input(name)))
    after = _untouched_blocks(_cleaned(name))
    assert after == before


@pytest.mark.parametrize("name", NAMES)
def test_samples_have_news_page_structure(name):
    for label, article in (("input", parse_article(_input(name))), ("expected", parse_article(_expected(name))),
                           ("output", _cleaned(name))):
        kinds = [b.kind for b in article.blocks]
        assert kinds.count(BlockKind.CAPTION) >= 1, f"{label}: no caption in {[k.value for k in kinds]}"
        assert kinds.count(BlockKind.SOURCE) == 1, f"{label}: not exactly one source line in {[k.value for k in kinds]}"
        assert kinds.count(BlockKind.RELATED_HEADING) == 1, (
            f"{label}: not exactly one related-links heading in {[k.value for k in kinds]}"
        )
