"""Edits → explanations: the JSON report, the terminal and HTML diffs, the detect report.

Every report carries a signature (tool version, settings, model id) so a result can be
reproduced. The diffs are word-level and tie each changed region back to the edits that
made it (through :func:`cleanup.article.original_span`), so a reviewer sees the kind, rule
and reason of every change. Nothing here touches files; ``cli.py`` writes what it returns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .article import Article, Edit, original_span
from .config import Config


def signature(config: Config, model_id: str | None = None) -> dict:
    from . import __version__

    return {
        "cleanup": __version__,
        "lang": config.lang or "auto",
        "model": model_id if config.use_model else None,
        "model_scope": config.model_scope if config.use_model else None,
        "chooser": _chooser_id(config) if config.use_model and model_id else None,
        "disabled_rules": sorted(config.disabled_rules),
        "seed": config.seed,
    }


def _chooser_id(config: Config) -> str | None:
    from .neural import chooser_id_for

    return chooser_id_for(config)


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


# --- Diffs: word-level, block by block, each change tied to the edits that made it ---------

_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Change:
    """One changed region of a block: ``before`` in the original text, ``after`` in the
    cleaned text, and the edits whose original span overlaps it (none when two files were
    compared, since then nothing says why)."""

    before: str
    after: str
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True)
class BlockDiff:
    """A block's original and cleaned text as a run of unchanged strings and Changes."""

    index: int
    kind: str
    lang: str | None
    segments: tuple  # of str (unchanged) and Change
    edits: tuple[Edit, ...] = ()

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(s for s in self.segments if isinstance(s, Change))

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def word_diff(before: str, after: str, edits=()) -> tuple:
    """``before`` → ``after`` as unchanged strings and Changes, word by word (whitespace
    kept as its own tokens), each Change carrying the ``edits`` (a block's patch series)
    that overlap it in the original text.

    >>> word_diff("Talks in kyiv ended.", "Talks in Kyiv ended.")
    ('Talks in ', Change(before='kyiv', after='Kyiv', edits=()), ' ended.')
    """
    from difflib import SequenceMatcher

    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    offsets = [0]
    for token in a:
        offsets.append(offsets[-1] + len(token))
    spans = [original_span(edits, k) for k in range(len(edits))]
    segments: list = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            text = "".join(a[i1:i2])
            if segments and isinstance(segments[-1], str):
                segments[-1] += text
            else:
                segments.append(text)
            continue
        start, end = offsets[i1], offsets[i2]
        segments.append(Change("".join(a[i1:i2]), "".join(b[j1:j2]),
                               _overlapping(edits, spans, start, end)))
    return tuple(segments)


def _overlapping(edits, spans, start: int, end: int) -> tuple[Edit, ...]:
    strict = tuple(e for e, (s, t) in zip(edits, spans) if s < end and start < t)
    if strict:
        return strict
    # A pure insertion, or an edit the token alignment put just beside its change.
    return tuple(e for e, (s, t) in zip(edits, spans) if s <= end and start <= t)


def diff_blocks(article: Article) -> list[BlockDiff]:
    """Every block of a cleaned article as a word diff of its original and cleaned text."""
    diffs = []
    for block in article.blocks:
        edits = article.edits_for(block.index)
        if block.text == block.original:
            segments = (block.text,)
        else:
            segments = word_diff(block.original, block.text, edits)
        diffs.append(BlockDiff(block.index, block.kind.value, block.lang, segments, edits))
    return diffs


def compared_article(before: str, after: str, config: Config) -> Article:
    """Two texts as one Article with ``before`` as the original and ``after`` as the current
    text and no edits (nothing says why they differ). Blocks are paired when both texts have
    the same number of blocks; otherwise the whole text is one block."""
    from dataclasses import replace

    from .article import Block, BlockKind
    from .langid import detect_language
    from .parse import parse_article

    old, new = parse_article(before), parse_article(after)
    if len(old.blocks) == len(new.blocks):
        blocks = tuple(replace(o, text=n.text) for o, n in zip(old.blocks, new.blocks))
        article = replace(old, blocks=blocks)
    else:
        article = Article(blocks=(Block(0, BlockKind.BODY, after, before),), separators=("", ""),
                          notes=(f"the two texts have {len(old.blocks)} and {len(new.blocks)} blocks: "
                                 "compared as one text",))
    langs = detect_language(parse_article(before), config)
    return replace(article, lang=langs.lang, lang_probs=langs.lang_probs,
                   blocks=tuple(replace(b, lang=langs.lang) for b in article.blocks))


