"""Page bytes to text: BOM, then the charset the page declares (<meta charset>, http-equiv), then detection."""

from __future__ import annotations

import codecs
import re

from articlecli.frontends.decoding import decode_bytes
from articlecli.lazy_regex import lazy_compile

# The declaration must sit near the top (HTML requires the first 1024 bytes; pages are sloppier).
DECLARATION_WINDOW = 8192
_META_CHARSET = lazy_compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = lazy_compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG decodes these labels as windows-1252 (browsers never use true Latin-1 or ASCII).
_AS_CP1252 = frozenset(
    {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819", "windows-1252"}
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A multi-byte UTF-8 sequence: a page that declares a legacy charset but holds these decodes as
# UTF-8 (re-saved pages keep their old declaration; real cp1252 text almost never forms them).
_UTF8_SEQUENCE = lazy_compile(rb"[\xc2-\xf4][\x80-\xbf]")


def declared_charset(data: bytes) -> str | None:
    """The encoding named by <meta charset>, <meta http-equiv content=...charset=> or <?xml encoding>."""
    window = data[:DECLARATION_WINDOW]
    match = _META_CHARSET.search(window) or _XML_ENCODING.search(window)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    label = "cp1252" if label in _AS_CP1252 else label
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """Decode an HTML page. Raises the text path's errors for input no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        if not (_UTF8_SEQUENCE.search(data) and _is_utf8(data)):
            return data.decode(declared, errors="replace")
    elif declared == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            # Declared UTF-8 with stray bytes: keep the UTF-8, read the strays as the usual cp1252.
            return data.decode("utf-8", errors="replace") if _mostly_utf8(data) else decode_bytes(data)
    # NUL bytes in markup are damage, not a binary file: the text path's binary test is skipped.
    return decode_bytes(data.replace(b"\x00", b""))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    return bool(_UTF8_SEQUENCE.search(data))
