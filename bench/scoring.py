"""Per-document metrics, exactly as defined in the corpus README ("Metrics").

Everything here is a pure function of a prediction and a gold record, so the
definitions can be unit-tested on hand-computed cases (tests/test_scoring.py).
A metric that is not defined for a document is ``None`` and is left out of the
macro average; snippet metrics return (found, total) so they can be summed
(micro) over the corpus.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Gold = Mapping[str, Any]
Scores = dict[str, float | None]

_APOSTROPHES = "‘’‚‛′‵´`ʼʹ‹›"
_QUOTES = "“”„‟″‶«»〝〞"
_DASHES = "‐‑‒–—―−⸺⸻﹘﹣"
# Regex substitution rather than str.translate: these characters are rare and
# translate walks every character of large bodies in Python-level lookups.
_FOLDS = tuple(
    (re.compile(f"[{re.escape(chars)}]"), repl) for chars, repl in ((_APOSTROPHES, "'"), (_QUOTES, '"'), (_DASHES, "-"))
)


def _category_class(category: str) -> str:
    """A regex character class of every code point in `category`, as ranges (a long list of single chars is slow)."""
    points = [i for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == category]
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


_CF = re.compile(_category_class("Cf"))
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_LEADING_BY = re.compile(r"^by\b")
# Ideographs and kana: scored one token per character for the zh/ja variant,
# because \w+ makes a whole unspaced CJK run a single token.
_CJK = (
    "\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
_CJK_WORD = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_TRIM_CATEGORIES = frozenset("PSZC")
SHINGLE = 4
LENIENT_RATIO = 0.9


@dataclass(frozen=True)
class Prediction:
    """What a system outputs for one document, reduced to the scored fields."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    headings: tuple[str, ...] = ()
    body: str = ""


EMPTY = Prediction()


# --- normalisation ---------------------------------------------------------


def n_text(s: str) -> str:
    """N_text: the README order (NFKC first, so e.g. '″' has become two primes before mapping)."""
    s = unicodedata.normalize("NFKC", s).casefold()
    for pattern, repl in _FOLDS:
        s = pattern.sub(repl, s)
    s = _CF.sub("", s)
    return _WS.sub(" ", s).strip()


def _trim(s: str) -> str:
    start, end = 0, len(s)
    while start < end and unicodedata.category(s[start])[0] in _TRIM_CATEGORIES:
        start += 1
    while end > start and unicodedata.category(s[end - 1])[0] in _TRIM_CATEGORIES:
        end -= 1
    return s[start:end]


def n(s: str) -> str:
    """N: N_text with leading/trailing punctuation, symbols, separators and controls trimmed."""
    return _trim(n_text(s))


def n_author(s: str) -> str:
    """N for author names, which also lose a leading 'by' ("By: Jane" -> "jane")."""
    return _trim(_LEADING_BY.sub("", n(s)))


# --- title, authors, date ---------------------------------------------------


