"""Bytes to clean Unicode text: BOMs, UTF-16, legacy encodings, invisible characters."""

from __future__ import annotations

import codecs
import re
import unicodedata

from articlecli.errors import BinaryInputError, DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of control bytes (other than tab/newline/CR/form feed) above which input is not text.
BINARY_CONTROL_SHARE = 0.05

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"

# Characters that carry no text: zero-width spaces/joiners, word joiner, soft hyphen, BOM, bidi marks.
_INVISIBLE_CHARS = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Line breaks that become "\n"; "\r\n" before "\r".
_LINE_BREAK_STRINGS = ("\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
# Unicode space separators (NBSP, thin spaces, ideographic space...) and tabs become plain spaces.
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"


def decode_bytes(data: bytes) -> str:
    """Decode raw input bytes to text: BOM, then UTF-16 without BOM, strict UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"input starts with a {encoding} byte order mark but is not {encoding}") from exc
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise BinaryInputError("input looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data)


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as every other byte being NUL in ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / len(sample) > BINARY_CONTROL_SHARE


def _decode_legacy(data: bytes) -> str:
    # charset-normalizer guesses among legacy code pages; imported lazily because most input is UTF-8.
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("input is not UTF-8 and its encoding could not be detected")
    best = matches[0]
    if best.encoding.startswith(_DOS_AND_MAC) and _decodes(data, "cp1252"):
        # DOS and classic-Mac code pages are all but extinct on the web; such a guess is a tie-break
        # gone wrong, and cp1252 is what the page almost surely was.
        return data.decode("cp1252")
    # Windows-1252 is by far the most common legacy web encoding; on a near tie it is the right guess.
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + WESTERN_TIE_MARGIN:
            return data.decode("cp1252", errors="replace")
    return data.decode(best.encoding, errors="replace")


_DOS_AND_MAC = ("cp4", "cp7", "cp8", "mac_")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
WESTERN_TIE_MARGIN = 0.05


def normalize_text(text: str) -> str:
    """Unify line breaks and spaces, drop invisible characters, repair mojibake, compose to NFC."""
    # str.replace and `in` scan far faster than a regex; most breaks are already "\n", most pages
    # have no invisible characters, and the regexes run only where a character needs them.
    for line_break in _LINE_BREAK_STRINGS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    # One character replaced on its own at a time: str.replace of each character present, at the speed
    # of a plain scan (a regex substitution tests every position of the page).
    for char in _INVISIBLE_CHARS:
        if char in text:
            text = text.replace(char, "")
    for char in _SPACE_CHARS:
        if char in text:
            text = text.replace(char, " ")
    text = _repair_mojibake(text)
    return unicodedata.normalize("NFC", text)


# Typical UTF-8-read-as-cp1252 sequences ("Ã©", "â€™"); only then is ftfy worth loading.
_MOJIBAKE_HINT = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]"
)


# The first characters of every _MOJIBAKE_HINT match: most pages have none, found by a plain scan.
_MOJIBAKE_LEADS = ("Ã", "Â", "â")


def _repair_mojibake(text: str) -> str:
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)
