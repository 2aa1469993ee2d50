"""What rules need to know beyond the current block: the article's own vocabulary, and the
spans no rule may touch (URLs, e-mail addresses, handles, hashtags, photo credits)."""

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
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans that every rule leaves verbatim.

    >>> t = "See https://example.org/a.b or @Kremlin (REUTERS/Jane Doe)"
    >>> [t[s:e] for s, e in protected_spans(t)]
    ['https://example.org/a.b', '@Kremlin', '(REUTERS/Jane Doe)']
    """
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


@dataclass(frozen=True)
class ArticleContext:
    """Token counts over the whole article (original text), case-sensitive."""

    token_counts: Counter

    @classmethod
    def of(cls, article: Article) -> "ArticleContext":
        counts: Counter = Counter()
        for block in article.blocks:
            counts.update(m.group(0) for m in TOKEN.finditer(block.original))
        return cls(counts)

    @classmethod
    def of_text(cls, text: str) -> "ArticleContext":
        return cls(Counter(m.group(0) for m in TOKEN.finditer(text)))

    def recurs(self, token: str) -> bool:
        """A token written the same way twice or more is deliberate (a name, a brand)."""
        return self.token_counts[token] >= 2

    def occurs(self, token: str) -> bool:
        return self.token_counts[token] >= 1
