"""What rules need to know beyond the current block: the article's own vocabulary, and the
spans no rule may touch (URLs, e-mail addresses, handles, hashtags, photo credits, code, a
capitalised word quoted alone; not one with an inner capital, a glue of two: «MajaDesnuda»)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..article import Article

TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?")

_PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|\b[\w.+\-]+@[\w\-]+\.[\w.\-]+"  # e-mail addresses
    r"|(?<![\w@])[@#][\w.]+"  # handles and hashtags
    r"|\b(?:[\w\-]+\.)+(?:com|org|net|gov|edu|es|fr|de|it|pt|br|uk|ru|ua|io|info|co)\b(?:/\S*)?"  # bare domains
    r"|\((?:[^()\n]{0,60}/[^()\n]{0,60}|AFP|EFE|AP|dpa|DPA|ANSA|Reuters|REUTERS|Europa Press|EUROPA PRESS|Lusa|LUSA)\)"  # credits
    r"|[\w.]*\w(?:::|->)[\w:>\-]*\w(?:\(\))?|(?<![\w.])[^\W\d]\w*\(\)"  # code: IDirect3D::CreateViewport(), init()
    r"|(?<=[“\"«„])[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]*(?=[”\"»“])"  # a capitalised word quoted alone: a name ("Sandtogether")
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans that every rule leaves verbatim.

    >>> t = "See https://example.org/a.b or @Kremlin (REUTERS/Jane Doe)"
    >>> [t[s:e] for s, e in protected_spans(t)]
    ['https://example.org/a.b', '@Kremlin', '(REUTERS/Jane Doe)']
    >>> t = 'calling IDirect3D::CreateViewport() or GetData() by the association “Sandtogether”'
    >>> [t[s:e] for s, e in protected_spans(t)]
    ['IDirect3D::CreateViewport()', 'GetData()', 'Sandtogether']
    """
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]\s+|[\"“«„(\[—–\-]\s*|^#+\s*)$")


@dataclass(frozen=True)
class ArticleContext:
    """Token counts over the whole article (original text), case-insensitive; and the words
    the article writes capitalised in mid-sentence (evidence that they are names)."""

    token_counts: Counter
    capitalised_midsentence: Counter

    @classmethod
    def of(cls, article: Article) -> "ArticleContext":
        return cls.of_text("\n\n".join(b.original for b in article.blocks))

    @classmethod
    def of_text(cls, text: str) -> "ArticleContext":
        counts, capitalised = Counter(), Counter()
        for line in text.split("\n"):
            for m in TOKEN.finditer(line):
                word = m.group(0)
                counts[word.lower()] += 1
                if word[0].isupper() and not _SENTENCE_START.search(line[: m.start()]):
                    capitalised[word] += 1
        return cls(counts, capitalised)

    # Case-insensitive on purpose: cleaning re-cases words ("madrid" → "Madrid"), and what
    # the rules know of the article must not change between a first and a second pass.
    def recurs(self, token: str) -> bool:
        """A token written twice or more is deliberate (a name, a brand)."""
        return self.token_counts[token.lower()] >= 2

    def occurs(self, token: str) -> bool:
        return self.token_counts[token.lower()] >= 1
