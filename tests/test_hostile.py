"""Hostile and broken input: each test builds such an input and checks the documented behaviour.

The cost of these cases (time, memory) is measured by bench/hostile.py, not here.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlecli import ParseOptions, console, parse_bytes, parse_file, parse_text
from articlecli.api import read_input
from articlecli.cli import main
from articlecli.console import Interrupted, _command, handle_interrupts
from articlecli.errors import InputTooLargeError
from articlecli.frontends.decoding import decode, normalize_text
from articlecli.frontends.text import read_units

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"
PARAGRAPHS = {
    "fr": "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux voitures, après que les ingénieurs ont averti que l’ouvrage ne pouvait plus supporter un trafic lourd en toute sécurité.",
    "ru": "Городской совет во вторник проголосовал за закрытие старого моста для автомобилей после того, как инженеры предупредили, что конструкция больше не выдерживает тяжёлого движения.",
    "ja": "東京都は火曜日、古い港の橋を来春から車両通行止めにすると発表した。技術者が構造物は重い交通に安全に耐えられないと警告したためだ。",
    "fa": "شورای شهر روز سه‌شنبه به بستن پل قدیمی بندر به روی خودروها از بهار آینده رأی داد و ساکنان می‌خواهند مسیر دوچرخه پهن‌تر شود.",
}
TITLES = {
    "fr": "Le vieux pont du port fermé aux voitures",
    "ru": "Старый мост закроют для машин",
    "ja": "古い港の橋、来春から通行止め",
    "fa": "پل قدیمی بندر بسته می‌شود",
}


def page(language: str) -> str:
    return TITLES[language] + "\n\n" + "\n\n".join([PARAGRAPHS[language]] * 4) + "\n"


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "articlecli", *args], capture_output=True, **kwargs)


def one_error_line(stderr: str | bytes) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


# --- --lang is a language code, never a path ---------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "../../../../tmp/evil",
        "/etc/passwd",
        "xx",
        "english",
        "e",
        "en/../en",
        "en\n",
        "de\x00",
        "a" * 5000,
        "zz-ZZ",
        "fr.txt",
        "",
    ],
    ids=[
        "traversal",
        "absolute",
        "unknown",
        "word",
        "one-letter",
        "dotdot",
        "newline",
        "nul",
        "very-long",
        "unknown-region",
        "file-name",
        "empty",
    ],
)
def test_bad_language_is_a_one_line_usage_error(value):
    result = invoke("parse", str(SEED), "--lang", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert one_error_line(result.stderr).startswith("articlecli: error: unknown language code ")


def test_language_phrases_are_never_read_from_outside_the_package(tmp_path, monkeypatch):
    # Before: --lang ../../tmp/x read /tmp/x.txt as a phrase list, whose phrases removed real headings.
    evil = tmp_path / "evil.txt"
    evil.write_text("[navigation]\nles raisons de la fuite\n", encoding="utf-8")
    relative = os.path.relpath(tmp_path / "evil", ROOT / "articlecli" / "data" / "phrases")
    with pytest.raises(ValueError, match="unknown language code"):
        ParseOptions(language=relative)
    from articlecli.records.lexicon import lexicon_for

    assert lexicon_for(relative).phrases("navigation").exact == lexicon_for("en").phrases("navigation").exact


def test_batch_language_is_validated_too(tmp_path):
    result = invoke("batch", str(SEED.parent), "--lang", "../../../../tmp/evil", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith("articlecli: error: unknown language code ")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "value,code", [("EN", "en"), ("en-US", "en"), ("pt_BR", "pt"), ("zh-Hant-TW", "zh"), ("iw", "he"), ("De", "de")]
)
def test_language_codes_are_normalised(value, code):
    assert ParseOptions(language=value).language == code


def test_known_language_without_a_phrase_list_uses_english():
    article = parse_text(
        "Harbour bridge\n\nThe council voted to close the bridge to cars from next spring after a long debate.\n\nYou may also like\n",
        options=ParseOptions(language="sw"),
    )
    assert article.language == "sw"
    assert ("You may also like", "related-links") in {(r.text, r.reason) for r in article.removed}


def test_cli_language_with_region_is_accepted():
    result = invoke("parse", str(SEED), "--lang", "FR-fr")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["language"] == "fr"


# --- decoding real scrapes -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "ru", "ja"])
@pytest.mark.parametrize("position", [0.1, 0.5, 0.9])
def test_one_stray_byte_is_replaced_not_refused(language, position):
    data = page(language).encode("utf-8")
    # At a character boundary (a byte that does not continue a UTF-8 sequence), inside the body.
    cut = int(len(data) * position)
    while data[cut] & 0xC0 == 0x80:
        cut += 1
    article = parse_bytes(data[:cut] + b"\xff" + data[cut:])
    assert article.title == TITLES[language] or position < 0.2
    assert article.text.count("\ufffd") == 1
    assert article.warnings and "not valid UTF-8" in article.warnings[0]


@pytest.mark.parametrize("language", ["fr", "ru", "ja"])
def test_file_cut_inside_a_character(language):
    data = (page(language) + PARAGRAPHS[language] + " €").encode("utf-8")
    article = parse_bytes(data[:-1])
    assert article.title == TITLES[language]
    assert "\ufffd" not in article.text
    assert article.warnings == ("input ends in the middle of a UTF-8 character (dropped)",)


def test_one_cp1252_paragraph_in_a_utf8_page_is_decoded_on_its_own():
    pasted = "Le maire a déclaré : « Nous avons reçu plus de deux cents appels en six heures », à l’hôtel de ville."
    data = page("fr").encode("utf-8") + b"\n" + pasted.encode("cp1252") + b"\n"
    decoded = decode(data)
    assert PARAGRAPHS["fr"] in decoded.text  # the UTF-8 paragraphs are not turned into mojibake
    assert pasted in decoded.text
    assert any("decoded as cp1252" in warning for warning in decoded.warnings)


def test_cli_warns_once_on_stderr_and_succeeds(tmp_path):
    path = tmp_path / "stray.txt"
    data = page("fr").encode("utf-8")
    path.write_bytes(data.replace(b"mardi", b"mar\x81di", 1))
    result = invoke("parse", str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == TITLES["fr"]
    assert one_error_line(result.stderr).startswith(f"articlecli: warning: {path}: 1 line(s) had bytes")


@pytest.mark.parametrize("text", ["Großé", "Größe", "Café crème", "Ça coûte 5 €", "Ñandú", "Mañana", "Grüße aus Köln"])
def test_short_latin1_text_is_read_as_western(text):
    encoding = "cp1252" if "€" in text else "latin-1"
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("language", ["ru", "ja", "fa"])
def test_wide_encodings_without_bom_beyond_latin(encoding, language):
    assert decode(page(language).encode(encoding)).text == page(language)


def test_vertical_tabs_are_line_breaks_not_binary():
    data = ("Bridge closes\x0b\x0b" + "The council voted to close the old bridge to cars.\x0b" * 20).encode()
    article = parse_bytes(data)
    assert article.title == "Bridge closes"


def test_nul_bytes_after_the_first_8kb_do_not_reach_the_output():
    data = (page("fr") * 30).encode("utf-8")
    assert len(data) > 8192
    data = data[:9000] + b"\x00\x00" + data[9000:]
    article = parse_bytes(data)
    assert "\x00" not in json.dumps([article.text, [r.text for r in article.removed]])


def test_mostly_nul_input_is_still_binary():
    from articlecli.errors import BinaryInputError

    with pytest.raises(BinaryInputError):
        parse_bytes(page("fr").encode() * 3 + b"\x00" * 100_000)


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم",  # Persian: ZWNJ inside the word
        "क्\u200dष",  # Devanagari: ZWJ inside a conjunct
        "👩\u200d💻",  # emoji ZWJ sequence
        "👨\u200d👩\u200d👧",
        "🏳\ufe0f\u200d🌈",
    ],
)
def test_joiners_inside_words_are_kept(text):
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    "text,expected",
    [("\u200dword", "word"), ("word\u200c", "word"), ("a \u200d b", "a  b"), ("\u200b\u200c\u200d", "")],
)
def test_joiners_outside_words_are_removed(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nText \ud800 with a lone surrogate in a longer sentence here.",
        "\udcff\udcfe",
        "x\ud83d",
        "\ud83d\ude00 ok",
    ],
)
def test_lone_surrogates_never_raise(text):
    article = parse_text(text)
    json.dumps(article.text, ensure_ascii=False).encode("utf-8")
    assert all(ch < "\ud800" or ch > "\udfff" for ch in article.text)


# --- bounded cost -------------------------------------------------------------------------------


def test_size_limit_is_checked_while_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(InputTooLargeError) as info:
        read_input(path, max_size=4096)
    assert info.value.exit_code == 7
    assert len(read_input(path, max_size=5000)) == 5000


def test_parse_dev_zero_stops_at_the_limit():
    result = run_cli("parse", "/dev/zero", "--max-size", "2M", timeout=60)
    assert result.returncode == 7
    assert one_error_line(result.stderr) == "articlecli: error: /dev/zero: input is larger than the size limit of 2 MiB"


def test_stdin_has_the_size_limit_too():
    result = invoke("parse", "-", "--max-size", "1k", input=SEED.read_bytes())
    assert result.exit_code == 7
    assert one_error_line(result.stderr) == "articlecli: error: stdin: input is larger than the size limit of 1 KiB"


@pytest.mark.parametrize("value", ["lots", "-1", "1T", "1e9"])
def test_bad_max_size_is_a_usage_error(value):
    result = invoke("parse", str(SEED), "--max-size", value)
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith("articlecli: error: invalid size")


def test_cli_default_size_is_the_library_default():
    # The CLI reads its default without parsing it: the two must name the same size.
    from articlecli.api import DEFAULT_MAX_SIZE
    from articlecli.cli import DEFAULT_SIZE, _parse_size

    assert _parse_size(DEFAULT_SIZE) == DEFAULT_MAX_SIZE


def test_library_default_size_limit(tmp_path):
    from articlecli.api import DEFAULT_MAX_SIZE

    path = tmp_path / "big.txt"
    with open(path, "wb") as stream:
        stream.truncate(DEFAULT_MAX_SIZE + 1)
    with pytest.raises(InputTooLargeError):
        parse_file(path)


@pytest.mark.parametrize("pattern", ["aB", "aBc", "aBcde"])
def test_glued_noise_is_not_cut_into_millions_of_pieces(pattern):
    line = pattern * (200_000 // len(pattern))
    units, _ = read_units(line)
    assert len(units) <= 5000
    assert "".join(u.text for u in units) == line


def test_a_glued_line_is_cut_into_bounded_pieces_of_a_minimum_length():
    from articlecli.frontends.text import GLUED_PIECE_MIN_CHARS, _unglue

    line = "WirecutterAdvertisementSkip To ContentWe independently review everything we recommend. " * 40
    pieces = _unglue(line)
    assert len(pieces) > 40
    assert "".join(pieces) == line
    assert all(len(piece) >= GLUED_PIECE_MIN_CHARS for piece in pieces)


def test_terminal_tables_are_capped_and_say_so():
    from articlecli.render.table import TABLE_MAX_ROWS

    text = "Title\n\n" + "Home\nNews\nSport\n" * TABLE_MAX_ROWS
    result = invoke("parse", "-", "--explain", "--format", "table", input=text.encode())
    assert f"first {TABLE_MAX_ROWS:,} of {3 * TABLE_MAX_ROWS + 1:,} rows" in result.stdout


# --- streams and terminals ------------------------------------------------------------------------


def test_closed_stdout_fails_the_run():
    result = subprocess.run(
        [sys.executable, "-m", "articlecli", "parse", str(SEED)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 8
    assert one_error_line(result.stderr) == "articlecli: error: standard output is closed"


def test_closed_stdin_is_an_unreadable_input():
    result = subprocess.run(
        [sys.executable, "-m", "articlecli", "parse", "-"], capture_output=True, preexec_fn=lambda: os.close(0)
    )
    assert result.returncode == 3
    assert one_error_line(result.stderr) == "articlecli: error: stdin is closed"


def test_unreadable_file_exits_3(tmp_path, monkeypatch):
    # As root every file is readable, so the failure a user meets is simulated where it happens.
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("articlecli.api.open", refuse, raising=False)
    result = invoke("parse", str(path))
    assert result.exit_code == 3
    assert one_error_line(result.stderr) == f"articlecli: error: cannot read {path}: Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_exits_3_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    assert run_cli("parse", str(path)).returncode == 3


def test_file_name_with_a_newline_gives_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    result = invoke("parse", str(path))
    assert result.exit_code == 3
    assert one_error_line(result.stderr).endswith("two\\nlines.txt")


def test_file_name_with_a_non_utf8_byte_keeps_the_json_valid(tmp_path):
    name = os.fsencode(tmp_path) + b"/bad\xffname.txt"
    with open(name, "wb") as stream:
        stream.write(SEED.read_bytes())
    result = subprocess.run([sys.executable, "-m", "articlecli", "parse", name], capture_output=True)
    assert result.returncode == 0
    record = json.loads(result.stdout.decode("utf-8"))
    assert record["source"].endswith("bad\\xffname.txt")


def test_broken_pipe_exit_code_is_141():
    # The reader takes one byte and leaves while a few MB of --explain JSON are still to be written.
    data = SEED.read_bytes() * 300
    writer = subprocess.Popen(
        [sys.executable, "-m", "articlecli", "parse", "-", "--explain", "-f", "json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(data)
    writer.stdin.close()
    writer.stdout.read(1)
    writer.stdout.close()
    assert writer.wait(timeout=120) == 141
    assert writer.stderr is not None and writer.stderr.read() == b""


def _wait_until_loaded(pid: int, library: str, timeout: float = 60.0) -> None:
    """Wait until the process has mapped `library` (a sign of how far its start-up got)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if library in Path(f"/proc/{pid}/maps").read_text():
            return
        time.sleep(0.05)
    raise AssertionError(f"{library} never loaded")


