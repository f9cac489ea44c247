"""The package's data files (phrase lists, models, the output schema), read through `read_data`.

They are read from the package's folder directly. `importlib.resources` gives the same text but
imports tempfile, zipfile and their dependencies on first use, about 14 ms of CPU of a one-page CLI
run in a plain venv; it is used only when the package has no folder (imported from a zip archive).
"""

from __future__ import annotations

import os

_FOLDER = os.path.dirname(os.path.abspath(__file__))


def read_data(name: str) -> str:
    """The data file `name` ('/'-separated, relative to this folder) as UTF-8 text."""
    try:
        with open(os.path.join(_FOLDER, *name.split("/")), encoding="utf-8") as stream:
            return stream.read()
    except NotADirectoryError:  # a path inside a zip archive
        from importlib import resources

        return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_words(name: str) -> frozenset[str]:
    """The words of the word-list data file `name`: whitespace-separated, lines opening with '#' are comments."""
    text = read_data(name)
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def list_data(folder: str) -> list[str]:
    """The names of the files in the data folder `folder`, sorted."""
    try:
        return sorted(os.listdir(os.path.join(_FOLDER, *folder.split("/"))))
    except NotADirectoryError:  # a path inside a zip archive
        from importlib import resources

        return sorted(entry.name for entry in resources.files(__name__).joinpath(folder).iterdir())
