"""One bad input never stops a batch: error report, exit codes, crashing and hanging workers,
and paths that try to leave the input root or the output folder."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from batch_support import article, invoke, jsonl_records, make_tree, tree_files

from articlecli.batch import FAILED, OK, Result, Task, WorkSettings, iter_results, process_document
from articlecli.batch.model import KIND_FILE


def faulty(task: Task, settings: WorkSettings) -> Result:
    """process_document, except that marked inputs crash or hang the worker (a test double)."""
    data = Path(task.source).read_bytes() if task.kind == KIND_FILE else (task.payload or b"")
    if b"@@exit@@" in data:
        os._exit(3)
    if b"@@kill@@" in data:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
    if b"@@hang@@" in data:
        time.sleep(3600)
    return process_document(task, settings)


def test_crashing_and_hanging_inputs_cost_only_themselves(tmp_path: Path) -> None:
    names = ["a-ok", "b-exit", "c-ok", "d-hang", "e-kill", "f-ok", "g-ok"]
    for name in names:
        marker = f"@@{name.split('-')[1]}@@" if not name.endswith("ok") else ""
        (tmp_path / f"{name}.txt").write_text(article("en") + marker, encoding="utf-8")
    started = time.monotonic()
    # The limit must pass a normal first document (model loading included) on a loaded machine.
    results = list(iter_results([str(tmp_path)], jobs=2, timeout=6.0, function=faulty))
    assert [Path(r.source).stem for r in results] == names
    assert [(r.status, r.error_kind) for r in results] == [
        (OK, None),
        (FAILED, "crash"),
        (OK, None),
        (FAILED, "timeout"),
        (FAILED, "crash"),
        (OK, None),
        (OK, None),
    ]
    assert "SIGKILL" in (results[4].message or "") and "code 3" in (results[1].message or "")
    assert time.monotonic() - started < 60


def test_error_report_and_exit_code_for_failures(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    make_tree(scrapes)
    (scrapes / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "clean"
    result = invoke(str(scrapes), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 11
    report = jsonl_records((out / "_errors.jsonl").read_text("utf-8"))
    assert [(Path(str(r["source"])).name, r["status"], r["error"]) for r in report] == [
        ("binary.txt", "failed", "binary"),
        ("empty.txt", "failed", "empty"),
        ("menu.txt", "no-body", "no-body"),
        ("missing.txt", "failed", "not-found"),
    ]
    assert set(report[0]) == {"source", "record", "url", "status", "error", "message"}
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("files", "code"),
    [({"ok.txt": article("en")}, 0), ({"ok.txt": article("en"), "menu.txt": "Home\nNews\nSport\n"}, 10)],
)
def test_exit_codes_for_clean_and_no_body_runs(tmp_path: Path, files: dict[str, str], code: int) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert invoke(str(tmp_path), "--jsonl", str(tmp_path / "out.jsonl"), "-q").exit_code == code


def test_listed_paths_cannot_write_outside_the_output_folder(tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text(article("en"), encoding="utf-8")
    monkeypatch.chdir(work / "in")
    listing = f"../../outside.txt\n{tmp_path / 'outside.txt'}\n"
    result = invoke("--files-from", "-", "-o", "../out", input=listing)
    assert result.exit_code == 0, result.stderr
    assert tree_files(work / "out") == ["_errors.jsonl", "outside.json", f"{str(tmp_path).strip('/')}/outside.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside.txt", "work"]


def test_symlinks_out_of_the_input_root_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.txt").write_text(article("fr"), encoding="utf-8")
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    (scrapes / "real.txt").write_text(article("en"), encoding="utf-8")
    (scrapes / "inside.txt").symlink_to(scrapes / "real.txt")
    (scrapes / "leak.txt").symlink_to(secret / "private.txt")
    (scrapes / "leakdir").symlink_to(secret, target_is_directory=True)
    errors = tmp_path / "errors.jsonl"
    result = invoke(str(scrapes), "--jsonl", "-", "--errors", str(errors))
    assert [Path(str(r["source"])).name for r in jsonl_records(result.stdout)] == ["inside.txt", "real.txt"]
    report = {Path(str(r["source"])).name: r["error"] for r in jsonl_records(errors.read_text("utf-8"))}
    assert report == {"leak.txt": "symlink-outside-root", "leakdir": "symlink-outside-root"}
    assert result.exit_code == 0


def test_a_symlinked_folder_inside_the_output_cannot_redirect_writes(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    (scrapes / "a").mkdir(parents=True)
    (scrapes / "a" / "b.txt").write_text(article("en"), encoding="utf-8")
    (scrapes / "c.txt").write_text(article("de"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "clean"
    out.mkdir()
    (out / "a").symlink_to(elsewhere, target_is_directory=True)
    result = invoke(str(scrapes), "-o", str(out))
    assert result.exit_code == 11
    assert list(elsewhere.iterdir()) == []
    report = jsonl_records((out / "_errors.jsonl").read_text("utf-8"))
    assert [(r["error"], Path(str(r["source"])).name) for r in report] == [("unsafe-path", "b.txt")]
    assert (out / "c.json").exists()


def test_an_output_folder_that_cannot_be_created_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "in.txt").write_text(article("en"), encoding="utf-8")
    result = invoke(str(tmp_path / "in.txt"), "-o", str(tmp_path / "file" / "clean"))
    assert result.exit_code == 1
    assert result.stderr.startswith("articlecli: error: cannot write") and len(result.stderr.splitlines()) == 1
