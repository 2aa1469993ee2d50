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
from .errors import CleanupError

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
            disable_rule: list[str], no_chooser: bool = False) -> Config:
    if lang is not None and (len(lang) < 2 or not lang.isalpha()):
        _fail(f"--lang {lang!r} is not a language code (e.g. {', '.join(SUPPORTED_LANGUAGES)})")
    if model_scope not in ("flagged", "all"):
        _fail(f"--model-scope must be 'flagged' or 'all', not {model_scope!r}")
    if model is not None and not model.is_dir():
        _fail(f"--model {model}: not a directory holding a Hugging Face seq2seq model")
    return Config(lang=lang.lower() if lang else None, use_model=not no_model, model_path=model,
                  model_scope=model_scope, disabled_rules=frozenset(disable_rule), use_chooser=not no_chooser)


def read_input(path: str):
    """The article text from a file path, or from stdin for ``-``; InputError when unreadable."""
    from .files import decode_bytes, read_article

    if path == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_article(Path(path))


# Options shared by the commands that clean.
LangOption = typer.Option(None, "--lang", help="Article language code (en, es, fr, de, pt, it, ...); default: detected.")
NoModelOption = typer.Option(False, "--no-model", help="Rules only: do not load the seq2seq model.")
NoChooserOption = typer.Option(False, "--no-chooser", help="Let the model's likeliest repair and the hand-tuned "
                               "score floors decide, not the chooser fitted for the model (its chooser.json).")
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
    no_chooser: bool = NoChooserOption,
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
    config = _config(lang, no_model, model, model_scope, disable_rule, no_chooser)
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


def _encoding_note(name: str, encoding: str) -> None:
    if encoding != "utf-8":
        typer.echo(f"cleanup: note: {name} was read as {encoding} (not UTF-8)", err=True)


