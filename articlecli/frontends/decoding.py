"""Bytes to clean Unicode text: BOMs, UTF-16, legacy encodings, invisible characters."""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

from articlecli.errors import BinaryInputError
from articlecli.lazy_regex import lazy_compile

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that carry no text: zero-width space, word joiner, soft hyphen, BOM, bidi marks.
_INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width (non-)joiners spell words (Persian "می‌خواهم", Indic conjuncts) and emoji sequences
# ("👩‍💻"): kept between two letters, marks or symbols, removed anywhere else, where they are noise.
_JOINERS = lazy_compile("[\u200c\u200d]")
_JOINER_CHARS = "\u200c\u200d"
_JOINED_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "So", "Sk"})
# Line breaks that become "\n"; "\r\n" before "\r".
_LINE_BREAK_STRINGS = ("\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
# Unicode space separators (NBSP, thin spaces, ideographic space...) and tabs become plain spaces.
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"


# A NamedTuple, as the article's per-line records are (model.RemovedLine): a frozen dataclass's class
# costs a CLI run about 1 ms to create (Python 3.11 compiles each generated method with exec).
class Decoded(NamedTuple):
    """Decoded input text, the encoding it was read in, and what had to be repaired on the way."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> str:
    """Decode raw input bytes to text (see `decode`)."""
    return decode(data).text


def decode(data: bytes) -> Decoded:
    """Decode raw input bytes: BOM, UTF-16/32 without BOM, UTF-8 (repaired line by line), else detection.

    Raises BinaryInputError for input that is not text. Bytes invalid in the chosen encoding never
    make the whole input fail: they are repaired or replaced, and `warnings` says so.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                return _decode_utf8(data[len(bom) :], declared=True)
            return _decode_replacing(data, encoding)
    wide = _guess_bomless_wide(data)
    if wide:
        return _decode_replacing(data, wide)
    if _looks_binary(data):
        raise BinaryInputError("input looks like a binary file, not text")
    return _decode_utf8(data)


def _decode_replacing(data: bytes, encoding: str) -> Decoded:
    """`data` in `encoding`, invalid bytes (a truncated last character, a broken pair) as U+FFFD."""
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    warning = f"input has bytes that are not valid {encoding}: {text.count(chr(0xFFFD))} U+FFFD in the text"
    return Decoded(text, encoding, (warning,))


# UTF-16/32 without a BOM is recognised by its NUL bytes (the zero half of ASCII characters, which
# every page has: spaces, digits, newlines) and by decoding to printable text. The sample is enough.
WIDE_SAMPLE_BYTES = 4096
# Share of the sample's bytes that must be NUL, and share of those at one parity for UTF-16: a UTF-8
# file with a stray NUL has too few, binary data has them everywhere.
WIDE_MIN_NUL_SHARE = 0.005
WIDE_NUL_PARITY_SHARE = 0.9
# Share of decoded characters that must be printable or line breaks: UTF-16 read in the wrong byte
# order turns spaces and newlines into U+2000 and U+0A00, which are not.
WIDE_MIN_PRINTABLE_SHARE = 0.98


def _guess_bomless_wide(data: bytes) -> str | None:
    sample = data[:WIDE_SAMPLE_BYTES]
    nuls = sample.count(0)
    if len(sample) < 4 or nuls < max(2, WIDE_MIN_NUL_SHARE * len(sample)):
        return None
    odd_nuls = sample[1::2].count(0)
    candidates = ["utf-32-le", "utf-32-be"]
    if odd_nuls >= WIDE_NUL_PARITY_SHARE * nuls:
        candidates.append("utf-16-le")
    elif nuls - odd_nuls >= WIDE_NUL_PARITY_SHARE * nuls:
        candidates.append("utf-16-be")
    for encoding in candidates:
        unit = 4 if "32" in encoding else 2
        text = sample[: len(sample) - len(sample) % unit].decode(encoding, errors="replace")
        # One replacement is a surrogate pair cut by the end of the sample.
        if text.count("\ufffd") <= 1 and _printable_share(text) >= WIDE_MIN_PRINTABLE_SHARE:
            return encoding
    return None


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    # Format characters (ZWNJ in Persian, bidi marks) are part of text too.
    printable = sum(
        1 for char in text if char.isprintable() or char in "\t\n\r\x0b\x0c" or unicodedata.category(char) == "Cf"
    )
    return printable / len(text)


# Share of control bytes (other than tab, line breaks and form feed) above which input is not text.
BINARY_CONTROL_SHARE = 0.05
# Share of NUL bytes in the whole input above which it is binary even when the first 8 KB are text
# (a text header on a binary file); fewer are stray bytes, removed by normalize_text.
BINARY_NUL_SHARE = 0.01

# Vertical tab (11) is a line break for the normaliser, so it is no sign of binary data either.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample or data.count(0) > BINARY_NUL_SHARE * len(data):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > BINARY_CONTROL_SHARE


# A page is read as UTF-8 with damage (rather than as a legacy code page) when at least this share
# of its non-ASCII spots are valid UTF-8 characters: a cp1252 page has hardly any, a UTF-8 page with
# a stray byte or a pasted cp1252 paragraph has mostly valid ones.
UTF8_MIN_VALID_SHARE = 0.5


def _decode_utf8(data: bytes, *, declared: bool = False) -> Decoded:
    """Strict UTF-8; else, if the input is mostly UTF-8 (or `declared` so by a BOM), each broken line
    repaired on its own; else a legacy code page."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            # Cut in the middle of a character: the rest is whole, the partial character is dropped.
            text = data[: exc.start].decode("utf-8", errors="replace")
            return Decoded(text, "utf-8", ("input ends in the middle of a UTF-8 character (dropped)",))
    lenient = data.decode("utf-8", errors="replace")
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    replaced = lenient.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = len(lenient) - ascii_bytes - lenient.count("\ufffd")
    if not declared and valid_non_ascii < UTF8_MIN_VALID_SHARE * (valid_non_ascii + replaced):
        return _decode_legacy(data)
    return _repair_utf8_lines(data)


_HIGH_BYTES = bytes(range(128, 256))


def _repair_utf8_lines(data: bytes) -> Decoded:
    """A mostly-UTF-8 page, line by line: a line with valid UTF-8 characters keeps them and gets
    U+FFFD for its stray bytes; a line with none is a pasted legacy paragraph, decoded as one."""
    lines = data.split(b"\n")
    texts: list[str | None] = []
    legacy: list[int] = []
    replaced_lines = replaced_bytes = 0
    for position, line in enumerate(lines):
        try:
            texts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        lenient = line.decode("utf-8", errors="replace")
        replacements = lenient.count("\ufffd")
        if len(lenient) - len(line.translate(None, _HIGH_BYTES)) > replacements:
            texts.append(lenient)
            replaced_lines, replaced_bytes = replaced_lines + 1, replaced_bytes + replacements
        else:
            texts.append(None)
            legacy.append(position)
    warnings = []
    if replaced_lines:
        warnings.append(
            f"{replaced_lines} line(s) had bytes that are not valid UTF-8: {replaced_bytes} replaced by U+FFFD"
        )
    if legacy:
        legacy_data = b"\n".join(lines[position] for position in legacy)
        encoding = _legacy_encoding(legacy_data)
        for position in legacy:
            texts[position] = lines[position].decode(encoding, errors="replace")
        warnings.append(f"{len(legacy)} line(s) were not UTF-8 and were decoded as {encoding}")
    return Decoded("\n".join(text or "" for text in texts), "utf-8", tuple(warnings))


def _decode_legacy(data: bytes) -> Decoded:
    encoding = _legacy_encoding(data)
    return _decode_replacing(data, encoding)


# Below this size, charset detection has too little to go on ("Großé" came out as Arabic): a text
# whose cp1252 reading is plausible Western text is taken as cp1252, the commonest legacy web encoding.
WESTERN_SHORT_MAX_BYTES = 2048
# In Western text most words of three letters or more have an ASCII letter ("Großé", "été"); a
# Cyrillic or Greek page read as cp1252 has almost only words without one ("Ïðèâåò").
WESTERN_MAX_FOREIGN_WORD_SHARE = 0.2
# Non-letters a Western legacy page uses (cp1252's typographic punctuation and signs).
_WESTERN_SIGNS = frozenset("€‚„…†‡‰‹›‘’“”•–—˜™«»°©®§¶·¿¡ªº±×÷£¥¢¦¨¯´¸¼½¾\u00a0")


def _legacy_encoding(data: bytes) -> str:
    """The legacy code page of `data`: cp1252 for short plausible Western text, else charset-normalizer's
    guess, with cp1252 winning near-ties and replacing DOS/Mac guesses."""
    if len(data) <= WESTERN_SHORT_MAX_BYTES:
        for western in ("cp1252", "latin_1"):
            if _decodes(data, western) and _plausible_western(data.decode(western)):
                return western
    # charset-normalizer guesses among legacy code pages; imported lazily because most input is UTF-8.
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return "cp1252" if _decodes(data, "cp1252") else "latin_1"
    best = matches[0]
    if best.encoding.startswith(_DOS_AND_MAC) and _decodes(data, "cp1252"):
        # DOS and classic-Mac code pages are all but extinct on the web; such a guess is a tie-break
        # gone wrong, and cp1252 is what the page almost surely was.
        return "cp1252"
    # Windows-1252 is by far the most common legacy web encoding; on a near tie it is the right guess.
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + WESTERN_TIE_MARGIN:
            return "cp1252"
    return str(best.encoding)


def _plausible_western(text: str) -> bool:
    """Non-ASCII characters are letters or Western signs, and few words are made of non-ASCII letters only."""
    if any(not char.isascii() and not char.isalpha() and char not in _WESTERN_SIGNS for char in text):
        return False
    words = [word for word in _LETTER_RUNS.findall(text) if len(word) >= 3]
    foreign = sum(1 for word in words if not any(char.isascii() for char in word))
    return foreign <= WESTERN_MAX_FOREIGN_WORD_SHARE * len(words)


_LETTER_RUNS = lazy_compile(r"[^\W\d_]+")
# Code pages all but extinct on the web: DOS, classic Mac, EBCDIC. Such a guess is a tie-break gone wrong.
_DOS_AND_MAC = ("cp4", "cp7", "cp8", "mac_", "cp0", "cp5", "cp273", "cp875", "cp1026", "cp1140")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
WESTERN_TIE_MARGIN = 0.05


def normalize_text(text: str) -> str:
    """Unify line breaks and spaces, drop invisible characters, repair mojibake, compose to NFC.

    Lone surrogates (text decoded with 'surrogateescape', or JSON halves of a pair) become U+FFFD, so
    the text always encodes as UTF-8; NUL characters are dropped.
    """
    return "\n".join(normalize_lines(text))


# The text is normalised in pieces of about this many characters, cut after a line break: every step
# is local to a line, and a piece is a string of its own width (one emoji makes a whole page's string
# four bytes a character; here only its piece), so a large page is never copied whole.
NORMALIZE_PIECE_CHARS = 1 << 16
# A page repaired whole is handed to ftfy in pieces of about this many characters, cut at line ends,
# so its memory stays bounded.
MOJIBAKE_PIECE_CHARS = 1 << 16


def normalize_lines(text: str) -> list[str]:
    """The lines of normalize_text(text) (its text split at "\n"), without a normalised copy of the whole
    page: the page is cleaned in pieces cut at line ends, and the caller's only reference to `text` may
    be handed over (it is released once cut into pieces)."""
    pieces = [_clean_piece(piece) for piece in _line_pieces(text)]
    del text
    pieces = _repair_mojibake_pieces(pieces)
    lines: list[str] = []
    last = len(pieces) - 1
    for position in range(len(pieces)):
        piece_lines = unicodedata.normalize("NFC", pieces[position]).split("\n")
        pieces[position] = ""
        if position < last:
            # Each piece but the last ends with its line break: the empty string after it is no line.
            piece_lines.pop()
        lines += piece_lines
    return lines


def _line_pieces(text: str, size: int = NORMALIZE_PIECE_CHARS) -> list[str]:
    """`text` in pieces of about `size` characters, each but the last ending with "\n"."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def _clean_piece(text: str) -> str:
    """Everything normalize_text does to a piece of text before the mojibake repair and NFC; each step is
    local to a line (a piece ends at a line break, which none of them removes or makes)."""
    text = _without_lone_surrogates(text)
    # str.replace and `in` scan far faster than a regex; most breaks are already "\n", most pages
    # have no invisible characters, and the regexes run only where a character needs them.
    for line_break in _LINE_BREAK_STRINGS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    # One character replaced on its own at a time: str.replace of each character present, at the speed
    # of a plain scan (a regex substitution tests every position of the page).
    for char in _INVISIBLE_CHARS:
        if char in text:
            text = text.replace(char, "")
    if any(char in text for char in _JOINER_CHARS):
        text = _JOINERS.sub(_joiner_or_nothing, text)
    for char in _SPACE_CHARS:
        if char in text:
            text = text.replace(char, " ")
    return text


def _joiner_or_nothing(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    if start > 0 and end < len(text):
        before, after = unicodedata.category(text[start - 1]), unicodedata.category(text[end])
        if before in _JOINED_CATEGORIES and after in _JOINED_CATEGORIES:
            return match.group()
    return ""


def _without_lone_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Through UTF-16, a valid pair of halves becomes its character and a lone half U+FFFD.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


# Typical UTF-8-read-as-cp1252 sequences ("Ã©", "â€™"); only then is ftfy worth loading.
_MOJIBAKE_HINT = lazy_compile(
    "[ÃÂâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]"
)
# The first characters of every _MOJIBAKE_HINT match: most pages have none, found by a plain scan.
_MOJIBAKE_LEADS = ("Ã", "Â", "â")
# On a page that shows mojibake, a line is handed to ftfy when it has a character that can be part of
# it: a lead byte of a UTF-8 sequence read as cp1252/latin-1 (Ã-ô) followed by a continuation byte read
# so (U+0080-U+00BF, cp1252's punctuation and letters), or a C1 control (cp1252 punctuation read as
# latin-1: "shouldn\x92t"), or "Â"/"Ã" before a space (a no-break space of mojibake made a plain space,
# "Step 2:Â Appoint"). Wider than the page hint ("Ø±" is Arabic, "ð\x9d" an emoji, "ï·" a
# symbol): ftfy decides on each such line whether it is mojibake, so a false match costs only time.
_MOJIBAKE_LINE = lazy_compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u0192]"
    "|[\u0080-\u009f]|[ÂÃ] "
)
# A line longer than this (a page glued onto one line) is repaired in windows of about this many
# characters either side of each mojibake spot, cut at spaces: mojibake never spans a space-free
# run that long, and ftfy's cost and memory then stay bounded by the window, not by the line.
MOJIBAKE_WINDOW_CHARS = 2000