def title_scores(pred: str | None, gold: Gold) -> Scores:
    """Exact and lenient title match, plus the difflib ratio (for --worst)."""
    if not gold.get("title") or not _visible(gold).get("title"):
        return {"title_exact": None, "title_lenient": None, "title_ratio": None}
    want = n(gold["title"])
    got = n(pred) if pred else None
    ratio = 0.0 if got is None else difflib.SequenceMatcher(None, got, want).ratio()
    return {
        "title_exact": float(got == want),
        "title_lenient": float(ratio >= LENIENT_RATIO),
        "title_ratio": ratio,
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def author_scores(pred: Sequence[str], gold: Gold) -> Scores:
    none: Scores = dict.fromkeys(("authors_p", "authors_r", "authors_f1", "authors_exact"))
    authors = gold.get("authors") or []
    flags = _visible(gold).get("authors") or [False] * len(authors)
    visible = {n_author(a) for a, seen in zip(authors, flags, strict=False) if seen}
    if not visible:
        return none
    every = {n_author(a) for a in authors}
    out = {name for name in map(n_author, pred) if name}
    p = len(out & every) / len(out) if out else None
    r = len(out & visible) / len(visible)
    return {
        "authors_p": p,
        "authors_r": r,
        "authors_f1": _f1(p, r) if p is not None else 0.0,
        "authors_exact": float(visible <= out <= every),
    }


def date_scores(pred: str | None, gold: Gold) -> Scores:
    want = gold.get("published")
    if not want:
        return {"date_acc": None, "date_wrong": None}
    day = pred.strip()[:10] if pred and pred.strip() else None
    acc = float(day == want) if _visible(gold).get("published") else None
    return {"date_acc": acc, "date_wrong": float(day is not None and day != want)}


# --- headings ---------------------------------------------------------------


def _overlap(a: Counter[Any], b: Counter[Any]) -> int:
    return sum((a & b).values())


def heading_scores(pred: Sequence[str], gold: Gold) -> Scores:
    none: Scores = {"headings_p": None, "headings_r": None, "headings_f1": None}
    headings = gold.get("headings") or []
    flags = _visible(gold).get("headings") or [False] * len(headings)
    visible = Counter(n(h) for h, seen in zip(headings, flags, strict=False) if seen)
    if not visible:
        return none
    every = Counter(n(h) for h in headings)
    out = Counter(n(h) for h in pred if h and h.strip())
    size = sum(out.values())
    p = _overlap(out, every) / size if size else None
    r = _overlap(out, visible) / sum(visible.values())
    return {"headings_p": p, "headings_r": r, "headings_f1": _f1(p, r) if p is not None else 0.0}


# --- body -------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def cjk_tokens(text: str) -> list[str]:
    """Tokens with one token per CJK ideograph or kana, other words as \\w+ runs."""
    return _CJK_WORD.findall(text.lower())


def shingles(toks: Sequence[str], size: int = SHINGLE) -> list[tuple[str, ...]]:
    if not toks:
        return []
    if len(toks) < size:
        return [tuple(toks)]
    return [tuple(toks[i : i + size]) for i in range(len(toks) - size + 1)]


def prf(pred: Sequence[Any], gold: Sequence[Any]) -> tuple[float, float, float]:
    """WCXB word_f1 over any token sequences, with its edge cases."""
    if not gold:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    hit = _overlap(Counter(pred), Counter(gold))
    p, r = hit / len(pred), hit / len(gold)
    return p, r, _f1(p, r)


def _named(prefix: str, values: tuple[float, float, float] | None) -> Scores:
    if values is None:
        return {f"{prefix}_p": None, f"{prefix}_r": None, f"{prefix}_f1": None}
    p, r, f = values
    return {f"{prefix}_p": p, f"{prefix}_r": r, f"{prefix}_f1": f}


def body_scores(body: str, gold: Gold) -> Scores:
    """Bag-of-words and 4-shingle P/R/F1; zh/ja docs also get the per-character variant."""
    want = gold.get("body")
    if want is None:
        scores = {**_named("body", None), **_named("shingle", None), **_named("cjk", None)}
        return {**scores, "pred_tokens": len(tokens(body)), "gold_tokens": 0}
    got_toks, want_toks = tokens(body), tokens(want)
    sizes = {"pred_tokens": len(got_toks), "gold_tokens": len(want_toks)}
    cjk = None
    if gold.get("language") in ("zh", "ja"):
        cjk = prf(cjk_tokens(body), cjk_tokens(want))
    return {
        **_named("body", prf(got_toks, want_toks)),
        **_named("shingle", prf(shingles(got_toks), shingles(want_toks))),
        **_named("cjk", cjk),
        **sizes,
    }


# --- snippets ---------------------------------------------------------------


def snippet_counts(body_norm: str, snippets: Iterable[str] | None) -> tuple[int, int] | None:
    """(found, total) where found = N(snippet) is a substring of N_text(B); None if no snippets."""
    if not snippets:
        return None
    wanted = list(snippets)
    return sum(n(s) in body_norm for s in wanted), len(wanted)


def snippet_scores(body: str, gold: Gold) -> dict[str, int | None]:
    body_norm = n_text(body)
    out: dict[str, int | None] = {}
    for key, name in (("with", "hit"), ("without", "leak")):
        counts = snippet_counts(body_norm, gold.get(key))
        out[f"{name}_found"], out[f"{name}_total"] = counts if counts else (None, None)
    return out


# --- one document -----------------------------------------------------------


def _visible(gold: Gold) -> Mapping[str, Any]:
    return gold.get("visible") or {}


def score_document(pred: Prediction, gold: Gold) -> dict[str, float | int | None]:
    """Every per-document metric; None marks a metric undefined for this doc."""
    return {
        **title_scores(pred.title, gold),
        **author_scores(pred.authors, gold),
        **date_scores(pred.published, gold),
        **heading_scores(pred.headings, gold),
        **body_scores(pred.body, gold),
        **snippet_scores(pred.body, gold),
        "coverage": float(bool(pred.body.strip())),
    }
