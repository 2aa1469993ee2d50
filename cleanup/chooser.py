"""The choice among a flagged span's repairs: a small linear model over the seq2seq model's
scores and what cleanup knows about the span.

The seq2seq model scores every option a span offers (``keep`` and the repairs that apply,
:meth:`cleanup.neural.Repairer.score`). Its raw likeliest option is a poor choice on its own: it
keeps too often after some flags and too rarely after others, and it cannot weigh the corpus's
counts. Hand-tuned penalties and per-kind score floors (:mod:`cleanup.neural`) corrected that
one flag at a time. This module replaces them, where a model directory ships a
``chooser.json``, with one conditional-logit model (a softmax over the span's options) whose
weights are fitted on spans that the detector flags in simulated held-out sentences, each
option labelled right or wrong (``python -m cleanup.training.chooser``). A linear model
because it trains in seconds on a CPU, its weights can be read (``chooser.json`` names every
feature), and it cannot memorise a sentence.

The chooser corrects the hand-tuned choice: a repair that choice would not apply is applied
only when its probability reaches a threshold of the language and the kind of repair (chosen
so that clean sentences are changed no more often than before); otherwise the span is kept.
Where a span offers two repairs or more (``comma`` and ``lower`` for ``Exchange At``), a third
threshold weighs them together: the chooser can be sure that something is broken, ``keep``
0.3, without being sure which repair mends it, 0.4 and 0.3; then the likelier is applied.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

CHOOSER_FILE = "chooser.json"

#: A margin to a floor counts this far at most: beyond it, the floor says nothing more.
_MARGIN_CLIP = 3.0


@dataclass(frozen=True)
class SpanChoice:
    """What the chooser knows about one flagged span: the seq2seq model's mean token
    log-probability of each option, and the span's context as cleanup sees it."""

    lang: str
    rule: str
    scores: dict[str, float]
    #: the hand-tuned penalty on ``keep`` for this span (:func:`cleanup.neural.keep_penalty`)
    keep_penalty: float = 0.0
    #: the corpus's counts between two repairs: (favoured, other, log odds, known lean)
    evidence: tuple[str, str, float, float] | None = None
    #: each repair's hand-tuned score floor (:func:`cleanup.neural._score_floor`)
    floors: dict[str, float] = field(default_factory=dict)
    #: repairs grammar leaves as the only one, by floor kind (``drop before a non-verb``)
    grammar: dict[str, str] = field(default_factory=dict)
    #: the span's lexical evidence codes (:func:`cleanup.windows.span_evidence`): ``4w 6w``
    codes: str = ""
    #: a capitalised word follows the span
    before_capital: bool = False
    #: the repair the hand-tuned choice applies, or ``keep`` where it applies none (a rule's own
    #: edit then stands where the span offers no ``keep``)
    hand_tuned: str = "keep"
    #: the span's text and its line's text on either side (:data:`CONTEXT_CHARS` at most), from
    #: which :func:`context_features` reads the words around it; recorded whole, so that new
    #: features of the context need no new recording (``""`` in records made before them)
    before: str = ""
    span: str = ""
    after: str = ""

    def to_json(self) -> dict:
        return {"lang": self.lang, "rule": self.rule, "scores": self.scores, "keep_penalty": self.keep_penalty,
                "evidence": list(self.evidence) if self.evidence else None, "floors": self.floors,
                "grammar": self.grammar, "codes": self.codes, "before_capital": self.before_capital,
                "hand_tuned": self.hand_tuned, "before": self.before, "span": self.span, "after": self.after}

    @classmethod
    def from_json(cls, data: dict) -> "SpanChoice":
        evidence = data.get("evidence")
        return cls(data["lang"], data["rule"], dict(data["scores"]), data.get("keep_penalty", 0.0),
                   tuple(evidence) if evidence else None,
                   {op: float(v) for op, v in data.get("floors", {}).items()},
                   {op: kind for op, kind in data.get("grammar", {}).items() if kind},
                   data.get("codes", ""), bool(data.get("before_capital", False)), data.get("hand_tuned", "keep"),
                   data.get("before", ""), data.get("span", ""), data.get("after", ""))


#: How much of the span's line on either side a :class:`SpanChoice` keeps.
CONTEXT_CHARS = 40