def _repair_mojibake(text: str) -> str:
    """Mojibake repaired by ftfy: over the whole page when all of it is UTF-8 read in a single-byte code
    page, else on each line that shows it, every other line untouched."""
    return "".join(_repair_mojibake_pieces([text]))


def _repair_mojibake_pieces(pieces: list[str]) -> list[str]:
    """_repair_mojibake of the page made of `pieces` (each but the last ending with a line break), piece by
    piece: over the whole page when all of it is UTF-8 read in a single-byte code page, else on each line
    that shows it, every other line untouched.

    Line by line (or in bounded pieces), so the cost follows the amount of mojibake rather than the size
    of the page: ftfy over a whole large page that shows mojibake in a few lines costs seconds per
    megabyte and many times the page's size in memory.
    """
    # Neither test matches across a line break.
    if not any(lead in piece for piece in pieces for lead in _MOJIBAKE_LEADS) or not any(
        map(_MOJIBAKE_HINT.search, pieces)
    ):
        return pieces
    import ftfy

    if _all_mojibake(pieces):
        # ftfy repairs such a page as one string; in pieces cut at line ends it gives the same result.
        # (Rare: the whole page is joined to cut it as ftfy's repair always was.)
        text = "".join(pieces)
        del pieces
        return [ftfy.fix_encoding(piece) for piece in _line_pieces(text, MOJIBAKE_PIECE_CHARS)]
    # A piece ends at a line break and a repair window never crosses one: each piece on its own.
    return [_repair_lines(piece) for piece in pieces]


