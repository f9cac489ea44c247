"""Bylines: recognise a line that names the author(s) and split it into names."""

from __future__ import annotations

import re
from functools import lru_cache

from articlecli.lazy_regex import lazy_compile
from articlecli.records.lexicon import Lexicon, line_key, stopwords

# Name particles that stay lowercase inside a personal name.
PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "y",
        "dos",
        "das",
        "do",
        "ter",
        "ten",
        "zu",
        "st",
    }
)
MAX_NAME_WORDS = 5
MAX_AUTHORS = 6
# Field separators on a byline; a run of 3+ spaces is one too, where a scraper glued the page's elements
# keeping their source whitespace ('Por Jane Doe   jdoe@site.com   La ...').
_SEPARATORS = lazy_compile(r"\s*(?:[|•·⋅●—–/»]|\s-\s)\s*|\s{3,}")
_NAME_TOKEN = lazy_compile(r"^[^\W\d_][\w'’.\-]*$")


def looks_like_name(text: str) -> bool:
    """A person or organisation name: 1-5 words, capitalised except particles, no sentence punctuation."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(not _NAME_TOKEN.match(word) for word in words):
        return False
    if not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word.casefold() in PARTICLES for word in words)


# A credential or generational suffix stays attached to the name before it: "Jane Doe, MD".
_CREDENTIAL = lazy_compile(r"^(?:[A-Z][A-Za-z]?\.?){1,4}[A-Z]\.?$|^(?:Ph\.?\s?D|Jr|Sr|Esq|MSc|BSc|MBA|MPH|DrPH)\.?$")
# A byline's names end where a date, a time or a counter starts: "Von Jule Radeck Vom 3. Februar 2022".
_TOKEN_DIGIT = lazy_compile(r"(?<!\w)\d|(?<=[^\W\d_]{3})\d\d(?=\D{0,40}(?:19|20)\d\d)")
# Words that join a byline to a following date ("am", "on", "le", "vom", "el", "il", "op", ...).
_DATE_JOINERS = frozenset(
    {
        "on",
        "at",
        "am",
        "vom",
        "um",
        "le",
        "el",
        "il",
        "op",
        "em",
        "den",
        "the",
        "à",
        "a",
        "de",
        "del",
        "du",
        "dnia",
        "w",
        "o",
        "in",
        "im",
        "kl",
        "klo",
        "pe",
        "am:",
        "on:",
    }
)


# The next field's label ends the names: 'von Andrea Kategorien: Allgemein', 'von Jane Doe Foto: © GEPA'
# (a word with a colon after the first name word and before the next field; no name has one).
_FIELD_LABEL = lazy_compile(r"(?<=\S)\s+[^\W\d_][\w-]*:(?=\s+\S)")


def trim_byline_rest(text: str, languages: tuple[str, ...] = ("en",)) -> tuple[str, bool]:
    """Cut the names after a byline word where a date or number begins; True when something was cut."""
    from articlecli.records.dates import find_dates

    match = _TOKEN_DIGIT.search(text)
    found = find_dates(text)
    label = _FIELD_LABEL.search(text)
    starts = (match.start() if match else None, found[0].start if found else None, label.start() if label else None)
    cuts = [m for m in starts if m is not None]
    if not cuts:
        return text, False
    return trim_date_joiners(text[: min(cuts)], languages), True


def trim_date_joiners(text: str, languages: tuple[str, ...] = ("en",)) -> str:
    """'Jane Doe on Tuesday,' -> 'Jane Doe': the words that lead from a name into the date after it."""
    from articlecli.records.dates import is_weekday

    words = text.split()
    while words and (
        words[-1].casefold().strip(",.:;|") in _DATE_JOINERS
        or not re.search(r"\w", words[-1])
        or (len(words) > 1 and is_weekday(words[-1], languages))
    ):
        words.pop()
    return " ".join(words).strip(" ,;:|·•–—-/»")


# Markdown emphasis the scraper left unpaired or spaced ('** Jane Doe **', '_Jane Doe_', '__ by Jane'):
# a run of '*' or '_' at a word's edge, never inside a handle such as 'sean_g'.
_LOOSE_EMPHASIS = lazy_compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")


def strip_emphasis(text: str) -> str:
    """'Von ** Jane Doe ** und _John Roe_' -> 'Von Jane Doe und John Roe'."""
    if "*" not in text and "_" not in text:
        return text
    return " ".join(_LOOSE_EMPHASIS.sub(" ", text).split())


def split_names(text: str, lexicon: Lexicon, loose: bool = False) -> list[str]:
    """'A, B and C' -> [A, B, C], when every piece looks like a name; otherwise [].

    `loose` (after an explicit byline word next to a date) also takes one handle such as 'pelex'.
    """
    text = strip_emphasis(text)
    conjunctions = lexicon.phrases("conjunction").exact | {"&"}
    raw = [p for p in re.split(r"\s*,\s*|\s*;\s*|\s+&\s+", text.strip()) if p]
    pieces: list[str] = []
    for piece in raw:
        if pieces and _CREDENTIAL.match(piece.strip(" ")):
            pieces[-1] = f"{pieces[-1]}, {piece.strip()}"
        else:
            pieces.append(piece)
    # 'Author has 8.2K answers': a lowercase function word before a number is the sentence going on.
    if (
        loose
        and len(pieces) == 1
        and HANDLE.match(pieces[0])
        and pieces[0].casefold() not in conjunctions
        and not (pieces[0].islower() and any(pieces[0] in stopwords(language) for language in lexicon.languages))
    ):
        return [pieces[0]]
    names: list[str] = []
    for piece in pieces:
        words = clean_name(piece, lexicon).split()
        current: list[str] = []
        for word in words:
            if word.casefold() in conjunctions and current and not _CREDENTIAL.match(current[-1].rstrip(",")):
                names.append(" ".join(current))
                current = []
            else:
                current.append(word)
        if current:
            names.append(" ".join(current))
    names = [name.strip(" ,:;") for name in names if name.strip(" .,:;")]
    # 'Tracy Parker, Dietitian', 'Jane Doe | Senior Editor': a role after a name is not another author.
    kept = [name for name in names if not is_role(name, lexicon)]
    if kept and len(kept) < len(names):
        names = kept
    names = [name if _CREDENTIAL.search(name.split()[-1]) else name.strip(".") for name in names]
    if not names or len(names) > MAX_AUTHORS or not all(looks_like_name(_bare(name)) for name in names):
        return []
    return names


# A counter or footnote glued to a name: "Andreas Kalt4 Kommentare", "Marwan H. Adwan1".
_GLUED_COUNTER = lazy_compile(r"(?<=[a-zà-öø-ÿ])\d")


_TRAILING_AT_HANDLE = lazy_compile(r"(?<=\S)(?:\s+@\w[\w.]*)+\s*$")


def clean_name(text: str, lexicon: Lexicon) -> str:
    """Cut what a scraper glued after a name: a counter ('Kalt4 Kommentare') or a date label
    ('Amanda Furrer Updated', 'Jeff Cobb. Last Updated', 'Rhonda Krause UpdatedJanuary')."""
    # 'Williams Perdomo @wperdomod': the writer's social handle after the name.
    text = _TRAILING_AT_HANDLE.sub("", text)
    match = _GLUED_COUNTER.search(text)
    if match and text[:1].isupper() and len(text[: match.start()].split()) >= 1:
        text = text[: match.start()]
    labels = _date_label_words(lexicon)
    labels_by_length = _date_labels_by_length(lexicon)
    words = text.split()
    for i, word in enumerate(words[1:], start=1):
        bare = word.strip(".,:;|()").casefold()
        if bare in labels or _starts_with_glued_label(word, bare, labels_by_length):
            return " ".join(words[:i]).strip(" .,:;|-–—")
    # 'Evan Halper Staff Writer', 'Lars Sobiraj Lesezeit': a role or a reading-time label after the name.
    roles = lexicon.phrases("author-role").exact
    reading = _reading_time_words(lexicon)
    for i in range(2, len(words)):
        rest = line_key(" ".join(words[i:]))
        # A one-word role may be part of a desk name ('Teufel Blog Redaktion'): only two-word roles cut.
        if rest and ((rest in roles and len(rest.split()) >= 2) or rest.split()[0] in reading):
            return " ".join(words[:i]).strip(" .,:;|-–—")
    # 'KleineGrüneMonster Ein Kommentar': the comment count after the name (a phrase of two words or more:
    # one word such as 'Reply' may be a button's, 'Cancel reply' is no name with it cut).
    comments = lexicon.phrases("comments")
    for i in range(1, len(words) - 1):
        if comments.matches_whole(line_key(" ".join(words[i:]))):
            return " ".join(words[:i]).strip(" .,:;|-–—")
    return text


@lru_cache(maxsize=32)
def _date_label_words(lexicon: Lexicon) -> frozenset[str]:
    """First words of the date labels and other-byline phrases, 4+ letters ('published', 'updated', 'last',
    'veröffentlicht', 'edited')."""
    dated = frozenset(
        phrase.split()[0]
        for category in ("published-prefix", "updated-prefix")
        for phrase in lexicon.phrases(category).exact
        if phrase and len(phrase.split()[0]) >= 4 and phrase.split()[0].isalpha()
    )
    # 'StarredSkies. Edited': the one-word label of someone's post date (`other-byline`: 'edited', 'answered').
    return dated | {phrase for phrase in lexicon.phrases("other-byline").exact if " " not in phrase}


@lru_cache(maxsize=32)
def _date_labels_by_length(lexicon: Lexicon) -> tuple[tuple[int, frozenset[str]], ...]:
    """`_date_label_words` grouped by length: a word starts with one of a length's labels when its first
    that-many characters are among them."""
    labels = _date_label_words(lexicon)
    return tuple(
        (length, frozenset(label for label in labels if len(label) == length))
        for length in sorted({len(label) for label in labels})
    )


def _starts_with_glued_label(word: str, bare: str, labels_by_length: tuple[tuple[int, frozenset[str]], ...]) -> bool:
    """'UpdatedJanuary': `bare` (the word casefolded, edge punctuation off) starts with a label and `word` has a
    capital at the label's length. One set look-up per label length, not a comparison per label; a word no
    longer than a label has no character after it, so the lengths stop at the word's."""
    for length, same_length in labels_by_length:
        if length >= len(word):
            return False
        if word[length].isupper() and bare[:length] in same_length:
            return True
    return False


