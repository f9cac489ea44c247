"""Systems under evaluation: articlecli, a do-nothing baseline and third-party peers.

A system is built once per worker process by its factory and then called as
``system(text, doc) -> Prediction``; ``doc`` gives peers what the text alone
lacks (the document language for jusText's stoplist, the original HTML).
Peers (trafilatura, jusText) come from the optional ``bench`` extra and are
imported only when asked for.
"""

from __future__ import annotations

import codecs
import gzip
import html
import logging
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from bench.corpus import Doc
from bench.scoring import Prediction

System = Callable[[str, Doc], Prediction]
PEER_EXTRA = "pip install 'articlecli[bench]'  (trafilatura, justext, lxml_html_clean, readability-lxml, newspaper4k)"


class SystemUnavailable(RuntimeError):
    """The system cannot be built at all (missing package): fatal, unlike a per-doc error."""


def _require(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise SystemUnavailable(f"cannot import {module} ({exc}); {PEER_EXTRA}") from exc


def from_text(fn: Callable[[str], Prediction]) -> System:
    """Adapt a plain ``text -> Prediction`` function to the system signature."""
    return lambda text, _doc: fn(text)


# --- articlecli ---------------------------------------------------------------


def prediction_from_article(article: Any) -> Prediction:
    """Body B = non-empty headings and paragraphs in order, joined by '\\n' (README)."""
    headings: list[str] = []
    blocks: list[str] = []
    for section in article.sections or ():
        if section.heading and section.heading.strip():
            headings.append(section.heading)
            blocks.append(section.heading)
        blocks.extend(p for p in section.paragraphs if p)
    return Prediction(
        title=article.title,
        authors=tuple(article.authors or ()),
        published=article.published,
        headings=tuple(headings),
        body="\n".join(blocks),
    )


def articlecli_system() -> System:
    try:
        from articlecli import parse_text
    except Exception as exc:  # any failure to import the parser makes the run meaningless
        raise SystemUnavailable(f"cannot import articlecli.parse_text: {exc!r}") from exc

    def run(text: str, doc: Doc) -> Prediction:
        return prediction_from_article(parse_text(text, source=str(doc.text_path)))

    return run


# Where articlecli-learn finds its profile: bench/evaluate.py learns it once, before the workers start.
PROFILE_ENV = "ARTICLECLI_BENCH_PROFILE"


def articlecli_learn_system() -> System:
    """articlecli with a site profile learned from the whole corpus first, as `batch --learn` would do
    (see evaluate.learn_corpus_profile); each page uses its site's template, if its site was learned."""
    import os

    try:
        from articlecli import ParseOptions, parse_text
        from articlecli.site.profile import load_profile, match_site
    except Exception as exc:
        raise SystemUnavailable(f"cannot import articlecli's site learner: {exc!r}") from exc
    path = os.environ.get(PROFILE_ENV)
    if not path:
        raise SystemUnavailable(f"articlecli-learn needs a learned profile in ${PROFILE_ENV} (use evaluate.py --learn)")
    profile = load_profile(path)

    def run(text: str, doc: Doc) -> Prediction:
        match = match_site(profile, url=doc.url, path=doc.text_path)
        options = ParseOptions(site=match.site)
        return prediction_from_article(parse_text(text, source=str(doc.text_path), options=options))

    return run


def read_html_bytes(doc: Doc) -> bytes:
    """The page as saved: its own bytes, in its own encoding (decoding is the system's job)."""
    with gzip.open(doc.html_path) as fh:
        return fh.read()


def articlecli_html_system() -> System:
    """articlecli on the original page bytes (the HTML front end), not on the text dump."""
    try:
        from articlecli import parse_html
    except Exception as exc:
        raise SystemUnavailable(f"cannot import articlecli.parse_html: {exc!r}") from exc

    def run(_text: str, doc: Doc) -> Prediction:
        return prediction_from_article(parse_html(read_html_bytes(doc), source=str(doc.html_path), url=doc.url))

    return run


def baseline_system() -> System:
    return from_text(lambda text: Prediction(body=text))


# --- shared helpers for the HTML-based peers -----------------------------------


def lines_as_html(text: str) -> str:
    """The dump as a minimal HTML page, one <p> per non-blank line."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{paragraphs}\n</body></html>'


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG decodes these labels as windows-1252.
_AS_CP1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _cp1252_for_stray_bytes(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    chunk = err.object[err.start : err.end]
    return chunk.decode("cp1252", errors="replace"), err.end


codecs.register_error("bench-cp1252", _cp1252_for_stray_bytes)


def decode_html(raw: bytes) -> str:
    """Decode page bytes in the corpus builder's order: BOM, UTF-8, <meta>, UTF-8+cp1252, guess."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw[:8192])
    if match:
        label = match.group(1).decode("ascii").lower()
        label = "cp1252" if label in _AS_CP1252 else label
        try:
            return raw.decode(label, errors="replace")
        except LookupError:
            pass
    if re.search(rb"[\xc2-\xf4][\x80-\xbf]", raw):
        return raw.decode("utf-8", errors="bench-cp1252")
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def read_html(doc: Doc) -> str:
    with gzip.open(doc.html_path) as fh:
        return decode_html(fh.read())


# --- trafilatura -----------------------------------------------------------------


def _split_authors(value: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (value or "").split(";") if a.strip())


def _head_texts(body: Any) -> tuple[str, ...]:
    if body is None:
        return ()
    texts = (" ".join("".join(el.itertext()).split()) for el in body.iter("head"))
    return tuple(t for t in texts if t)


def _from_trafilatura(document: Any) -> Prediction:
    if document is None:
        return Prediction()
    # Comments are left out: with them, the HTML body F1 falls from the reference 0.832 to 0.828.
    body = document.text or ""
    return Prediction(
        title=document.title,
        authors=_split_authors(document.author),
        published=document.date,
        headings=_head_texts(document.body),
        body=body,
    )


def _trafilatura() -> Callable[..., Any]:
    _require("trafilatura")
    from trafilatura import bare_extraction

    # Per-document warnings ("discarding data", dateutil's unknown time zones) would flood the report.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module=r"dateutil\..*")
    return bare_extraction


def trafilatura_text_system() -> System:
    extract = _trafilatura()
    return from_text(lambda text: _from_trafilatura(extract(lines_as_html(text), with_metadata=True)))


def trafilatura_html_system() -> System:
    extract = _trafilatura()

    def run(_text: str, doc: Doc) -> Prediction:
        return _from_trafilatura(extract(read_html(doc), url=doc.url, with_metadata=True))

    return run


# --- readability-lxml ------------------------------------------------------------

_READABILITY_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "dd", "dt")
_READABILITY_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def readability_html_system() -> System:
    """readability-lxml (Mozilla Readability's Python port): title = short_title(), body = the summary's blocks."""
    _require("readability")
    from lxml import html as lxml_html
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)

    def run(_text: str, doc: Doc) -> Prediction:
        document = Document(read_html(doc), url=doc.url)
        summary = lxml_html.fromstring(document.summary(html_partial=True))
        blocks: list[str] = []
        headings: list[str] = []
        for element in summary.iter(*_READABILITY_BLOCKS):
            # The innermost blocks only: an <li> holding a <p> is read once, through the <p>.
            if any(True for _ in element.iterdescendants(*_READABILITY_BLOCKS)):
                continue
            text = " ".join(element.text_content().split())
            if text:
                blocks.append(text)
                if element.tag in _READABILITY_HEADINGS:
                    headings.append(text)
        return Prediction(title=document.short_title() or None, headings=tuple(headings), body="\n".join(blocks))

    return run


