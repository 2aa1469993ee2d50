"""Rule-based repairs: one module per artifact family, applied in a fixed order.

A rule is a :class:`Rule`: an id (``merge.case_boundary``), the block kinds it may touch,
and a function that proposes :class:`Fix` es on the current text of one block. The
stage applies the fixes that the verifier accepts, left to right, and records each as an
:class:`~cleanup.article.Edit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..article import Article, BlockKind, Edit
from ..config import Config
from .context import ArticleContext, protected_spans


@dataclass(frozen=True)
class Fix:
    """A proposed replacement of text[start:end] by ``after``."""

    start: int
    end: int
    after: str
    reason: str
    confidence: float
    rule: str | None = None  # a more specific id than the Rule's, e.g. "phrase.es_en.asi"


@dataclass(frozen=True)
class Rule:
    id: str
    kinds: frozenset[BlockKind]
    propose: Callable[[str, str, ArticleContext], list[Fix]]  # (text, lang, context) -> fixes
    #: rules that may change letters (phrase table entries) say so; the verifier allows it.
    rewrites_words: bool = False
    #: rules that may put back a lost comma say so (``However, the``); nothing else changes.
    adds_commas: bool = False


PROSE = frozenset({BlockKind.TITLE, BlockKind.BODY})
ALL_KINDS = frozenset(BlockKind)
NON_CREDIT = frozenset(BlockKind) - {BlockKind.CREDIT}


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order they run: encoding first, then phrases, merges, case, spacing."""
    from . import casing, encoding, merge, phrases, spacing

    return (*encoding.RULES, *phrases.RULES, *merge.RULES, *casing.RULES, *spacing.RULES)


def apply_rules(article: Article, config: Config, rules: tuple[Rule, ...] | None = None,
                context: ArticleContext | None = None) -> Article:
    """Run every enabled rule over every block it may touch; a new Article with the edits.
    ``context`` (default: built from the article) is what the rules know of the article's
    vocabulary; benchmarks pass the surrounding document of a single sentence."""
    from ..verify import check_rule_edit

    rules = all_rules() if rules is None else rules
    context = context or ArticleContext.of(article)
    for block in article.blocks:
        # A block in another language than the article (an untranslated passage) gets only
        # the language-independent rules: its words are not in the article's tables.
        lang = article.lang or "und" if block.lang in (None, article.lang) else "und"
        text, edits = block.text, []
        for rule in rules:
            if block.kind not in rule.kinds or not config.rule_enabled(rule.id):
                continue
            protected = protected_spans(text)
            shift, taken_until = 0, -1
            for fix in sorted(rule.propose(text, lang, context), key=lambda f: (f.start, f.end)):
                rule_id = fix.rule or rule.id
                if fix.start < taken_until or not config.rule_enabled(rule_id):
                    continue  # overlaps a fix of the same rule already applied, or disabled
                start, end = fix.start + shift, fix.end + shift
                if any(ps < fix.end and fix.start < pe for ps, pe in protected):
                    continue  # URLs, e-mails, handles and credits are kept verbatim
                current = text  # the text as it stands just before this edit
                edit = Edit(block.index, start, end, current[start:end], fix.after, rule_id, "rule",
                            fix.reason, fix.confidence)
                if edit.before == edit.after or check_rule_edit(edit, allow_word_change=rule.rewrites_words,
                                                                   allow_comma=rule.adds_commas):
                    continue
                text = edit.apply(current)
                taken_until = fix.end
                shift += len(fix.after) - (fix.end - fix.start)
                edits.append(edit)
        if edits:
            article = article.with_block_text(block.index, text, tuple(edits))
    return article