def around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after) of ``text[start:end]``, each side within its line and at most
    :data:`CONTEXT_CHARS` long.

    >>> around("One line\\nthe united states of", 20, 26)
    ('the united ', 'states', ' of')
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (text[max(line_start, start - CONTEXT_CHARS):start], text[start:end],
            text[end:min(line_end, end + CONTEXT_CHARS)])


def features(span: SpanChoice, option: str) -> dict[str, float]:
    """The named features of one option of a span. Only differences between a span's options
    matter to a softmax, so a feature every option shares says nothing; each is tied to the
    option (its score, its name crossed with the flag, the language, the words' codes).

    >>> f = features(SpanChoice("en", "merge.case_boundary", {"keep": -0.9, "drop": -0.1}), "drop")
    >>> f["score"], round(f["gap"], 2), f["op:drop|rule:merge.case_boundary"]
    (-0.1, 0.0, 1.0)
    """
    scores = span.scores
    best = max(scores.values())
    log_total = math.log(sum(math.exp(s - best) for s in scores.values())) + best
    score = scores[option]
    f: dict[str, float] = {
        "score": score,
        "gap": score - best,
        "share": score - log_total,
        f"op:{option}": 1.0,
        f"op:{option}|lang:{span.lang}": 1.0,
        f"op:{option}|rule:{span.rule}": 1.0,
        f"op:{option}|rule:{span.rule}|lang:{span.lang}": 1.0,
        f"share|op:{option}": score - log_total,
        f"op:{option}|before_capital:{span.before_capital}": 1.0,
    }
    if option == "keep":
        f["keep_penalty"] = span.keep_penalty
    else:
        floor = span.floors.get(option, -math.inf)
        if floor == -math.inf:
            f["no_floor"] = 1.0
        elif math.isfinite(floor):
            f["floor_margin"] = max(-_MARGIN_CLIP, min(_MARGIN_CLIP, score - floor))
            f["floor_passed"] = float(score >= floor)
        if option in span.grammar:
            f[f"grammar:{span.grammar[option]}"] = 1.0
    if option == span.hand_tuned:
        f["hand_tuned"] = 1.0
        f[f"hand_tuned|lang:{span.lang}"] = 1.0
        f[f"hand_tuned|rule:{span.rule}"] = 1.0
    if span.evidence is not None and option == span.evidence[0]:
        f["evidence_log_odds"] = span.evidence[2]
        f["evidence_lean"] = span.evidence[3]
    codes = _codes(span.codes)
    if codes:
        (first_zipf, first_case), (last_zipf, last_case) = codes[0], codes[-1]
        f[f"op:{option}|first_case:{first_case}"] = 1.0
        f[f"op:{option}|first_zipf"] = first_zipf / 7
        f[f"op:{option}|last_case:{last_case}"] = 1.0
        f[f"op:{option}|last_zipf"] = last_zipf / 7
        if len(codes) > 1:
            f[f"op:{option}|cases:{first_case}{last_case}"] = 1.0
    if option != "keep" and span.span:
        f.update(context_features(span, option))
    return f


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]+(?:['’][^\W\d_]+)?) $")
#: Counts enter as log(1 + count) / this: about 1 at a thousand.
_COUNT_SCALE = 7.0


def context_features(span: SpanChoice, option: str) -> dict[str, float]:
    """What the words around a span say of a casing or split repair, from the corpus's
    tables: how often the corpus writes the span's last word capitalised and in lower case
    (finer than the codes' one letter); whether a determiner stands before it (German
    capitalises the noun after one: ``ihre kunden``) or another function word (a verb's place:
    ``zu summen``); whether a capitalised word (``flotte Polkas``: an adjective) or a stop
    follows; whether a German compound's head is a noun (``wohnungstür``); and how often the
    corpus writes the two-word name it would make or unmake with the capitalised word before
    it (``United states``, ``Iranian Regime``). Each is tied to the option and, where
    languages differ, to the language. Only counts and word classes, never the words
    themselves: nothing a sentence could be learnt by.

    >>> from cleanup.chooser import SpanChoice
    >>> f = context_features(SpanChoice("de", "hint.unlowered_name", {"keep": -1, "capitalise": -1},
    ...                      before="Preise an ihre ", span="kunden", after=" weiter."), "capitalise")
    >>> f["op:capitalise|after_determiner|lang:de"], f["op:capitalise|capitalised_log"] > 0.5
    (1.0, True)
    """
    # (here, not at the top: the command line imports this module to register train-chooser,
    # and the rules' modules would add 40 ms to every ``cleanup --help``)
    from .rules.casing import german_noun_evidence, name_pairs
    from .rules.lexicon import DETERMINERS, cased_table, zipf
    from .rules.merge import FUNCTION_WORD_ZIPF

    words = _WORD.findall(span.span)
    if not words or option not in ("capitalise", "lower", "split", "split lower"):
        return {}
    lang = span.lang
    word = words[-1]
    # the word before: the span's own first where it has two (``Iranian Regime``), else the
    # line's word right before it (none across a comma or a stop)
    before = _WORD_BEFORE.search(span.before)
    previous_word = words[-2] if len(words) > 1 else before.group(1) if before else ""
    form = cased_table(lang).get(word.lower())
    f: dict[str, float] = {}
    if form is None:
        f[f"op:{option}|unlisted"] = 1.0
    else:
        f[f"op:{option}|capitalised_log"] = math.log1p(form.capitalised_count) / _COUNT_SCALE
        f[f"op:{option}|lower_log"] = math.log1p(form.lower_count) / _COUNT_SCALE
        f[f"op:{option}|capitalised_log|lang:{lang}"] = math.log1p(form.capitalised_count) / _COUNT_SCALE
        f[f"op:{option}|lower_log|lang:{lang}"] = math.log1p(form.lower_count) / _COUNT_SCALE
    if previous_word.lower() in DETERMINERS.get(lang, ()):
        f[f"op:{option}|after_determiner|lang:{lang}"] = 1.0
    elif previous_word and zipf(previous_word.lower(), lang) >= FUNCTION_WORD_ZIPF:
        # a verb's place (``zu summen``, ``so lange durchgreifen``), not a noun's
        f[f"op:{option}|after_function_word|lang:{lang}"] = 1.0
    if re.match(r" [A-ZÀ-Þ]", span.after):
        # before a capitalised word: an adjective before its noun in German (``flotte Polkas``),
        # a name's first word elsewhere (``united States``)
        f[f"op:{option}|before_capital|lang:{lang}"] = 1.0
    elif re.match(r"[,.;:!?)]", span.after):
        f[f"op:{option}|before_punctuation|lang:{lang}"] = 1.0
    if lang == "de" and option == "capitalise" and word.islower() and german_noun_evidence(word):
        f["op:capitalise|german_noun"] = 1.0
    if previous_word[:1].isupper():
        f[f"op:{option}|after_capital"] = 1.0
        pair = name_pairs(lang).get((previous_word, word.capitalize()))
        if pair is not None:
            f[f"op:{option}|name_pair_log"] = math.log1p(pair[2]) / _COUNT_SCALE
            f[f"op:{option}|name_pair_second_lower_log"] = math.log1p(pair[4]) / _COUNT_SCALE
    return f


def _codes(codes: str) -> list[tuple[int, str]]:
    """``'4w 6N'`` → ``[(4, 'w'), (6, 'N')]``: each word's Zipf frequency and casing code."""
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r"(\d)(\S)", codes)]


