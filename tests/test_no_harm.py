"""Clean human text comes back unchanged: 400 corpus lines per language (tests/data/clean_*.txt,
see tests/data/README.md). The few lines the rules do change are listed with a verdict in
tests/data/known_changes.tsv: a genuine error in the source must be fixed; a known false
positive is an expected failure that alerts when it starts passing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanup import Config, clean_article

DATA = Path(__file__).parent / "data"
LANGS = ("en", "es", "fr", "de", "pt", "it")


def _known_changes() -> dict[tuple[str, str], tuple[str, str, str]]:
    known = {}
    for line in (DATA / "known_changes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, prefix, rule, verdict, note = line.split("\t")
            known[(lang, prefix)] = (rule, verdict, note)
    return known


KNOWN = _known_changes()


def _cases():
    for lang in LANGS:
        for i, line in enumerate((DATA / f"clean_{lang}.txt").read_text(encoding="utf-8").splitlines()):
            match = next(((rule, verdict, note) for (klang, prefix), (rule, verdict, note) in KNOWN.items()
                          if klang == lang and line.startswith(prefix)), None)
            if match and match[1] == "false_positive":
                yield pytest.param(lang, line, None, id=f"{lang}:{i}",
                                   marks=pytest.mark.xfail(strict=True, reason=f"{match[0]}: {match[2]}"))
            else:
                yield pytest.param(lang, line, match[0] if match else None, id=f"{lang}:{i}")


@pytest.mark.parametrize("lang, line, expected_rule", list(_cases()))
def test_no_harm_clean_line_unchanged(lang, line, expected_rule):
    article = clean_article(line, Config(lang=lang, use_model=False))
    if expected_rule is None:
        assert article.text == line, [f"{e.rule}: {e.before!r}→{e.after!r}" for e in article.edits]
    else:  # a genuine error in the source line: exactly that rule fixes it
        assert {e.rule for e in article.edits} == {expected_rule}


def test_no_harm_known_changes_still_exist_in_the_fixture():
    lines = {lang: (DATA / f"clean_{lang}.txt").read_text(encoding="utf-8") for lang in LANGS}
    for lang, prefix in KNOWN:
        assert prefix in lines[lang], f"stale entry in known_changes.tsv: {lang} {prefix!r}"