@lru_cache(maxsize=32)
def _reading_time_words(lexicon: Lexicon) -> frozenset[str]:
    """First words of the reading-time phrases, colon dropped ('lesezeit', 'reading')."""
    return frozenset(
        phrase.split()[0].rstrip(":") for phrase in lexicon.phrases("reading-time").exact if phrase.split()
    )


def is_role(text: str, lexicon: Lexicon) -> bool:
    """'Senior Editor', 'Digital Security Expert', 'Chefredakteur': the text ends with a role word."""
    roles = lexicon.phrases("author-role").exact
    words = line_key(text).split()
    # 'Founder at Oakywood', 'Redakteur bei Spiegel': the role before an employer.
    for joiner in ("at", "@", "bei", "chez", "en", "presso", "bij"):
        if joiner in words[1:4]:
            words = words[: words.index(joiner, 1)]
            break
    # Only the last few words can make up a role phrase: a long line is not joined up word by word.
    first = max(0, len(words) - _longest_phrase(roles))
    return bool(words) and any(" ".join(words[i:]) in roles for i in range(first, len(words)))


@lru_cache(maxsize=64)
def _longest_phrase(phrases: frozenset[str]) -> int:
    """How many words the longest of `phrases` has."""
    return max((len(phrase.split(" ")) for phrase in phrases), default=0)


