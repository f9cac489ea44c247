"""Boilerplate inside the main-text run: photo credits, captions, author boxes and the run's tail.

The region is one contiguous run, so it bridges whatever sits between and after the article's
paragraphs. These rules look at a kept line with its context: a credit is a short line opened (or
a caption closed) by a credit label; an author-box heading owns the bio under it; after the last
prose paragraph, or after a widget label near the end, what is left belongs to the page, not the
story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from articlecli.frontends.unit import Unit
from articlecli.labeller.content import is_prose, markup_controls, repeated_item_controls
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import UnitFeatures
from articlecli.records.lexicon import Lexicon, PhraseSet

Labels = dict[int, tuple[str, str]]

# The labels that put a unit in the article body (everything else is metadata or removed).
BODY_LABELS = frozenset({"heading", "paragraph", "list-item", "quote"})
# A credit line names a photographer or agency: a few words after the label.
CREDIT_MAX_WORDS = 12
# A caption that ends with its credit ("Der Hafen. Foto: Archiv") is a short block, not a paragraph.
CAPTION_MAX_WORDS = 45
CREDIT_TAIL_MAX_CHARS = 70


def relabel(
    units: list[Unit],
    features: list[UnitFeatures],
    kept: list[int],
    labels: Labels,
    lexicon: Lexicon,
    has_stopwords: bool,
    authors: tuple[str, ...] = (),
) -> None:
    """Re-label the kept units of the main-text run that are boilerplate in context (rules named for --explain)."""
    credits = lexicon.phrases("photo-credit")
    agencies = _agencies(lexicon.phrases("photo-agency"))
    author_box = lexicon.phrases("author-box")
    about = _AboutAuthor(lexicon.phrases("author-about"), authors, features, kept, labels)
    tail = _credit_tail(credits)
    for position, index in enumerate(kept):
        unit, feats = units[index], features[index]
        if labels[index][0] not in BODY_LABELS:
            continue
        if feats.key and author_box.matches_whole(feats.key):
            _drop_author_box(features, kept, position, labels)
            continue
        if _is_credit(unit, feats, credits):
            labels[index] = ("removed", "photo-credit")
        elif (
            tail is not None
            and feats.words <= CAPTION_MAX_WORDS
            and _may_end_with_credit(unit.text)
            and tail.search(with_copyright_sign(unit.text))
        ):
            labels[index] = ("removed", "image-caption")
        elif _names_agency(feats, agencies):
            labels[index] = ("removed", "photo-credit")
    _drop_tail(units, features, kept, labels, has_stopwords)
    body = [index in labels and labels[index][0] in BODY_LABELS for index in range(len(units))]
    controls = markup_controls(units, features, body) | repeated_item_controls(units, features, body)
    _drop_after_widget(features, kept, labels, controls)
    _drop_author_bio(units, features, kept, labels, authors)
    # Last, so the rules above read the page as before: a bio taken out first would leave "little text" after a
    # widget label above it (after-widget), which then cut the article's last paragraph on a news page.
    more = lexicon.phrases("author-more")
    for position, index in enumerate(kept):
        key = features[index].key
        if labels[index][0] in BODY_LABELS and key and about.heads_box(index, key):
            _drop_author_box(features, kept, position, labels, more)


# A credit label ending in one of these words names its source without a colon ('Photo by Ev on Unsplash', 'Image
# credit NASA', 'Photo courtesy of Noble Desktop', 'Courtesy of Hilton', 'Photo courtesy Method Architecture').
_NAMING_CREDIT_ENDS = (" by", " credit", " credits", " of", " courtesy")


def _is_credit(unit: Unit, feats: UnitFeatures, credits: PhraseSet) -> bool:
    """'Foto: Christof Stache', 'Bild: TebNad/Shutterstock.com', 'Photo by Ev on Unsplash', 'Image courtesy of NASA'."""
    if feats.words > CREDIT_MAX_WORDS or not feats.key:
        return False
    phrase = credits.leading_phrase(feats.key)
    if phrase is None:
        return False
    rest = feats.key[len(phrase) :]
    if not rest:
        # A bare label ("Foto:") is the credit's first half, split off by the scraper.
        return unit.text.rstrip().endswith(":")
    return rest.startswith((":", "/", " /", " ©")) or phrase.endswith(_NAMING_CREDIT_ENDS)


def credit_lines(units: list[Unit], features: list[UnitFeatures], indexes: list[int], lexicon: Lexicon) -> set[int]:
    """The units of `indexes` that `relabel` takes out as photo credits by their own text (not the captions): what
    stands between a picture's title and the text under the picture."""
    credits = lexicon.phrases("photo-credit")
    agencies = _agencies(lexicon.phrases("photo-agency"))
    return {
        index
        for index in indexes
        if _is_credit(units[index], features[index], credits) or _names_agency(features[index], agencies)
    }


