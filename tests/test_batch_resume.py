"""--resume: a real batch killed with SIGKILL, then resumed; and what makes an output stale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_support import SEED, article, run_cli, tree_files

# Enough inputs that a run is still going when we kill it, small enough for a test.
INPUTS = 60
KILL_AFTER_OUTPUTS = 8
KILL_DEADLINE_SECONDS = 60


def _outputs(out: Path) -> list[Path]:
    return [out / rel for rel in tree_files(out) if rel.endswith(".json")]


def test_resume_after_kill_9_finishes_without_redoing_anything(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    for number in range(INPUTS):
        folder = scrapes / f"part{number % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:03d}.txt").write_bytes(SEED.read_bytes() * 2)
    out = tmp_path / "clean"
    batch = subprocess.Popen(
        [sys.executable, "-m", "articlecli", "batch", str(scrapes), "-o", str(out), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + KILL_DEADLINE_SECONDS
    while len(_outputs(out)) < KILL_AFTER_OUTPUTS and time.monotonic() < deadline and batch.poll() is None:
        time.sleep(0.02)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()

    survivors = _outputs(out)
    assert KILL_AFTER_OUTPUTS <= len(survivors) < INPUTS, "the kill must land mid-run"
    for path in survivors:
        json.loads(path.read_text("utf-8"))  # no half-written file
    stamps = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in survivors}

    resumed = run_cli(str(scrapes), "-o", str(out), "--resume", "-j", "2")
    assert resumed.returncode == 0, resumed.stderr
    outputs = _outputs(out)
    assert len(outputs) == INPUTS
    for path in outputs:
        assert json.loads(path.read_text("utf-8"))["title"]
    assert {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in survivors} == stamps  # none done twice
    assert f"{INPUTS - len(survivors)} documents parsed" in resumed.stderr
    assert not (out / ".articlecli-tmp").exists() or not any((out / ".articlecli-tmp").iterdir())


def _scrapes(tmp_path: Path) -> Path:
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for name in ("one", "two", "three"):
        (scrapes / f"{name}.txt").write_text(article("en", f"The {name} bridge will close next spring"), "utf-8")
    return scrapes


def _parsed(result: subprocess.CompletedProcess[str]) -> int:
    first = result.stderr.splitlines()[0]
    return int(first.split(": ")[1].split()[0])


def test_resume_redoes_only_changed_inputs(tmp_path: Path) -> None:
    scrapes, out = _scrapes(tmp_path), tmp_path / "clean"
    assert _parsed(run_cli(str(scrapes), "-o", str(out), "-j", "1")) == 3
    assert _parsed(run_cli(str(scrapes), "-o", str(out), "--resume", "-j", "1")) == 0
    (scrapes / "two.txt").write_text(article("en", "The second bridge will stay open after all"), "utf-8")
    assert _parsed(run_cli(str(scrapes), "-o", str(out), "--resume", "-j", "1")) == 1
    assert "stay open" in (out / "two.json").read_text("utf-8")


def test_resume_redoes_everything_when_options_change(tmp_path: Path) -> None:
    scrapes, out = _scrapes(tmp_path), tmp_path / "clean"
    run_cli(str(scrapes), "-o", str(out), "-j", "1")
    assert _parsed(run_cli(str(scrapes), "-o", str(out), "--resume", "--lang", "de", "-j", "1")) == 3


def test_resume_redoes_an_output_deleted_or_replaced_by_hand(tmp_path: Path) -> None:
    scrapes, out = _scrapes(tmp_path), tmp_path / "clean"
    run_cli(str(scrapes), "-o", str(out), "-j", "1")
    (out / "one.json").unlink()
    (out / "two.json").write_text("{}", "utf-8")
    assert _parsed(run_cli(str(scrapes), "-o", str(out), "--resume", "-j", "1")) == 2
    assert json.loads((out / "two.json").read_text("utf-8"))["title"]


def test_a_second_batch_on_the_same_output_folder_is_refused(tmp_path: Path) -> None:
    scrapes, out = _scrapes(tmp_path), tmp_path / "clean"
    import fcntl

    out.mkdir()
    with open(out / ".articlecli.lock", "ab") as lock:
        fcntl.lockf(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        # The lock is per process: a child process sees it held.
        refused = run_cli(str(scrapes), "-o", str(out))
    assert refused.returncode == 1
    assert "another articlecli batch is writing" in refused.stderr


def test_ctrl_c_stops_cleanly_with_the_summary_and_exit_130(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    for number in range(INPUTS):
        (scrapes / f"{number:03d}.txt").write_bytes(SEED.read_bytes() * 2)
    out, jsonl = tmp_path / "clean", tmp_path / "all.jsonl"
    batch = subprocess.Popen(
        [sys.executable, "-m", "articlecli", "batch", str(scrapes), "-o", str(out), "--jsonl", str(jsonl), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + KILL_DEADLINE_SECONDS
    while len(_outputs(out)) < KILL_AFTER_OUTPUTS and time.monotonic() < deadline and batch.poll() is None:
        time.sleep(0.02)
    batch.send_signal(signal.SIGINT)
    stdout, stderr = batch.communicate(timeout=KILL_DEADLINE_SECONDS)
    assert batch.returncode == 130, stderr
    assert stdout == "" and "Traceback" not in stderr
    assert stderr.startswith("articlecli batch interrupted:")
    lines = jsonl.read_text("utf-8").splitlines()
    assert KILL_AFTER_OUTPUTS <= len(lines) < INPUTS
    assert [json.loads(line)["source"] for line in lines] == [str(scrapes / f"{n:03d}.txt") for n in range(len(lines))]
    assert len(_outputs(out)) == len(lines)
