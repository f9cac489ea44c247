"""Checks on the per-language phrase lists in articlecli/data/phrases/.

Self-contained: a tiny local reader parses the files, so these tests do not depend on the
package's own loader. The format is described in articlecli/data/phrases/README.md.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from articlecli.records.lexicon import BOILERPLATE_CATEGORIES, PREFIX_CATEGORIES, WORD_CATEGORIES

PHRASE_DIR = Path(__file__).resolve().parent.parent / "articlecli" / "data" / "phrases"

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu", "tr", "ru")

# The loader's own category lists: a file may use no other category names.
BOILERPLATE = BOILERPLATE_CATEGORIES
HEADER = PREFIX_CATEGORIES + WORD_CATEGORIES
KNOWN = frozenset(BOILERPLATE + HEADER)
REQUIRED_EVERYWHERE = ("byline-prefix", "published-prefix", "updated-prefix", "conjunction")
RICH_LANGUAGES = ("en", "fr", "de", "es")
# Every boilerplate category of a rich language has at least this many phrases ...
MIN_PER_CATEGORY = 10
# ... and the boilerplate categories together at least this many.
MIN_BOILERPLATE_TOTAL = {"en": 450, "fr": 300, "de": 300, "es": 300}
# Every language file has at least this many boilerplate phrases in all.
MIN_BOILERPLATE_ANY = 120

CURLY = "‘’‚‛“”„«»´`"


def read_phrases(path: Path) -> dict[str, list[str]]:
    """Parse one file: '#' comments before the first [section], then phrases one a line."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(path.read_text("utf-8").split("\n"), 1):
        if not raw.strip():
            continue
        if raw.startswith("[") and raw.endswith("]"):
            name = raw[1:-1]
            assert name not in sections, f"{path.name}:{number}: section [{name}] repeated"
            current = sections[name] = []
        elif current is None:
            assert raw.startswith("#"), f"{path.name}:{number}: text before the first section: {raw!r}"
        else:
            current.append(raw)
    return sections


def stem(phrase: str) -> str:
    """The phrase without its trailing ' *' wildcard."""
    return phrase[:-2] if phrase.endswith(" *") else phrase


def is_wildcard(phrase: str) -> bool:
    return phrase.endswith(" *")


def has_number(phrase: str) -> bool:
    return "#" in phrase.split()


@pytest.fixture(scope="module")
def data() -> dict[str, dict[str, list[str]]]:
    return {lang: read_phrases(PHRASE_DIR / f"{lang}.txt") for lang in LANGUAGES}


def all_phrases(data):
    for lang, sections in data.items():
        for category, phrases in sections.items():
            for phrase in phrases:
                yield lang, category, phrase


def test_every_language_file_exists():
    missing = [lang for lang in LANGUAGES if not (PHRASE_DIR / f"{lang}.txt").is_file()]
    assert not missing
    assert (PHRASE_DIR / "README.md").is_file()


def test_files_are_clean_utf8():
    for lang in LANGUAGES:
        raw = (PHRASE_DIR / f"{lang}.txt").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{lang}: BOM"
        assert b"\r" not in raw, f"{lang}: CR line ends"
        assert b"\t" not in raw, f"{lang}: tab"
        raw.decode("utf-8")


def test_only_known_categories(data):
    for lang, sections in data.items():
        unknown = set(sections) - KNOWN
        assert not unknown, f"{lang}: unknown categories {sorted(unknown)}"


def test_required_header_categories(data):
    for lang, sections in data.items():
        for category in REQUIRED_EVERYWHERE:
            assert sections.get(category), f"{lang}: [{category}] missing or empty"


def test_no_duplicates_within_a_category(data):
    for lang, sections in data.items():
        for category, phrases in sections.items():
            seen: set[str] = set()
            dupes = [p for p in phrases if p in seen or seen.add(p)]
            assert not dupes, f"{lang} [{category}]: duplicates {dupes}"


def test_no_phrase_in_two_boilerplate_categories(data):
    """A line must get one unambiguous removal reason, also with English merged in."""
    english = {c: set(data["en"].get(c, ())) for c in BOILERPLATE}
    for lang, sections in data.items():
        owner: dict[str, str] = {}
        for category in BOILERPLATE:
            for phrase in set(sections.get(category, ())) | (english[category] if lang != "en" else set()):
                other = owner.setdefault(phrase, category)
                assert other == category, f"{lang}: {phrase!r} in [{other}] and [{category}]"


