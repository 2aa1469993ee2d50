"""parse: blocks and their kinds, without losing a byte."""

from __future__ import annotations

import pytest

from cleanup.article import BlockKind
from cleanup.parse import classify_block, parse_article


def test_parse_round_trips_every_byte():
    text = "\n\n  Title\r\n\r\nBody line one.\r\nBody line two.\r\n \r\n\r\n(Avec AFP)\n\n\n"
    assert parse_article(text).text == text


def test_parse_keeps_line_breaks_inside_blocks():
    article = parse_article("Title\n\nFirst line\nsecond line.\n")
    assert article.blocks[1].text == "First line\nsecond line."


@pytest.mark.parametrize("text, kind", [
    ("Soldiers near Bakhmut on Monday. (STRINGER /)", BlockKind.CAPTION),
    ("Volodymyr Zelensky\nThe president in Kyiv on Friday. (REUTERS/Jane Doe)", BlockKind.CAPTION),
    ("Un soldado en Kiev. (EFE)", BlockKind.CAPTION),
    ("Manifestantes en Caracas (AFP PHOTO / Juan Barreto)", BlockKind.CAPTION),
    ("Foto: EFE", BlockKind.CREDIT),
    ("(With information from Europa Press)", BlockKind.SOURCE),
    ("(Con información de EFE)", BlockKind.SOURCE),
    ("Source: AFP", BlockKind.SOURCE),
    ("(Avec AFP)", BlockKind.SOURCE),
    ("(mit Material von dpa)", BlockKind.SOURCE),
    ("Keep reading:", BlockKind.RELATED_HEADING),
    ("Seguir leyendo:", BlockKind.RELATED_HEADING),
    ("Lire aussi :", BlockKind.RELATED_HEADING),
    ("Lesen Sie auch:", BlockKind.RELATED_HEADING),
    ("By Jane Doe", BlockKind.BYLINE),
    ("He said (in English) that it was fine.", BlockKind.BODY),
    ("Selon Reuters.", BlockKind.SOURCE),
    # French opens body sentences with a source line's words: these are repaired as prose
    ("Selon lui, les mots évoquent à toutLe monde cet acteur.", BlockKind.BODY),
    ("Avec 30 000 habitants, la ville grandit.", BlockKind.BODY),
    ("D'après le ministère, trois personnes sont mortes.", BlockKind.BODY),
])
def test_parse_classifies_blocks(text, kind):
    assert classify_block(text) is kind


def test_parse_headlines_after_a_related_heading_are_related_links():
    article = parse_article("Title\n\nBody text here.\n\nRead more:\n\nRussia launches offensive\n\n"
                            "Ukraine asks for jets\n\nThe war goes on, said the minister.\n")
    kinds = [b.kind for b in article.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.BODY, BlockKind.RELATED_HEADING, BlockKind.RELATED,
                     BlockKind.RELATED, BlockKind.BODY]


def test_parse_empty_text_has_no_blocks():
    assert parse_article("\n\n").blocks == ()
