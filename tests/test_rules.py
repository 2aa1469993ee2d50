"""Labelled cases (tests/cases/*.json): each has a language, an original, the expected text and
why. Every case also checks that replaying the edits reproduces the output, that a second
pass changes nothing, and that no digit changed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleanup import Config, clean_article
from cleanup.article import replay
from cleanup.rules import apply_rules
from cleanup.rules.context import protected_spans
from cleanup.verify import check_rule_edit

CASES = [
    pytest.param(case, id=f"{path.stem}:{i}:{case['why'][:40]}")
    for path in sorted((Path(__file__).parent / "cases").glob("*.json"))
    for i, case in enumerate(json.loads(path.read_text(encoding="utf-8")))
]


@pytest.mark.parametrize("case", CASES)
def test_rules_labelled_case(case):
    config = Config(lang=case["lang"], use_model=False)
    article = clean_article(case["original"], config)
    assert article.text == case["expected"], case["why"]
    for block in article.blocks:
        assert replay(block.original, article.edits_for(block.index)) == block.text
    assert clean_article(article.text, config).text == article.text
    assert re.findall(r"\d", article.text) == re.findall(r"\d", case["original"])


def test_rules_every_edit_explains_itself():
    article = clean_article("The Armed ForcesThey met in kyiv.The talks failed .", Config(lang="en", use_model=False))
    assert {e.rule for e in article.edits} == {"merge.case_boundary", "casing.proper_noun",
                                               "spacing.after_punct", "spacing.before_punct"}
    for edit in article.edits:
        data = edit.to_dict()
        assert data["source"] == "rule" and data["reason"] and 0 < data["confidence"] <= 1
        assert set(data) >= {"block", "start", "end", "before", "after", "kind", "rule"}


def test_rules_disabled_rule_is_skipped():
    text = "The Armed ForcesThey met in kyiv."
    config = Config(lang="en", use_model=False, disabled_rules=frozenset({"merge"}))
    assert clean_article(text, config).text == "The Armed ForcesThey met in Kyiv."


def test_rules_phrase_entry_can_be_disabled_by_its_id():
    config = Config(lang="en", use_model=False, disabled_rules=frozenset({"phrase.es_en.asi"}))
    assert clean_article("A) Yes, the minister spoke.", config).text == "A) Yes, the minister spoke."


def test_rules_captions_credits_and_sources_are_not_repaired():
    text = ("Talks in kyiv resumed.\n\nSoldiers near kyiv.The end (STRINGER /)\n\n"
            "(With information from Europa Press)\n")
    article = clean_article(text, Config(lang="en", use_model=False))
    assert article.blocks[1].text == "Soldiers near kyiv.The end (STRINGER /)"
    assert article.blocks[2].text == "(With information from Europa Press)"
    assert article.blocks[0].text == "Talks in Kyiv resumed."


def test_rules_protected_spans_cover_urls_handles_and_credits():
    text = "See https://example.org/a.b, mail me@example.org, @Kremlin #Ukraine (REUTERS/Jane Doe)"
    assert [text[s:e] for s, e in protected_spans(text)] == [
        "https://example.org/a.b,", "me@example.org", "@Kremlin", "#Ukraine", "(REUTERS/Jane Doe)"]


def test_rules_unsupported_language_gets_only_language_independent_rules():
    article = clean_article("Wczoraj  w Warszawie.Premier mówił o budżecie , powiedział.",
                            Config(lang="pl", use_model=False))
    assert any("language-independent" in note for note in article.notes)
    assert "  " not in article.text
    # glues at a hyphenated word are judged by a language's word lists: none for Dutch
    dutch = "De secretaris-generaalvan de partij sprak over deBien-être."
    assert clean_article(dutch, Config(lang="nl", use_model=False)).text == dutch


def test_rules_verifier_refuses_digit_and_letter_changes():
    from cleanup.article import Edit

    assert check_rule_edit(Edit(0, 0, 4, "2021", "2012", "x.y", "rule", "", 1.0)) == "changes a digit"
    assert check_rule_edit(Edit(0, 0, 4, "said", "sad ", "x.y", "rule", "", 1.0)) is not None
    assert check_rule_edit(Edit(0, 0, 4, "a\nb", "a b", "x.y", "rule", "", 1.0)) is not None


def test_rules_apply_rules_leaves_the_input_article_unchanged():
    from cleanup.langid import detect_language
    from cleanup.parse import parse_article

    article = detect_language(parse_article("The Armed ForcesThey met."), Config(lang="en"))
    cleaned = apply_rules(article, Config(lang="en", use_model=False))
    assert article.blocks[0].text == "The Armed ForcesThey met." and not article.edits
    assert cleaned.blocks[0].text == "The Armed Forces They met."


@pytest.mark.parametrize("line, headline", [
    ("Police Arrest Man in Berlin After Chase", True),
    ("PROTEGER Y CAZAR", True),
    ("gerenciado pela Fundação Do ABC (FUABC)", False),  # acronyms do not count
    ("Die Polizei Nimmt Den Mann Fest", True),
])
def test_a_headline_in_title_case_has_most_words_capitalised_acronyms_aside(line, headline):
    """Rules leave the capitals of a headline in title case alone; acronyms are capitalised
    whatever the line's style, so they do not make prose a headline."""
    from cleanup.rules.casing import title_case_line

    assert title_case_line(line, 0) == headline


def test_a_title_in_straight_quotes_is_a_title():
    """A title quoted with straight quotes is judged alone, as one in curly quotes is: its
    capitals stay (``"China Produced a Mao Zedong"``), though the sentence around it is prose."""
    from cleanup.rules.casing import title_case_line

    line = 'They watched the live performance of "China Produced a Mao Zedong" in the hall yesterday.'
    assert title_case_line(line, line.index("Produced"))
    assert not title_case_line(line, line.index("hall"))


def test_pair_glue_table_lists_pairs_the_corpus_writes_apart_and_never_solid():
    """scripts/build_pair_glues.py: ``e as`` written apart and never solid is a glue; ``de cada``
    is not once the corpus writes ``década`` (``decada`` is its typo), nor a pair seen fewer
    than 3 times (``de oitenta``), nor ``por que``, whose solid ``porque`` is a common word."""
    import importlib.util
    import sys

    scripts = Path(__file__).resolve().parent.parent / "scripts"
    sys.path.insert(0, str(scripts))  # the script imports its sibling build_cased_table
    try:
        spec = importlib.util.spec_from_file_location("build_pair_glues", scripts / "build_pair_glues.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(scripts))
    lines = ["Vieram e as deixaram por que sim, em cada casa de cada um."] * 20
    runs = {run: (first, second, apart) for run, first, second, apart in module.pair_glues(lines, "pt")}
    assert runs["eas"] == ("e", "as", 20) and runs["decada"] == ("de", "cada", 20) and "porque" not in runs
    lines += ["Foi na década de oitenta."] * 2
    runs = {run for run, *_ in module.pair_glues(lines, "pt")}
    assert "eas" in runs and "decada" not in runs and "deoitenta" not in runs