def late_body_lines(
    features: list[UnitFeatures], kept: list[int], labels: Labels, min_share: float
) -> Iterator[tuple[int, UnitFeatures]]:
    """(index, features) of each kept body line with at least `min_share` of the body's words above it
    (the body as it stands when the walk starts): where a rule for the furniture under a post looks."""
    body = [i for i in kept if labels[i][0] in BODY_LABELS]
    total = sum(features[i].words for i in body)
    before = 0
    for index in body:
        if before >= min_share * total:
            yield index, features[index]
        before += features[index].words


# A credit that names only its source: "Getty Images", "Noah Berger / AP", "iStock.com)", "Fot. Lukasz Nowaczyk /
# Agencja Gazeta". A caption that ends with its agency is longer ("The station at night. Photo: dpa": the caption rule).
AGENCY_CREDIT_MAX_WORDS = 8
# What stands between a photographer's name and the agency.
_AGENCY_SEPARATORS = ("/", "|", "©", "(", "-", "–", ":", ",")


@lru_cache(maxsize=64)
def _agencies(phrases: PhraseSet) -> tuple[str, ...]:
    """The picture agencies ([photo-agency]), longest first, so 'ap photo' is tried before 'ap'."""
    return tuple(sorted(phrases.exact, key=len, reverse=True))


def _names_agency(feats: UnitFeatures, agencies: tuple[str, ...]) -> bool:
    """A short line that is a picture agency's name, or ends with one after a separator, is a photo credit."""
    key = feats.key
    # One test in C first: most short lines end with no agency's name at all.
    if not key or feats.words > AGENCY_CREDIT_MAX_WORDS or not agencies or not key.endswith(agencies):
        return False
    for agency in agencies:
        if key == agency:
            return True
        if key.endswith(agency) and key[: -len(agency)].rstrip().endswith(_AGENCY_SEPARATORS):
            return True
    return False


def _may_end_with_credit(text: str) -> bool:
    """A closing credit (see _credit_tail) has a label's colon or a '©' ('(c)'): a plain scan rules most lines out
    before the regex, which would try its label alternation at every space."""
    return ":" in text or "©" in text or "(c)" in text or "(C)" in text


# '(c)' written for '©' before a name or a year ('… / (C) Kab Niang', '(c) 2021 Stadt Wien'); before a lowercase
# word it is the third point of a list ('(a) wait, (b) sell or (c) buy more').
_ASCII_COPYRIGHT = lazy_compile(r"(?:(?<=[\s/|])|^)\([cC]\)\s+(?=[^\W_])")


def with_copyright_sign(text: str) -> str:
    """`text` with each '(c)' that stands for '©' written as '©'."""
    if "(c)" not in text and "(C)" not in text:
        return text
    return _ASCII_COPYRIGHT.sub(lambda found: found.group() if _starts_lowercase(text, found.end()) else "© ", text)


def _starts_lowercase(text: str, at: int) -> bool:
    return text[at : at + 1].islower()


@lru_cache(maxsize=64)
def _credit_tail(credits: PhraseSet) -> re.Pattern[str] | None:
    """A caption's closing credit: '... Foto: Archiv El País.', '... (Foto: Getty)', '... | © Getty Images'."""
    words = sorted((re.escape(p) for p in credits.exact if " " not in p), key=len, reverse=True)
    if not words:
        return None
    return re.compile(
        # '©' needs no space before it: a caption's credit is often glued on ('… wissen muss© Rike/pixelio.de').
        rf"(?:(?:[\s(|.]|^)(?:{'|'.join(words)})\s*:|©)\s*[^:!?]{{1,{CREDIT_TAIL_MAX_CHARS}}}\)?\.?$",
        re.IGNORECASE,
    )


