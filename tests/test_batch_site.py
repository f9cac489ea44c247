"""`batch --learn` and `batch --profile`: each site's template is learned from the batch's inputs (or
read from a profile) and removed from every page of that site, and only from that site's pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import invoke, jsonl_records
from site_pages import PITCH, site_page

from articlecli.batch import Inputs
from articlecli.batch.learning import documents


@pytest.fixture
def scrapes(tmp_path: Path) -> Path:
    """scrapes/gazette: 8 pages of one site; scrapes/other: 2 pages (too few to learn from)."""
    root = tmp_path / "scrapes"
    (root / "gazette").mkdir(parents=True)
    for number in range(8):
        (root / "gazette" / f"page{number}.txt").write_text(site_page(number), encoding="utf-8")
    (root / "other").mkdir()
    for number in range(2):
        (root / "other" / f"p{number}.txt").write_text(site_page(number + 20), encoding="utf-8")
    return root


def _reasons(record: dict[str, object]) -> dict[str, str]:
    return {item["text"]: item["reason"] for item in record["removed"]}  # type: ignore[attr-defined, index]


def test_batch_learn_removes_each_sites_template(scrapes: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    result = invoke(str(scrapes), "-o", str(out), "--learn", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "learned 1 site(s) from 10 page(s)" in result.stderr
    assert "fewer than 5 pages: scrapes/other (2)" in result.stderr
    learned = json.loads((out / "gazette" / "page3.json").read_text(encoding="utf-8"))
    assert _reasons(learned)[PITCH] == "site-template"
    assert PITCH not in learned["text"]
    # The small group was left alone: its pages parse as without a profile.
    alone = json.loads((out / "other" / "p0.json").read_text(encoding="utf-8"))
    assert PITCH in alone["text"]


def test_batch_profile_uses_a_learned_profile_file(scrapes: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from articlecli.cli import main

    profile = tmp_path / "gazette.profile.json"
    CliRunner().invoke(main, ["learn", str(scrapes / "gazette"), "-o", str(profile)], catch_exceptions=False)
    result = invoke(str(scrapes / "gazette"), "--jsonl", "-", "--profile", str(profile), "-j", "1")
    assert result.exit_code == 0, result.output
    records = jsonl_records(result.stdout)
    assert len(records) == 8
    assert all(_reasons(record)[PITCH] == "site-template" for record in records)


def test_batch_learn_groups_json_lines_records_by_url_host(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"url": f"https://www.gazette.example/{n}", "text": site_page(n)}) for n in range(6)]
    lines += [json.dumps({"url": f"https://elsewhere.example/{n}", "text": site_page(n + 30)}) for n in range(2)]
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert {group for _, _, group in documents(Inputs((str(crawl),)))} == {str(tmp_path.name)}
    assert {url for _, url, _ in documents(Inputs((str(crawl),)))} >= {"https://www.gazette.example/0"}
    result = invoke(str(crawl), "--jsonl", "-", "--learn", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "gazette.example (host): 6 pages" in result.stderr
    records = jsonl_records(result.stdout)
    gazette = [r for r in records if "gazette.example" in str(r["url"])]
    elsewhere = [r for r in records if "elsewhere.example" in str(r["url"])]
    assert all(_reasons(r)[PITCH] == "site-template" for r in gazette)
    assert all(PITCH in str(r["text"]) for r in elsewhere)


def test_learn_and_profile_exclude_each_other(scrapes: Path, tmp_path: Path) -> None:
    result = invoke(str(scrapes), "--jsonl", "-", "--learn", "--profile", str(tmp_path / "p.json"))
    assert result.exit_code == 2
    assert "--learn and --profile exclude each other" in result.stderr


def test_batch_with_an_unusable_profile_is_one_error_line(scrapes: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{broken", encoding="utf-8")
    result = invoke(str(scrapes), "--jsonl", "-", "--profile", str(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("articlecli: error: ") and "not a site profile" in result.stderr
