"""The stage order, and ``clean_article``.

parse → detect language → (model proposes, verifier accepts) → rules → assembled text.
The model runs before the rules on purpose: it sees the original glued text
(``ForcesThey have``) and can drop an inserted pronoun; where the verifier rejects its
rewrite, the rules still split the glue — "keep the rule's edit or nothing".
"""

from __future__ import annotations

from dataclasses import replace

from .article import Article
from .config import Config
from .langid import detect_language
from .parse import parse_article
from .rules import apply_rules


def clean_article(text: str, config: Config) -> Article:
    """Clean one article; ``.text`` of the result is the cleaned text.

    >>> clean_article("Talks in kyiv ended.Officials left.", Config(use_model=False)).text
    'Talks in Kyiv ended. Officials left.'
    """
    return clean_articles([text], config)[0]


def clean_articles(texts: list[str], config: Config) -> list[Article]:
    """Clean several articles; the model's windows of all of them share its batches."""
    articles = [detect_language(parse_article(text), config) for text in texts]
    if config.use_model:
        from .neural import repair_many  # torch is imported only when the model is used

        articles = repair_many(articles, config)
    return [apply_rules_to_fixed_point(article, config) for article in articles]


#: Rules see the whole article (a name seen alone elsewhere is evidence for a split), so one
#: repair can enable another; running them again until nothing changes makes cleaning
#: idempotent. Measured: a second pass is rare and a third has never been needed.
MAX_RULE_PASSES = 4


def apply_rules_to_fixed_point(article: Article, config: Config) -> Article:
    for _ in range(MAX_RULE_PASSES):
        before = len(article.edits)
        article = apply_rules(article, config)
        if len(article.edits) == before:
            break
    return article


#: Spans the model judges but ``cleanup detect`` does not list: a capital inside a title or a
#: name (``Serie A``) is far more often right than an artifact.
QUIET_MODEL_FLAGS = frozenset({"model.capital_in_title"})


def detect_artifacts(text: str, config: Config) -> Article:
    """The article unchanged, with every artifact a cleaning run would repair (or that it
    finds and leaves, such as an untranslated block) listed as a finding."""
    from .article import Finding, original_span
    from .detect import suspicious_spans

    original = detect_language(parse_article(text), config)  # parsed and detected once
    cleaned = apply_rules_to_fixed_point(original, replace(config, use_model=False))
    findings = list(cleaned.findings)
    for block in original.blocks:
        edits = cleaned.edits_for(block.index)
        for k, edit in enumerate(edits):
            start, end = original_span(edits, k)  # findings point into the unchanged text
            findings.append(Finding(edit.block, start, end, block.text[start:end], edit.rule,
                                    f"{edit.reason} → {edit.after!r}"))
        if block.kind.is_prose:
            for span in suspicious_spans(block.text, block.lang or original.lang or "und"):
                if span.rule.startswith("model.") and span.rule not in QUIET_MODEL_FLAGS:
                    findings.append(Finding(block.index, span.start, span.end,
                                            block.text[span.start:span.end], span.rule, span.reason))
    return replace(original, findings=tuple(findings), notes=cleaned.notes)