# A user name that cannot be a plain word: camel case, a digit, or an inner '.'/'_' ('ColdJ', 'user447274',
# 'hayley.p', 'sean_g').
MARKED_HANDLE = lazy_compile(r"^(?=.*(?:[a-z][A-Z]|[^\W\d_]\d|\w[._]\w))[^\W\d_][\w.\-]{2,30}$")
HANDLE = lazy_compile(r"^(?=.*[^\W\d_].*[^\W\d_])[\w][\w.\-]{2,30}$")


def _bare(name: str) -> str:
    """The name without its attached credentials ("Jane Doe, MD" -> "Jane Doe")."""
    return name.split(",")[0].strip()


def byline_names(text: str, lexicon: Lexicon) -> list[str] | None:
    """Names from a byline such as 'By Jane Doe and John Roe' or 'Par Sara | 14 déc. 2024'.

    Returns None when the line does not start with a byline word, [] when it does but no name follows.
    """
    if len(text) > BYLINE_CACHE_MAX_CHARS:
        return _byline_names(text, lexicon)
    if not _may_open_byline(text, lexicon):
        return None
    found = _cached_byline_names(text, lexicon)
    return None if found is None else list(found)


def _may_open_byline(text: str, lexicon: Lexicon) -> bool:
    """False when no first word of a byline phrase is anywhere in `text`: byline_names is then None.

    _byline_names finds a byline only where the key of the line's first part starts with a byline phrase
    (PhraseSet.leading_phrase), so the phrase's first word is in the key of a piece of the text, and so
    in the key of the whole text: the pieces are cut at separators, emphasis marks and a glued label
    ('ByJane'), which only split the text's words, and keys map each character on its own (an ASCII
    line's key is its casefolded text, spaces aside)."""
    folded = text.casefold() if text.isascii() else line_key(text)
    return lexicon.phrases("byline-prefix").first_words_search.search(folded) is not None


