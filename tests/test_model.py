"""The bundled model (models/cleanup-t5-small), loaded for real: it ships with the repository,
so a missing model is a failure, not a skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanup import Config, clean_article
from cleanup.config import DEFAULT_MODEL_DIR

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def repairer():
    from cleanup.neural import load_repairer

    return load_repairer(str(DEFAULT_MODEL_DIR))


def test_model_is_bundled_small_and_loads_offline(repairer):
    files = {p.name for p in DEFAULT_MODEL_DIR.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "README.md"} <= files
    assert sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir()) < 50 * 2**20
    text = "«Ça va ?» – “quoted” — Zelensky’s  double space 🙂"
    assert repairer.tokenizer.decode(repairer.tokenizer(text).input_ids, skip_special_tokens=True) == text


def test_model_answers_with_repairs_it_knows(repairer):
    from cleanup.ops import parse_op

    outputs = repairer.rewrite(["<en> the Ukrainian Armed ⟦ForcesThey⟧ have affirmed that",
                                "<en> talks resumed in ⟦Geneva⟧ on Monday"])
    assert all(parse_op(text) is not None for text, _ in outputs)
    assert all(score <= 0 for _, score in outputs)


@pytest.mark.parametrize("name", ["clean_en", "clean_es"])
def test_model_leaves_a_clean_sample_unchanged(name):
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    assert clean_article(text, Config()).text == text


def test_model_edits_explain_themselves():
    text = (SAMPLES / "en_ukraine_forces.txt").read_text(encoding="utf-8")
    article = clean_article(text, Config())
    for edit in (e for e in article.edits if e.source == "model"):
        data = edit.to_dict()
        assert data["model"].startswith("cleanup-t5-small@") and data["score"] is not None and data["reason"]
