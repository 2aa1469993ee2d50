"""Language of the article and of each block (langdetect, seeded once here so results are
deterministic). Short blocks, and blocks that are not prose, inherit the article's language;
a prose block confidently in another language is reported as a finding (an untranslated
passage), never translated.
"""

from __future__ import annotations

from dataclasses import replace

from .article import Article, BlockKind, Finding
from .config import SUPPORTED_LANGUAGES, Config

#: Blocks shorter than this (in letters) are too short for langdetect to be trusted.
MIN_LETTERS_FOR_BLOCK = 60
#: A block is "in another language" only when langdetect is at least this sure.
FOREIGN_BLOCK_PROBABILITY = 0.90

#: Below these, langdetect's guess is checked against word frequencies (it confuses
#: short English text with Danish, Spanish with Portuguese, and so on).
SURE = 0.95
SHORT_TEXT_LETTERS = 300

_factory = None


def _detector_factory(seed: int):
    # langdetect's module-level API shares one global seed; a private factory, loaded once
    # per process and seeded per call, keeps detection deterministic and isolated.
    global _factory
    if _factory is None:
        from langdetect.detector_factory import DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(_profiles_dir())
        _factory = factory
    _factory.seed = seed
    return _factory


def _profiles_dir() -> str:
    import os

    import langdetect

    return os.path.join(os.path.dirname(langdetect.__file__), "profiles")


def language_probabilities(text: str, seed: int = 0) -> tuple[tuple[str, float], ...]:
    """langdetect's probabilities for ``text``, best first; empty when it has no letters.

    >>> language_probabilities("The minister said on Monday that the talks would resume next week.")[0][0]
    'en'
    """
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory(seed).create()
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return ()
    return tuple((p.lang, round(p.prob, 4)) for p in probs)


def _best_by_vocabulary(text: str, probs) -> str:
    """Among langdetect's candidates and the supported languages, the one whose word list
    covers the text best (mean Zipf frequency of its words)."""
    import re

    from .rules.lexicon import WORDFREQ_LANGUAGES, zipf

    words = re.findall(r"[^\W\d_]+", text.lower())[:200]
    candidates = dict.fromkeys([lang for lang, _ in probs] + list(SUPPORTED_LANGUAGES))
    scored = []
    for lang in candidates:
        if lang not in WORDFREQ_LANGUAGES or not words:
            continue
        scored.append((sum(zipf(w, lang) for w in words) / len(words), lang))
    if not scored:
        return probs[0][0]
    best_score, best = max(scored)
    return best


def detect_language(article: Article, config: Config) -> Article:
    """Set the article's language and each block's; record untranslated blocks as findings.
    Languages are read off the text with its mojibake repaired (``Ã©`` made an English block
    read as Danish the first time and as English the second: not idempotent)."""
    from .rules.encoding import without_mojibake

    prose = without_mojibake("\n".join(b.text for b in article.blocks if b.kind.is_prose))
    article_probs = language_probabilities(prose or without_mojibake(article.text), config.seed)
    detected = article_probs[0][0] if article_probs else None
    if detected and (article_probs[0][1] < SURE or sum(c.isalpha() for c in prose) < SHORT_TEXT_LETTERS):
        detected = _best_by_vocabulary(prose or article.text, article_probs)
    lang = config.lang or detected or "und"
    notes = list(article.notes)
    if config.lang:
        notes.append(f"language set to {config.lang} by the user (detected: {detected or 'nothing'})")
    if lang not in SUPPORTED_LANGUAGES:
        notes.append(
            f"language {lang} has no language-aware repairs (supported: {', '.join(SUPPORTED_LANGUAGES)}); "
            "only language-independent rules were applied"
        )

    blocks, findings = [], list(article.findings)
    for block in article.blocks:
        letters = sum(c.isalpha() for c in block.text)
        if block.kind.is_prose and letters >= MIN_LETTERS_FOR_BLOCK:
            probs = language_probabilities(without_mojibake(block.text), config.seed)
            best, p = probs[0] if probs else (lang, 0.0)
            if best != lang and p >= FOREIGN_BLOCK_PROBABILITY and block.kind is BlockKind.BODY:
                findings.append(Finding(block.index, 0, len(block.text), block.text, "langid.foreign_block",
                                        f"this block reads as {best} (p={p:.2f}), the article as {lang}: "
                                        "an untranslated passage? It was left as it is"))
                blocks.append(replace(block, lang=best, lang_probs=probs))
                continue
            blocks.append(replace(block, lang=lang, lang_probs=probs))
        else:
            blocks.append(replace(block, lang=lang))
    return replace(article, blocks=tuple(blocks), lang=lang, lang_probs=article_probs,
                   findings=tuple(findings), notes=tuple(notes))