# Longer texts are not cached (see lexicon.LINE_KEY_CACHE_MAX_CHARS): a byline is a short line.
BYLINE_CACHE_MAX_CHARS = 1000


# The title and byline passes test the same header lines; the answer is kept per text (and lexicon).
@lru_cache(maxsize=2048)
def _cached_byline_names(text: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    found = _byline_names(text, lexicon)
    return None if found is None else tuple(found)


def _byline_names(text: str, lexicon: Lexicon) -> list[str] | None:
    # Only the first two parts and whether there are more are read: a long line is not split to its end.
    parts = _SEPARATORS.split(strip_emphasis(text).strip(), maxsplit=2)
    if len(parts) > 1 and line_key(parts[0]) in lexicon.phrases("byline-prefix").exact:
        # 'Par    Jane Doe', 'By | Jane Doe': the byline word stands apart from the names it introduces.
        parts = [f"{parts[0]} {parts[1]}", *parts[2:]]
    first_part = _unglue_prefix(parts[0], lexicon)
    key = line_key(first_part)
    prefix = lexicon.phrases("byline-prefix").leading_phrase(key)
    if prefix is None:
        return None
    rest, cut = trim_byline_rest(_strip_prefix(first_part, prefix), lexicon.languages)
    rest = cut_category(rest)
    if not cut and rest and rest.split()[-1].islower():
        # 'Von Jane Doe am' (the date on the next line): the joiner goes with the date.
        rest = trim_date_joiners(rest, lexicon.languages)
    # 'Thread starter sean_g': one word after the byline word is a user name.
    return split_names(rest, lexicon, loose=cut or len(parts) > 1 or bool(MARKED_HANDLE.match(rest)))


_GLUED_PREFIX = lazy_compile(r"^([^\W\d_]{2,12}?)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ.])")


def _unglue_prefix(text: str, lexicon: Lexicon) -> str:
    """'ByShivya Nath' -> 'By Shivya Nath', 'Written byJack Shepherd' -> 'Written by Jack Shepherd' (a
    scraper glued the label to the linked name)."""
    match = _GLUED_PREFIX.match(text)
    if match and match.group(1).casefold() in lexicon.phrases("byline-prefix").exact:
        return f"{match.group(1)} {text[match.end() :]}"
    return _GLUED_INNER.sub(lambda m: _split_glued_word(m, lexicon), text) if " " in text else text


# A lowercase byline word glued to the capitalised name after it, inside the line: 'Written byJack'.
_GLUED_INNER = lazy_compile(r"(?<=\s)([a-zà-ÿ]{2,6})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


def _split_glued_word(match: re.Match[str], lexicon: Lexicon) -> str:
    return f"{match.group(1)} " if match.group(1) in _byline_last_words(lexicon) else match.group(1)


@lru_cache(maxsize=32)
def _byline_last_words(lexicon: Lexicon) -> frozenset[str]:
    """'by', 'von', 'par': the words that end a byline phrase of more than one word."""
    return frozenset(p.split()[-1] for p in lexicon.phrases("byline-prefix").exact if len(p.split()) > 1)


@lru_cache(maxsize=1)
def _foreign_byline_words() -> frozenset[str]:
    """Byline words of every language we know: a theme's 'par' or 'von' right after a date is a byline
    whatever the page's language ('4.02.2022 par Bob Fischer' on a German page). Two-letter words such
    as 'de' and 'di' are left out: there they are more often a date joiner or a particle."""
    from articlecli.records.lexicon import available_languages, load_lexicon

    words = load_lexicon(available_languages()).phrases("byline-prefix").exact
    return frozenset(word for word in words if len(word) >= 3)


def byline_inside(text: str, lexicon: Lexicon) -> list[str]:
    """Names after a byline word inside a date line: 'Published August 7, 2023 by Nicole Burke',
    '4.02.2022 par Bob Fischer', 'Datum: 13. April 2017 Autor: www.site.com'."""
    prefixes = lexicon.phrases("byline-prefix").exact | _foreign_byline_words()
    others = lexicon.phrases("other-byline").exact
    words = text.split()
    for start in range(1, len(words)):
        for size in (3, 2, 1):
            phrase = " ".join(words[start : start + size]).casefold().rstrip(":：")
            if phrase in prefixes and start + size < len(words):
                # 'Kommentar von Margit Heumann', 'last post by ggery': a commenter or the last poster.
                if _after_other_byline(words, start, size, others):
                    break
                rest, _ = trim_byline_rest(" ".join(words[start + size :]).lstrip(":：-– "), lexicon.languages)
                rest = cut_category(_SEPARATORS.split(rest)[0])
                names = split_names(rest, lexicon, loose=True)
                if names:
                    return names
    return []


def _after_other_byline(words: list[str], start: int, size: int, others: frozenset[str]) -> bool:
    """The byline word at words[start:start+size] ends a phrase naming someone else (`other-byline`)."""
    end = " ".join(words[start : start + size]).casefold()
    return any(f"{' '.join(words[start - k : start]).casefold()} {end}" in others for k in (1, 2) if start - k >= 0)


# 'Jane Doe in Politics', 'Fatima in Gefühle, Popkultur': the section a byline files the post under.
# ('en' is not among the words: Dutch joins two names with it.)
_IN_CATEGORY = lazy_compile(r"\s+(?:in|im|dans)\s+(?=[A-ZÀ-ÖØ-Þ])")


def cut_category(text: str) -> str:
    return _IN_CATEGORY.split(text, maxsplit=1)[0]


def _strip_prefix(text: str, prefix: str) -> str:
    words = len(prefix.split())
    remainder = text.strip().split(None, words)
    rest = remainder[words] if len(remainder) > words else ""
    return rest.lstrip(":：-– ").strip()