def test_phrases_are_lowercase_and_normalised(data):
    for lang, category, phrase in all_phrases(data):
        where = f"{lang} [{category}] {phrase!r}"
        assert phrase == phrase.lower(), f"{where}: not lowercase"
        assert phrase == unicodedata.normalize("NFKC", phrase), f"{where}: not NFKC"
        assert not any(c in CURLY for c in phrase), f"{where}: curly quote"
        assert phrase == phrase.strip(), f"{where}: edge whitespace"
        assert "  " not in phrase, f"{where}: double space"


def test_no_edge_punctuation(data):
    for lang, category, phrase in all_phrases(data):
        where = f"{lang} [{category}] {phrase!r}"
        text = stem(phrase)
        assert text, f"{where}: empty"
        last = text[-1]
        if text.split()[-1] != "#":
            assert unicodedata.category(last)[0] not in "PZC", f"{where}: trailing punctuation"
            assert not (unicodedata.category(last)[0] == "S" and last != "©"), f"{where}: trailing symbol"
        first = text.split()[0]
        if first not in ("#", "©"):
            assert unicodedata.category(text[0])[0] not in "PSZC", f"{where}: leading punctuation"


def test_special_tokens(data):
    """'#' is only ever a whole word; '*' only as the trailing wildcard word (or literal inside)."""
    for lang, category, phrase in all_phrases(data):
        where = f"{lang} [{category}] {phrase!r}"
        for word in phrase.split():
            assert "#" not in word or word == "#", f"{where}: '#' glued to a word"
        assert not stem(phrase).endswith("*"), f"{where}: doubled wildcard"
        assert phrase.split() != ["#"], f"{where}: bare number"


def test_raw_compared_phrases_are_casefolded(data):
    """Wildcard stems and number patterns may be compared without normalising: casefold them."""
    for lang, _category, phrase in all_phrases(data):
        if is_wildcard(phrase) or has_number(phrase):
            text = stem(phrase)
            assert text == unicodedata.normalize("NFKC", text).casefold(), f"{lang} {phrase!r}"


def test_header_categories_have_no_wildcards(data):
    for lang, sections in data.items():
        for category in HEADER:
            wild = [p for p in sections.get(category, ()) if is_wildcard(p)]
            assert not wild, f"{lang} [{category}]: wildcards {wild}"


def test_conjunctions_are_single_words(data):
    for lang, sections in data.items():
        for phrase in sections["conjunction"]:
            assert len(phrase.split()) == 1, f"{lang}: {phrase!r}"


def test_rich_languages_have_enough_boilerplate(data):
    for lang in RICH_LANGUAGES:
        sections = data[lang]
        for category in BOILERPLATE:
            count = len(sections.get(category, ()))
            assert count >= MIN_PER_CATEGORY, f"{lang} [{category}]: only {count} phrases"
        total = sum(len(sections.get(c, ())) for c in BOILERPLATE)
        assert total >= MIN_BOILERPLATE_TOTAL[lang], f"{lang}: only {total} boilerplate phrases"


def test_every_language_has_some_boilerplate(data):
    for lang, sections in data.items():
        total = sum(len(sections.get(c, ())) for c in BOILERPLATE)
        assert total >= MIN_BOILERPLATE_ANY, f"{lang}: only {total} boilerplate phrases"
        empty = [c for c in BOILERPLATE if not sections.get(c)]
        assert not empty, f"{lang}: empty boilerplate categories {empty}"


def test_english_is_the_richest(data):
    def total(lang: str) -> int:
        return sum(len(data[lang].get(c, ())) for c in BOILERPLATE)

    assert all(total("en") >= total(lang) for lang in LANGUAGES)


def test_readme_names_every_category():
    readme = (PHRASE_DIR / "README.md").read_text("utf-8")
    missing = [c for c in sorted(KNOWN) if f"`{c}`" not in readme]
    assert not missing, f"README.md does not describe {missing}"


def test_rich_languages_have_author_box_headings(data):
    for lang in RICH_LANGUAGES:
        assert data[lang].get("author-box"), f"{lang}: no [author-box] phrases"
