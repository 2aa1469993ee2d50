"""phrase.<pair>.<id>: known machine-translation phrase artifacts from ``data/phrases.tsv``.

The table is data, easy to extend: one row per artifact with a note on where it comes
from. Entries are keyed by the *target* language (the article's language); the source
language is recorded for the explanation. These are the only rules allowed to change
the letters of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import PROSE, Fix, Rule


@dataclass(frozen=True)
class PhraseEntry:
    id: str
    source_lang: str
    target_lang: str
    pattern: re.Pattern
    replacement: str
    note: str


@lru_cache(maxsize=None)
def phrase_table() -> tuple[PhraseEntry, ...]:
    data = resources.files("cleanup.rules").joinpath("data", "phrases.tsv").read_text(encoding="utf-8")
    entries = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry_id, pair, pattern, replacement, note = line.split("\t")
        source, target = pair.split(">")
        entries.append(PhraseEntry(entry_id, source, target, re.compile(pattern, re.MULTILINE), replacement, note))
    return tuple(entries)


def propose_phrases(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [f.after for f in propose_phrases("A) Yes, the minister stressed the urgency.", "en", None)]
    ['Thus,']
    >>> propose_phrases("He chose answer A) Yes, of course.", "en", None)
    []
    """
    fixes = []
    for entry in phrase_table():
        if entry.target_lang != lang:
            continue
        for m in entry.pattern.finditer(text):
            fixes.append(Fix(m.start(), m.end(), entry.replacement,
                             entry.note, 0.9, rule=f"phrase.{entry.id}"))
    return fixes


RULES = (Rule("phrase", PROSE, propose_phrases, rewrites_words=True),)
