"""A byline a dump ran onto the end of the headline.

A scraper that concatenates an article's header elements ('<h1>…</h1><span>von</span><a>Stefan
Niggemeier</a>') without a line between them, or a text front end that joins lines split at inline
links back into one, leaves the headline and its byline in one line: 'Gute Tabus, schlechte Tabus: Die
vertauschten Rollen in der Debatte über Israel von Stefan Niggemeier', 'Saftiger Zitronenkuchen vom
Blech: einfach köstlich!von Kathrin'. The byline readers of bylines.py read a byline word at the start of
a line or inside a date line; this fallback reads it at the end of a line that is the headline.
"""

from __future__ import annotations

from functools import lru_cache

from articlecli.frontends.unit import Unit
from articlecli.header.record import Header
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.lexicon import Lexicon, line_key
from articlecli.records.names import HANDLE, byline_names, looks_like_name
from articlecli.records.record import RecordTable

# Title and byline together: a headline is at most about 20 words, a byline a few more.
HEADLINE_BYLINE_MAX_WORDS = 32
# A headline has at least this many words: 'Home by' / 'Sort by Jane' are menus, not headlines.
HEADLINE_MIN_WORDS = 3
# The names after the byline word: a byline of one to three authors.
BYLINE_MAX_WORDS = 8
# How far below the title a line may stand and still be its headline copy (the title line, a kicker and
# the date line above it: '„Heikles“ Thema' / '3. November 2023' / '<headline> von Stefan Niggemeier').
HEADLINE_MAX_UNITS_BELOW_TITLE = 3

# A byline word after a space, or glued after the headline's closing '!' or '?' ('köstlich!von Kathrin').
_WORD_AFTER_SPACE = lazy_compile(r"(?:(?<=\s)|(?<=[!?]))([^\W\d_]{2,4})\s+(?=[^\W\d_])")
# A sentence's end: a word of two or more letters before a full stop ('zu.'; an initial, 'C.', is no end).
_SENTENCE_END = lazy_compile(r"[^\W\d_]{2}[.!?…]$")
# What a headline does not end with: a sentence's or a field's end (prose and labels, not titles).
_NOT_HEADLINE_END = frozenset(".,;:-–—|/")


@lru_cache(maxsize=32)
def _headline_byline_words(lexicon: Lexicon) -> frozenset[str]:
    """'by', 'von', 'par': the one-word byline phrases that also end longer ones ('written by', 'artikel
    von'), so the word that introduces names wherever it stands, not a label ('author', 'text')."""
    exact = lexicon.phrases("byline-prefix").exact
    last = {phrase.split()[-1] for phrase in exact if len(phrase.split()) > 1}
    return frozenset(phrase for phrase in exact if " " not in phrase and phrase in last)


def headline_and_byline(text: str, lexicon: Lexicon) -> tuple[str, list[str]] | None:
    """'<headline> by Jane Doe' -> ('<headline>', ['Jane Doe']): the line ends with a byline word and the
    names it introduces, after at least HEADLINE_MIN_WORDS words. None when it does not."""
    words = _headline_byline_words(lexicon)
    if not words:
        return None
    # From the last byline word back: in 'Title by Ursula von der Leyen' the 'von' introduces no name.
    for match in reversed(list(_WORD_AFTER_SPACE.finditer(text))):
        word = match.group(1).casefold()
        if word not in words:
            continue
        headline = text[: match.start()].rstrip()
        rest = text[match.end() :].strip()
        if len(headline.split()) < HEADLINE_MIN_WORDS or headline[-1:] in _NOT_HEADLINE_END:
            return None
        if not 1 <= len(rest.split()) <= BYLINE_MAX_WORDS or _credit_before(headline, word, lexicon):
            continue
        if _SENTENCE_END.search(rest):
            # '… stimmen Sie der Verwendung von Cookies zu.': a sentence, not a byline ('Juan Muñoz C.' is one).
            continue
        names = byline_names(f"{match.group(1)} {rest}", lexicon)
        if not names and HANDLE.match(rest) and rest.islower():
            # 'von zahlenzauberin': a user name (find_byline_after_headline keeps it only after the title).
            return headline, [rest]
        # The names are the whole rest of the line: 'by Eric Ries', not 'by Eric Ries and the team today'.
        # A name ends with a capitalised word: 'Cookies zu' ends with a particle, so it is no name.
        if (
            names
            and all(looks_like_name(name) and name.split()[-1][:1].isupper() for name in names)
            and _covers(names, rest)
        ):
            return headline, names
    return None


