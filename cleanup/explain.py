"""Edits → explanations: the JSON report (and, in review tools, the terminal and HTML diffs).

Every report carries a signature (tool version, settings, model id) so a result can be
reproduced.
"""

from __future__ import annotations

from collections import Counter

from .article import Article
from .config import Config


def signature(config: Config, model_id: str | None = None) -> dict:
    from . import __version__

    return {
        "cleanup": __version__,
        "lang": config.lang or "auto",
        "model": model_id if config.use_model else None,
        "model_scope": config.model_scope if config.use_model else None,
        "disabled_rules": sorted(config.disabled_rules),
        "seed": config.seed,
    }


def article_report(article: Article, config: Config, *, path: str | None = None,
                   encoding: str | None = None, model_id: str | None = None) -> dict:
    """The JSON-ready report for one cleaned article: languages, blocks, every edit and finding."""
    return {
        "path": path,
        "encoding": encoding,
        "signature": signature(config, model_id),
        "language": {"article": article.lang, "probabilities": dict(article.lang_probs)},
        "blocks": [
            {"index": b.index, "kind": b.kind.value, "lang": b.lang,
             "probabilities": dict(b.lang_probs), "changed": b.text != b.original}
            for b in article.blocks
        ],
        "edits": [e.to_dict() for e in article.edits],
        "findings": [f.to_dict() for f in article.findings],
        "edits_by_kind": dict(sorted(Counter(e.kind for e in article.edits).items())),
        "notes": list(article.notes),
    }