def diff_stat(article: Article, *, compared: bool = False) -> str:
    """Counts by edit kind and how many blocks changed, for ``cleanup diff --stat``.

    >>> from cleanup import Config, clean_article
    >>> print(diff_stat(clean_article("Talks in kyiv ended.Officials left.", Config(use_model=False))))
    casing   1
    spacing  1
    2 edits in 1 of 1 blocks
    """
    diffs = diff_blocks(article)
    changed = sum(1 for d in diffs if d.changed)
    if compared:
        regions = sum(len(d.changes) for d in diffs)
        return (f"{regions} changed regions in {changed} of {len(diffs)} blocks "
                "(two files compared: no edit kinds)")
    kinds = Counter(e.kind for e in article.edits)
    width = max((len(k) for k in kinds), default=0) + 2
    lines = [f"{kind:<{width}}{n}" for kind, n in sorted(kinds.items())]
    lines.append(f"{len(article.edits)} edits in {changed} of {len(diffs)} blocks")
    return "\n".join(lines)


def _edit_line(edit: Edit) -> str:
    how = edit.source if edit.source == "rule" else f"model {edit.model or ''}".strip()
    return f"{edit.rule} ({how}, {edit.confidence:.2f}): {edit.before!r} → {edit.after!r} — {edit.reason}"


def diff_pieces(article: Article, *, before_name: str, after_name: str, compared: bool = False):
    """The terminal diff as (text, style) pieces; style is None, "header", "del", "ins",
    "fold" or "note". Unchanged blocks are folded into one line per run."""
    yield f"--- {before_name}\n+++ {after_name}\n", "header"
    if compared:
        yield "(two files compared: the changes are shown without kinds or reasons)\n", "note"
    folded = 0

    def fold():
        return f"… {folded} unchanged block{'s' if folded != 1 else ''} …\n"

    for diff in diff_blocks(article):
        if not diff.changed:
            folded += 1
            continue
        if folded:
            yield fold(), "fold"
            folded = 0
        yield f"block {diff.index} [{diff.kind}] {diff.lang or '-'}\n", "header"
        for segment in diff.segments:
            if isinstance(segment, str):
                yield segment, None
            else:
                if segment.before:
                    yield segment.before, "del"
                if segment.after:
                    yield segment.after, "ins"
        yield "\n", None
        for edit in diff.edits:
            yield f"  {_edit_line(edit)}\n", "note"
    if folded:
        yield fold(), "fold"


def plain_diff(article: Article, *, before_name: str = "original", after_name: str = "cleaned",
               compared: bool = False) -> str:
    """The terminal diff without colour: ``[-deleted-]{+inserted+}``.

    >>> from cleanup import Config, clean_article
    >>> print(plain_diff(clean_article("Talks in kyiv ended.", Config(use_model=False))), end="")  # doctest: +ELLIPSIS
    --- original
    +++ cleaned
    block 0 [body] en
    Talks in [-kyiv-]{+Kyiv+} ended.
      casing.proper_noun (rule, 0.85): 'kyiv' → 'Kyiv' — a proper noun in lower case: ...
    """
    marks = {"del": ("[-", "-]"), "ins": ("{+", "+}")}
    out = []
    for text, style in diff_pieces(article, before_name=before_name, after_name=after_name, compared=compared):
        left, right = marks.get(style, ("", ""))
        out.append(left + text + right)
    return "".join(out)


def rich_diff(article: Article, *, before_name: str = "original", after_name: str = "cleaned",
              compared: bool = False):
    """The terminal diff as a rich Text: deletions red and struck through, insertions green."""
    from rich.text import Text

    styles = {"header": "bold", "del": "red strike", "ins": "green bold", "fold": "dim", "note": "dim"}
    text = Text()
    for piece, style in diff_pieces(article, before_name=before_name, after_name=after_name, compared=compared):
        text.append(piece, style=styles.get(style))
    return text


