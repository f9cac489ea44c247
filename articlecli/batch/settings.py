"""Batch settings: built once from the command line (or by a library caller), passed by keyword."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field

from articlecli.options import ParseOptions
from articlecli.site.profile import Profile

# The document formats a batch can write; table is for terminals, not for files.
FORMATS = ("json", "jsonl", "markdown", "text")
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}

# A 10 MB dump parses in about 3 s on this machine; 60 s is 20 times that, so only a genuinely
# stuck input hits it, and a hang costs a worker for a minute at most.
DEFAULT_TIMEOUT_SECONDS = 60.0


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WorkSettings:
    """What the per-document function needs: parse options and the formats to render."""

    parse_options: ParseOptions = field(default_factory=ParseOptions)
    formats: tuple[str, ...] = ("json",)
    # Site profile (--learn or --profile): each document gets its site's template (site.profile.options_for_page).
    profile: Profile | None = None

    def fingerprint(self, version: str) -> str:
        """Changes when anything that changes an output changes: options, formats, articlecli version."""
        blob = json.dumps({"work": asdict(self), "version": version}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]