def _credit_before(headline: str, word: str, lexicon: Lexicon) -> bool:
    """'Photo by', 'Theme by', 'Kommentar von': the byline word ends a credit or another's byline, or the
    line is a caption ('Photo taken at the harbour by John Smith')."""
    words = headline.split()
    if line_key(words[0]).rstrip(":") in lexicon.phrases("photo-credit").exact:
        return True
    tail = words[-2:]
    for size in (1, 2):
        phrase = line_key(" ".join([*tail[-size:], word]))
        if phrase in lexicon.phrases("other-byline").exact or phrase in lexicon.phrases("photo-credit").exact:
            return True
    return False


def _covers(names: list[str], rest: str) -> bool:
    """Every capitalised word after the byline word is in one of the names (joiners such as 'and' aside)."""
    named = {word.casefold() for name in names for word in name.split()}
    return all(word.strip(",;&").casefold() in named for word in rest.split() if word[:1].isupper())


def find_byline_after_headline(
    units: list[Unit], features: RecordTable, window: range, lexicon: Lexicon, header: Header
) -> None:
    """Rule `byline-after-headline`: a line of the header that is the headline with the byline run onto
    its end names the author. The headline is the title line itself, a line just below the title, or a
    line the page also shows alone (its title or a heading copy); the one nearest the body start wins."""
    title_key = line_key(header.title) if header.title else ""
    best: tuple[int, list[str]] | None = None
    for index in window:
        if features[index].boilerplate or features[index].words > HEADLINE_BYLINE_MAX_WORDS:
            continue
        label = header.labels.get(index, ("title", ""))[0]
        if label != "title" and index in header.labels:
            continue
        found = headline_and_byline(units[index].text, lexicon)
        if found is None or _mostly_date(found[0], features.language):
            continue
        if index == header.title_unit:
            # The title line itself: only when the title reader cut the byline off it (glued metadata,
            # 'köstlich!von Kathrin'); a title that keeps it names its subject ('Abschied von Angela Merkel').
            if any(name.casefold() in (header.title or "").casefold() for name in found[1]):
                continue
        elif line_key(found[0]) != title_key and (
            not _is_headline(found[0], index, units, features, header)
            # One word after 'von' is as often a noun as a name ('Bau von Windenergieanlagen'): only after
            # the title itself ('Was zum hören in den Ferien von zahlenzauberin').
            or any(len(name.split()) < 2 for name in found[1])
        ):
            continue
        if best is None or abs(index - header.body_start) < abs(best[0] - header.body_start):
            best = (index, found[1])
    if best is not None:
        header.authors = best[1]
        header.author_unit, header.author_rule = best[0], "byline-after-headline"


def _mostly_date(headline: str, language: str | None) -> bool:
    """'am 23. Januar 2020 von Jane Doe': a date line's byline (bylines.py reads those), not a headline's."""
    found = dates.find_dates(headline, language)
    if not found:
        return False
    left, last = [], 0
    for date in found:
        left.append(headline[last : date.start])
        last = date.end
    left.append(headline[last:])
    return len(" ".join(left).split()) < HEADLINE_MIN_WORDS


def _is_headline(headline: str, index: int, units: list[Unit], features: RecordTable, header: Header) -> bool:
    """`headline`, read from unit `index`, is the page's headline: the line stands just below the title,
    or the headline stands alone on another line of the page."""
    title = header.title_unit
    if title is not None and 0 < index - title <= HEADLINE_MAX_UNITS_BELOW_TITLE:
        return True
    key = line_key(headline)
    size = len(headline.split())
    return any(
        other != index and features[other].words == size and line_key(units[other].text) == key
        for other in range(len(units))
    )
