"""articlecli batch: mirrored folders, JSON Lines with sources, input selection, order and stability."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from batch_support import SEED, invoke, jsonl_records, make_tree, run_cli, tree_files

from articlecli.cli import main


@pytest.fixture
def scrapes(tmp_path: Path) -> Path:
    root = tmp_path / "scrapes"
    make_tree(root)
    return root


def test_mirrors_the_tree_with_parse_identical_records(scrapes: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean"
    result = invoke(str(scrapes), "-o", str(out), "-j", "2")
    assert result.stdout == ""
    assert tree_files(out) == ["_errors.jsonl", "a/b.json", "a/c/d.json", "e.json", "menu.json"]
    from click.testing import CliRunner

    parsed = CliRunner().invoke(main, ["parse", str(scrapes / "a" / "b.txt")]).stdout
    assert (out / "a" / "b.json").read_text("utf-8") == parsed


@pytest.mark.parametrize(("fmt", "ext"), [("markdown", ".md"), ("text", ".txt"), ("jsonl", ".jsonl")])
def test_format_sets_content_and_extension(scrapes: Path, tmp_path: Path, fmt: str, ext: str) -> None:
    out = tmp_path / "clean"
    invoke(str(scrapes), "-o", str(out), "--format", fmt, "-j", "1")
    written = (out / "a" / f"b{ext}").read_text("utf-8")
    assert "Old harbour bridge to close to cars next spring" in written
    assert written.startswith("# Old harbour") if fmt == "markdown" else True


def test_jsonl_to_stdout_in_input_order_with_sources(scrapes: Path) -> None:
    result = invoke(str(scrapes), "--jsonl", "-", "-j", "2", "-q")
    records = jsonl_records(result.stdout)
    assert [r["source"] for r in records] == [str(scrapes / n) for n in ("a/b.txt", "a/c/d.txt", "e.txt", "menu.txt")]
    assert result.stderr == ""


def test_stdout_carries_only_data_and_summary_goes_to_stderr(scrapes: Path) -> None:
    proc = run_cli(str(scrapes), "--jsonl", "-", "-j", "2")
    assert len(jsonl_records(proc.stdout)) == 4
    assert "documents parsed" in proc.stderr and "failed" in proc.stderr
    assert "articlecli: warning:" in proc.stderr  # the empty file, without an error report file
    assert "\x1b[" not in proc.stderr  # no progress bar when stderr is not a terminal


def test_jsonl_is_byte_identical_between_runs_and_job_counts(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    seed = SEED.read_text("utf-8")
    for number in range(12):
        # Mixed sizes so that completion order differs from input order under -j 2.
        (root / f"{number:02d}.txt").write_text(seed * (1 + (number * 7) % 4), encoding="utf-8")
    runs = [
        run_cli(str(root), "--jsonl", str(tmp_path / f"{n}.jsonl"), "-j", jobs, "-q") for n, jobs in enumerate("221")
    ]
    outputs = [(tmp_path / f"{n}.jsonl").read_bytes() for n in range(3)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    assert outputs[0] == outputs[1] == outputs[2]
    sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
    assert sources == sorted(sources) and len(sources) == 12


def test_hidden_files_and_the_output_folder_are_not_inputs(scrapes: Path) -> None:
    out = scrapes / "clean"
    invoke(str(scrapes), "-o", str(out))
    second = invoke(str(scrapes), "-o", str(out), "--jsonl", "-", "-q")
    sources = [r["source"] for r in jsonl_records(second.stdout)]
    assert not any(".hidden" in s or "/clean/" in s for s in sources)
    assert len(sources) == 4


def test_glob_include_and_exclude(scrapes: Path, tmp_path: Path) -> None:
    (scrapes / "a" / "notes.md").write_text("# Notes\n\nNothing.\n", encoding="utf-8")
    glob = invoke(str(scrapes / "**" / "*.txt"), "--jsonl", "-", "-q", "--exclude", "menu.txt", "--exclude", "empty.*")
    assert [Path(str(r["source"])).name for r in jsonl_records(glob.stdout)] == ["b.txt", "d.txt", "e.txt"]
    shallow = invoke(str(scrapes / "*.txt"), "--jsonl", "-", "-q", "--include", "e.*")
    assert [Path(str(r["source"])).name for r in jsonl_records(shallow.stdout)] == ["e.txt"]
    by_path = invoke(str(scrapes), "--jsonl", "-", "-q", "--include", "a/**")
    assert len(jsonl_records(by_path.stdout)) == 3  # a/b.txt, a/c/d.txt and a/notes.md


def test_files_from_stdin_mirrors_the_listed_paths(scrapes: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(scrapes.parent)
    result = invoke("--files-from", "-", "-o", "clean", input="scrapes/a/b.txt\nscrapes/e.txt\n\n")
    assert result.exit_code == 0, result.stderr
    assert tree_files(tmp_path / "clean") == ["_errors.jsonl", "scrapes/a/b.json", "scrapes/e.json"]


def test_single_file_and_usage_errors(scrapes: Path, tmp_path: Path) -> None:
    single = invoke(str(scrapes / "a" / "b.txt"), "-o", str(tmp_path / "one"))
    assert single.exit_code == 0 and (tmp_path / "one" / "b.json").exists()
    assert invoke(str(scrapes)).exit_code == 2  # nowhere to write
    assert invoke("-o", str(tmp_path / "x")).exit_code == 2  # nothing to read
    assert invoke(str(scrapes), "--jsonl", "-", "--resume").exit_code == 2


def test_jsonl_to_a_device_writes_through_without_replacing_it(scrapes: Path) -> None:
    result = invoke(str(scrapes), "--jsonl", os.devnull, "-q")
    assert result.exit_code == 11  # empty.txt
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
