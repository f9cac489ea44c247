"""--dask: the same work on a Dask cluster (a LocalCluster on loopback) gives the same records."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import article, invoke, make_tree, make_wet

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_same_records_as_the_local_pool(scheduler: str, tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    make_tree(scrapes)
    make_wet(scrapes / "crawl.wet.gz", pages=[("https://example.org/b", article("es").encode())])
    local = invoke(str(scrapes), "--jsonl", "-", "-j", "2", "-q")
    on_dask = invoke(str(scrapes), "--jsonl", "-", "--dask", scheduler, "-q")
    assert on_dask.stdout == local.stdout
    assert on_dask.exit_code == local.exit_code == 11  # empty.txt fails the same way on both
    assert on_dask.stdout.count("\n") == 5


def test_dask_writes_the_same_mirrored_files(scheduler: str, tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    make_tree(scrapes)
    invoke(str(scrapes), "-o", str(tmp_path / "local"), "-j", "1")
    invoke(str(scrapes), "-o", str(tmp_path / "dask"), "--dask", scheduler)
    for path in (tmp_path / "local").rglob("*.json"):
        assert (tmp_path / "dask" / path.relative_to(tmp_path / "local")).read_bytes() == path.read_bytes()
