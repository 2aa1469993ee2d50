"""langid: deterministic languages per article and block; untranslated blocks are findings."""

from __future__ import annotations

from cleanup import Config
from cleanup.langid import detect_language
from cleanup.parse import parse_article

EN = "The minister said on Monday that the talks with the unions would resume next week in the capital."
ES = "El ministro dijo el lunes que las conversaciones con los sindicatos se reanudarán la próxima semana."


def test_langid_article_and_blocks_with_probabilities():
    article = detect_language(parse_article(f"Talks resume\n\n{EN}\n"), Config())
    assert article.lang == "en"
    assert dict(article.lang_probs)["en"] > 0.9
    assert [b.lang for b in article.blocks] == ["en", "en"]


def test_langid_is_deterministic():
    text = f"Title\n\n{EN}\n\n{ES}\n"
    first = detect_language(parse_article(text), Config())
    assert all(detect_language(parse_article(text), Config()) == first for _ in range(3))


def test_langid_untranslated_block_is_a_finding_not_a_change():
    article = detect_language(parse_article(f"Title\n\n{EN} {EN}\n\n{ES}\n"), Config())
    assert [f.rule for f in article.findings] == ["langid.foreign_block"]
    assert article.blocks[2].lang == "es" and article.blocks[2].text == ES


def test_langid_short_english_text_is_not_danish():
    assert detect_language(parse_article("Talks in kyiv ended.Officials left."), Config()).lang == "en"


def test_langid_user_override_and_note():
    article = detect_language(parse_article(EN), Config(lang="es"))
    assert article.lang == "es" and any("set to es" in n for n in article.notes)


def test_langid_unsupported_language_is_noted():
    article = detect_language(parse_article("Wczoraj premier mówił o budżecie na przyszły rok w Warszawie."), Config())
    assert article.lang == "pl"
    assert any("only language-independent rules" in n for n in article.notes)
