"""Training pairs for the operation model: the detector's own flags, labelled.

For each line, the simulator corrupts it (or not), the pipeline's detector
(:func:`cleanup.detect.suspicious_spans`, hints included) flags spans exactly as it does at
inference, and each flagged span becomes one example: the window with the span marked →
the operation that turns the corrupted text back into the clean one (found by trying every
operation of :mod:`cleanup.ops`), or ``keep`` for a span that was correct all along. Spans
whose repair no operation reproduces exactly are skipped, so every label is right by
construction, and the model learns to judge precisely the flags it will be shown.

>>> ex = next(labelled_examples(["The Ukrainian Armed Forces have affirmed that it failed."], "en", 0, 1.0,
...                             kinds=("pronoun",)))
>>> ex.source, ex.target
('<en> The Ukrainian Armed ⟦ForcesThey⟧ have affirmed that', 'drop')
"""

from __future__ import annotations

import random
from typing import Iterable, Iterator

from cleanup.detect import suspicious_spans
from cleanup.ops import OPS, apply_op, mark_span
from cleanup.training.simulate import CORRUPTIONS, Example
from cleanup.windows import CONTEXT_WORDS, model_input, span_evidence, widen

#: Corruptions the rules repair on their own and the detector does not flag for the model.
RULES_ONLY_KINDS = ("punct_space",)
#: "A) Yes," applies only to English sentences that start with a subject pronoun: tried
#: first this often, or the model would see a handful of examples per epoch.
PHRASE_FIRST = 0.15


def labelled_examples(lines: Iterable[str], lang: str, seed: int, corrupt_share: float = 0.6,
                      kinds: tuple[str, ...] | None = None, evidence: bool = False,
                      weights: dict[str, float] | None = None,
                      context_words: int = CONTEXT_WORDS) -> Iterator[Example]:
    """Examples for every flagged span of every line, deterministic for a given seed; with
    ``evidence``, each source ends with :func:`cleanup.windows.span_evidence` of its span;
    ``weights`` overrides how often each corruption is drawn (``simulate.CORRUPTIONS``);
    ``context_words`` is how far each window reaches on either side of its span."""
    rng = random.Random(f"{seed}:{lang}:ops")
    names = [n for n in (kinds or CORRUPTIONS) if n not in RULES_ONLY_KINDS]
    drawn = [(weights or {}).get(n, CORRUPTIONS[n][1]) for n in names]
    for line in lines:
        corruption = None
        if rng.random() < corrupt_share:
            if "phrase" in names and rng.random() < PHRASE_FIRST:
                corruption = CORRUPTIONS["phrase"][0](line, lang, rng)
            if corruption is None:
                corruption = CORRUPTIONS[rng.choices(names, weights=drawn)[0]][0](line, lang, rng)
        text = corruption.corrupted if corruption else line
        edit = (corruption.start, corruption.start + len(corruption.replacement)) if corruption else None
        for span in suspicious_spans(text, lang, hints=True, glue_hints=True):
            start, end = widen(text, span.start, span.end, context_words)
            source = model_input(lang, mark_span(text[start:end], span.start - start, span.end - start),
                                 span_evidence(text[span.start:span.end], lang) if evidence else None)
            if edit and span.start <= edit[1] and edit[0] <= span.end:
                op = next((op for op in OPS if op != "keep"
                           and apply_op(op, text, span.start, span.end, lang) == corruption.clean), None)
                if op is not None:
                    yield Example(lang, source, op, corruption.kind)
            else:
                yield Example(lang, source, "keep", "clean")
