"""The immutable data that flows through every stage: Article, Block, Edit, Finding.

Standard library only, so that anything (tests, the CLI, the HTML report) can import it
without pulling in the model stack. Every stage takes an Article and returns a new one;
``edits`` and ``findings`` only grow.

Offsets of an :class:`Edit` index the block text *as it stood just before that edit*:
the edits of a block form a patch series, and replaying them in order on the original
block text reproduces the cleaned text (see :func:`replay`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class BlockKind(str, Enum):
    """What a block of the article is; decides which repairs may touch it."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"  # image caption, usually ending in a photo credit
    CREDIT = "credit"  # a photo credit on its own: "(STRINGER /)", "Foto: EFE"
    SOURCE = "source"  # "(With information from Europa Press)"
    RELATED_HEADING = "related_heading"  # "Keep reading:", "Lire aussi :"
    RELATED = "related"  # a headline listed under a related-links heading
    BYLINE = "byline"  # "By Jane Doe", "Por Juan Pérez"

    @property
    def is_prose(self) -> bool:
        """Title and body text get every repair; everything else only the safe ones."""
        return self in (BlockKind.TITLE, BlockKind.BODY)


@dataclass(frozen=True)
class Edit:
    """One change to one block, explained.

    >>> e = Edit(block=0, start=6, end=16, before="ForcesThey", after="Forces They",
    ...          rule="merge.link_boundary", source="rule", reason="glued words", confidence=0.9)
    >>> e.apply("Armed ForcesThey have")
    'Armed Forces They have'
    """

    block: int
    start: int
    end: int
    before: str
    after: str
    rule: str  # stable dotted id, e.g. "merge.link_boundary"; its first part is the kind
    source: str  # "rule" or "model"
    reason: str
    confidence: float
    model: str | None = None  # model id, for source == "model"
    score: float | None = None  # the model's mean token log-probability

    @property
    def kind(self) -> str:
        return self.rule.split(".", 1)[0]

    def apply(self, text: str) -> str:
        if text[self.start : self.end] != self.before:
            raise ValueError(f"edit {self.rule} does not match the text at {self.start}:{self.end}")
        return text[: self.start] + self.after + text[self.end :]

    def to_dict(self) -> dict:
        d = {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "kind": self.kind,
            "rule": self.rule,
            "source": self.source,
            "reason": self.reason,
            "confidence": round(self.confidence, 4),
        }
        if self.source == "model":
            d["model"] = self.model
            d["score"] = None if self.score is None else round(self.score, 4)
        return d


@dataclass(frozen=True)
class Finding:
    """An artifact that was detected but not (or not yet) repaired, e.g. an untranslated block."""

    block: int
    start: int
    end: int
    text: str
    rule: str
    reason: str

    @property
    def kind(self) -> str:
        return self.rule.split(".", 1)[0]

    def to_dict(self) -> dict:
        return {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Block:
    """A run of lines between blank lines. ``text`` is current, ``original`` as parsed."""

    index: int
    kind: BlockKind
    text: str
    original: str
    lang: str | None = None
    lang_probs: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Article:
    """A parsed article. ``separators[i]`` is the exact whitespace before block i;
    ``separators[-1]`` the whitespace after the last block, so assembly is lossless."""

    blocks: tuple[Block, ...]
    separators: tuple[str, ...]
    lang: str | None = None
    lang_probs: tuple[tuple[str, float], ...] = ()
    edits: tuple[Edit, ...] = ()
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The article as text: blocks and the exact whitespace between them."""
        return _join(self.separators, [b.text for b in self.blocks])

    @property
    def original_text(self) -> str:
        return _join(self.separators, [b.original for b in self.blocks])

    def with_block_text(self, index: int, text: str, edits: tuple[Edit, ...]) -> "Article":
        """A new article whose block ``index`` has ``text``, with ``edits`` appended."""
        blocks = tuple(replace(b, text=text) if b.index == index else b for b in self.blocks)
        return replace(self, blocks=blocks, edits=self.edits + edits)

    def edits_for(self, index: int) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.block == index)


def _join(separators, texts) -> str:
    parts = []
    for sep, text in zip(separators, texts):
        parts += [sep, text]
    parts.append(separators[-1])
    return "".join(parts)


def original_span(edits, k: int) -> tuple[int, int]:
    """Where edit ``k`` of a block's patch series lies in the block's *original* text.

    >>> es = [Edit(0, 0, 0, "", "ab", "x.y", "rule", "", 1.0), Edit(0, 5, 6, "c", "C", "x.y", "rule", "", 1.0)]
    >>> original_span(es, 1)
    (3, 4)
    """
    start, end = edits[k].start, edits[k].end
    for j in range(k - 1, -1, -1):
        e = edits[j]
        delta = len(e.after) - len(e.before)
        start = _map_back(start, e, delta)
        end = _map_back(end, e, delta)
    return start, end


def _map_back(pos: int, edit: "Edit", delta: int) -> int:
    if pos <= edit.start:
        return pos
    if pos >= edit.start + len(edit.after):
        return pos - delta
    return min(pos, edit.end)


def replay(original: str, edits) -> str:
    """Apply a block's edits, in order, to its original text.

    >>> replay("said.The", [Edit(0, 5, 5, "", " ", "spacing.after_punct", "rule", "", 1.0)])
    'said. The'
    """
    text = original
    for edit in edits:
        text = edit.apply(text)
    return text


__all__ = ["Article", "Block", "BlockKind", "Edit", "Finding", "original_span", "replay"]
