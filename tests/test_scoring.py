"""Hand-computed cases for the corpus README's metric definitions (bench/scoring.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gate, peers, report
from bench.corpus import Selection, load_index
from bench.evaluate import evaluate
from bench.scoring import (
    Prediction,
    author_scores,
    body_scores,
    cjk_tokens,
    date_scores,
    heading_scores,
    n,
    n_author,
    n_text,
    prf,
    score_document,
    shingles,
    snippet_scores,
    title_scores,
    tokens,
)


def approx(value: float | None) -> Any:
    return None if value is None else pytest.approx(value)


# --- normalisation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Hello   World ", "hello world"),
        ("Straße", "strasse"),  # casefold, not lower
        ("ﬁne", "fine"),  # NFKC ligature
        ("it’s ‘quoted’ ‚low‛ ′prime ‵ `grave` ʼmod ʹ ‹x›", "it's 'quoted' 'low' 'prime ' 'grave' 'mod ' 'x'"),
        ("“a” „b‟ «c» 〝d〞", '"a" "b" "c" "d"'),
        ("a‐b‑c‒d–e—f―g−h⸺i⸻j﹘k﹣l", "a-b-c-d-e-f-g-h-i-j-k-l"),
        ("soft\u00adhyphen zero\u200bwidth \ufeffbom \u200emark", "softhyphen zerowidth bom mark"),
        ("tab\there\nnewline\u00a0nbsp", "tab here newline nbsp"),
        # NFKC comes first, so the double prime is two primes before the quote mapping.
        ("5″", "5''"),
        ("", ""),
    ],
)
def test_n_text(raw: str, expected: str) -> None:
    assert n_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  «Title!» ", "title"),
        ("— Hello, world. —", "hello, world"),
        ("*** Section 1 ***", "section 1"),
        ("¿Qué?", "qué"),
        ("Title | Site", "title | site"),  # site suffixes are not stripped
        ("...", ""),
        ("€100", "100"),  # symbols are trimmed too
    ],
)
def test_n(raw: str, expected: str) -> None:
    assert n(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "jane doe"),
        ("by: Jane Doe", "jane doe"),
        ("BY  JANE DOE", "jane doe"),
        ("Byron Smith", "byron smith"),  # only the word "by"
        ("Jane Doe, MD", "jane doe, md"),
        ("Von Max Muster", "von max muster"),  # only "by" is stripped on output
        ("@jdoe", "jdoe"),
    ],
)
def test_n_author(raw: str, expected: str) -> None:
    assert n_author(raw) == expected


# --- title ------------------------------------------------------------------------------


def _title_gold(title: str | None, visible: bool = True) -> dict[str, Any]:
    return {"title": title, "visible": {"title": visible}}


@pytest.mark.parametrize(
    ("pred", "gold", "exact", "lenient"),
    [
        ("Hello “World”", _title_gold('hello "world"'), 1.0, 1.0),
        (None, _title_gold("Hello"), 0.0, 0.0),
        ("Hello World!", _title_gold("Hello World"), 1.0, 1.0),
        ("Hello World | Site", _title_gold("Hello World"), 0.0, 0.0),  # ratio 22/29 < 0.9
        ("The quick brown fox jumps", _title_gold("The quick brown fox jumped"), 0.0, 1.0),
        ("Anything", _title_gold("Hello", visible=False), None, None),
        ("Anything", _title_gold(None), None, None),
    ],
)
def test_title(pred: str | None, gold: dict[str, Any], exact: float | None, lenient: float | None) -> None:
    scores = title_scores(pred, gold)
    assert (scores["title_exact"], scores["title_lenient"]) == (exact, lenient)


# --- authors ------------------------------------------------------------------------------


def _author_gold(names: list[str], visible: list[bool]) -> dict[str, Any]:
    return {"authors": names, "visible": {"authors": visible}}


@pytest.mark.parametrize(
    ("pred", "gold", "p", "r", "f1", "exact"),
    [
        (["By Jane Doe"], _author_gold(["Jane Doe"], [True]), 1.0, 1.0, 1.0, 1.0),
        ([], _author_gold(["Jane Doe"], [True]), None, 0.0, 0.0, 0.0),
        (["Jane Doe", "Bob"], _author_gold(["Jane Doe"], [True]), 0.5, 1.0, 2 / 3, 0.0),
        # An invisible gold author is not required (R) but is not penalised either (P).
        (["Jane Doe"], _author_gold(["Jane Doe", "Max Roe"], [True, False]), 1.0, 1.0, 1.0, 1.0),
        (["Jane Doe", "Max Roe"], _author_gold(["Jane Doe", "Max Roe"], [True, False]), 1.0, 1.0, 1.0, 1.0),
        (["Max Roe"], _author_gold(["Jane Doe", "Max Roe"], [True, False]), 1.0, 0.0, 0.0, 0.0),
        (["jane doe", "JANE DOE"], _author_gold(["Jane Doe"], [True]), 1.0, 1.0, 1.0, 1.0),  # sets
        (["Jane Doe"], _author_gold(["Jane Doe"], [False]), None, None, None, None),
        (["Jane Doe"], {"authors": None, "visible": {"authors": None}}, None, None, None, None),
    ],
)
def test_authors(pred: list[str], gold: dict[str, Any], p: Any, r: Any, f1: Any, exact: Any) -> None:
    scores = author_scores(pred, gold)
    assert scores == {"authors_p": approx(p), "authors_r": approx(r), "authors_f1": approx(f1), "authors_exact": exact}


# --- date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "gold", "visible", "acc", "wrong"),
    [
        ("2024-03-05", "2024-03-05", True, 1.0, 0.0),
        ("2024-03-05T10:00:00+02:00", "2024-03-05", True, 1.0, 0.0),
        ("2024-03-06", "2024-03-05", True, 0.0, 1.0),
        (None, "2024-03-05", True, 0.0, 0.0),
        ("2024-03-06", "2024-03-05", False, None, 1.0),  # wrong-date rate covers invisible gold
        (None, "2024-03-05", False, None, 0.0),
        ("2024-03-06", None, False, None, None),
    ],
)
def test_date(pred: str | None, gold: str | None, visible: bool, acc: Any, wrong: Any) -> None:
    scores = date_scores(pred, {"published": gold, "visible": {"published": visible}})
    assert scores == {"date_acc": acc, "date_wrong": wrong}


# --- headings -------------------------------------------------------------------------------


def _heading_gold(headings: list[str] | None, visible: list[bool] | None) -> dict[str, Any]:
    return {"headings": headings, "visible": {"headings": visible}}


@pytest.mark.parametrize(
    ("pred", "gold", "p", "r", "f1"),
    [
        (["Intro", "Method"], _heading_gold(["Intro", "Method"], [True, True]), 1.0, 1.0, 1.0),
        # Multisets: a heading output twice matches a gold heading that occurs once only once.
        (["Intro", "Intro"], _heading_gold(["Intro", "Method"], [True, True]), 0.5, 0.5, 0.5),
        (["Intro", "Intro"], _heading_gold(["Intro", "Intro"], [True, True]), 1.0, 1.0, 1.0),
        (["1. Intro:", "Other"], _heading_gold(["1. Intro"], [True]), 0.5, 1.0, 2 / 3),
        # P counts matches against all gold headings, R only against the visible ones.
        (["Intro", "Hidden"], _heading_gold(["Intro", "Hidden", "Gone"], [True, True, False]), 1.0, 1.0, 1.0),
        (["Intro"], _heading_gold(["Intro", "Hidden"], [True, False]), 1.0, 1.0, 1.0),
        ([], _heading_gold(["Intro"], [True]), None, 0.0, 0.0),
        (["", "  "], _heading_gold(["Intro"], [True]), None, 0.0, 0.0),  # empty headings are not output
        (["Intro"], _heading_gold(["Intro"], [False]), None, None, None),
        (["Intro"], _heading_gold([], []), None, None, None),
        (["Intro"], _heading_gold(None, None), None, None, None),
    ],
)
def test_headings(pred: list[str], gold: dict[str, Any], p: Any, r: Any, f1: Any) -> None:
    assert heading_scores(pred, gold) == {"headings_p": approx(p), "headings_r": approx(r), "headings_f1": approx(f1)}


# --- body -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello, World! it's 3.5", ["hello", "world", "it", "s", "3", "5"]),
        ("snake_case über", ["snake_case", "über"]),
        ("", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_shingles() -> None:
    assert shingles(["a", "b", "c", "d", "e"]) == [("a", "b", "c", "d"), ("b", "c", "d", "e")]
    assert shingles(["a", "b"]) == [("a", "b")]  # fewer than 4 tokens: one shingle
    assert shingles([]) == []


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ("", "", (1.0, 1.0, 1.0)),  # gold without tokens, empty output
        ("...", "!!", (1.0, 1.0, 1.0)),  # "no tokens" is what counts
        ("text", "", (0.0, 0.0, 0.0)),  # gold without tokens, some output
        ("", "some text", (0.0, 0.0, 0.0)),  # empty output
        ("a b c d", "a b c d", (1.0, 1.0, 1.0)),
        ("a a b x", "a b b c", (0.5, 0.5, 0.5)),  # multiset overlap a:1 + b:1
        ("A b", "a b c d", (1.0, 0.5, 2 / 3)),  # lowercased
        ("x y", "a b", (0.0, 0.0, 0.0)),
    ],
)
def test_bow(pred: str, gold: str, expected: tuple[float, float, float]) -> None:
    assert prf(tokens(pred), tokens(gold)) == pytest.approx(expected)


def test_body_scores_shingles_and_missing_gold() -> None:
    scores = body_scores("a b c d e", {"body": "a b c d x"})
    assert scores["body_p"] == pytest.approx(0.8)
    assert scores["body_f1"] == pytest.approx(0.8)
    assert (scores["shingle_p"], scores["shingle_r"], scores["shingle_f1"]) == (0.5, 0.5, 0.5)
    assert scores["cjk_f1"] is None  # per-character variant only for zh/ja
    assert body_scores("a b", {"body": None})["body_f1"] is None


def test_cjk_variant() -> None:
    assert cjk_tokens("東京タワーは2024年 Tokyo") == ["東", "京", "タ", "ワ", "ー", "は", "2024", "年", "tokyo"]
    scores = body_scores("東京です", {"body": "東京タワー", "language": "ja"})
    assert scores["body_f1"] == 0.0  # one \w+ token each, and they differ
    assert scores["cjk_p"] == pytest.approx(0.5)  # 東京 of 東京です
    assert scores["cjk_r"] == pytest.approx(0.4)  # 東京 of 東京タワー


# --- snippets ----------------------------------------------------------------------------------


def test_snippets_are_normalised_substrings() -> None:
    gold = {"with": ["“Quoted” text—here", "missing"], "without": ["Home", "Login"]}
    scores = snippet_scores('Some "quoted" TEXT-here\nhome page', gold)
    assert scores == {"hit_found": 1, "hit_total": 2, "leak_found": 1, "leak_total": 2}
    assert snippet_scores("", {"with": None, "without": []}) == {
        "hit_found": None,
        "hit_total": None,
        "leak_found": None,
        "leak_total": None,
    }


def test_micro_snippet_rates_and_macro_means() -> None:
    def record(found: int, total: int, f1: float | None) -> dict[str, Any]:
        scores = {"hit_found": found, "hit_total": total, "body_f1": f1}
        base = {"dataset": "d", "renderer": "r", "scope": "page", "language": "en"}
        return {**base, "scores": scores, "seconds": 0.5, "error": None}

    figures = report.aggregate([record(1, 1, 1.0), record(0, 3, None), record(3, 4, 0.5)])
    assert figures.values["all.with_hit"] == pytest.approx(4 / 8)  # micro, not (1 + 0 + .75) / 3
    assert figures.counts["all.with_hit"] == 3
    assert figures.values["all.body_f1"] == pytest.approx(0.75)  # undefined docs are left out
    assert figures.counts["all.body_f1"] == 2
    assert figures.values["all.docs_per_s"] == pytest.approx(2.0)


# --- whole document ------------------------------------------------------------------------------


def test_score_document_empty_prediction() -> None:
    gold = {
        "title": "T",
        "authors": ["A B"],
        "published": "2020-01-01",
        "headings": ["H"],
        "body": "words here",
        "with": ["words"],
        "without": ["menu"],
        "visible": {"title": True, "authors": [True], "published": True, "headings": [True]},
    }
    scores = score_document(Prediction(), gold)
    assert scores["title_exact"] == scores["authors_f1"] == scores["date_acc"] == 0.0
    assert scores["headings_f1"] == scores["body_f1"] == scores["coverage"] == 0.0
    assert scores["date_wrong"] == 0.0
    assert (scores["hit_found"], scores["leak_found"]) == (0, 0)


# --- gate mechanics --------------------------------------------------------------------------------


def test_gate_check_minimums_and_maxima() -> None:
    figures = report.Figures()
    figures.put("all.body_f1", 0.70, 100)
    figures.put("all.date_wrong", 0.20, 100)
    figures.put("renderer:markdown.body_f1", None, 0)
    pinned = {"all.body_f1": 0.71, "all.date_wrong": 0.15, "renderer:markdown.body_f1": 0.5, "scope:page.body_f1": 0.0}
    failures = gate.check(figures, pinned)
    assert failures == [
        "all.body_f1: 0.7000 < minimum 0.710 (n=100)",
        "all.date_wrong: 0.2000 > maximum 0.150 (n=100)",
        "renderer:markdown.body_f1: not measured (no documents), pinned 0.500",
    ]
    assert gate.check(figures, {"all.body_f1": 0.70, "all.date_wrong": 0.2}) == []


def test_gate_suggest_margin() -> None:
    figures = report.Figures()
    figures.put("all.body_f1", 0.7234, 100)
    figures.put("all.date_wrong", 0.1234, 100)
    suggested = gate.suggest(figures, ["all.body_f1", "all.date_wrong", "all.title_exact"])
    assert suggested["all.body_f1"] == 0.718
    assert suggested["all.date_wrong"] == 0.129
    assert suggested["all.title_exact"] == 0.0
    assert gate.check(figures, {k: v for k, v in suggested.items() if isinstance(v, float)}) == []


# --- harness robustness -------------------------------------------------------------------------


def _tiny_corpus(root: Path) -> None:
    (root / "ds").mkdir(parents=True)
    index = []
    for doc_id, text in (("a", "Title A\nBody words here"), ("b", "Title B\nMore body words"), ("c", "x")):
        gold = {"title": f"Title {doc_id.upper()}", "body": text.split("\n")[-1], "visible": {"title": True}}
        (root / "ds" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (root / "ds" / f"{doc_id}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        meta = {"id": doc_id, "dataset": "ds", "renderer": "markdown", "scope": "page", "language": "en"}
        index.append(json.dumps(meta))
    (root / "index.jsonl").write_text("\n".join(index) + "\n", encoding="utf-8")


def _flaky(text: str, doc: Any) -> Any:
    if doc.id == "b":
        raise ValueError("boom")
    if doc.id == "c":
        return "not a Prediction"
    first, _, rest = text.partition("\n")
    return Prediction(title=first, body=rest)


def test_system_errors_become_empty_predictions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tiny_corpus(tmp_path)
    monkeypatch.setitem(peers.SYSTEMS, "flaky", lambda: _flaky)
    ev = evaluate(["flaky"], corpus=tmp_path, workers=1)
    assert [r["error"] is None for r in ev.records] == [True, False, False]
    assert ev.records[1]["error"] == "ValueError: boom"
    figures = ev.figures["flaky"]
    assert figures.values["all.title_exact"] == pytest.approx(1 / 3)
    assert figures.values["all.error_rate"] == pytest.approx(2 / 3)
    assert report.errors_summary(ev.records)["count"] == 2


def test_selection_sample_then_limit(tmp_path: Path) -> None:
    _tiny_corpus(tmp_path)
    docs = load_index(tmp_path)
    assert [d.id for d in Selection(sample=2).apply(docs)] == ["a", "c"]
    assert [d.id for d in Selection(limit=1).apply(docs)] == ["a"]
    assert Selection(renderers=("bs4-lines",)).apply(docs) == []


def _slow(text: str, doc: Any) -> Prediction:
    if doc.id == "a":
        time.sleep(5)
    return Prediction(body=text)


def test_slow_document_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tiny_corpus(tmp_path)
    monkeypatch.setitem(peers.SYSTEMS, "slow", lambda: _slow)
    ev = evaluate(["slow"], corpus=tmp_path, workers=1, timeout=0.2)
    assert [r["error"] for r in ev.records] == ["timeout after 0.2s", None, None]
