"""Text → Article: split into blocks at blank lines and classify each block.

Guarantees: joining the separators and block texts gives back the input exactly (every
byte, including CRLF line ends and trailing whitespace). Classification decides which
repairs may touch a block: captions, credits, source lines, related-link lists and
bylines are never merged with body text and get only safe repairs.
"""

from __future__ import annotations

import re

from .article import Article, Block, BlockKind

# A blank line: a line break, then any number of whitespace-only lines.
_BLOCK_GAP = re.compile(r"(?:\r?\n)(?:[ \t]*\r?\n)+")

# Photo credits as agencies print them: "(STRINGER /)", "(REUTERS/Jane Doe)", "(EFE)",
# "(AFP PHOTO / Juan Barreto)", "Foto: EFE", "Photo: Reuters", "Bild: dpa".
_CREDIT_PAREN = re.compile(r"\((?:[A-ZÀ-Ý][\w.'’\- ]*)?(?:/[^()]*)?\)\s*$")
_AGENCY = (
    r"(?:AFP|AP|EFE|REUTERS|Reuters|dpa|DPA|ANSA|Europa Press|EUROPA PRESS|Getty Images|GETTY IMAGES"
    r"|STRINGER|Xinhua|XINHUA|Bloomberg|EPA|Sputnik|TASS|Anadolu|NurPhoto|Shutterstock|Infobae)"
)
_CREDIT_LINE = re.compile(
    r"^(?:\(?\s*(?:Foto|Photo|Fotos|Photos|Bild|Imagen|Image|Crédito|Credit|Crédit|Quelle|Fuente)\s*:"
    r"[^\n]{1,80}\)?|\(\s*" + _AGENCY + r"[^()\n]{0,60}\))\s*$"
)
_AGENCY_CREDIT_AT_END = re.compile(r"\(\s*(?:[^()\n]{0,60}/\s*)?" + _AGENCY + r"[^()\n]{0,60}\)\s*$|\([A-Z][A-Z .'\-]+/[^()\n]{0,60}\)\s*$|\([A-Z]{2,}[ A-Z]* ?/\s*\)\s*$")

# Source lines, per language: "(With information from Europa Press)", "(Con información de
# EFE)", "Source: AFP", "(Avec AFP)", "(mit Material von dpa)", "(Com informações da Lusa)".
_SOURCE_LINE = re.compile(
    r"^\(?\s*(?:With information (?:from|of)|With reporting (?:by|from)|Information from|Source:|Sources:"
    r"|Con información (?:de|del)|Con informaci[oó]n de|Fuente:|Fuentes:|Con datos de"
    r"|Source :|Sources :"
    r"|[Mm]it Material von|Quelle:|Quellen:|Mit Informationen von"
    r"|Com informações d[aoe]s?|Fonte:|Fontes:"
    r"|Con informazioni d[ai]|Fonte:|Con fonti)"
    r"[^\n]{0,120}\)?\.?\s*$"
)

# French opens many body sentences as it opens a source line ("Selon lui, les mots...",
# "Avec 30 000 habitants, ..."): with these words only a parenthesised line or a short one
# with no comma ("(Avec AFP)", "Selon Reuters", "D'après l'AFP.") is a source line.
_FRENCH_SOURCE_LINE = re.compile(r"^(?:\((?:Avec|Selon|D'après|D’après) [^()\n]{1,80}\)|(?:Avec|Selon|D'après|D’après) [^,\n]{1,30})\.?\s*$")

# Headings that open a list of related links.
_RELATED_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:Keep reading|Read more|Read also|Also read|See also|Related|More on this"
    r"|Seguir leyendo|Sigue leyendo|Lea también|Leer más|Te puede interesar|Más noticias"
    r"|Lire aussi|A lire aussi|À lire aussi|Lire également|Voir aussi"
    r"|Lesen Sie auch|Mehr zum Thema|Auch interessant|Weiterlesen"
    r"|Leia também|Leia mais|Continue lendo|Veja também"
    r"|Leggi anche|Continua a leggere|Potrebbe interessarti)\s*:?\s*$",
    re.IGNORECASE,
)

