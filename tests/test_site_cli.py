"""`articlecli learn` and `articlecli parse --profile/--site`: files, report, exit codes, --explain."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from site_pages import MENU, PITCH, site_page

from articlecli.cli import main


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def scrapes(tmp_path):
    """scrapes/gazette: 8 pages (and a gold file, not a dump); scrapes/tiny: 2 pages."""
    gazette = tmp_path / "scrapes" / "gazette"
    gazette.mkdir(parents=True)
    for number in range(8):
        (gazette / f"page{number}.txt").write_text(site_page(number), encoding="utf-8")
    (gazette / "page0.gold.json").write_text('{"title": "not a page"}', encoding="utf-8")
    tiny = tmp_path / "scrapes" / "tiny"
    tiny.mkdir()
    for number in range(2):
        (tiny / f"p{number}.md").write_text(site_page(number + 20), encoding="utf-8")
    return tmp_path / "scrapes"


def test_learn_writes_a_profile_and_reports_on_stderr(scrapes, tmp_path):
    out = tmp_path / "site.profile.json"
    result = invoke("learn", str(scrapes), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    profile = json.loads(out.read_text(encoding="utf-8"))
    assert list(profile["sites"]) == ["scrapes/gazette"]
    assert profile["sites"]["scrapes/gazette"]["pages"] == 8
    assert profile["skipped"] == {"scrapes/tiny": 2}
    report = result.stderr
    assert "learned 1 site(s) from 10 page(s)" in report
    assert "scrapes/gazette (folder): 8 pages" in report
    assert "fewer than 5 pages: scrapes/tiny (2)" in report
    assert "files not read: 1 other-file" in report


def test_learn_prints_the_profile_on_stdout_by_default(scrapes):
    result = invoke("learn", str(scrapes / "gazette"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sites"]["gazette"]["template"]["front page"] == 1.0


def test_learn_reads_json_lines_records_with_their_urls(tmp_path):
    records = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"url": f"https://www.gazette.example/{n}", "text": site_page(n)}) for n in range(6)]
    records.write_text("\n".join([*lines, "not json", json.dumps({"html": "<p>x</p>"})]) + "\n", encoding="utf-8")
    result = invoke("learn", str(records))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sites"]["gazette.example"]["by"] == "host"
    assert "2 bad-record" in result.stderr


def test_learn_a_missing_path_is_exit_3(tmp_path):
    result = invoke("learn", str(tmp_path / "nope"))
    assert result.exit_code == 3
    assert result.stderr.startswith("articlecli: error: no such file or folder")


@pytest.fixture
def profile_file(scrapes, tmp_path):
    out = tmp_path / "site.profile.json"
    invoke("learn", str(scrapes / "gazette"), "-o", str(out))
    return out


def test_parse_with_profile_removes_the_template(profile_file, tmp_path):
    page = tmp_path / "new.txt"
    page.write_text(site_page(9), encoding="utf-8")
    plain = json.loads(invoke("parse", str(page)).stdout)
    result = invoke("parse", str(page), "--profile", str(profile_file))
    assert result.exit_code == 0
    cleaned = json.loads(result.stdout)
    assert PITCH in plain["text"] and PITCH not in cleaned["text"]
    reasons = {item["text"]: item["reason"] for item in cleaned["removed"]}
    assert reasons[PITCH] == "site-template"
    assert all(reasons[item] == "site-template" for item in MENU)


def test_explain_shows_the_rule_and_the_share(profile_file, tmp_path):
    page = tmp_path / "new.txt"
    page.write_text(site_page(9), encoding="utf-8")
    result = invoke("parse", str(page), "--profile", str(profile_file), "--explain", "-f", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    pitch = next(row for row in rows if row["text"] == PITCH)
    assert (pitch["rule"], pitch["detail"]) == ("site-template", "on 100% of 8 pages of gazette")
    assert all("detail" not in row for row in rows if row["rule"] != "site-template")
    table = invoke("parse", str(page), "--profile", str(profile_file), "--explain")
    assert "site-template (on 100% of 8" in " ".join(table.stdout.replace("│", " ").split())


def test_parse_picks_the_site_by_folder_or_option(scrapes, tmp_path):
    out = tmp_path / "all.profile.json"
    gazette = scrapes / "gazette"
    other = scrapes / "other"
    other.mkdir()
    for number in range(6):
        (other / f"o{number}.txt").write_text(site_page(number + 40), encoding="utf-8")
    invoke("learn", str(scrapes), "-o", str(out))
    inside = invoke("parse", str(gazette / "page3.txt"), "--profile", str(out), "--explain", "-f", "json")
    assert inside.exit_code == 0
    assert "scrapes/gazette" in inside.stdout
    loose = tmp_path / "loose.txt"
    loose.write_text(site_page(3), encoding="utf-8")
    ambiguous = invoke("parse", str(loose), "--profile", str(out))
    assert ambiguous.exit_code == 2
    assert ambiguous.stdout == ""
    assert "choose one with --site" in ambiguous.stderr
    chosen = invoke("parse", str(loose), "--profile", str(out), "--site", "other", "--explain", "-f", "json")
    assert chosen.exit_code == 0
    assert "pages of scrapes/other" in chosen.stdout


def test_a_page_from_another_host_is_parsed_without_the_profile(tmp_path):
    records = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"url": f"https://gazette.example/{n}", "text": site_page(n)}) for n in range(6)]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "p.json"
    invoke("learn", str(records), "-o", str(out))
    page = tmp_path / "elsewhere.txt"
    page.write_text(site_page(2, url="https://other.example/a"), encoding="utf-8")
    result = invoke("parse", str(page), "--profile", str(out))
    assert result.exit_code == 0
    assert "no site for host other.example; parsed without it" in result.stderr
    assert PITCH in json.loads(result.stdout)["text"]


@pytest.mark.parametrize(
    ("content", "code", "fragment"),
    [
        (None, 3, "no such profile"),
        ("{broken", 2, "not a site profile"),
        ('{"format": "articlecli-site-profile", "version": 7}', 2, "newer than this articlecli reads"),
    ],
)
def test_unusable_profile_is_one_error_line(tmp_path, content, code, fragment):
    page = tmp_path / "page.txt"
    page.write_text(site_page(1), encoding="utf-8")
    profile = tmp_path / "p.json"
    if content is not None:
        profile.write_text(content, encoding="utf-8")
    result = invoke("parse", str(page), "--profile", str(profile))
    assert result.exit_code == code
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("articlecli: error: ") and fragment in lines[0]


def test_site_without_profile_is_a_usage_error(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(site_page(1), encoding="utf-8")
    result = invoke("parse", str(page), "--site", "gazette")
    assert result.exit_code == 2
    assert "--site needs --profile" in result.stderr


def test_learn_has_help():
    result = invoke("learn", "--help")
    assert result.exit_code == 0
    assert "articlecli learn scrapes/site-a/ -o site-a.profile.json" in result.stdout