# A short sentence can still close the article ("Vielen Dank für das Interview!"), and a list item
# of this many words is a point of the article's last list.
CLOSING_SENTENCE_MIN_WORDS = 5
CLOSING_ITEM_MIN_WORDS = 8


def _closing_sentence(unit: Unit, feats: UnitFeatures) -> bool:
    if unit.list_item:
        return feats.words >= CLOSING_ITEM_MIN_WORDS
    # Ending on punctuation or an emoji, not on a word: "... gefunden habt 😉 )", "Jetzt bewerben:".
    return feats.words >= CLOSING_SENTENCE_MIN_WORDS and not unit.text.rstrip()[-1:].isalnum()


def _drop_tail(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, has_stopwords: bool
) -> None:
    """Short lines after the last prose paragraph are widget titles, tag rows and teaser headlines."""
    prose = [p for p, i in enumerate(kept) if labels[i][0] in BODY_LABELS and is_prose(features[i], has_stopwords)]
    if not prose:
        return
    last = prose[-1]
    for index in kept[last + 1 :]:
        # A preformatted block (HTML <pre>: code, a listing) is the article's own, not a widget title.
        if (
            labels[index][0] in BODY_LABELS
            and not units[index].pre
            and not _closing_sentence(units[index], features[index])
        ):
            labels[index] = ("removed", "after-last-prose")


# An author box's bio: a few sentences under its heading.
BIO_MAX_WORDS = 150


def _drop_author_box(
    features: list[UnitFeatures], kept: list[int], position: int, labels: Labels, more: PhraseSet | None = None
) -> None:
    """'Über den Autor' and the short bio under it describe the writer, not the story.

    `more` ([author-more]: 'More articles by ...', 'Weitere Beiträge'): the bio ends above the link to the writer's
    other posts, which is left to the widget rules (debris' widget-title-tail cuts the page's widgets from there).
    """
    labels[kept[position]] = ("removed", "author-box")
    words = 0
    for index in kept[position + 1 :]:
        words += features[index].words
        if words > BIO_MAX_WORDS or labels[index][0] == "heading":
            break
        key = features[index].key
        if more is not None and key and more.leading_phrase(key) is not None:
            break
        if labels[index][0] in BODY_LABELS:
            labels[index] = ("removed", "author-box")


# The author box may be titled with the writer's name instead of a label: "Über Kathrin", "About Jane Doe"
# ([author-about] and the byline's full name or first name). A title is short: the word and a name of a few words.
ABOUT_AUTHOR_MAX_WORDS = 5
# Only past the middle of the body (share of its words above the line): the box stands under the post; a profile
# page or an interview may open with "About <name>" and go on about the person.
ABOUT_AUTHOR_MIN_SHARE = 0.5


class _AboutAuthor:
    """Which body lines title an author box with the byline author's name (`author-box`)."""

    def __init__(
        self, about: PhraseSet, authors: tuple[str, ...], features: list[UnitFeatures], kept: list[int], labels: Labels
    ) -> None:
        self.about = about
        # The name as the byline gives it, and a person's first name ("Über Kathrin" under a post by Kathrin Runge).
        names = {author.casefold() for author in authors}
        names.update(author.split()[0].casefold() for author in authors if 1 < len(author.split()) <= 3)
        self.names = frozenset(name for name in names if name)
        self.late: frozenset[int] = frozenset()
        if self.names and about.exact:
            self.late = frozenset(index for index, _ in late_body_lines(features, kept, labels, ABOUT_AUTHOR_MIN_SHARE))

    def heads_box(self, index: int, key: str) -> bool:
        if index not in self.late or len(key.split()) > ABOUT_AUTHOR_MAX_WORDS:
            return False
        phrase = self.about.leading_phrase(key)
        return phrase is not None and key[len(phrase) :].strip(" :") in self.names


# The writer's bio closes the article: a short paragraph that opens with the byline's name.
BIO_TAIL_UNITS = 3