#: The threshold that a span's repairs, two or more, reach together (:meth:`Chooser.some_repair`):
#: chosen for each language where it restores spans without changing more clean ones, absent
#: (never) elsewhere.
ANY_REPAIR = "any repair"


class Decision(NamedTuple):
    """What :meth:`Chooser.decide` applies to a span (``keep``: nothing) and its probability:
    the option's own, or where ``together``, the span's repairs' together (:meth:`Chooser.some_repair`)."""

    answer: str
    probability: float
    together: bool = False


@dataclass(frozen=True)
class Chooser:
    """Feature weights and the probability a repair needs to be applied."""

    weights: dict[str, float]
    threshold: float
    chooser_id: str = "chooser"
    #: a language's own thresholds, by :func:`threshold_group`, where they were chosen for it
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)

    def threshold_for(self, lang: str, answer: str) -> float:
        return self.thresholds.get(lang, {}).get(threshold_group(answer), self.threshold)

    def probabilities(self, span: SpanChoice) -> dict[str, float]:
        logits = {option: sum(self.weights.get(name, 0.0) * value for name, value in features(span, option).items())
                  for option in span.scores}
        top = max(logits.values())
        total = sum(math.exp(z - top) for z in logits.values())
        return {option: math.exp(z - top) / total for option, z in logits.items()}

    def choose(self, span: SpanChoice) -> tuple[str, float]:
        """The likeliest option and its probability."""
        probabilities = self.probabilities(span)
        answer = max(probabilities, key=probabilities.get)
        return answer, probabilities[answer]

    def decide(self, span: SpanChoice) -> Decision:
        """The repair cleanup applies (``keep``: none) and the chooser's probability of it.

        The chooser corrects the hand-tuned choice rather than replacing it: where that choice
        applies a repair, the chooser's likeliest option stands (another repair, or ``keep``);
        where it applies none, the chooser's repair is applied only when its probability
        reaches its threshold (:meth:`threshold_for`), for a correct sentence changed costs more than an
        artifact left. A kind of repair the model is never trusted with (an infinite floor,
        ``casing``) stays the rules'. Where that leaves the span as it is, its repairs together
        may still reach the language's :data:`ANY_REPAIR` threshold (:meth:`some_repair`); the
        probability is then theirs together."""
        return self.decide_by(span, self.probabilities(span))

    def decide_by(self, span: SpanChoice, probabilities: dict[str, float]) -> Decision:
        """:meth:`decide`, from the span's :meth:`probabilities` computed already."""
        answer = max(probabilities, key=probabilities.get)
        probability = probabilities[answer]
        applied = held_to(span, answer, probability, self.threshold_for(span.lang, answer))
        if applied == "keep" and (together := self.some_repair(span, probabilities)) is not None:
            return Decision(*together, together=True)
        return Decision(applied, probability)

    def some_repair(self, span: SpanChoice, probabilities: dict[str, float]) -> tuple[str, float] | None:
        """(the likeliest repair, the repairs' probability together) where ``span`` offers
        ``keep`` and two repairs or more the model may apply, and together they reach the
        language's :data:`ANY_REPAIR` threshold; None where they fall short or the language has
        no such threshold."""
        threshold = self.thresholds.get(span.lang, {}).get(ANY_REPAIR)
        repairs = {op: p for op, p in probabilities.items() if op != "keep" and span.floors.get(op) != math.inf}
        if threshold is None or "keep" not in probabilities or len(repairs) < 2:
            return None
        together = sum(repairs.values())
        return (max(repairs, key=repairs.get), together) if together >= threshold else None


