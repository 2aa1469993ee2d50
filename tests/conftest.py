"""Shared fixtures. Nothing here loads the model: tests that clean use ``Config(use_model=False)``
or ``--no-model``."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cleanup import Config

#: A short English article with typical artifacts: a lower-cased name in the title, words
#: glued at a link boundary, no space after a full stop.
ARTICLE_EN = (
    "Ukrainian forces repel attacks as kyiv asks allies for air defense\n"
    "\n"
    "By Jane Doe\n"
    "\n"
    "The General Staff of the Ukrainian Armed ForcesThey said that troops had repelled more than 20 "
    "attacks near Bakhmut over the past 24 hours.The claims could not be independently verified.\n"
    "\n"
    "Soldiers of the 93rd brigade near Bakhmut. (Photo: STRINGER / AFP)\n"
    "\n"
    "The Kremlin dismissed the announcement and accused the West of escalating the war.\n"
    "\n"
    "(With information from Reuters)\n"
)

#: A Spanish article with a missing space after a full stop.
ARTICLE_ES = (
    "El Gobierno y los sindicatos negocian en Madrid la subida del salario mínimo\n"
    "\n"
    "El ministerio de Trabajo dijo que las conversaciones continuarán la próxima semana.Los "
    "detalles del acuerdo no se conocen todavía, según fuentes sindicales.\n"
    "\n"
    "(Con información de Europa Press)\n"
)

#: Correct English text: cleaning and detecting must find nothing.
ARTICLE_CLEAN = (
    "Parliament approves the new budget after a long debate\n"
    "\n"
    "The parliament approved the budget on Tuesday after a debate that lasted more than ten hours. "
    "The opposition voted against it and said it would challenge several measures in court.\n"
)


@pytest.fixture
def article_en() -> str:
    return ARTICLE_EN


@pytest.fixture
def article_clean() -> str:
    return ARTICLE_CLEAN


@pytest.fixture
def rules_only() -> Config:
    return Config(use_model=False)


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


def undecodable_bytes() -> bytes:
    """Bytes that are neither UTF-8 nor any encoding charset-normalizer accepts (no NULs)."""
    rng = random.Random(1)
    return bytes(rng.randrange(128, 256) for _ in range(400))


@pytest.fixture
def article_tree(tmp_path: Path) -> Path:
    """A folder of articles for ``cleanup batch``: good files in nested subfolders, plus a
    binary file, an empty file and an undecodable file (all with names the globs match).

    in/
      en_forces.txt          good
      world/es_salario.md    good
      world/deep/clean.txt   good, nothing to change
      notes.csv              not matched by the default globs
      broken/binary.txt      NUL bytes
      broken/empty.md        empty
      broken/undecodable.txt no text encoding fits
    """
    root = tmp_path / "in"
    (root / "world" / "deep").mkdir(parents=True)
    (root / "broken").mkdir()
    (root / "en_forces.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (root / "world" / "es_salario.md").write_text(ARTICLE_ES, encoding="utf-8")
    (root / "world" / "deep" / "clean.txt").write_text(ARTICLE_CLEAN, encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (root / "broken" / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4)
    (root / "broken" / "empty.md").write_bytes(b"")
    (root / "broken" / "undecodable.txt").write_bytes(undecodable_bytes())
    return root
