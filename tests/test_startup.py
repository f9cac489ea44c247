"""What the CLI's start-up loads: the gain of lazy imports and lazy patterns, guarded by behaviour.

Speed itself is measured in bench/speed.py (`--only cli`), not here. These tests check what makes it:
modules that only some paths need are not imported before those paths run, module-level patterns
are not compiled on import, and data files are read without importlib.resources.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from articlecli.lazy_regex import LazyPattern, lazy_compile

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"

# Report, as JSON, the modules that `statement` imported (beyond what the interpreter's start-up
# already had), the module-level patterns of the articlecli modules loaded, and those it compiled.
_PROBE = """
import json, sys
before = set(sys.modules)
{statement}
from articlecli.lazy_regex import LazyPattern
patterns = {{
    f"{{name}}.{{attr}}": value.compiled
    for name, module in list(sys.modules.items()) if name.startswith("articlecli")
    for attr, value in list(vars(module).items()) if isinstance(value, LazyPattern)
}}
compiled = sorted(name for name, done in patterns.items() if done)
print(json.dumps({{"imported": sorted(set(sys.modules) - before), "compiled": compiled, "patterns": sorted(patterns)}}))
"""


def _probe(statement: str) -> dict[str, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, list[str]] = json.loads(proc.stdout)
    return result


def _top_level(modules: list[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


# Needed by some paths only: tables and --explain (rich), HTML (lxml, bs4), the learned labeller's
# training (numpy), language detection (fasttext), the batch and site layers, and what the package
# no longer imports at all (logging, importlib.resources).
NOT_ON_IMPORT = {"rich", "numpy", "fasttext", "fasttext_pybind", "lxml", "bs4", "logging"}
LAYERS_NOT_ON_IMPORT = ("articlecli.batch", "articlecli.site", "articlecli.render")


@pytest.mark.parametrize("statement", ["import articlecli", "import articlecli.cli", "import articlecli.api"])
def test_import_loads_no_optional_module(statement: str) -> None:
    imported = _probe(statement)["imported"]
    assert not _top_level(imported) & NOT_ON_IMPORT
    assert "importlib.resources" not in imported
    assert not {name for name in imported if name.startswith(LAYERS_NOT_ON_IMPORT)}


def test_import_compiles_no_module_level_pattern() -> None:
    assert _probe("import articlecli.api")["compiled"] == []


def test_parsing_a_text_page_leaves_the_html_and_site_layers_alone() -> None:
    result = _probe(f"from articlecli import parse_file; parse_file({str(SEED)!r})")
    imported = result["imported"]
    assert "fasttext" in _top_level(imported)  # the language was detected
    assert not _top_level(imported) & {"rich", "numpy", "lxml", "bs4", "logging"}
    # Nor the labeller model's decoder (--confidence) or the HTML markup's fields.
    not_for_text = (
        "articlecli.site",
        "articlecli.frontends.html.dom",
        "articlecli.labeller.decode",
        "articlecli.header.markup",
    )
    assert not {name for name in imported if name.startswith(not_for_text)}
    # The patterns a text page needs were compiled on the way, and only those: of the patterns in the
    # modules it loaded, most (Markdown's, the rarer header rules') were never asked for.
    assert result["compiled"]
    assert len(result["compiled"]) < len(result["patterns"]) / 2
    # A page that does not open with '<' is told from HTML without the document patterns.
    assert not {name for name in result["compiled"] if name.startswith("articlecli.frontends.html.detect.")}


# A lazy pattern answers as the compiled pattern does, call by call.
LAZY_CASES = [
    (r"(\d+)-(\d+)", 0, "call 555-1234 now"),
    (r"(?P<word>[^\W\d_]+)", re.IGNORECASE, "Ünïcode WORDS 12"),
    (r"^\s*$", re.MULTILINE, "a\n\n  \nb"),
    (rb"\x00+", 0, b"ab\x00\x00c"),
]


@pytest.mark.parametrize(("source", "flags", "text"), LAZY_CASES)
def test_lazy_pattern_answers_as_the_compiled_one(source: str, flags: int, text: str) -> None:
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert lazy.pattern == compiled.pattern
    for method in ("search", "match", "fullmatch", "findall", "split"):
        left, right = getattr(lazy, method)(text), getattr(compiled, method)(text)
        if isinstance(right, re.Match):
            assert isinstance(left, re.Match)
            assert (left.span(), left.groups()) == (right.span(), right.groups())
        else:
            assert left == right
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    replacement = b"#" if isinstance(text, bytes) else "#"
    assert lazy.subn(replacement, text) == compiled.subn(replacement, text)  # type: ignore[arg-type]
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_lazy_pattern_compiles_on_first_use_only() -> None:
    lazy = LazyPattern(r"\bword\b")
    assert not lazy.compiled
    assert lazy.pattern == r"\bword\b"  # the source is there without compiling
    assert not lazy.compiled
    assert lazy.search("a word here") is not None
    assert lazy.compiled
    # From then on each method is the compiled pattern's own.
    assert lazy.search == re.compile(r"\bword\b").search


def test_lazy_pattern_pickles_and_reports_its_source() -> None:
    lazy = lazy_compile(r"[a-z]+", re.IGNORECASE)
    restored = pickle.loads(pickle.dumps(lazy))
    assert restored.findall("Ab cD 1") == ["Ab", "cD"]
    assert repr(lazy) == "lazy_compile('[a-z]+', re.IGNORECASE)"
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_data_files_are_read_from_a_zip_archive_too(tmp_path: Path) -> None:
    """Installed as a folder the data files are read directly; imported from a zip archive, through
    importlib.resources. Both give the same text and listing."""
    from articlecli.data import list_data, read_data

    archive = tmp_path / "articlecli.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in (ROOT / "articlecli").rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, path.relative_to(ROOT).as_posix())
    script = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "from articlecli.data import list_data, read_data; import articlecli;"
        "print(json.dumps([articlecli.__file__, read_data('iso639_1.txt'), list_data('phrases')]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(archive)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    where, text, names = json.loads(proc.stdout)
    assert where.startswith(str(archive))
    assert text == read_data("iso639_1.txt")
    phrase_lists = [name for name in names if name.endswith(".txt")]
    assert phrase_lists == [name for name in list_data("phrases") if name.endswith(".txt")]
    assert "fr.txt" in phrase_lists


ENGLISH_BLOCKS = [
    "The first line reopened in spring, two years after the old depot closed for good and the works began.",
    "Engineers had to replace almost every switch on the network, and the council paid for it with a bond.",
]


SAMPLES = [
    *ENGLISH_BLOCKS,
    "Der Gemeinderat hat am Dienstag beschlossen, die Straßenbahn bis zum Bahnhof zu verlängern.",
    "東京都は火曜日、新しい路面電車の路線を二年以内に開通させると発表した。",
    "ok",
]


@pytest.fixture
def helper(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """records.language with its helper process started (and stopped, and reaped, after the test), as in
    a fresh CLI process: with no model loaded in this one (a loaded model makes a helper pointless)."""
    from articlecli.records import language

    monkeypatch.setattr(language, "_loaded", [])
    language.start_model_process()
    yield language
    language.stop_model_process()


def test_the_helper_process_answers_as_the_model_in_process(helper: ModuleType) -> None:
    assert helper._helper, "no helper process was started"
    answers = [helper._predict(sample) for sample in SAMPLES]
    assert helper._helper[0].alive
    local = helper._model()
    assert answers == [local.predict(sample, k=1) for sample in SAMPLES]
    assert [labels[0] for labels, _ in answers[:4]] == ["__label__en", "__label__en", "__label__de", "__label__ja"]


def test_stopping_the_helper_reaps_it_and_detection_goes_on_in_process(helper: ModuleType) -> None:
    process = helper._helper[0]
    assert helper.detect_language_by_vote(ENGLISH_BLOCKS) == "en"
    helper.stop_model_process()
    assert not helper._helper
    with pytest.raises(ChildProcessError):
        os.waitpid(process.pid, os.WNOHANG)
    assert helper.detect_language_by_vote(ENGLISH_BLOCKS) == "en"


def test_a_helper_that_cannot_load_is_silent_and_detection_answers_the_same(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from articlecli.records import language

    broken = tmp_path / "server.py"
    broken.write_text("raise ImportError('fasttext is not installed')\n", "utf-8")
    monkeypatch.setattr(language, "_SERVER", broken)
    monkeypatch.setattr(language, "_loaded", [])
    language.start_model_process()
    try:
        process = language._helper[0]
        assert language.detect_language_by_vote(ENGLISH_BLOCKS) == "en"
        assert not process.alive
        assert language._loaded, "the answer did not come from the model in this process"
    finally:
        language.stop_model_process()
    assert capfd.readouterr().err == ""


def test_the_cli_leaves_no_helper_process_behind() -> None:
    """The parse of a page whose language is detected ends its helper: the CLI exits with no child left,
    so a reader of its output (a shell's `$(...)`, a pipe) sees the end of it when the CLI ends."""
    script = (
        "import os, sys; sys.argv = ['articlecli', 'parse', sys.argv[1]];"
        "from articlecli.cli import main\n"
        "try: main()\n"
        "except SystemExit: pass\n"
        "from articlecli.records import language\n"
        "assert not language._helper\n"
        "try: os.waitpid(-1, os.WNOHANG); print('a child is left', file=sys.stderr)\n"
        "except ChildProcessError: pass\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "seeds/000_c2ad19efbe191da2.txt"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.stderr == ""
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == json.loads((ROOT / "seeds" / "000_c2ad19efbe191da2.expected.json").read_text())


def test_every_module_level_pattern_is_lazy() -> None:
    """A pattern compiled at module level is paid by every run that imports its module: the package makes
    them with lazy_compile (patterns built inside functions, per language or phrase list, are not concerned)."""
    import ast

    eager = []
    for path in sorted((ROOT / "articlecli").rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            call = value if isinstance(value, ast.Call) else None
            if call is not None and ast.unparse(call.func) in ("re.compile", "compile"):
                eager.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert eager == []


@pytest.mark.parametrize(
    ("args", "early"),
    [
        (["parse", "page.txt"], True),
        (["parse", "-", "--format", "table"], True),
        (["parse", "page.txt", "--lang", "de"], False),
        (["parse", "--lang=de", "page.txt"], False),
        (["batch", "pages/", "-o", "out/"], False),
        (["--version"], False),
        ([], False),
    ],
)
def test_the_console_starts_the_helper_early_only_for_a_parse_that_detects(args: list[str], early: bool) -> None:
    from articlecli.console import detects_language

    assert detects_language(args) is early