def threshold_group(answer: str) -> str:
    """Which of a language's thresholds a repair is held to. Capitalising a word has one of
    its own: clean text offers it far more spans (every lower-case word the corpus mostly
    capitalises: ``jeep``, ``jean``) than the repairs of something that looks broken."""
    return "capitalise" if answer == "capitalise" else "repair"


def held_to(span: SpanChoice, answer: str, probability: float, threshold: float) -> str:
    """What :meth:`Chooser.decide` applies when the chooser's likeliest option for ``span`` is
    ``answer`` at ``probability``, under ``threshold``."""
    if answer == "keep" or span.floors.get(answer) == math.inf:
        return "keep"
    return answer if span.hand_tuned != "keep" or probability >= threshold else "keep"


def load_chooser(model_dir: str | Path, model_id: str | None = None) -> Chooser | None:
    """The chooser shipped beside a model's weights, or None (the hand-tuned choice then
    stands): also when it was fitted for other weights than ``model_id`` (a model retrained
    into the same directory), whose scores it would misread."""
    chooser, fitted_for = _load(str(Path(model_dir) / CHOOSER_FILE))
    if chooser is None or (model_id is not None and fitted_for not in (None, model_id)):
        return None
    return chooser


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Chooser | None, str | None]:
    try:
        raw = Path(path).read_bytes()
        data = json.loads(raw)
        weights = {name: float(value) for name, value in data["weights"].items()}
        threshold = float(data["threshold"])
        thresholds = {lang: {group: float(value) for group, value in by_group.items()}
                      for lang, by_group in data.get("thresholds", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, None
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return Chooser(weights, threshold, f"chooser@{digest}", thresholds), data.get("model")
