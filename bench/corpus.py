"""Locating, listing and selecting the documents of the evaluation corpus."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "ARTICLECLI_CORPUS"
REPO = Path(__file__).resolve().parent.parent
# The corpus is shared between checkouts and never copied into the project.
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


@dataclass(frozen=True, order=True)
class Doc:
    """One corpus document as listed in index.jsonl; ordering is by (dataset, id)."""

    dataset: str
    id: str
    renderer: str = ""
    scope: str = ""
    language: str | None = None
    url: str | None = None
    root: str = ""

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.id}"

    def path(self, suffix: str) -> Path:
        return Path(self.root) / self.dataset / f"{self.id}{suffix}"

    @property
    def text_path(self) -> Path:
        return self.path(".txt")

    @property
    def gold_path(self) -> Path:
        return self.path(".gold.json")

    @property
    def html_path(self) -> Path:
        return self.path(".html.gz")

    def read_text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")

    def read_gold(self) -> dict[str, Any]:
        with self.gold_path.open(encoding="utf-8") as fh:
            gold: dict[str, Any] = json.load(fh)
        return gold


def corpus_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--corpus, else $ARTICLECLI_CORPUS, else ../shared/corpus next to the repo."""
    chosen = explicit or os.environ.get(ENV_VAR) or DEFAULT_CORPUS
    return Path(chosen).expanduser().resolve()


def require_corpus(explicit: str | os.PathLike[str] | None = None) -> Path:
    """corpus_dir(explicit), or SystemExit with one line when it holds no index.jsonl: a benchmark
    must not measure something else than the corpus without saying so."""
    root = corpus_dir(explicit)
    if not (root / "index.jsonl").is_file():
        raise SystemExit(f"no corpus at {root} (no index.jsonl there): pass --corpus DIR or set ${ENV_VAR}")
    return root


def load_index(root: Path) -> list[Doc]:
    docs = []
    with (root / "index.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                docs.append(
                    Doc(
                        dataset=row["dataset"],
                        id=row["id"],
                        renderer=row.get("renderer", ""),
                        scope=row.get("scope", ""),
                        language=row.get("language"),
                        url=row.get("url"),
                        root=str(root),
                    )
                )
    return sorted(docs)


@dataclass(frozen=True)
class Selection:
    """Filters (empty = no filter), then every k-th doc, then the first `limit`."""

    datasets: Sequence[str] = ()
    renderers: Sequence[str] = ()
    scopes: Sequence[str] = ()
    languages: Sequence[str] = ()
    sample: int = 1
    limit: int | None = None

    def keeps(self, doc: Doc) -> bool:
        checks = (
            (self.datasets, doc.dataset),
            (self.renderers, doc.renderer),
            (self.scopes, doc.scope),
            (self.languages, doc.language or "none"),
        )
        return all(not wanted or value in wanted for wanted, value in checks)

    def apply(self, docs: Iterable[Doc]) -> list[Doc]:
        # Sorted by (dataset, id) before striding, so a sample spreads over every
        # dataset and (renderers being assigned by hash) over every renderer.
        kept = [doc for doc in sorted(docs) if self.keeps(doc)]
        kept = kept[:: max(1, self.sample)]
        return kept if self.limit is None else kept[: self.limit]