def _repair_lines(text: str) -> str:
    """The lines of `text` that can show mojibake, each repaired by ftfy on its own (_repair_line)."""
    match = _MOJIBAKE_LINE.search(text)
    if match is None:
        return text
    pieces: list[str] = []
    done = 0
    while match is not None:
        start, end = _mojibake_window(text, match.start(), match.end(), done)
        pieces.append(text[done:start])
        pieces.append(_repair_line(text[start:end]))
        done = end
        match = _MOJIBAKE_LINE.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)


def _repair_line(line: str) -> str:
    """ftfy's repair of one line of a page that shows mojibake. ftfy leaves alone a line that does not
    look bad on its own ("Step 2:Â Appoint"); over the whole page it would have applied its
    inconsistent-UTF-8 and C1 repairs to it, because the page looks bad, so these apply here too."""
    import ftfy
    from ftfy.chardata import UTF8_DETECTOR_RE
    from ftfy.fixes import decode_inconsistent_utf8, fix_c1_controls

    fixed = ftfy.fix_encoding(line)
    if fixed != line:
        return fixed
    if UTF8_DETECTOR_RE.search(line):
        line = decode_inconsistent_utf8(line)
    return fix_c1_controls(line)


def _all_mojibake(pieces: list[str]) -> bool:
    """The page (its `pieces`, cut after line breaks), encoded in one of the code pages ftfy tries,
    decodes as UTF-8: it is UTF-8 read in that code page throughout (ftfy's first repair step, tested
    with C codecs only, failing at the first character that rules it out). Piece by piece, as on the
    whole page: no step matches across a line break, nor does a UTF-8 sequence hold one, and the codec
    is chosen for the whole page (ftfy's utf-8-variants when byte ED or C0 occurs anywhere)."""
    from ftfy.chardata import CHARMAP_ENCODINGS
    from ftfy.fixes import replace_lossy_sequences, restore_byte_a0

    for encoding in CHARMAP_ENCODINGS:
        encoded: list[bytes] = []
        try:
            for piece in pieces:
                data = piece.encode(encoding)
                if encoding != "macroman":
                    data = restore_byte_a0(data)
                if encoding.startswith("sloppy"):
                    data = replace_lossy_sequences(data)
                encoded.append(data)
        except UnicodeEncodeError:
            continue
        codec = "utf-8-variants" if any(0xED in data or 0xC0 in data for data in encoded) else "utf-8"
        try:
            for data in encoded:
                data.decode(codec)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _mojibake_window(text: str, spot_start: int, spot_end: int, done: int) -> tuple[int, int]:
    """The line around a mojibake spot, or on a long line a window cut at spaces (never before `done`)."""
    start = max(text.rfind("\n", 0, spot_start) + 1, done)
    end = text.find("\n", spot_end)
    end = len(text) if end < 0 else end
    if end - start <= 2 * MOJIBAKE_WINDOW_CHARS:
        return start, end
    if spot_start - start > MOJIBAKE_WINDOW_CHARS:
        space = text.rfind(" ", start, spot_start - MOJIBAKE_WINDOW_CHARS)
        start = max(start, space + 1)
    if end - spot_end > MOJIBAKE_WINDOW_CHARS:
        space = text.find(" ", spot_end + MOJIBAKE_WINDOW_CHARS, end)
        end = end if space < 0 else space
    return start, end