def _drop_author_bio(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, authors: tuple[str, ...]
) -> None:
    """'Sara Zinnecker ist Redakteurin ...' under the article names the byline's author: a bio, not text."""
    # A person's name: its first word opens the bio ("Sara Zinnecker ist ...", "Tanja ist seit ...").
    names = {author.split()[0].casefold() for author in authors if len(author.split()) in (2, 3)}
    if not names:
        return
    body = [i for i in kept if labels[i][0] in BODY_LABELS]
    for index in body[-BIO_TAIL_UNITS:]:
        first = units[index].text.lstrip("_*").split(maxsplit=1)[:1]
        opens = bool(first) and first[0].strip(".,:;()").casefold() in names
        if opens and features[index].sentence_end and features[index].words <= BIO_MAX_WORDS and index != body[0]:
            position = body.index(index)
            for member in body[position:]:
                labels[member] = ("removed", "author-bio")
            return


# A widget label near the end ("Newsletter", "Teilen", "Folgen Sie uns") and a little text after it: the
# text is the widget's (its pitch, its form, its consent note), not the article's.
# A donation or newsletter box says more than a line: its pitch, its form's labels and its consent note run
# to about a hundred words. Whole corpus: 60 words -> 120, trafilatura-eval leak .203 -> .199 (both halves of
# the corpus), hit .928 unchanged, wcxb body P .817 -> .819, R .894 -> .893, F1 .822 unchanged.
WIDGET_TAIL_MAX_WORDS = 120
WIDGET_TAIL_MIN_SHARE = 0.5
_WIDGET_MARKERS = frozenset({"newsletter", "login", "cookie-notice", "follow", "share", "related-links", "prev-next"})


def _drop_after_widget(
    features: list[UnitFeatures], kept: list[int], labels: Labels, controls: frozenset[int] = frozenset()
) -> None:
    """The first widget label past the article's middle with little text after it ends the article.

    HTML: not a label that is an item's or a widget's own control (content.markup_controls).
    """
    words = [features[i].words if labels[i][0] in BODY_LABELS else 0 for i in kept]
    total = sum(words)
    before = 0
    for position, index in enumerate(kept):
        late = before >= WIDGET_TAIL_MIN_SHARE * total
        if (
            features[index].boilerplate in _WIDGET_MARKERS
            and late
            and total - before <= WIDGET_TAIL_MAX_WORDS
            and index not in controls
        ):
            for member in kept[position + 1 :]:
                if labels[member][0] in BODY_LABELS:
                    labels[member] = ("removed", "after-widget")
            return
        before += words[position]


# The article's tail. Past the middle of the body, a heading after which the rest of the body is mostly short
# lines (product cards, teaser headlines, "More from ...", a sidebar's widget titles, an author card) heads a
# block of the page, not a section of the article: it and the headings after it become paragraphs
# (`heading-in-tail`). Measured on the dev corpus (wcxb, every 2nd doc, 10,948 headings): a heading past the
# middle with under a tenth of the remaining words in prose is a gold subheading 4 times in 139; under a
# fifth, 15 in 200 (looser shares cost recall more than they gain precision). The lines stay in the body:
# cutting them (tried: the whole tail removed) loses body recall (-.005 on Markdown and inscriptis), since
# the gold often keeps a listing's items or a reference list.
TAIL_MIN_SHARE = 0.5
TAIL_MAX_PROSE_SHARE = 0.1
TAIL_HEADING = "heading-in-tail"
# The tail follows an article: at least this share of the words above the heading is prose. A listing (a
# shop's product cards under '#' headings, a link hub) has little prose anywhere and no tail to cut off.
TAIL_MIN_ARTICLE_PROSE = 0.5
# Late in the body, a heading with nothing under it (the next body unit is a heading of the same or a higher
# level) is a widget title or a card's name, not a section: `empty-late-heading`. Earlier, such a heading is
# often a real chapter title above its first subsection's heading, so only the last 30% of the body's words.
EMPTY_HEADING_MIN_SHARE = 0.7
EMPTY_LATE_HEADING = "empty-late-heading"
# The level a heading without a Markdown mark has (sections.DEFAULT_HEADING_LEVEL).
UNMARKED_HEADING_LEVEL = 2