_BYLINE = re.compile(r"^(?:By|Por|Par|Von|Di|De)\s+[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+){0,4}\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;»”\"')]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")


def parse_article(text: str) -> Article:
    """Split ``text`` into classified blocks without losing a byte.

    >>> a = parse_article("Title here\\n\\nBody text, said the minister.\\n\\n(With information from EFE)\\n")
    >>> [b.kind.value for b in a.blocks]
    ['title', 'body', 'source']
    >>> a.text == "Title here\\n\\nBody text, said the minister.\\n\\n(With information from EFE)\\n"
    True
    """
    lead = re.match(r"\s*", text).group(0)
    # Keep a trailing run of whitespace (with its line breaks) as the final separator.
    trail_match = re.search(r"\s*\Z", text[len(lead):])
    trail = trail_match.group(0) if trail_match else ""
    body = text[len(lead) : len(text) - len(trail)] if trail else text[len(lead):]
    if not body:
        return Article(blocks=(), separators=(lead + trail,) if (lead + trail) else ("",))
    pieces = _BLOCK_GAP.split(body)
    gaps = _BLOCK_GAP.findall(body)
    separators = (lead, *gaps, trail)
    kinds = classify_blocks(pieces)
    blocks = tuple(Block(index=i, kind=k, text=p, original=p) for i, (p, k) in enumerate(zip(pieces, kinds)))
    return Article(blocks=blocks, separators=separators)


def classify_blocks(texts: list[str]) -> list[BlockKind]:
    """Kinds for a sequence of block texts; a block after a related-links heading is a
    related headline while blocks stay short, unpunctuated and single-line."""
    kinds: list[BlockKind] = []
    in_related = False
    for i, text in enumerate(texts):
        kind = classify_block(text, first=(i == 0))
        if kind is BlockKind.RELATED_HEADING:
            in_related = True
        elif in_related and kind is BlockKind.BODY and _looks_like_headline_list(text):
            kind = BlockKind.RELATED
        else:
            in_related = False
        kinds.append(kind)
    return kinds


def classify_block(text: str, first: bool = False) -> BlockKind:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    last = lines[-1] if lines else ""
    if _RELATED_HEADING.match(text.strip()):
        return BlockKind.RELATED_HEADING
    if (_SOURCE_LINE.match(text.strip()) or _FRENCH_SOURCE_LINE.match(text.strip())) and len(lines) == 1:
        return BlockKind.SOURCE
    if all(_CREDIT_LINE.match(ln) for ln in lines):
        return BlockKind.CREDIT
    if _is_caption(lines):
        return BlockKind.CAPTION
    if len(lines) == 1 and _BYLINE.match(last):
        return BlockKind.BYLINE
    if first and len(lines) == 1 and len(last) <= 160 and not re.search(r"[.!?…]$", last):
        return BlockKind.TITLE
    if first and len(lines) == 1 and last.startswith("#"):
        return BlockKind.TITLE
    return BlockKind.BODY


def _is_caption(lines: list[str]) -> bool:
    """A caption ends with a photo credit; it may be two lines (a name line, then the caption)."""
    if not lines or len(lines) > 3:
        return False
    last = lines[-1]
    if len(last) > 400:
        return False
    if _AGENCY_CREDIT_AT_END.search(last) or _CREDIT_PAREN.search(last) and "/" in last[last.rfind("(") :]:
        return True
    return bool(_CREDIT_LINE.match(last)) and len(lines) >= 2


def _looks_like_headline_list(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return all(len(ln) <= 200 and (_LIST_ITEM.match(ln) or not _SENTENCE_END.search(ln) or ln.endswith("?")) for ln in lines)
