"""Wall lines: a page a scraper joined onto one line with single spaces, cut back into units.

BeautifulSoup's `get_text(" ", strip=True)` (and every tool that joins text nodes with spaces) leaves
the whole page on one line: the `<title>`, the menu, the headline, the byline, the date, the paragraphs
and the footer, with nothing between them but a space. No later stage can decide lines it is not given,
so this module cuts such a "wall" line at the boundaries the text still shows. Each cut is a named rule
(`--explain` shows the rule that started each piece, as "split from a wall line by RULE"):

- `wall-sentence`: a sentence end (". ", "! ", "? ", with closing quotes) before a capitalised word;
- `wall-title-repeat`: the page's leading words (its `<title>`) said again (the headline), cut off
  from what surrounds both;
- `wall-heading`: a run of capitalised words (a heading, a menu, a breadcrumb) before the first word of
  a sentence: "The Benefits of Music Learning music offers ..." is cut before "Learning";
- `wall-date`: a date expression (records.dates, month names of any language) outside a sentence;
- `wall-byline`: a byline label ("By", "Von", "Par": the phrase lists' byline-prefix words) before a name;
- `wall-boilerplate`: a boilerplate phrase of the phrase lists ("Related Posts", "Leave a Reply") outside
  a sentence.

Language-independent shapes decide; the words (byline labels, boilerplate phrases, the small words a
heading does not capitalise) come from the package's per-language data. Nothing is lost: the pieces,
joined, are the line. The work is linear in the line's length: each scan is a regex pass or a walk over a
bounded number of words per sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice, pairwise

from articlecli.data import read_words
from articlecli.lazy_regex import lazy_compile

# A page whose text nodes a scraper joined with single spaces is one line holding nearly all of the page;
# an ordinary long paragraph line is never most of a page this long (see frontends.text._space_joined).
WALL_MIN_CHARS = 2000
WALL_MIN_SHARE = 0.8

SENTENCE_RULE = "wall-sentence"
TITLE_RULE = "wall-title-repeat"
HEADING_RULE = "wall-heading"
DATE_RULE = "wall-date"
BYLINE_RULE = "wall-byline"
BOILERPLATE_RULE = "wall-boilerplate"
# The rule named for the first piece of a wall line (no cut starts it).
START_RULE = "wall-start"

# A sentence end: terminal punctuation (and a closing quote) before a space and a capital, a digit or an
# opening quote. The cut falls after the space, which stays at the end of the sentence before it.
_SENTENCE_CUT = lazy_compile(r"[.!?…][\"'”»)]*\s+(?=[\"“«¿¡(]?[A-ZÀ-ÖØ-Þ0-9])")

# The <title> a page starts with is a few words to a long headline; its repeat (the <h1>) comes after the
# menu, within the page's head. Shorter than two words or ten characters, a repeat is as likely a menu
# word said twice ("Home", "News").
TITLE_MAX_WORDS = 30
TITLE_MIN_WORDS = 2
TITLE_MIN_CHARS = 10
# A repeat of the leading words that stops where the <title> goes on with a lowercase word or a number is
# the headline only when it is this long ("7 Mental Health Trends to Watch in" 2024, then 2025).
TITLE_PARTIAL_MIN_WORDS = 5
# How far into the line the headline is looked for: the <title> and the headline are both in the page's
# head, above the text; a repeat far down is a link to the page itself in a footer or a sidebar.
TITLE_REPEAT_WITHIN_CHARS = 15000

# A piece's head (what comes before its sentence) is walked word by word up to this many words: a real
# heading, menu or header row is shorter; a piece longer than this with no sentence in it (a tag cloud, a
# footer of links) keeps its head whole, so one line costs a bounded walk per piece.
HEAD_MAX_WORDS = 5000
# A heading cut off the sentence after it has at least this many words besides small words: one capitalised
# word before a capitalised sentence start ("The President said", "Pacheco e Fux tentam") is the sentence's
# own start.
HEADING_MIN_WORDS = 2
# A byline's name: one to this many capitalised words after the label.
BYLINE_NAME_MAX_WORDS = 3
# Boilerplate phrases of one word ("Home", "Share", "Related") are also words of headings and menus: only
# phrases of at least this many words start a piece.
BOILERPLATE_MIN_WORDS = 2
BOILERPLATE_MAX_WORDS = 8

_WORD = lazy_compile(r"\S+")

# Characters a word may end with and still belong to a heading; a comma, a colon or a semicolon ends a
# clause ("At Craft Music, we believe", "Memory: Music training has"), not a heading.
_CLAUSE_ENDS = frozenset(",;:")


def is_wall_page(lines: list[str]) -> bool:
    """The page (its `lines`) is space-joined: lines far longer than a paragraph hold nearly all of it."""
    # Both sums in C (every text page is asked, most of them with hundreds of short lines).
    sizes = list(map(len, lines))
    long = sum(filter(WALL_MIN_CHARS.__le__, sizes))
    return long > 0 and long >= WALL_MIN_SHARE * sum(sizes)


def split_wall(line: str) -> list[tuple[str, str]]:
    """The pieces of a wall line, each with the rule that cut it off the piece before it.

    The pieces, joined, are `line` (pieces of blank text are joined to the piece before them).
    """
    cuts: dict[int, str] = {}
    sentence_cuts = [match.end() for match in _SENTENCE_CUT.finditer(line) if _ends_sentence(line, match.start())]
    for cut in sentence_cuts:
        cuts[cut] = SENTENCE_RULE
    title_cuts, protected = _title_cuts(line)
    for cut in title_cuts:
        cuts.setdefault(cut, TITLE_RULE)
    # The page's header (its first piece, and the pieces up to the headline) holds the byline and the date
    # in or after sentence-case headlines: all of it is read for them, not only a capitalised head.
    header_end = max((end for _, end in protected), default=0)
    names = _repeated_pairs(line)
    for start, end in pairwise([0, *sentence_cuts, len(line)]):
        for cut, rule in _head_cuts(line, start, end, names, whole=start == 0 or start <= header_end):
            if rule == HEADING_RULE and any(a < cut < b for a, b in protected):
                # The <title> and the headline are read whole: a sentence-case headline has lowercase words.
                continue
            cuts.setdefault(cut, rule)
    pieces: list[tuple[str, str]] = []
    edges = sorted(cut for cut in cuts if 0 < cut < len(line))
    for (start, end), rule in zip(
        pairwise([0, *edges, len(line)]), [START_RULE, *(cuts[edge] for edge in edges)], strict=True
    ):
        piece = line[start:end]
        if pieces and not piece.strip():
            pieces[-1] = (pieces[-1][0] + piece, pieces[-1][1])
        else:
            pieces.append((piece, rule))
    return pieces


# A run of this many capitalised words (and the small words headings leave lowercase) with no sentence in it is
# a menu, a breadcrumb, a tag list or a row of buttons: a headline or a heading is shorter, or has a lowercase
# word ("How to Start an LLC in New York" has none and 8 words: headings up to 10 words are left alone).
MENU_RUN_MIN_WORDS = 11


def is_menu_run(piece: str) -> bool:
    """`piece` (of a wall line) is a run of short capitalised items, the text of a menu's links: at least
    MENU_RUN_MIN_WORDS words, none of them a lowercase word but the small words of headings, no sentence end."""
    words = piece.split()
    if len(words) < MENU_RUN_MIN_WORDS or piece.rstrip()[-1:] in ".!?…":
        return False
    joiners = joiner_words()
    return not any(word[:1].islower() and word.casefold() not in joiners for word in words)


def _repeated_pairs(line: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent capitalised words that `line` holds more than once: the page's names ("Craft Music")."""
    seen: set[tuple[str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    words = line.split()
    for pair in pairwise(words):
        if pair[0][:1].isupper() and pair[1][:1].isupper():
            if pair in seen:
                repeated.add(pair)
            else:
                seen.add(pair)
    return frozenset(repeated)


# A full stop after these ends no sentence: an ordinal ("am 3. Februar", "Mein 1. MMORPG"), an initial or a
# dotted abbreviation ("J. Smith", "U.S."), a title or a short abbreviation ("Dr. Osman", "St. Louis", "Nr. 5").
_NOT_SENTENCE_END = lazy_compile(r"(?:^|\s)(?:\d{1,2}|[^\W\d_](?:\.[^\W\d_])*|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{0,2})$")
ABBREVIATION_LOOKBEHIND_CHARS = 12


def _ends_sentence(line: str, end: int) -> bool:
    """The terminal mark at `end` ends a sentence (a full stop after an ordinal or an abbreviation does not)."""
    if line[end] != ".":
        return True
    return not _NOT_SENTENCE_END.search(line, max(0, end - ABBREVIATION_LOOKBEHIND_CHARS), end)


def _word_spans(line: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """The (start, end) of the first `limit` words of line[start:end] (words are split at any white space)."""
    return [match.span() for match in islice(_WORD.finditer(line, start, end), limit)]


def _title_cuts(line: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Rule `wall-title-repeat`: the longest run of the line's leading words found again further on, as a
    heading is placed (after a menu word or a separator, not inside a sentence).

    The first run is the <title>, the second the headline: the headline is cut off what precedes it (the
    menu between them), and each run off what follows it when that is not the run's own continuation (a
    lowercase word or a number: "Trends to Watch in 2024" and, as headline, "... in 2025"). Also returns the
    spans of both runs, which no heading cut splits."""
    window_end = min(len(line), TITLE_REPEAT_WITHIN_CHARS)
    # The window's words, compared as strings (a regex per run length was compiled anew for every page).
    spans = _word_spans(line, 0, window_end, window_end)
    words = [line[a:b] for a, b in spans]
    lead_words = words[: TITLE_MAX_WORDS + 1]
    candidates = [index for index in range(1, len(words)) if words[index] == lead_words[0]]
    if not candidates:
        return [], []
    for count in range(min(TITLE_MAX_WORDS, len(lead_words) - 1), TITLE_MIN_WORDS - 1, -1):
        # The last word without a separator the <title> puts before the site's name ("... dem Vorjahr: Zeitung").
        last_start = spans[count - 1][0]
        last = words[count - 1].rstrip(_NAME_END_MARKS)
        lead_start, lead_end = spans[0][0], last_start + len(last)
        if lead_end - lead_start < TITLE_MIN_CHARS:
            break
        if not last:
            # A run ending on a separator ("Title –") is the run before it, which the next count tries.
            continue
        following = _next_word(line, lead_end)
        if following < len(line) and _continues_run(line[following]) and count < TITLE_PARTIAL_MIN_WORDS:
            # A few words that go on in the <title> ("New Jersey moving company ...") are a phrase of it that
            # the page says again elsewhere ("New York City New Jersey Long Island"), not its headline.
            continue
        for start in candidates:
            if (
                start < count
                or start + count > len(words)
                or words[start : start + count - 1] != lead_words[: count - 1]
                or words[start + count - 1].rstrip(_NAME_END_MARKS) != last
                or not _starts_block(line, spans[start][0])
            ):
                continue
            repeat_start = spans[start][0]
            repeat_end = spans[start + count - 1][0] + len(last)
            cuts = [repeat_start]
            for end in (lead_end, repeat_end):
                following = _next_word(line, end)
                if following >= len(line) or _continues_run(line[following]):
                    continue
                # The headline goes on past a separator ("Welpen kaufen – Tipps zu jeder Hunderasse", where
                # the <title> was "Welpen kaufen – Site"): its end is left to the other cuts.
                if end == repeat_end and not line[following].isalnum():
                    continue
                cuts.append(following)
            return cuts, [(lead_start, lead_end), (repeat_start, repeat_end)]
    return [], []


def _continues_run(char: str) -> bool:
    """A word starting with `char` goes on with the run of words before it (lowercase or a number)."""
    return char.islower() or char.isdigit()


def _starts_block(line: str, start: int) -> bool:
    """A word at `start` can open a block: the word before it is no lowercase word of a sentence, nor a clause
    end ("Fairfield, New Jersey moving company" repeats a title inside a sentence)."""
    before = line[max(0, start - ABBREVIATION_LOOKBEHIND_CHARS) : start].split()
    if not before:
        return True
    word = before[-1]
    return not (word[:1].islower() or word[-1:] in _CLAUSE_ENDS)


def _next_word(line: str, position: int) -> int:
    """The start of the word at or after `position` (past the spaces)."""
    while position < len(line) and line[position].isspace():
        position += 1
    return position


def _head_cuts(
    line: str, start: int, end: int, names: frozenset[tuple[str, str]], whole: bool = False
) -> list[tuple[int, str]]:
    """Cuts inside one sentence piece line[start:end]: its head (the capitalised run before its
    sentence) cut off the sentence, and dates, bylines and boilerplate phrases inside that head (inside
    the whole piece when `whole`)."""
    spans = _word_spans(line, start, end, HEAD_MAX_WORDS + 2)
    words = [line[a:b] for a, b in spans]
    sentence = _sentence_start(words, names)
    head_words = sentence if sentence is not None and not whole else min(len(words), HEAD_MAX_WORDS)
    cuts: list[tuple[int, str]] = []
    if (
        sentence is not None
        and sum(word.casefold() not in joiner_words() for word in words[:sentence]) >= HEADING_MIN_WORDS
    ):
        cuts.append((spans[sentence][0], HEADING_RULE))
    if head_words == 0:
        return cuts
    head_end = spans[head_words - 1][1]
    # A cut that ends one field and starts the next is named for the field it starts (a byline after a date).
    cuts += _byline_cuts(words[:head_words], spans)
    cuts += _date_cuts(line, spans[0][0], head_end, spans[:head_words])
    cuts += _boilerplate_cuts(words[:head_words], spans)
    return cuts


def _sentence_start(words: list[str], names: frozenset[tuple[str, str]] = frozenset()) -> int | None:
    """The index of the word that starts the sentence after a capitalised head, or None when the words
    hold no sentence (or it starts at once).

    The head is a run of capitalised words and the small words a heading leaves lowercase ("of", "the");
    the first other lowercase word is the sentence's second word, so the capitalised word before it is
    the sentence's first. A head word ending a clause (a comma, a colon) means the head is a sentence.
    `names` are pairs of capitalised words the page writes more than once (see _repeated_pairs)."""
    joiners = joiner_words()
    for index, word in enumerate(words):
        first = word[:1]
        if first.isupper() or first.isdigit() or not first.isalpha():
            if word[-1:] in _CLAUSE_ENDS:
                return None
            continue
        if word.casefold() in joiners:
            continue
        # The sentence's first word may be followed by small words ("Learning to play", "Choosing the right").
        first_word = index - 1
        while first_word > 0 and words[first_word].casefold() in joiners and not words[first_word][:1].isupper():
            first_word -= 1
        if first_word < 1 or not words[first_word][:1].isupper():
            return None
        # A name the page writes more than once opens the sentence whole ("Craft Music offers", "Halo Mental
        # Health is"): its first words are not the end of the heading before it.
        while first_word > 0 and (words[first_word - 1], words[first_word]) in names:
            first_word -= 1
        return first_word if first_word > 0 else None
    return None


def _date_cuts(line: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Rule `wall-date`: a date in a piece's head starts a piece, and the word after it another."""
    from articlecli.records.dates import find_dates_any_language

    # The page's language is not known yet: the month names of every language the package knows are read.
    found = find_dates_any_language(line[start:end])
    if not found:
        return []
    starts = [a for a, _ in spans]
    cuts: list[tuple[int, str]] = []
    for date in found:
        # Cut at word edges only: the word holding the date's first character, and the word after its last.
        before = bisect_right(starts, start + date.start) - 1
        after = bisect_left(starts, start + date.end)
        if before >= 0 and after < len(starts) and _inside_sentence(line, spans, before, after):
            continue
        if before >= 0:
            before = _date_head(line, spans, before)
            cuts.append((starts[before], DATE_RULE))
        if after < len(starts):
            cuts.append((starts[after], DATE_RULE))
    return cuts


# A date label has at most this many words ('zuletzt aktualisiert am', 'date de publication').
DATE_LABEL_MAX_WORDS = 3
_LABEL_MARKS = ":|,;·•-–—"


def _inside_sentence(line: str, spans: list[tuple[int, int]], first: int, after: int) -> bool:
    """The date (words `first` to `after`, exclusive) stands between two lowercase words of a sentence ('Die
    Sitzung am 3. Februar 2022 begann spät.'), neither a date label before it nor a byline label after it."""
    if first == 0 or _date_head(line, spans, first) != first:
        return False
    previous, following = line[slice(*spans[first - 1])], line[slice(*spans[after])]
    return (
        previous[:1].islower()
        and following[:1].islower()
        and following.casefold().rstrip(_LABEL_MARKS) not in byline_labels()
    )


def _date_head(line: str, spans: list[tuple[int, int]], first: int) -> int:
    """The first word of the date starting at word `first`, with the words that name it kept on its piece: a
    weekday ('Thursday, November 9th 2023', '38°F' left alone as the weather box's), and before that a date
    label of the phrase lists ('PUBLISHED: November 8, 2023', 'Veröffentlicht am 10. Februar 2019'), which the
    header reads to tell a published date from an updated one."""
    if first > 0 and is_calendar_word(line[slice(*spans[first - 1])].rstrip(_LABEL_MARKS)):
        first -= 1
    labels = date_label_phrases()
    for count in range(min(DATE_LABEL_MAX_WORDS, first), 0, -1):
        words = [line[a:b].casefold().strip(_LABEL_MARKS) for a, b in spans[first - count : first]]
        if all(words) and " ".join(words) in labels:
            return first - count
    return first


@lru_cache(maxsize=1)
def date_label_phrases() -> frozenset[str]:
    """The date labels (published, updated and other dates' prefixes) of every language the package knows."""
    from articlecli.records.lexicon import available_languages, load_lexicon

    lexicon = load_lexicon(available_languages())
    categories = ("published-prefix", "updated-prefix", "other-date-prefix")
    return frozenset(phrase for category in categories for phrase in lexicon.phrases(category).exact)


def _byline_cuts(words: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Rule `wall-byline`: a capitalised byline label followed by a name starts a piece; the word after
    the name (at most BYLINE_NAME_MAX_WORDS capitalised words) starts the next."""
    from articlecli.records.names import looks_like_name

    labels = byline_labels()
    joiners = joiner_words()
    cuts: list[tuple[int, str]] = []
    for index, word in enumerate(words):
        if not word[:1].isupper() or word.casefold().rstrip(":") not in labels:
            continue
        name_end = index + 1
        while name_end < len(words) and name_end - index <= BYLINE_NAME_MAX_WORDS:
            word = words[name_end]
            bare = word.rstrip(_NAME_END_MARKS)
            # A name ends before a date's weekday or month ("By Nina Pineda Friday, November 14") and after a
            # word with a mark ("By Jane Doe, Staff Writer").
            if not word[:1].isupper() or bare.casefold() in labels or is_calendar_word(bare):
                break
            # A capitalised word before a lowercase one starts the sentence after the byline ("By Maria Jensen
            # The city council voted").
            after = words[name_end + 1] if name_end + 1 < len(words) else ""
            if after[:1].islower() and after.casefold() not in joiners:
                break
            name_end += 1
            if bare != word:
                break
        name = " ".join(words[index + 1 : name_end]).rstrip(_NAME_END_MARKS)
        if name_end == index + 1 or not looks_like_name(name):
            continue
        cuts.append((spans[index][0], BYLINE_RULE))
        if name_end < len(spans):
            cuts.append((spans[name_end][0], BYLINE_RULE))
    return cuts


def _boilerplate_cuts(words: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Rule `wall-boilerplate`: a boilerplate phrase of several words, capitalised, starts a piece and the
    word after it the next ("... Craft Music More Articles 10 Beginner Piano Songs")."""
    phrases, lengths_by_first = _boilerplate_phrases()
    cuts: list[tuple[int, str]] = []
    keys = [word.casefold().strip(":|·•»«\"'“”") for word in words]
    index = 0
    while index < len(words):
        lengths = lengths_by_first.get(keys[index]) if words[index][:1].isupper() else None
        matched = 0
        if lengths:
            for length in lengths:
                if index + length <= len(words) and " ".join(keys[index : index + length]) in phrases:
                    matched = length
                    break
        if matched:
            cuts.append((spans[index][0], BOILERPLATE_RULE))
            if index + matched < len(spans):
                cuts.append((spans[index + matched][0], BOILERPLATE_RULE))
            index += matched
        else:
            index += 1
    return cuts


_NAME_END_MARKS = ",;:|-–—·•"


@lru_cache(maxsize=4096)
def is_calendar_word(word: str) -> bool:
    """A weekday or month name of any language the package knows."""
    from articlecli.records.dates import is_calendar_word_any_language

    return is_calendar_word_any_language(word)


@lru_cache(maxsize=1)
def joiner_words() -> frozenset[str]:
    """The small words a heading leaves lowercase (articles, prepositions, conjunctions of the big
    European languages: data/fragment_joiners.txt)."""
    return read_words("fragment_joiners.txt")


@lru_cache(maxsize=1)
def byline_labels() -> frozenset[str]:
    """One-word byline labels ("by", "von", "par") of every language the package knows."""
    from articlecli.records.lexicon import available_languages, load_lexicon

    lexicon = load_lexicon(available_languages())
    return frozenset(p for p in lexicon.phrases("byline-prefix").exact if " " not in p)


@lru_cache(maxsize=1)
def _boilerplate_phrases() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The boilerplate phrases of BOILERPLATE_MIN_WORDS words or more, of every language, and by each
    first word the lengths of the phrases starting with it, longest first."""
    from articlecli.records.lexicon import BOILERPLATE_CATEGORIES, available_languages, load_lexicon

    lexicon = load_lexicon(available_languages())
    phrases = {
        phrase
        for category in BOILERPLATE_CATEGORIES
        for phrase in lexicon.phrases(category).exact
        if BOILERPLATE_MIN_WORDS <= len(phrase.split()) <= BOILERPLATE_MAX_WORDS
    }
    by_first: dict[str, set[int]] = {}
    for phrase in phrases:
        words = phrase.split()
        by_first.setdefault(words[0], set()).add(len(words))
    return frozenset(phrases), {first: tuple(sorted(lengths, reverse=True)) for first, lengths in by_first.items()}
