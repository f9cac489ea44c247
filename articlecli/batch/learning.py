"""`batch --learn`: a first pass over the batch's own inputs that learns each site's template.

Every document the batch will parse (files, JSON Lines records, WET conversion records; HTML is
skipped as in the parse pass) is fed to the site learner (articlecli.site.learn), grouped like
`articlecli learn` groups them: by the URL host where known (the record's URL, a URL line at the
top of the dump), else by the folder, named from the input folder given (`batch scrapes/` groups
scrapes/site-a/x.txt as 'scrapes/site-a'). Documents that cannot be read are left to the parse
pass, which reports them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from articlecli.api import read_input
from articlecli.errors import ArticleError
from articlecli.frontends.decoding import decode_bytes
from articlecli.site.groups import folder_group
from articlecli.site.learn import Document, ProfileLearner
from articlecli.site.profile import Profile

from .listing import Exclusions, InputFile
from .model import KIND_BYTES, KIND_FILE, KIND_JSON_RECORD, Task
from .readers import RecordPath, read_tasks
from .runner import Inputs
from .work import decode_record, record_document


def learn_from_inputs(inputs: Inputs, learner: ProfileLearner, exclusions: Exclusions | None = None) -> Profile:
    """Feed every readable document of `inputs` to `learner` (streaming) and return its profile."""
    for text, url, group in documents(inputs, exclusions):
        learner.add(text, url=url, group=group)
    return learner.profile()


def documents(inputs: Inputs, exclusions: Exclusions | None = None) -> Iterator[Document]:
    """(text, url, folder group) for each document of the batch, in input order."""
    indexes = itertools.count()
    record_path = RecordPath(".json")
    for item in inputs.listing(exclusions):
        if not isinstance(item, InputFile):
            continue
        group = folder_group(item.path, _root(item))
        for task in read_tasks(item, None, indexes, record_path):
            if isinstance(task, Task):
                page = _page(task)
                if page is not None:
                    yield page[0], page[1], group


def _root(item: InputFile) -> str:
    """The input folder `item` was listed under: its path without its relative path."""
    rel_parts = item.rel.count("/") + 1
    root = item.path
    for _ in range(rel_parts):
        root = root.rpartition("/")[0] if "/" in root else "."
    return root or "/"


def _page(task: Task) -> tuple[str, str | None] | None:
    try:
        if task.kind == KIND_JSON_RECORD:
            fields = decode_record(task.payload or b"")
            field_name, text = record_document(fields)
            url = fields.get("url")
            # Templates are learned from text dumps; an HTML record's markup is not one.
            if field_name == "html" or not text.strip():
                return None
            return text, url if isinstance(url, str) else None
        if task.kind in (KIND_FILE, KIND_BYTES):
            data = read_input(task.source) if task.payload is None else task.payload
            text = decode_bytes(data)
            return (text, task.url) if text.strip() else None
    except ArticleError:
        return None
    return None