def demote_late_headings(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, has_stopwords: bool
) -> None:
    """Late headings that head no article text become paragraphs (`heading-in-tail`, `empty-late-heading`)."""
    body = [i for i in kept if labels[i][0] in BODY_LABELS]
    words = [features[i].words for i in body]
    total = sum(words)
    if not total:
        return
    prose = [w if is_prose(features[i], has_stopwords) else 0 for i, w in zip(body, words, strict=True)]
    total_prose = sum(prose)
    rest_words, rest_prose = total, total_prose
    before = 0
    in_tail = False
    for position, index in enumerate(body):
        if labels[index][0] == "heading":
            in_tail = in_tail or (
                before >= TAIL_MIN_SHARE * total
                and rest_prose < TAIL_MAX_PROSE_SHARE * rest_words
                and total_prose - rest_prose >= TAIL_MIN_ARTICLE_PROSE * before
            )
            if in_tail:
                labels[index] = ("paragraph", TAIL_HEADING)
            elif before >= EMPTY_HEADING_MIN_SHARE * total and _heads_nothing(units, body, position, labels):
                labels[index] = ("paragraph", EMPTY_LATE_HEADING)
        before += words[position]
        rest_words -= words[position]
        rest_prose -= prose[position]


def _heads_nothing(units: list[Unit], body: list[int], position: int, labels: Labels) -> bool:
    if position + 1 >= len(body):
        return False
    below = body[position + 1]
    if labels[below][0] != "heading":
        return False
    level = units[body[position]].heading_level or UNMARKED_HEADING_LEVEL
    if (units[below].heading_level or UNMARKED_HEADING_LEVEL) > level:
        return False
    # A run of headings with nothing under any (a list of resources set as headings) is the page's own list:
    # the widget title stands alone, text above it and a section (heading and text) below.
    above = position > 0 and labels[body[position - 1]][0] == "heading"
    return not above and position + 2 < len(body) and labels[body[position + 2]][0] != "heading"


# A block the page shows again inside the body is a carousel's clone, a testimonial slider drawn twice, a card
# repeated for another screen size: the article says a thing once. A clone is a run: at least CLONE_MIN_RUN
# neighbouring body units that each repeat earlier body text (same text key, at least REPEAT_MIN_WORDS words).
# A lone repeat is more often the page's own pattern, which the gold keeps: a field of each listed item ("Free
# Estimates from Local Pros"), a step that several sections share ("Install and set up ngrok."). Whole corpus
# (wcxb): every repeat removed, body P .825 -> .840 but R .891 -> .881 (every 2nd doc); runs of 2, R -.004;
# runs of 3, R -.003 on inscriptis; runs of 4 (this): P .819 -> .822, R .893 -> .892, F1 .822 -> .824, no
# renderer or scope figure down more than .002, both halves of the corpus +.002 F1.
REPEAT_MIN_WORDS = 3
CLONE_MIN_RUN = 4
REPEATED_IN_BODY = "repeated-in-body"
# Headings stay: the gold lists a repeated section title as often as the page shows it (a recipe card's
# "Ingredients", a comparison's per-product "Pros"); removing repeated headings cost heading F1 .011.
_TEXT_LABELS = BODY_LABELS - {"heading"}


def drop_repeats(features: list[UnitFeatures], kept: list[int], labels: Labels) -> None:
    """Runs of body units whose text already stood earlier in the body are removed (`repeated-in-body`)."""
    body = [i for i in kept if labels[i][0] in BODY_LABELS]
    seen: set[str] = set()
    repeat = [False] * len(body)
    for position, index in enumerate(body):
        feats = features[index]
        if labels[index][0] not in _TEXT_LABELS or feats.repeats < 2 or feats.words < REPEAT_MIN_WORDS:
            continue
        if feats.key in seen:
            repeat[position] = True
        else:
            seen.add(feats.key)
    run: list[int] = []
    # A sentinel position past the end closes the last run.
    for position in range(len(body) + 1):
        if position < len(body) and repeat[position]:
            run.append(body[position])
            continue
        if len(run) >= CLONE_MIN_RUN:
            for member in run:
                labels[member] = ("removed", REPEATED_IN_BODY)
        run = []
