"""Bytes to clean text: BOMs, UTF-16, legacy code pages, line breaks, invisible characters, mojibake."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from articlecli import parse_bytes, parse_text
from articlecli.errors import ArticleError, BinaryInputError, EmptyInputError
from articlecli.frontends.decoding import decode, decode_bytes, normalize_text

FR_PARAGRAPH = (
    "Le gouvernement a annoncé mercredi une réforme très attendue des retraites. Les syndicats "
    "dénoncent un projet « injuste » et appellent à la grève générale dès la semaine prochaine, "
    "à Paris comme en région.\n"
)
DE_PARAGRAPH = (
    "Die Größe der Straßenbäume überraschte die Bürger am Dienstag. Äußerst selten sieht man so "
    "große Platanen in der Innenstadt, sagte der Bürgermeister bei der Begehung.\n"
)
EN_PARAGRAPH = "It’s a “smart” move — the café said a cup will cost €5 from Monday, up from €4.50.\n"
ES_PARAGRAPH = (
    "El Ayuntamiento aprobó el miércoles la ampliación del carril bici en la avenida principal. "
    "Según la concejala, las obras comenzarán en otoño y costarán unos dos millones de euros.\n"
)
ASCII_PARAGRAPH = "The city council approved the new bike lanes on Tuesday evening after a long debate.\n"


# --- decode_bytes: encodings --------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,expected",
    [
        # UTF-8, with and without BOM (the BOM is dropped)
        (FR_PARAGRAPH.encode("utf-8"), FR_PARAGRAPH),
        (codecs.BOM_UTF8 + FR_PARAGRAPH.encode("utf-8"), FR_PARAGRAPH),
        (codecs.BOM_UTF8 + ASCII_PARAGRAPH.encode("utf-8"), ASCII_PARAGRAPH),
        # UTF-16 with BOM, both byte orders
        (codecs.BOM_UTF16_LE + FR_PARAGRAPH.encode("utf-16-le"), FR_PARAGRAPH),
        (codecs.BOM_UTF16_BE + FR_PARAGRAPH.encode("utf-16-be"), FR_PARAGRAPH),
        (codecs.BOM_UTF16_LE + DE_PARAGRAPH.encode("utf-16-le"), DE_PARAGRAPH),
        # UTF-16 without BOM (as some Windows tools write it)
        (ASCII_PARAGRAPH.encode("utf-16-le"), ASCII_PARAGRAPH),
        (ASCII_PARAGRAPH.encode("utf-16-be"), ASCII_PARAGRAPH),
        (FR_PARAGRAPH.encode("utf-16-le"), FR_PARAGRAPH),
        (FR_PARAGRAPH.encode("utf-16-be"), FR_PARAGRAPH),
        # Legacy single-byte code pages, detected
        (FR_PARAGRAPH.encode("cp1252"), FR_PARAGRAPH),
        (FR_PARAGRAPH.encode("latin-1"), FR_PARAGRAPH),
        (DE_PARAGRAPH.encode("latin-1"), DE_PARAGRAPH),
        (DE_PARAGRAPH.encode("cp1252"), DE_PARAGRAPH),
        (EN_PARAGRAPH.encode("cp1252"), EN_PARAGRAPH),
        (ES_PARAGRAPH.encode("latin-1"), ES_PARAGRAPH),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf8-bom-ascii",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-bom-german",
        "utf16le-no-bom-ascii",
        "utf16be-no-bom-ascii",
        "utf16le-no-bom-french",
        "utf16be-no-bom-french",
        "cp1252-french",
        "latin1-french",
        "latin1-german",
        "cp1252-german",
        "cp1252-smart-quotes-euro",
        "latin1-spanish",
    ],
)
def test_decode_bytes(data, expected):
    assert decode_bytes(data) == expected


def test_utf8_bom_does_not_reach_the_title():
    page = "Breaking: floods hit the coast\n\n" + ASCII_PARAGRAPH * 3
    article = parse_bytes(codecs.BOM_UTF8 + page.encode("utf-8"))
    assert article.title == "Breaking: floods hit the coast"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_parse_bytes_recovers_french_article_from_any_encoding(encoding):
    page = "Réforme des retraites : la grève générale se précise\n\n" + FR_PARAGRAPH + "\n" + FR_PARAGRAPH
    article = parse_bytes(page.encode(encoding))
    assert article.title == "Réforme des retraites : la grève générale se précise"
    assert "réforme très attendue" in article.text
    assert "\ufffd" not in article.text


# --- normalize_text: line breaks, spaces, invisible characters, NFC, mojibake -------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        # Windows and old-Mac line breaks become "\n"
        ("Title\r\n\r\nFirst paragraph.\r\n", "Title\n\nFirst paragraph.\n"),
        ("Title\r\rFirst paragraph.\r", "Title\n\nFirst paragraph.\n"),
        ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        ("line\u2028separator", "line\nseparator"),
        # NBSP and other Unicode spaces become plain spaces
        ("Le prix : 12\u00a0€", "Le prix : 12 €"),
        ("« Bonjour\u202f»", "« Bonjour »"),
        ("10\u2009000 habitants", "10 000 habitants"),
        # zero-width characters, BOMs and soft hyphens disappear
        ("zero\u200bwidth", "zerowidth"),
        ("Zei\u00adtungs\u00adartikel", "Zeitungsartikel"),
        ("join\u200d\u200cer", "joiner"),
        ("\u200dedge\u200c", "edge"),
        ("\ufeffTitle", "Title"),
        ("word\u2060joiner", "wordjoiner"),
        # decomposed accents are composed (NFC)
        ("Cafe\u0301 de\u0301ja\u0300", "Café déjà"),
        ("Mu\u0308nchen", "München"),
        # mojibake (UTF-8 read as cp1252) is repaired
        ("CafÃ© crÃ¨me", "Café crème"),
        ("Itâ€™s a â€œsmartâ€\x9d move", "It’s a “smart” move"),
        ("MÃ¼nchen und ZÃ¼rich", "München und Zürich"),
        # correct text is left alone
        ("Café crème à 3 €", "Café crème à 3 €"),
        ("naïve façade, Straße", "naïve façade, Straße"),
        ("Ãrbol", "Ãrbol"),
    ],
    ids=[
        "crlf",
        "lone-cr",
        "mixed-breaks",
        "line-separator",
        "nbsp",
        "narrow-nbsp",
        "thin-space",
        "zero-width-space",
        "soft-hyphen",
        "zwj-zwnj",
        "zwj-zwnj-at-edges",
        "bom-inside-text",
        "word-joiner",
        "nfc-french",
        "nfc-german",
        "mojibake-french",
        "mojibake-quotes",
        "mojibake-german",
        "clean-french",
        "clean-mixed",
        "clean-capital-a-tilde",
    ],
)
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


def test_normalized_text_is_nfc():
    text = unicodedata.normalize("NFD", FR_PARAGRAPH + DE_PARAGRAPH)
    assert normalize_text(text) == unicodedata.normalize("NFC", text)


# --- normalisation as the parser sees it -------------------------------------------------------


def test_crlf_article_keeps_line_numbers():
    page = "Storm closes schools\r\n\r\n" + ASCII_PARAGRAPH.strip() + "\r\n\r\n" + ASCII_PARAGRAPH.strip() + "\r\n"
    article = parse_text(page)
    assert article.title == "Storm closes schools"
    assert sorted(d.line for d in article.decisions) == [1, 3, 5]
    assert all("\r" not in d.text for d in article.decisions)


def test_lone_cr_article_is_split_into_lines():
    page = "Storm closes schools\r\r" + ASCII_PARAGRAPH.strip() + "\r\r" + ASCII_PARAGRAPH.strip()
    article = parse_text(page)
    assert article.title == "Storm closes schools"
    assert sorted(d.line for d in article.decisions) == [1, 3, 5]


def test_invisible_characters_do_not_reach_the_body():
    paragraph = (
        "The mayor\u00a0said the new\u200b tram line will open in Sep\u00adtember, two years "
        "later than planned, because of supply problems.\ufeff"
    )
    article = parse_text("Tram line delayed again\n\n" + paragraph + "\n\n" + ASCII_PARAGRAPH)
    assert "The mayor said the new tram line will open in September, two years" in article.text
    for char in "\u00a0\u200b\u00ad\ufeff":
        assert char not in article.text


def test_decomposed_title_is_composed():
    article = parse_text("Re\u0301forme des retraites : la gre\u0300ve se pre\u0301cise\n\n" + FR_PARAGRAPH * 2)
    assert article.title == "Réforme des retraites : la grève se précise"


def test_mojibake_article_is_repaired():
    page = ("Le CafÃ© de Flore fÃªte ses 140 ans\n\n" + FR_PARAGRAPH * 2).encode("utf-8").decode("cp1252")
    article = parse_text(page)
    assert article.title == "Le Café de Flore fête ses 140 ans"
    assert "réforme très attendue" in article.text


# A page that is UTF-8 read as cp1252 throughout, and the same lines pasted into a page of correct
# text (only the lines that show mojibake are repaired, each on its own).
ALL_MOJIBAKE_LINES = [
    "Prices: 10 Ø±.Ù\x82 QAR",  # Arabic, no "Ã"/"â" lead
    "Share on ð\x9d\x95\x8f",  # an emoji outside the BMP
    "1.Â Â Â Myth: all fat is bad",  # no-break spaces made plain spaces
    "It\x92s a CafÃ© crÃ¨me",  # a C1 control (cp1252 read as latin-1) beside mojibake
]
ALL_MOJIBAKE_FIXED = [
    "Prices: 10 ر.ق QAR",
    "Share on 𝕏",
    "1.\u00a0\u00a0\u00a0Myth: all fat is bad",
    "It’s a Café crème",
]


def test_page_of_mojibake_is_repaired_on_every_line():
    assert normalize_text("\n".join(ALL_MOJIBAKE_LINES)) == "\n".join(ALL_MOJIBAKE_FIXED)


def test_mojibake_lines_in_a_correct_page_are_repaired_each_on_its_own():
    correct = ["Ein Kaffee für 3 €, naïve façade", "日本語のテキスト", "Step 2:Â Appoint an agent"]
    page = "\n".join([correct[0], "CafÃ© crÃ¨me â€” itâ€™s here", correct[1], "He shouldn\x92t go", correct[2]])
    assert normalize_text(page).split("\n") == [
        correct[0],
        "Café crème — it’s here",
        correct[1],
        "He shouldn’t go",
        "Step 2:\u00a0Appoint an agent",
    ]


def test_mojibake_on_a_very_long_line_is_repaired_around_each_spot():
    words = "plain words here " * 2000
    line = words + "CafÃ© " + words + "crÃ¨me " + words
    assert normalize_text(line) == words + "Café " + words + "crème " + words


# --- input that is not a text dump -------------------------------------------------------------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000010000000100806000000") + bytes(range(256)) * 4
GZIP = bytes.fromhex("1f8b0800000000000003") + bytes(range(255, -1, -1)) * 4
PDF_STREAM = b"%PDF-1.7\n" + bytes([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]) * 200
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + bytes(range(32)) * 20
CONTROL_NOISE = bytes([0x01, 0x02, 0x03, 0x1B, 0x7F, 0x41, 0x42]) * 300


@pytest.mark.parametrize(
    "data",
    [PNG, GZIP, PDF_STREAM, ELF, CONTROL_NOISE],
    ids=["png", "gzip", "pdf-binary", "elf", "control-bytes"],
)
def test_binary_input_is_rejected(data):
    with pytest.raises(BinaryInputError):
        decode_bytes(data)
    with pytest.raises(BinaryInputError):
        parse_bytes(data)


def test_binary_input_error_has_exit_code_4():
    with pytest.raises(ArticleError) as info:
        parse_bytes(PNG)
    assert info.value.exit_code == 4


def test_bom_with_stray_bytes_is_decoded_with_a_warning():
    # Was a DecodeError: one bad byte must not cost the whole page.
    decoded = decode(codecs.BOM_UTF8 + "Größe und Maß\n".encode() + b"\xff\xfe\xfa broken \xc3(\n")
    assert decoded.text.startswith("Größe und Maß\n")
    assert "broken" in decoded.text
    assert decoded.warnings


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"\n\n\n", b" \t\r\n \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n  \n", "\u00a0\n".encode()],
    ids=["empty", "spaces", "newlines", "mixed-whitespace", "bom-only", "bom-and-whitespace", "nbsp-only"],
)
def test_empty_input_is_rejected(data):
    with pytest.raises(EmptyInputError):
        parse_bytes(data)


# --- normalize_lines: the page normalised in pieces cut at line ends -----------------------------

_PIECED_PAGE_LINES = [
    "Caf\u00c3\u00a9 cr\u00c3\u00a8me \u00e2\u20ac\u201c la r\u00c3\u00a9forme\r",  # mojibake, CRLF
    "\u200dZero-width joiner at a line start, word\u200bjoiner\u2060 and soft\u00adhyphen",
    "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 and an emoji \U0001f469\u200d\U0001f4bb end\u200d",
    "\u0301combining accent at a line start, e\u0301 decomposed",
    "No-break\u00a0space, thin\u2009space, tab\there\x00 and a NUL",
    "shouldn\x92t (a C1 quote), Step 2:\u00c2 Appoint",
    "lone surrogate \ud800 here\u2028line separator\x0bvertical tab\x0cform feed\x85next line\rCR",
    "",
    "   ",
]


@pytest.mark.parametrize("piece_chars", [1, 7, 40])
def test_pieces_give_the_whole_page_result(monkeypatch, piece_chars):
    """Cutting the page into pieces (at line ends) changes nothing: a large page is normalised the same."""
    from articlecli.frontends import decoding

    page = "\n".join(_PIECED_PAGE_LINES * 5) + "\n"
    whole = decoding.normalize_lines(page)
    monkeypatch.setattr(decoding, "NORMALIZE_PIECE_CHARS", piece_chars)
    pieced = decoding.normalize_lines(page)
    assert pieced == whole
    assert "\n".join(whole) == normalize_text(page)
    assert whole[:7] == [
        "Café crème – la réforme",
        "Zero-width joiner at a line start, wordjoiner and softhyphen",
        "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 and an emoji \U0001f469\u200d\U0001f4bb end",
        "\u0301combining accent at a line start, \u00e9 decomposed",
        "No-break space, thin space, tab here and a NUL",
        "shouldn’t (a C1 quote), Step 2:\u00a0Appoint",
        "lone surrogate \ufffd here",
    ]


@pytest.mark.parametrize("piece_chars", [1, 16])
def test_whole_page_mojibake_in_pieces(monkeypatch, piece_chars):
    """A page that is UTF-8 read as cp1252 throughout is repaired whole, also when cut into pieces."""
    from articlecli.frontends import decoding

    original = "Réforme des retraites\n\nLa grève générale se précise — « très attendue ».\nÉté 2024\n" * 3
    page = original.encode("utf-8").decode("cp1252", "replace")
    whole = decoding.normalize_lines(page)
    monkeypatch.setattr(decoding, "NORMALIZE_PIECE_CHARS", piece_chars)
    assert decoding.normalize_lines(page) == whole
    assert "\n".join(whole) == original
