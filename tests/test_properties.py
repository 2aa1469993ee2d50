"""Properties that hold for any article: idempotence, blocks kept in count, kind and order,
line breaks kept inside blocks, digits kept, replay reproduces the output."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleanup import Config, clean_article
from cleanup.article import replay

CONFIG = Config(lang="en", use_model=False)

WORDS = ["the", "Armed", "ForcesThey", "Moscowwho", "said.The", "kyiv", "iPhone", "YouTube", "2,400", "1999",
         "“quoted”to", "(STRINGER /)", "A) Yes,", "the the", ",", ".", "McDonald", "said", "in", "Sofia",
         "inSofia", "https://example.org/x", "@handle", "#tag", "Zelensky", "stressed", "Ã©", "  ", "é"]

line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
block = st.lists(line, min_size=1, max_size=3).map("\n".join)
article = st.lists(block, min_size=1, max_size=5).map("\n\n".join)

# derandomize: the same examples on every run, so CI cannot turn red by chance; a failure
# once found by a random run is kept below as an @example.
settings.register_profile("cleanup", deadline=None, max_examples=60, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("cleanup")


@given(article)
# mojibake made the block read as Danish the first time, as English once repaired
@example(text="the\n\nkyiv @handle Ã© Armed Armed McDonald https://example.org/x https://example.org/x")
def test_properties_idempotent(text):
    once = clean_article(text, CONFIG).text
    assert clean_article(once, CONFIG).text == once


@given(article)
def test_properties_blocks_lines_and_digits_kept(text):
    cleaned = clean_article(text, CONFIG)
    original = clean_article(text, Config(lang="en", use_model=False, disabled_rules=frozenset(
        {"merge", "phrase", "casing", "spacing", "encoding"})))
    assert [b.kind for b in cleaned.blocks] == [b.kind for b in original.blocks]
    assert [b.text.count("\n") for b in cleaned.blocks] == [b.original.count("\n") for b in cleaned.blocks]
    assert re.findall(r"\d", cleaned.text) == re.findall(r"\d", text)


@given(article)
def test_properties_replay_reproduces_the_output(text):
    cleaned = clean_article(text, CONFIG)
    for b in cleaned.blocks:
        assert replay(b.original, cleaned.edits_for(b.index)) == b.text
