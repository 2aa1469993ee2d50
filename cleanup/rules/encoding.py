"""encoding.mojibake: text that was decoded with the wrong encoding (``dÃ©clarÃ©``).

ftfy's ``fix_encoding`` only undoes mojibake; it leaves quotes, line breaks and Unicode
normalisation alone, which the no-harm guarantee needs (``fix_text`` would uncurl quotes).
"""

from __future__ import annotations

import difflib

from . import ALL_KINDS, Fix, Rule


def propose_mojibake(text: str, lang: str, context) -> list[Fix]:
    """
    >>> [(f.start, f.end, f.after) for f in propose_mojibake("Il a dÃ©clarÃ© lundi", "fr", None)]
    [(6, 8, 'é'), (12, 14, 'é')]
    """
    import ftfy

    fixes = []
    for line_start, line in _lines(text):
        fixed = ftfy.fix_encoding(line)
        if fixed == line or fixed.count("\n") != line.count("\n"):
            continue
        matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                fixes.append(Fix(line_start + i1, line_start + i2, fixed[j1:j2],
                                 f"mojibake: {line[i1:i2]!r} is {fixed[j1:j2]!r} decoded with the wrong encoding", 0.95))
    return fixes


def without_mojibake(text: str) -> str:
    """``text`` as this rule leaves it (language detection reads that, so that a second
    cleaning, the mojibake gone, detects the same languages).

    >>> without_mojibake("Il a dÃ©clarÃ© lundi")
    'Il a déclaré lundi'
    """
    if text.isascii():
        return text
    for fix in sorted(propose_mojibake(text, "und", None), key=lambda f: f.start, reverse=True):
        text = text[:fix.start] + fix.after + text[fix.end:]
    return text


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


RULES = (Rule("encoding.mojibake", ALL_KINDS, propose_mojibake, rewrites_words=True),)
