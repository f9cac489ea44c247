"""Properties that hold for any input text: no exceptions, determinism, every line accounted for."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlecli import parse_bytes, parse_text
from articlecli.errors import ArticleError
from articlecli.frontends.decoding import normalize_text
from articlecli.header.line_rest import REST_REASONS
from articlecli.labeller.inbody import BODY_LABELS
from articlecli.records.dates import find_dates
from articlecli.render.json_out import render_explain_json, render_json, render_jsonl

SENTENCES = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring.",
    "Residents said they were worried about longer journeys to work, while cycling groups welcomed it.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux voitures.",
    "Selon un rapport de Bloomberg, des responsables russes ont affirmé que Moscou a poussé Assad à fuir.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für Autos zu sperren.",
    "El ayuntamiento votó el martes cerrar el viejo puente del puerto a los coches.",
    "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte del porto.",
    "東京都は火曜日、古い港の橋を来春から車両通行止めにすると発表した。",
    "Городской совет во вторник проголосовал за закрытие старого моста для автомобилей.",
    "« Nous avons reçu plus de deux cents appels en six heures », a déclaré le maire.",
]
SHORT_LINES = [
    "Home > News > World",
    "Accueil » Politique",
    "By Jane Doe",
    "by Sara",
    "Par Marie Dupont et Luc Martin",
    "Syrie, Russie",
    "Tags: bridges, transport",
    "December 14, 2024",
    "14.12.2024",
    "5 min read",
    "Published: December 14, 2024 Updated: December 15, 2024",
    # Metadata lines that say more than their date (each piece must reach a field or `removed`)
    "12.03.2024 | Politik | Stadtrat beschließt neue Radwege",
    "Stand: 14.12.2024 10:00 Uhr | Von Anna Müller, NDR",
    "March 3, 2024 by Jane Smith in Oceans, Biology",
    "2024年3月12日 作者：李明",
    "Harbour bridge to close | The Harbour Gazette",
    "You may also like",
    "Leave a Comment",
    "Share this:",
    "Advertisement",
    "Previous article",
    "© 2024 Harbour Gazette. All rights reserved.",
    "Les raisons de la fuite",
    "What happens next?",
    "1. Running too fast",
    "Home",
    "News",
    "Contact",
    "Ingredients",
    "Reply",
    "Lesen Sie auch",
    "Vous aimerez aussi",
    "x",
    "—",
    "…",
    "***",
    "----",
    "|",
    ">",
]
MARKDOWN_BITS = [
    "# Floods hit the old town",
    "## Why the river rose",
    "###### Deep heading",
    "#",
    "# ",
    "- 250 g flour",
    "* [Home](https://example.com/)",
    "1. Unplug the router.",
    "> A quoted sentence here.",
    "![Aerial view](https://cdn.example.com/a.jpg)",
    "[full report](https://example.org/r.pdf)",
    'Read the [full report](https://example.org/r.pdf "PDF") **now**.',
    "[]()",
    "![]()",
    "`code`",
    "| a | b |",
    "---",
    "\\*escaped\\*",
    "[unclosed](http://",
    "**",
    "_",
    "<div>raw html</div>",
]
ODD_CHARS = "\u00a0\u200b\u00ad\ufeff\u202f\u2028\u0301\t\x0c\x85ÃÂâ€™©»«’“”"

unicode_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    max_size=60,
)
odd_line = st.text(alphabet=st.sampled_from(ODD_CHARS + "abc DEF .,:"), max_size=20)
sentence_fragment = st.sampled_from(SENTENCES).map(lambda s: s[: len(s) // 2])

line = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SHORT_LINES),
    st.sampled_from(MARKDOWN_BITS),
    sentence_fragment,
    st.just(""),
    st.just("   "),
    unicode_line,
    odd_line,
)
line_break = st.sampled_from(["\n", "\n", "\n", "\n\n", "\r\n", "\r"])


@st.composite
def scrape(draw) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=40))
    breaks = draw(st.lists(line_break, min_size=len(lines), max_size=len(lines)))
    return "".join(text + brk for text, brk in zip(lines, breaks, strict=True))


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

_BREAKS = re.compile("\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


def non_blank_line_numbers(text: str) -> list[int]:
    """Line numbers (1-based) of the lines with visible content, counted the way the input reads."""
    return [n for n, raw in enumerate(_BREAKS.split(text), start=1) if normalize_text(raw).strip()]


@PROPERTY_SETTINGS
@given(scrape())
def test_parse_text_never_raises(text):
    article = parse_text(text)
    render_json(article)
    render_jsonl(article)
    render_explain_json(article)


@PROPERTY_SETTINGS
@given(scrape())
def test_parse_is_deterministic(text):
    first = render_json(parse_text(text))
    second = render_json(parse_text(text))
    assert first.encode("utf-8") == second.encode("utf-8")


@PROPERTY_SETTINGS
@given(scrape())
def test_every_non_blank_line_decided_and_nothing_lost(text):
    # A glued line may be cut into several pieces, each decided on its own; together they hold
    # every character of the line.
    article = parse_text(text)
    counts = Counter(d.line for d in article.decisions)
    assert sorted(counts) == non_blank_line_numbers(text)
    normalized = normalize_text(text).split("\n")
    for number in counts:
        pieces = "".join(d.text for d in article.decisions if d.line == number)
        assert "".join(pieces.split()) == "".join(normalized[number - 1].split())


@PROPERTY_SETTINGS
@given(scrape())
def test_removed_decisions_are_listed_in_removed(text):
    # `removed` holds the removed lines, and the pieces of kept metadata lines that no field took.
    article = parse_text(text)
    decided = sorted((d.line, d.text.strip(), d.rule) for d in article.decisions if d.label == "removed")
    listed = sorted((r.line, r.text, r.reason) for r in article.removed if r.reason not in REST_REASONS)
    assert decided == listed
    kept = {d.line: d.text.split() for d in article.decisions if d.label != "removed"}
    for r in article.removed:
        if r.reason in REST_REASONS:
            assert all(any(word in kept_word for kept_word in kept[r.line]) for word in r.text.split())


META_LABELS = frozenset({"title", "byline", "date", "breadcrumb", "category", "tag"})
_TOKEN = re.compile(r"[^\W\d_]{2,}")
# Markdown link targets and image sources are markup, not text the article keeps.
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_CLOCK_WORDS = {"am", "pm", "uhr", "h"}


def _tokens(text: str) -> set[str]:
    return {token.casefold() for token in _TOKEN.findall(unicodedata.normalize("NFKC", _LINK_TARGET.sub(" ", text)))}


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """Every word of the metadata label phrases and name conjunctions of every language ("by", "stand", "et")."""
    from articlecli.records.lexicon import available_languages, load_lexicon

    lexicon = load_lexicon(available_languages())
    categories = (
        *("byline-prefix", "published-prefix", "updated-prefix", "other-date-prefix", "category-prefix"),
        *("tag-prefix", "reading-time", "breadcrumb-root", "conjunction"),
    )
    phrases = [phrase for category in categories for phrase in lexicon.phrases(category).exact]
    return frozenset(word for phrase in phrases for word in _tokens(phrase))


def _date_words(text: str) -> set[str]:
    found = find_dates(text, None)
    return {word for item in found for word in _tokens(text[item.start : item.end])}


@PROPERTY_SETTINGS
@given(scrape())
def test_the_text_of_every_line_is_accounted_for(text):
    """Not only each line number: each word of a kept line is in the body or in a metadata field (or is
    the label or the date of a metadata line), and what a metadata line's fields did not take is in
    `removed`."""
    article = parse_text(text)
    body = _tokens(article.text)
    metadata = [article.title or "", *article.authors, *article.categories, *article.tags, *article.breadcrumbs]
    fields = _tokens(" ".join(metadata))
    rest: dict[int, set[str]] = {}
    for item in article.removed:
        rest.setdefault(item.line, set()).update(_tokens(item.text))
    for decision in article.decisions:
        if decision.label == "removed":
            continue
        words = _tokens(decision.text)
        if decision.label in BODY_LABELS:
            missing = words - body
        else:
            assert decision.label in META_LABELS
            missing = words - fields - rest.get(decision.line, set()) - _label_words() - _date_words(decision.text)
            missing -= _CLOCK_WORDS
        assert not missing, (decision, missing)


@PROPERTY_SETTINGS
@given(scrape())
def test_removed_lines_are_not_in_the_body(text):
    article = parse_text(text)
    kept = {(d.line, d.text.strip()) for d in article.decisions if d.label != "removed"}
    assert not kept & {(r.line, r.text) for r in article.removed}
    assert all(r.reason for r in article.removed)


@PROPERTY_SETTINGS
@given(scrape())
def test_sections_are_well_formed(text):
    article = parse_text(text)
    for section in article.sections:
        assert (section.heading is None) == (section.level is None)
        assert section.level is None or 1 <= section.level <= 6
        assert section.heading is None or section.heading.strip() == section.heading != ""
        assert all(p.strip() for p in section.paragraphs)
    assert article.word_count == len(article.text.split())


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.binary(max_size=400))
def test_parse_bytes_raises_only_article_errors(data):
    with contextlib.suppress(ArticleError):
        parse_bytes(data)