# --- HTML: one self-contained page per article, and an index for a batch --------------------

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:80em;padding:0 1em;color:#222}
h1{font-size:1.3em;margin:.2em 0 .6em}
.summary{background:#f6f7f9;border:1px solid #dde;border-radius:6px;padding:.6em 1em;margin-bottom:1.2em}
.summary dt{font-weight:600;float:left;clear:left;width:9em}
.summary dd{margin:0 0 .2em 9.5em}
.kinds span{display:inline-block;margin-right:.8em}
.block{margin:0 0 1em}
.block h2{font-size:.85em;font-weight:600;color:#556;margin:0 0 .2em}
table.diff{width:100%;border-collapse:collapse;table-layout:fixed}
table.diff th{font-size:.8em;text-align:left;color:#667;font-weight:500;padding:.1em .5em}
table.diff td{vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #e3e3ea;padding:.4em .6em;width:50%}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through;cursor:help}
ins{background:#ccf2d1;color:#055d20;text-decoration:none;cursor:help}
ul.edits{font-size:.85em;color:#445;margin:.3em 0 0;padding-left:1.4em}
ul.edits code{background:#f1f1f4;padding:0 .2em}
details.unchanged{margin:0 0 1em;color:#556}
details.unchanged summary{cursor:pointer;font-size:.9em}
.note{color:#665;font-size:.9em}
table.index{border-collapse:collapse}
table.index td,table.index th{border:1px solid #e3e3ea;padding:.2em .6em;text-align:left}
.failed{color:#a00}
"""


def _esc(text) -> str:
    import html

    return html.escape(str(text), quote=True)


def _change_title(change: Change) -> str:
    if not change.edits:
        return "changed (two files compared: no kind or reason is known)"
    parts = []
    for e in change.edits:
        how = "rule" if e.source == "rule" else f"model {e.model or ''}".strip()
        parts.append(f"{e.kind} · {e.rule} · {e.reason} ({how}, confidence {e.confidence:.2f})")
    return "\n".join(parts)


def _change_html(change: Change, side: str) -> str:
    text = change.before if side == "before" else change.after
    if not text:
        return ""
    tag = "del" if side == "before" else "ins"
    rules = " ".join(dict.fromkeys(e.rule for e in change.edits))
    kinds = " ".join(dict.fromkeys(e.kind for e in change.edits))
    return (f'<{tag} title="{_esc(_change_title(change))}" data-rule="{_esc(rules)}" '
            f'data-kind="{_esc(kinds)}">{_esc(text)}</{tag}>')


def _block_html(diff: BlockDiff, article: Article) -> str:
    block = next(b for b in article.blocks if b.index == diff.index)
    head = f'<h2>block {diff.index} · {_esc(diff.kind)} · {_esc(diff.lang or "-")}</h2>'
    if diff.changed:
        left = "".join(_esc(s) if isinstance(s, str) else _change_html(s, "before") for s in diff.segments)
        right = "".join(_esc(s) if isinstance(s, str) else _change_html(s, "after") for s in diff.segments)
    else:
        left = right = _esc(block.original)
    rows = (f'<table class="diff"><tr><th>original</th><th>cleaned</th></tr>'
            f'<tr><td class="before">{left}</td><td class="after">{right}</td></tr></table>')
    edits = ""
    if diff.edits:
        items = "".join(f'<li data-rule="{_esc(e.rule)}"><code>{_esc(e.rule)}</code> {_esc(repr(e.before))} → '
                        f'{_esc(repr(e.after))} — {_esc(e.reason)}</li>' for e in diff.edits)
        edits = f'<ul class="edits">{items}</ul>'
    state = "changed" if diff.changed else "unchanged"
    return f'<section class="block {state}" id="block-{diff.index}">{head}{rows}{edits}</section>\n'


def html_diff_page(article: Article, config: Config, *, path: str | None = None, encoding: str | None = None,
                   model_id: str | None = None, compared_with: str | None = None,
                   index_href: str | None = None) -> str:
    """One self-contained HTML page (inline CSS, no script, no external URL): a summary,
    then original and cleaned side by side, block by block; every change is a ``<del>`` /
    ``<ins>`` whose ``title`` gives kind · rule · reason and whose ``data-rule`` the rule
    ids. Runs of unchanged blocks are collapsed in ``<details>``. ``compared_with`` names
    the second file when two files were compared (then no reasons are known)."""
    from . import __version__

    diffs = diff_blocks(article)
    changed = sum(1 for d in diffs if d.changed)
    name = path or "article"
    kinds = Counter(e.kind for e in article.edits)
    sources = Counter(e.source for e in article.edits)
    lang = article.lang or "-"
    if article.lang_probs:
        lang += f" (p={dict(article.lang_probs).get(article.lang, article.lang_probs[0][1]):.2f})"
    rows = [("Article", _esc(name) + (f" (read as {_esc(encoding)})" if encoding and encoding != "utf-8" else "")),
            ("Language", _esc(lang))]
    if compared_with is not None:
        rows.append(("Compared with", _esc(compared_with) + ' <span class="note">— two files compared: changes '
                     "are highlighted without kinds or reasons</span>"))
        rows.append(("Changes", f"{sum(len(d.changes) for d in diffs)} changed regions in {changed} of "
                                f"{len(diffs)} blocks"))
    else:
        rows.append(("Edits", f"{len(article.edits)} in {changed} of {len(diffs)} blocks"))
        rows.append(("By kind", '<span class="kinds">' + "".join(
            f'<span data-kind="{_esc(k)}">{_esc(k)}: {n}</span>' for k, n in sorted(kinds.items())) + "</span>"
            if kinds else "none"))
        rows.append(("By source", ", ".join(f"{_esc(s)}: {n}" for s, n in sorted(sources.items())) or "none"))
        rows.append(("Model", _esc(model_id) if model_id else "none (rules only)"))
        rows.append(("Settings", _esc(f"cleanup {__version__}; lang {config.lang or 'auto'}; "
                                      f"disabled rules: {', '.join(sorted(config.disabled_rules)) or 'none'}")))
    if article.notes:
        rows.append(("Notes", "<br>".join(_esc(n) for n in article.notes)))
    summary = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    nav = f'<p><a href="{_esc(index_href)}">← all articles</a></p>' if index_href else ""
    body, run = [], []

    def flush():
        if run:
            label = f"{len(run)} unchanged block{'s' if len(run) != 1 else ''}"
            body.append(f'<details class="unchanged"><summary>{label}</summary>\n{"".join(run)}</details>\n')
            run.clear()

    for diff in diffs:
        if diff.changed:
            flush()
            body.append(_block_html(diff, article))
        else:
            run.append(_block_html(diff, article))
    flush()
    return (f'<!DOCTYPE html>\n<html lang="{_esc(article.lang or "und")}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>cleanup diff: {_esc(name)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{nav}"
            f'<h1>cleanup diff: {_esc(name)}</h1>\n<dl class="summary" id="summary">{summary}</dl>\n'
            f'{"".join(body)}</body>\n</html>\n')


def html_index_page(files: list[dict], *, title: str = "cleanup batch", totals: dict | None = None) -> str:
    """The index of a batch's HTML pages: one row per file (``FileResult.to_dict()`` form),
    linking every article page; failed files are listed with their reason."""
    from urllib.parse import quote

    rows = []
    for f in files:
        if f.get("html"):
            name = f'<a href="{_esc(quote(f["html"]))}">{_esc(f["path"])}</a>'
        else:
            name = _esc(f["path"])
        kinds = ", ".join(f"{_esc(k)}: {n}" for k, n in sorted(f.get("edits_by_kind", {}).items()))
        status = f["status"]
        detail = _esc(f.get("error") or "")
        css = ' class="failed"' if status == "failed" else ""
        rows.append(f"<tr{css}><td>{name}</td><td>{_esc(status)}</td><td>{_esc(f.get('language') or '-')}</td>"
                    f"<td>{f.get('edits', 0)}</td><td>{kinds}</td><td>{detail}</td></tr>")
    summary = ""
    if totals:
        summary = '<dl class="summary" id="summary">' + "".join(
            f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in totals.items() if k != "edits_by_kind") + "</dl>"
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{_esc(title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{_esc(title)}</h1>\n{summary}\n"
            '<table class="index"><tr><th>article</th><th>status</th><th>language</th><th>edits</th>'
            f'<th>by kind</th><th>error</th></tr>\n{chr(10).join(rows)}\n</table>\n</body>\n</html>\n')


# --- detect: the artifacts of an article, nothing changed -----------------------------------

def detect_report(article: Article, config: Config, *, path: str | None = None,
                  encoding: str | None = None) -> dict:
    """The JSON-ready result of ``cleanup detect``: languages per block and every finding."""
    return {
        "path": path,
        "encoding": encoding,
        "signature": signature(config),
        "language": {"article": article.lang, "probabilities": dict(article.lang_probs)},
        "blocks": [{"index": b.index, "kind": b.kind.value, "lang": b.lang, "probabilities": dict(b.lang_probs)}
                   for b in article.blocks],
        "findings": [f.to_dict() for f in article.findings],
        "findings_by_kind": dict(sorted(Counter(f.kind for f in article.findings).items())),
        "notes": list(article.notes),
    }


def detect_lines(article: Article) -> list[str]:
    """``cleanup detect`` as text: the language of every block, then one line per finding,
    then a count.

    >>> from cleanup import Config
    >>> from cleanup.pipeline import detect_artifacts
    >>> print("\\n".join(detect_lines(detect_artifacts("Talks in kyiv ended.", Config(use_model=False)))))
    ... # doctest: +ELLIPSIS
    article: en
    block 0 [body] en
    block 0 [body] en: casing.proper_noun: 'kyiv' — a proper noun in lower case: ... → 'Kyiv'
    1 artifact found in 1 of 1 blocks
    """
    blocks = {b.index: b for b in article.blocks}
    lines = [f"article: {article.lang or '-'}"]
    lines += [f"block {b.index} [{b.kind.value}] {b.lang or '-'}" for b in article.blocks]
    for f in sorted(article.findings, key=lambda f: (f.block, f.start)):
        b = blocks.get(f.block)
        where = f"block {f.block} [{b.kind.value}] {b.lang or '-'}" if b else f"block {f.block}"
        lines.append(f"{where}: {f.rule}: {f.text!r} — {f.reason}")
    n, hit = len(article.findings), len({f.block for f in article.findings})
    lines.append(f"{n} artifact{'s' if n != 1 else ''} found in {hit} of {len(article.blocks)} blocks"
                 if n else "no artifacts found")
    return lines