@app.command()
def batch(
    in_dir: Path = typer.Argument(..., help="Folder of articles; searched recursively."),
    out_dir: Path = typer.Argument(..., help="Where the cleaned tree is written, mirroring IN_DIR (created when missing)."),
    glob: list[str] = typer.Option([], "--glob", help="Which files to clean, e.g. '*.txt'. Repeatable; default: *.txt and *.md."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write a JSON summary: per file language, edits by kind, seconds, error; totals."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Worker processes (default: the number of cores); 1 runs in this process."),
    force: bool = typer.Option(False, "--force", help="Clean every file again, even when its output is newer than its input."),
    in_place: bool = typer.Option(False, "--in-place", help="Allow OUT_DIR to be IN_DIR (files rewritten where they are, a backup at PATH.bak when changed) or inside it (then left out of the scan)."),
    html_dir: Optional[Path] = typer.Option(None, "--html-dir", help="Also write an HTML diff page per article and an index.html here."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line (failures are still listed)."),
    lang: Optional[str] = LangOption,
    no_model: bool = NoModelOption,
    no_chooser: bool = NoChooserOption,
    model: Optional[Path] = ModelOption,
    model_scope: str = ScopeOption,
    disable_rule: list[str] = DisableOption,
) -> None:
    """Clean every article under IN_DIR into OUT_DIR, in parallel, resumably.

    A file whose output is newer than its input is skipped (unless --force). A broken file (binary, undecodable, empty, unreadable) is listed with its reason and never stops the others. Ctrl-C leaves only complete output files and writes the report of what was done.

    Exit codes: 0 every file cleaned or up to date; 1 some files failed; 2 bad usage (e.g. OUT_DIR inside IN_DIR without --in-place); 130 interrupted.
    """
    from .batch import DEFAULT_GLOBS, batch_report, default_workers, plan_batch, run_batch

    config = _config(lang, no_model, model, model_scope, disable_rule, no_chooser)
    if config.use_model and config.model_path is not None and not (config.model_path / "config.json").exists():
        _fail(f"--model {config.model_path}: no config.json; not a Hugging Face model directory")
    try:
        jobs = plan_batch(in_dir, out_dir, glob or DEFAULT_GLOBS, force=force, in_place=in_place)
    except CleanupError as err:
        _fail(str(err), err.exit_code)
    if not jobs:
        typer.echo(f"cleanup: note: no files under {in_dir} match {', '.join(glob or DEFAULT_GLOBS)}", err=True)
    todo = sum(1 for job in jobs if not job.up_to_date)
    try:
        with _batch_progress(todo, len(jobs) - todo, quiet) as on_progress:
            result = run_batch(jobs, config, workers or default_workers(), on_progress, html_dir=html_dir)
    except CleanupError as err:
        _fail(str(err), err.exit_code)

    from .neural import model_id_for

    model_id = model_id_for(config)
    data = batch_report(result, config, in_dir=str(in_dir), out_dir=str(out_dir), model_id=model_id)
    if report is not None:
        from .files import write_atomically

        write_atomically(report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    if html_dir is not None:
        from .batch import html_page_name
        from .explain import html_index_page
        from .files import write_atomically

        # An up-to-date file was not cleaned again: link the page an earlier run wrote, if any.
        files = [{**f, "html": html_page_name(f["path"])}
                 if f["status"] == "skipped" and (html_dir / html_page_name(f["path"])).exists() else f
                 for f in data["files"]]
        write_atomically(html_dir / "index.html",
                         html_index_page(files, title=f"cleanup batch: {in_dir}", totals=data["totals"]))
    for failed in result.failed:
        typer.echo(f"cleanup: failed: {failed.error}", err=True)
    totals = data["totals"]
    if not quiet:
        typer.echo(f"cleanup: {totals['cleaned']} cleaned, {totals['skipped']} up to date (skipped), "
                   f"{totals['failed']} failed of {totals['files']} files in {totals['seconds']:.1f} s "
                   f"({totals['articles_per_second']:.1f} articles/s, {result.workers} "
                   f"worker{'s' if result.workers != 1 else ''})", err=True)
    if result.interrupted:
        typer.echo(f"cleanup: interrupted: {totals['pending']} files not done; run the same command again to "
                   "resume", err=True)
        raise typer.Exit(130)
    if result.failed:
        raise typer.Exit(1)


class _batch_progress:
    """A rich progress bar on stderr (files done, articles/s, ETA) while a batch runs; a
    no-op when stderr is not a terminal or with --quiet. Yields the on_progress callback."""

    def __init__(self, todo: int, skipped: int, quiet: bool):
        self.todo, self.skipped, self.quiet = todo, skipped, quiet
        self.progress = None

    def __enter__(self):
        from rich.console import Console

        console = Console(stderr=True)
        if self.quiet or not console.is_terminal or self.todo == 0:
            return lambda result: None
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text("?" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")

        label = "cleaning" + (f" ({self.skipped} up to date)" if self.skipped else "")
        self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), Rate(), TextColumn("ETA"),
                                 TimeRemainingColumn(), console=console, transient=False)
        self.progress.start()
        task = self.progress.add_task(label, total=self.todo)

        def advance(result) -> None:
            if result.status != "skipped":
                self.progress.advance(task)

        return advance

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def diff(
    before: str = typer.Argument(..., help="The article, or - for stdin."),
    after: Optional[str] = typer.Argument(None, help="Its cleaned version. When omitted, BEFORE is cleaned first (with the options below)."),
    stat: bool = typer.Option(False, "--stat", help="Print counts by edit kind instead of the diff."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML page: original and cleaned side by side, each change with its kind and reason on hover."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the diff (default: only when stdout is a terminal). Plain text marks [-deleted-]{+inserted+}."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when there are differences, 0 when none."),
    lang: Optional[str] = LangOption,
    no_model: bool = NoModelOption,
    no_chooser: bool = NoChooserOption,
    model: Optional[Path] = ModelOption,
    model_scope: str = ScopeOption,
    disable_rule: list[str] = DisableOption,
) -> None:
    """Show what cleaning changes, word by word: unchanged blocks folded, every edit with its rule and reason.

    With AFTER, compares two files: differences are shown without kinds or reasons.

    Exit codes: 0 done (or no differences with --exit-code); 1 differences found, with --exit-code; 2 bad usage or unreadable input.
    """
    from .explain import diff_stat, html_diff_page, plain_diff, rich_diff

    if before == "-" and after == "-":
        _fail("BEFORE and AFTER cannot both be stdin")
    config = _config(lang, no_model, model, model_scope, disable_rule, no_chooser)
    compared = after is not None
    model_id = None
    try:
        decoded = read_input(before)
        if compared:
            from .explain import compared_article

            other = read_input(after)
            _encoding_note(after, other.encoding)
            article = compared_article(decoded.text, other.text, config)
            after_name = after
        else:
            from .neural import model_id_for
            from .pipeline import clean_article

            article = clean_article(decoded.text, config)
            model_id = model_id_for(config)
            after_name = f"cleaned ({model_id or 'rules only'})"
    except CleanupError as err:
        _fail(str(err), err.exit_code)
    _encoding_note(before, decoded.encoding)
    names = {"before_name": before, "after_name": after_name, "compared": compared}
    if stat:
        sys.stdout.write(diff_stat(article, compared=compared) + "\n")
    else:
        from rich.console import Console

        console = Console(file=sys.stdout, highlight=False, soft_wrap=True, emoji=False,
                          force_terminal=True if color else None)
        if color is False or not console.is_terminal:
            sys.stdout.write(plain_diff(article, **names))
        else:
            console.print(rich_diff(article, **names), end="")
    sys.stdout.flush()
    if html is not None:
        from .files import write_atomically

        page = html_diff_page(article, config, path=before, encoding=decoded.encoding, model_id=model_id,
                              compared_with=after)
        write_atomically(html, page)
    if exit_code and article.text != article.original_text:
        raise typer.Exit(1)


@app.command()
def detect(
    path: str = typer.Argument(..., help="The article, or - for stdin."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON (languages per block, every finding) instead of text."),
    lang: Optional[str] = LangOption,
    disable_rule: list[str] = DisableOption,
) -> None:
    """List the language of every block and the artifacts found, changing nothing: a lint.

    Exit codes: 0 no artifacts; 1 artifacts found; 2 bad usage or unreadable input.
    """
    from .explain import detect_lines, detect_report
    from .pipeline import detect_artifacts

    config = _config(lang, True, None, "flagged", disable_rule)
    try:
        decoded = read_input(path)
        article = detect_artifacts(decoded.text, config)
    except CleanupError as err:
        _fail(str(err), err.exit_code)
    _encoding_note(path, decoded.encoding)
    if json_output:
        data = detect_report(article, config, path=path, encoding=decoded.encoding)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(detect_lines(article)) + "\n")
    sys.stdout.flush()
    if article.findings:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()


def _register_train() -> None:
    """`cleanup train` is `python -m cleanup.training`: one implementation, two doors."""
    from .training.__main__ import main as train_main

    app.command(
        "train",
        help="Train (or resume) the seq2seq repair model from the corpus (development checkouts: "
        "the shared corpus folder beside the checkout, or $CLEANUP_CORPUS_DIR). Checkpoints in runs/<name>/; improvements are "
        "exported to models/cleanup-t5-small/. Logs on stderr; prints the best model's path.",
    )(train_main)


def _register_train_chooser() -> None:
    from .training.chooser import main as chooser_main

    app.command(
        "train-chooser",
        help="Fit the chooser among a flagged span's repairs for a model directory (its chooser.json), on "
        "simulated held-out corpus lines (development checkouts, as `cleanup train`). About 30 minutes on 2 cores; seconds with --records DIR once the spans are recorded.",
    )(chooser_main)


_register_train()
_register_train_chooser()
