"""The command line: the only module that touches files, stdin/stdout and exit codes.

Exit codes: 0 done; 1 some inputs failed (batch) or artifacts were found (detect);
2 bad usage or unreadable input, with one line on stderr.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Optional

import typer

from .config import SUPPORTED_LANGUAGES, Config
from .errors import CleanupError, InputError

app = typer.Typer(
    name="cleanup",
    help="Repair machine-translated news articles: glued words at link boundaries, stray capitals, "
    "MT phrase artifacts, lower-cased names, spacing and mojibake — captions, credits, sources and "
    "related links kept where they were.\n\nExit codes: 0 done; 1 some inputs failed (batch) or "
    "artifacts found (detect); 2 bad usage or unreadable input.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # article text can be private: never dump locals
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"cleanup {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Repair machine-translated news articles."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"cleanup: error: {message}", err=True)
    raise typer.Exit(code)


def _config(lang: Optional[str], no_model: bool, model: Optional[Path], model_scope: str,
            disable_rule: list[str]) -> Config:
    if lang is not None and (len(lang) < 2 or not lang.isalpha()):
        _fail(f"--lang {lang!r} is not a language code (e.g. {', '.join(SUPPORTED_LANGUAGES)})")
    if model_scope not in ("flagged", "all"):
        _fail(f"--model-scope must be 'flagged' or 'all', not {model_scope!r}")
    if model is not None and not model.is_dir():
        _fail(f"--model {model}: not a directory holding a Hugging Face seq2seq model")
    return Config(lang=lang.lower() if lang else None, use_model=not no_model, model_path=model,
                  model_scope=model_scope, disabled_rules=frozenset(disable_rule))


def read_input(path: str):
    """The article text from a file path, or from stdin for ``-``; InputError when unreadable."""
    from .files import decode_bytes, read_article

    if path == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_article(Path(path))


# Options shared by the commands that clean.
LangOption = typer.Option(None, "--lang", help="Article language code (en, es, fr, de, pt, it, ...); default: detected.")
NoModelOption = typer.Option(False, "--no-model", help="Rules only: do not load the seq2seq model.")
ModelOption = typer.Option(None, "--model", help="A local Hugging Face seq2seq model directory (default: the bundled model).")
ScopeOption = typer.Option("flagged", "--model-scope", help="Which body sentences the model rewrites: 'flagged' or 'all'.")
DisableOption = typer.Option([], "--disable-rule", help="Skip a rule or family by id, e.g. merge.name_word or spacing. Repeatable.")


@app.command()
def clean(
    path: str = typer.Argument(..., help="The article: a UTF-8 (or other detected encoding) text or Markdown file, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the cleaned article here (atomically) instead of stdout."),
    in_place: bool = typer.Option(False, "--in-place", help="Rewrite PATH atomically, keeping a backup at PATH.bak."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write a JSON report: languages, blocks, every edit and finding."),
    lang: Optional[str] = LangOption,
    no_model: bool = NoModelOption,
    model: Optional[Path] = ModelOption,
    model_scope: str = ScopeOption,
    disable_rule: list[str] = DisableOption,
) -> None:
    """Clean one article and print it (or write it with -o / --in-place)."""
    from .explain import article_report
    from .files import write_atomically
    from .pipeline import clean_article

    if in_place and (output is not None or path == "-"):
        _fail("--in-place rewrites a file: it cannot be combined with -o or with stdin")
    config = _config(lang, no_model, model, model_scope, disable_rule)
    try:
        decoded = read_input(path)
        article = clean_article(decoded.text, config)
    except CleanupError as err:
        _fail(str(err), err.exit_code)
    if decoded.encoding != "utf-8":
        typer.echo(f"cleanup: note: {path} was read as {decoded.encoding} (not UTF-8); output is UTF-8", err=True)
    if in_place:
        shutil.copy2(path, path + ".bak")
        write_atomically(Path(path), article.text)
    elif output is not None:
        write_atomically(output, article.text)
    else:
        sys.stdout.write(article.text)
        sys.stdout.flush()
    if report is not None:
        from .neural import model_id_for

        data = article_report(article, config, path=path, encoding=decoded.encoding, model_id=model_id_for(config))
        write_atomically(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main() -> None:  # pragma: no cover - console entry point
    app()
