#!/usr/bin/env python
"""Score articlecli on text made by OTHER scrapers from the corpus HTML, beside the corpus's own dumps.

The corpus renders each page with one of four scrapers (bs4-lines, bs4-glued, inscriptis, html2text
Markdown). Users' scrapers are not only those: this re-renders each selected doc's `*.html.gz` (the
whole page, decoded as the corpus builder decodes it) with other common ones and scores articlecli
on every rendering with the corpus metrics (bench/scoring.py). Examples:

  python bench/other_scrapers.py --sample 3                   # every renderer, every third doc
  python bench/other_scrapers.py --sample 3 --render lynx --worst body_f1 --n 10
  python bench/other_scrapers.py --sample 3 --render lynx --dump-dir /tmp/lynx   # keep the dumps to read

A rendering covers the whole page, so the corpus rows are shown for the same docs both over every
scope and over its page-scope docs only (the fair comparison). Visibility (title, authors, headings,
snippets) is recomputed on each rendering as the corpus README defines it: N(value) a substring of
N_text(dump), for Markdown also of the dump without inline Markdown; the date's visibility is the
corpus's own (its parser-based test is the builder's), so Dacc is approximate on new renderings.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from copy import deepcopy
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import report
from bench.corpus import ENV_VAR, Doc, Selection, corpus_dir, load_index
from bench.peers import articlecli_system, read_html
from bench.runner import Record, _timed_call, doc_record
from bench.scoring import EMPTY, n, n_text

Renderer = Callable[[str], str]
# Wall-clock budget for one external browser dump (w3m/lynx); a page past it scores as empty.
BROWSER_TIMEOUT = 30.0
# Terminal width of the text browsers' dumps: their default, so lines wrap as users see them.
BROWSER_COLUMNS = 80
# What every scraper drops before rendering (the corpus's bs4 cleaning; browsers skip these anyway).
_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe")
# A charset declaration in the page: the HTML is handed over already decoded and re-encoded as UTF-8.
_META_CHARSET = re.compile(rb"<meta[^>]+charset[^>]*>", re.IGNORECASE)


def _soup(html: str) -> Any:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    # XHTML pages served as XML: lxml's HTML parser reads them as every such scraper does.
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(list(_DROPPED_TAGS)):
        tag.decompose()
    return soup


def bs4_space(html: str) -> str:
    """The naive scraper: every text node joined by one space, one line for the whole page."""
    return str(_soup(html).get_text(" ", strip=True))


def markdownify_md(html: str) -> str:
    """markdownify with its defaults (setext "===" / "---" headings, `*` escaping), as LLM tools use it."""
    from markdownify import MarkdownConverter

    return str(MarkdownConverter().convert_soup(_soup(html)))


def html_text_plain(html: str) -> str:
    """html-text (Scrapy's): block elements on their own lines, inline text joined."""
    import html_text

    return str(html_text.extract_text(html))


def resiliparse_plain(html: str) -> str:
    """Resiliparse's extract_plain_text over the whole page (main_content off: a scraper, not an extractor)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return str(extract_plain_text(HTMLTree.parse(html), main_content=False))


def _browser(command: Sequence[str]) -> Renderer:
    def render(html: str) -> str:
        page = _META_CHARSET.sub(b"", html.encode("utf-8"))
        done = subprocess.run(command, input=page, capture_output=True, timeout=BROWSER_TIMEOUT, check=True)
        return done.stdout.decode("utf-8", errors="replace")

    return render


_W3M = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", str(BROWSER_COLUMNS)]
_LYNX = ["lynx", "-dump", "-stdin", "-force_html", "-nomargins", "-assume_charset=utf-8", "-display_charset=utf-8"]
RENDERERS: dict[str, Renderer] = {
    "bs4-space": bs4_space,
    "markdownify": markdownify_md,
    "html-text": html_text_plain,
    "resiliparse": resiliparse_plain,
    "w3m": _browser(_W3M),
    "lynx": _browser([*_LYNX, f"-width={BROWSER_COLUMNS}"]),
}
MARKDOWN_RENDERERS = frozenset({"markdownify"})
_EXTERNAL = {"w3m": "w3m", "lynx": "lynx"}


# --- visibility on a new rendering ----------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def strip_inline_markdown(text: str) -> str:
    """The dump with links, images, emphasis and backslash escapes removed (the README's Markdown view)."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_ESCAPE.sub(r"\1", text)


def revisible(gold: Mapping[str, Any], dump: str, markdown: bool) -> dict[str, Any]:
    """The gold with its `visible` flags recomputed on `dump` (the date's flag is kept, see the docstring)."""
    views = [n_text(dump)] + ([n_text(strip_inline_markdown(dump))] if markdown else [])

    def seen(value: str) -> bool:
        wanted = n(value)
        return bool(wanted) and any(wanted in view for view in views)

    out = deepcopy(dict(gold))
    visible = dict(out.get("visible") or {})
    visible["title"] = bool(gold.get("title")) and seen(gold["title"])
    for key in ("authors", "headings", "with", "without"):
        values = gold.get(key)
        visible[key] = None if values is None else [seen(v) for v in values]
    out["visible"] = visible
    return out


# --- running ----------------------------------------------------------------------------------------------


def _record(doc: Doc, renderer: str, gold: Mapping[str, Any], pred: Any, seconds: float, error: str | None) -> Record:
    return doc_record("articlecli", doc, gold, pred, seconds, error, renderer=renderer, path=doc.html_path)


_parser: Any = None


def _parse(text: str, doc: Doc) -> tuple[Any, float, str | None]:
    global _parser
    if _parser is None:
        _parser = articlecli_system()
    return _timed_call(_parser, text, doc, BROWSER_TIMEOUT * 2)


def score_task(task: tuple[Doc, str, str | None]) -> Record:
    """One (doc, renderer) pair: render (unless it is the corpus's own dump), parse, score."""
    doc, renderer, dump_dir = task
    gold = doc.read_gold()
    if renderer == "corpus":
        pred, seconds, error = _parse(doc.read_text(), doc)
        return _record(doc, f"corpus:{doc.renderer}", gold, pred, seconds, error)
    render_error: str | None = None
    try:
        text = RENDERERS[renderer](read_html(doc))
    except Exception as exc:  # a renderer crash or timeout on one page scores that page as empty
        text, render_error = "", f"render: {type(exc).__name__}: {exc}"[:300]
    if dump_dir:
        folder = Path(dump_dir) / renderer / doc.dataset
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc.id}.txt").write_text(text, encoding="utf-8")
    gold = revisible(gold, text, renderer in MARKDOWN_RENDERERS)
    pred, seconds, error = _parse(text, doc) if text.strip() else (EMPTY, 0.0, None)
    return _record(doc, renderer, gold, pred, seconds, render_error or error)


def run(docs: Sequence[Doc], renderers: Sequence[str], workers: int, dump_dir: str | None) -> list[Record]:
    tasks = [(doc, name, dump_dir) for name in ["corpus", *renderers] for doc in docs]
    if workers <= 1:
        return [score_task(t) for t in tasks]
    with multiprocessing.Pool(workers) as pool:
        return list(pool.imap(score_task, tasks, chunksize=4))


# --- report -----------------------------------------------------------------------------------------------


def figures_by_row(records: Sequence[Record], renderers: Sequence[str]) -> dict[str, report.Figures]:
    """One row per rendering: the corpus's own dumps (all, page scope, each renderer), then each new one."""
    own = [r for r in records if r["renderer"].startswith("corpus:")]
    rows: dict[str, list[Record]] = {
        "corpus (own 4, all scopes)": own,
        "corpus (own 4, page scope)": [r for r in own if r["scope"] == "page"],
    }
    for name in sorted({r["renderer"] for r in own}):
        rows[name] = [r for r in own if r["renderer"] == name]
    for name in renderers:
        rows[name] = [r for r in records if r["renderer"] == name]
    out = {}
    for label, rows_of in rows.items():
        figures = report.Figures()
        report.aggregate_group(rows_of, "all", figures)
        out[label] = figures
    return out


def print_table(records: Sequence[Record], renderers: Sequence[str], out: Any = sys.stdout) -> None:
    rows = figures_by_row(records, renderers)
    print(report.table(rows, ["all"]), file=out)
    print(report.LEGEND, file=out)
    for name in renderers:
        errors = report.errors_summary([r for r in records if r["renderer"] == name], first=3)
        if errors["count"]:
            print(f"{name}: {errors['count']} docs failed (scored as empty): {'; '.join(errors['first'])}", file=out)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.split("\n")[2:]) if __doc__ else None,
    )
    p.add_argument("--render", action="append", choices=list(RENDERERS), help="renderer(s) (default all)")
    p.add_argument("--corpus", help=f"corpus directory (default ${ENV_VAR}, else ../shared/corpus)")
    p.add_argument("--dataset", action="append", default=[])
    p.add_argument("--sample", type=int, default=3, metavar="K", help="every K-th doc by (dataset, id)")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--worst", choices=list(report.WORST), help="list the worst docs per new renderer")
    p.add_argument("--n", type=int, default=10, help="rows for --worst")
    p.add_argument("--dump-dir", help="write each rendering to DIR/<renderer>/<dataset>/<id>.txt")
    p.add_argument("--per-doc", type=Path, metavar="OUT.jsonl", help="write per-doc scores")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    renderers = list(dict.fromkeys(args.render or RENDERERS))
    missing = [name for name in renderers if name in _EXTERNAL and shutil.which(_EXTERNAL[name]) is None]
    if missing:
        print(f"other_scrapers: not installed: {', '.join(missing)} (apt-get install w3m lynx)", file=sys.stderr)
        return 2
    root = corpus_dir(args.corpus)
    if not (root / "index.jsonl").is_file():
        print(f"other_scrapers: no evaluation corpus at {root}", file=sys.stderr)
        return 2
    docs = Selection(datasets=tuple(args.dataset), sample=args.sample, limit=args.limit).apply(load_index(root))
    records = run(docs, renderers, args.workers, args.dump_dir)
    print(f"articlecli on {len(docs)} docs from {root}, each rendered by the corpus and by {len(renderers)} more")
    print_table(records, renderers)
    if args.per_doc:
        from bench.compare import write_records

        write_records(args.per_doc, records)
    if args.worst:
        for name in renderers:
            print(f"\n== worst {args.worst} for {name} ==")
            print(report.worst([r for r in records if r["renderer"] == name], args.worst, args.n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