# --- newspaper4k ------------------------------------------------------------------

_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _newspaper_headings(top_node: Any, body_lines: set[str]) -> tuple[str, ...]:
    """The heading elements of newspaper's article node whose text it kept as a line of its text.

    newspaper4k returns its body as plain text (headings are lines of it); the heading tags of the
    node it chose, filtered to what its text kept, are the headings it extracted."""
    if top_node is None:
        return ()
    texts = (" ".join(el.text_content().split()) for el in top_node.iter(*_HEADING_TAGS))
    return tuple(text for text in texts if text and text in body_lines)


def newspaper_html_system() -> System:
    """newspaper4k on the page's HTML (given to it, never downloaded): its title, authors,
    publish_date and text, with its defaults (the page's own <html lang> / meta language)."""
    # Its import warns that nltk (only for its keyword/summary features) is missing.
    warnings.filterwarnings("ignore", module=r"newspaper\..*")
    _require("newspaper")
    import newspaper

    logging.getLogger("newspaper").setLevel(logging.CRITICAL)

    def run(_text: str, doc: Doc) -> Prediction:
        article = newspaper.Article(doc.url or "http://localhost/", fetch_images=False)
        article.download(input_html=read_html(doc))
        article.parse()
        lines = [" ".join(line.split()) for line in (article.text or "").split("\n")]
        lines = [line for line in lines if line]
        published = article.publish_date
        return Prediction(
            title=article.title or None,
            authors=tuple(article.authors or ()),
            # newspaper gives the page's own local time; its calendar day is what the page states.
            published=published.date().isoformat() if published is not None else None,
            headings=_newspaper_headings(article.top_node, set(lines)),
            body="\n".join(lines),
        )

    return run


# --- jusText -----------------------------------------------------------------------

_STOPLIST_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "an": "Aragonese", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian", "kk": "Kazakh", "ko": "Korean",
    "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese",
}  # fmt: skip


def justext_text_system() -> System:
    justext = _require("justext")
    available = set(justext.get_stoplists())
    cache: dict[str, frozenset[str]] = {}

    def stoplist(language: str | None) -> frozenset[str]:
        name = _STOPLIST_NAMES.get(language or "", "English")
        name = name if name in available else "English"
        if name not in cache:
            cache[name] = justext.get_stoplist(name)
        return cache[name]

    def run(text: str, doc: Doc) -> Prediction:
        paragraphs = justext.justext(lines_as_html(text), stoplist(doc.language))
        return Prediction(body="\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


SYSTEMS: dict[str, Callable[[], System]] = {
    "articlecli": articlecli_system,
    "articlecli-learn": articlecli_learn_system,
    "baseline": baseline_system,
    "trafilatura-text": trafilatura_text_system,
    "justext-text": justext_text_system,
    "trafilatura-html": trafilatura_html_system,
    "articlecli-html": articlecli_html_system,
    "readability-html": readability_html_system,
    "newspaper-html": newspaper_html_system,
}


def build(name: str) -> System:
    try:
        factory = SYSTEMS[name]
    except KeyError:
        raise SystemUnavailable(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}") from None
    return factory()


def check_available(names: Iterable[str]) -> None:
    """Build every system once in the parent so a missing package fails before the pool starts."""
    for name in names:
        build(name)
