"""Render a `cleanup diff --html` page in a real headless browser and check that it shows
the changes.

It installs nothing: it uses Chromium from the system (Debian: ``apt-get install -y
chromium``; default path /usr/bin/chromium, or ``--chromium PATH``). Chromium runs
headless, without sandbox, GPU, network services or a profile of its own (a throw-away
``--user-data-dir``), twice on the same page:

1. ``--dump-dom``: the DOM after the page loaded must hold the summary and as many
   ``<ins>`` / ``<del>`` elements as the generated page, each with its ``title`` (kind ·
   rule · reason) and ``data-rule``;
2. ``--screenshot``: the rendered image must contain the highlight colours of insertions
   and deletions, i.e. the changes are visible, not only present in the markup.

Usage::

    python scripts/check_html_in_browser.py [ARTICLE] [--chromium PATH] [--keep DIR]

ARTICLE defaults to a built-in article with known artifacts. Exit 0 when every check
passes, 1 when one fails (each failure on stderr), 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup import Config, clean_article  # noqa: E402
from cleanup.explain import html_diff_page  # noqa: E402

ARTICLE = (
    "Ukrainian forces repel attacks as kyiv asks allies for air defense\n\n"
    "By Jane Doe\n\n"
    "The General Staff of the Ukrainian Armed ForcesThey said that troops had repelled more than 20 "
    "attacks near Bakhmut.The claims could not be independently verified.\n\n"
    "Soldiers near Bakhmut. (Photo: STRINGER / AFP)\n\n"
    "The Kremlin dismissed the announcement <and> accused the West of escalating the war.\n\n"
    "(With information from Reuters)\n"
)

#: The backgrounds the page's CSS gives <ins> and <del> (see cleanup/explain.py, _CSS).
INS_RGB = (0xCC, 0xF2, 0xD1)
DEL_RGB = (0xFF, 0xD7, 0xD5)

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                  "--disable-extensions", "--mute-audio")


def run_chromium(chromium: str, workdir: Path, *args: str) -> subprocess.CompletedProcess:
    profile = workdir / "profile"
    return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows (RGB or RGBA bytes) of an 8-bit non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride, rows, prev = width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(row) if bpp == 3 else bytes(v for j, v in enumerate(row) if j % 4 != 3))
        prev = row
    return width, height, rows


def count_colour(rows: list[bytes], rgb: tuple[int, int, int], tolerance: int = 8) -> int:
    n = 0
    for row in rows:
        for i in range(0, len(row), 3):
            if all(abs(row[i + k] - rgb[k]) <= tolerance for k in range(3)):
                n += 1
    return n


def check(article_text: str, chromium: str, workdir: Path) -> list[str]:
    """Every failed check, as a sentence; empty when the page renders and shows the changes."""
    config = Config(use_model=False)
    article = clean_article(article_text, config)
    if not article.edits:
        return ["the article has no edits: nothing to show (pick an article with artifacts)"]
    page = html_diff_page(article, config, path="check.txt")
    page_file = workdir / "diff.html"
    page_file.write_text(page, encoding="utf-8")
    url = page_file.resolve().as_uri()
    failures = []

    if re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page) or "<script" in page or "<link" in page:
        failures.append("the page is not self-contained: it refers to an external asset or runs a script")

    dumped = run_chromium(chromium, workdir, "--dump-dom", url)
    dom = dumped.stdout
    if dumped.returncode != 0 or "<body" not in dom:
        return failures + [f"chromium --dump-dom failed (exit {dumped.returncode}): {dumped.stderr.strip()[-500:]}"]
    (workdir / "dom.html").write_text(dom, encoding="utf-8")
    expected_ins, expected_del = page.count("<ins "), page.count("<del ")
    got_ins, got_del = len(re.findall(r"<ins\b", dom)), len(re.findall(r"<del\b", dom))
    if (got_ins, got_del) != (expected_ins, expected_del) or not got_ins:
        failures.append(f"the rendered DOM has {got_ins} <ins> and {got_del} <del>; the page has "
                        f"{expected_ins} and {expected_del}")
    if 'id="summary"' not in dom or "By kind" not in dom:
        failures.append("the summary is missing from the rendered DOM")
    for edit in article.edits:
        if f'data-rule="{edit.rule}' not in dom and f" {edit.rule}" not in dom:
            failures.append(f"edit {edit.rule} is not marked in the rendered DOM")
    titled = re.findall(r'<(?:ins|del) title="([^"]*)"', dom)
    if not titled or not all(" · " in t for t in titled):
        failures.append("a change has no 'kind · rule · reason' title to show on hover")
    if "&lt;and&gt;" in page and "<and>" in dom:
        failures.append("article text was not escaped: it became markup")

    shot = workdir / "diff.png"
    shown = run_chromium(chromium, workdir, "--window-size=1100,900", f"--screenshot={shot}", url)
    if shown.returncode != 0 or not shot.exists():
        return failures + [f"chromium --screenshot failed (exit {shown.returncode}): {shown.stderr.strip()[-500:]}"]
    width, height, rows = png_pixels(shot.read_bytes())
    green, red = count_colour(rows, INS_RGB), count_colour(rows, DEL_RGB)
    if green < 50 or red < 50:
        failures.append(f"the screenshot ({width}x{height}) shows {green} insertion-coloured and {red} "
                        "deletion-coloured pixels: the changes are not visibly highlighted")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", nargs="?", type=Path, help="an article with artifacts (default: built in)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the Chromium binary")
    parser.add_argument("--keep", type=Path, help="keep the page, the dumped DOM and the screenshot in this folder")
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"check_html_in_browser: {args.chromium} not found; install it with `apt-get install -y chromium` "
              "or pass --chromium PATH", file=sys.stderr)
        return 2
    text = args.article.read_text(encoding="utf-8") if args.article else ARTICLE
    with tempfile.TemporaryDirectory(prefix="cleanup-html-check-") as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        failures = check(text, args.chromium, workdir)
    for failure in failures:
        print(f"check_html_in_browser: FAIL: {failure}", file=sys.stderr)
    if not failures:
        print("check_html_in_browser: ok: the diff page renders in headless Chromium and shows every change")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