def _cli_waiting_on_stdin() -> subprocess.Popen[bytes]:
    """`articlecli parse -` once it has started (the decoder module loads unicodedata) and waits for stdin.
    (Ctrl-C during the interpreter's own start-up, before articlecli runs, is Python's to report.)"""
    process = subprocess.Popen(
        [sys.executable, "-m", "articlecli", "parse", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_loaded(process.pid, "unicodedata")
    return process


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_ctrl_c_gives_one_line_and_130():
    process = _cli_waiting_on_stdin()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert one_error_line(err) == "articlecli: interrupted"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_ctrl_c_twice_still_gives_one_line_and_130():
    # An impatient user presses Ctrl-C again while the CLI winds down (its message, the exit's wait for the
    # language model's loading thread): the second one must not surface as a traceback.
    process = _cli_waiting_on_stdin()
    for _ in range(5):
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGINT)
        time.sleep(0.002)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err.decode()
    assert one_error_line(err) == "articlecli: interrupted"


@pytest.fixture
def console_interrupts() -> Iterator[None]:
    """The console's Ctrl-C handling installed in this process for one test, then the previous again."""
    previous_hook, previous_handler = sys.unraisablehook, signal.getsignal(signal.SIGINT)
    handle_interrupts()
    try:
        yield
    finally:
        _command.over = False
        sys.unraisablehook = previous_hook
        signal.signal(signal.SIGINT, previous_handler)


class _Locked:
    """Stands for an import lock: the import system drops its module locks through weakref callbacks."""


def _drop_with_ctrl_c_in_callback() -> weakref.ref[_Locked]:
    lock = _Locked()
    # The handler runs inside the callback, as a real Ctrl-C does when it lands there; its exception
    # cannot propagate out of a weakref callback.
    handler = signal.getsignal(signal.SIGINT)
    assert callable(handler)
    reference = weakref.ref(lock, lambda _: handler(signal.SIGINT, None))
    del lock
    return reference


def _run_on_until_interrupted() -> None:
    """Ordinary code for up to 5 s, where the swallowed Ctrl-C is raised again a moment later."""
    for _ in range(500):
        time.sleep(0.01)


def test_ctrl_c_swallowed_by_a_weakref_callback_still_ends_the_command(console_interrupts, capsys):
    # Seen under load once in some 50 runs of the test above: the CLI read its (empty) stdin and exited
    # 5 with 'Exception ignored in: <function _get_module_lock.<locals>.cb>' and SIGINT left ignored.
    with pytest.raises(Interrupted):
        reference = _drop_with_ctrl_c_in_callback()
        _run_on_until_interrupted()
    assert reference() is None
    assert "Exception ignored" not in capsys.readouterr().err


def test_ctrl_c_swallowed_is_not_raised_again_inside_the_hook(console_interrupts, capsys, monkeypatch):
    # Seen under load: starting the thread that raises the Ctrl-C again waited longer than its delay, the
    # interrupt ran inside the hook, Python dropped it ('Exception ignored in sys.unraisablehook') and the
    # command ran on. With no delay at all the interrupt must still wait for the hook to return.
    monkeypatch.setattr(console, "SWALLOWED_INTERRUPT_DELAY", 0.0)
    for _ in range(20):
        handle_interrupts()  # the Ctrl-C before turned SIGINT off, as a real one does
        with pytest.raises(Interrupted):
            _drop_with_ctrl_c_in_callback()
            _run_on_until_interrupted()
    assert "Exception ignored" not in capsys.readouterr().err


def test_batch_ctrl_c_swallowed_by_a_weakref_callback_still_stops_it(console_interrupts, capsys):
    # `batch` takes Ctrl-C as Python's KeyboardInterrupt (outputs kept, summary, exit 130).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with pytest.raises(KeyboardInterrupt):
        _drop_with_ctrl_c_in_callback()
        _run_on_until_interrupted()
    assert "Exception ignored" not in capsys.readouterr().err


def test_ctrl_c_swallowed_after_the_command_is_over_is_dropped(console_interrupts, capsys):
    # Once entry() winds down only the interpreter's exit is left: raising there would be a traceback.
    _command.over = True
    _drop_with_ctrl_c_in_callback()
    time.sleep(0.2)  # forty times the delay after which a swallowed Ctrl-C of a running command is raised
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert "Exception ignored" not in capsys.readouterr().err


ESCAPES = "Bridge [/b] closes\n\nThe council \x1b]0;pwned\x07voted \x1b[2J on Tuesday to close the old bridge to cars from next spring.\n\nSecond paragraph [/b] with a rich markup lookalike and more than enough words to count.\n"


@pytest.mark.parametrize("output_format", ["text", "markdown", "table"])
def test_escape_sequences_do_not_reach_a_terminal(tmp_path, output_format):
    path = tmp_path / "escapes.txt"
    path.write_text(ESCAPES, encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child runs the CLI on the terminal
        os.execv(sys.executable, [sys.executable, "-m", "articlecli", "parse", str(path), "-f", output_format])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output
    text = output.decode("utf-8")
    assert "\x07" not in text
    assert "]0;pwned" in text and "\x1b]0;" not in text and "\x1b[2J" not in text
    if output_format == "table":
        assert "[/b]" in text


def test_escape_sequences_reach_a_pipe_as_they_are(tmp_path):
    path = tmp_path / "escapes.txt"
    path.write_text(ESCAPES, encoding="utf-8")
    result = run_cli("parse", str(path), "-f", "text")
    assert b"\x1b]0;pwned\x07" in result.stdout
