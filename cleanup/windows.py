"""Short context windows around a suspicious span: the unit the seq2seq model reads and rewrites.

Shared by the training-data simulator and by inference, so that the model is trained on
exactly the kind of input it later sees. A window is the span widened by up to
``CONTEXT_WORDS`` whitespace-separated words on each side, never crossing a line break.
Short windows make the task learnable by a small model trained on a CPU: it only has to
copy a dozen tokens and fix one spot.

>>> text = "Yesterday the Ukrainian Armed ForcesThey have affirmed that the attack failed."
>>> s = text.index("ForcesThey"); start, end = widen(text, s, s + len("ForcesThey"))
>>> text[start:end]
'the Ukrainian Armed ForcesThey have affirmed that'
>>> model_input("en", text[start:end])
'<en> the Ukrainian Armed ForcesThey have affirmed that'
"""

from __future__ import annotations

import math
import re

CONTEXT_WORDS = 3

_WORD = re.compile(r"[^\s]+")


def widen(text: str, start: int, end: int, context_words: int = CONTEXT_WORDS) -> tuple[int, int]:
    """Offsets of the window: [start, end) widened to whole words plus ``context_words``
    words on each side, within the line that holds ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", max(start, end - 1) if end > start else start)
    if line_end == -1:
        line_end = len(text)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, line_start, line_end)]
    if not words:
        return start, end
    first = next((i for i, (ws, we) in enumerate(words) if we >= start), len(words) - 1)
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] <= max(start, end - 1)), first)
    last = max(last, first)
    lo = max(0, first - context_words)
    hi = min(len(words) - 1, last + context_words)
    return min(words[lo][0], start), max(words[hi][1], end)


def model_input(lang: str, window: str, evidence: str | None = None) -> str:
    """The source text the model is given: a language tag, the window, and (for models
    trained with it) the span's lexical evidence after ``‖``."""
    return f"<{lang}> {window}" + (f" ‖ {evidence}" if evidence else "")


#: The words of a span the evidence describes, at most.
EVIDENCE_PIECES = 4


def span_evidence(span: str, lang: str) -> str:
    """What the word lists say about each word of a flagged span, as short codes the model
    reads beside the window: a word's Zipf frequency (0-7, wordfreq) and how the corpus
    cases it (``N`` mostly capitalised, ``n`` more often capitalised, ``w`` more often
    lower-case, ``-`` not in the cased table, but ``N`` where the other corpora know it only
    as a name: :func:`cleanup.rules.lexicon.name_elsewhere`). A glued run counts as its two words.

    A small model trained from scratch cannot learn from a few hours of examples which
    words are names (``bakhmut``) or common words (``Indignado``); given these it only has
    to learn how to weigh them.

    >>> span_evidence("ForcesThey", "en"), span_evidence("kyiv", "en"), span_evidence("QuaidIndignado", "es")
    ('4w 6w', '3N', '2N 3-')
    >>> span_evidence("gelsenkirchen", "es")
    '1N'

    """
    from .ops import glue_point
    from .rules.lexicon import cased_table, name_elsewhere, zipf

    pieces = []
    for word in span.split():
        point = glue_point(word, lang)
        pieces.extend([word[:point], word[point:]] if point else [word])
    codes = []
    for piece in pieces[:EVIDENCE_PIECES]:
        core = re.sub(r"[^\w’']+", "", piece)
        if not core:
            continue
        form = cased_table(lang).get(core.lower())
        if form is None:
            # a name the other corpora know (``hitchcock`` in Spanish) is a name here too
            case = "N" if name_elsewhere(core.lower(), lang) else "-"
        elif form.capitalised_count >= 3 * max(1, form.lower_count):
            case = "N"
        elif form.capitalised_count > form.lower_count:
            case = "n"
        else:
            case = "w"
        codes.append(f"{min(7, int(zipf(core.lower(), lang)))}{case}")
    return " ".join(codes)


LANGUAGE_TAGS = tuple(f"<{lang}>" for lang in ("en", "es", "fr", "de", "pt", "it"))


#: How far the corpus's counts for one word are pulled towards the rate of all words: as if
#: this many more pairs had been seen at that rate.
COMMA_SMOOTHING = 10
#: A word the table lacks is judged by the words of its ending (``forming`` by ``-ing``), as
#: ``scripts/build_comma_table.py`` counts them.
COMMA_SUFFIX_LETTERS = 3
COMMA_SUFFIX_WORD_LETTERS = 5


def comma_evidence(previous: str, word: str, lang: str) -> float:
    """How much likelier a comma is between ``previous`` and ``word`` than between any two
    words of that kind, as a log odds ratio from the corpus's counts
    (``data/<lang>/comma_before.tsv``, ``scripts/build_comma_table.py``): after a capitalised
    word, Spanish writes ``, un`` 92 times against ``un`` 32 (+1.9 over the base rate),
    French ``, et`` 141 times against 1,652 (-1.4). A word the table lacks counts as the
    rarer words of its ending (``Rusia Forming``: ``-ing``); 0 where those are few too.

    A lost comma and a gained capital leave the same trace as a gained capital alone
    (``Rusia Un aumento``, ``Veres Es el``); the model, trained on both, leans to the
    lower-case letter where it hesitates (``cleanup.neural.COMMA_EVIDENCE_WEIGHT``).

    >>> round(comma_evidence("Rusia", "Un", "es"), 1), round(comma_evidence("Veres", "Es", "es"), 1)
    (1.9, -0.8)
    """
    from .rules.lexicon import comma_counts, comma_suffix_counts

    table, (rate_after_capital, rate_after_lower) = comma_counts(lang)
    after_capital = previous[:1].isupper()
    rate = rate_after_capital if after_capital else rate_after_lower
    if rate <= 0 or rate >= 1:
        return 0.0
    word = word.lower()
    counts = table.get(word)
    if counts is None and len(word) >= COMMA_SUFFIX_WORD_LETTERS:
        counts = comma_suffix_counts(lang).get(word[-COMMA_SUFFIX_LETTERS:])
    if counts is None:
        return 0.0
    comma, plain = counts[0:2] if after_capital else counts[2:4]
    share = (comma + COMMA_SMOOTHING * rate) / (comma + plain + COMMA_SMOOTHING)
    return math.log(share / (1 - share)) - math.log(rate / (1 - rate))


def capital_evidence(word: str, lang: str) -> float:
    """How much more often the corpus writes ``word`` in lower case than capitalised in
    mid-sentence, as a log ratio (add-one): ``Lançado`` split off ``foiLançado`` is a
    participle (+), ``Itamaraty`` a name (-). A word the table lacks but the lower-case list
    has counts as 3 to 0; one neither knows, 0.

    >>> capital_evidence("Also", "en") > 3, capital_evidence("Nunavut", "en") < -1
    (True, True)
    """
    from .rules.lexicon import cased_table, written_lower_case

    form = cased_table(lang).get(word.lower())
    if form is not None:
        return math.log((form.lower_count + 1) / (form.capitalised_count + 1))
    return math.log(4) if written_lower_case(word, lang) else 0.0
