"""Whole lines of page furniture written as text inside the main-text run: teasers and bios.

The region is one run of prose, so it takes in lines that read like the article's own but point
elsewhere or speak about the writer. Each rule here names one shape, as a separate function, and
runs before the in-body rules (`inbody.relabel`), so that the article's tail is judged without them:

- `read-also-teaser`: a line that opens with a related-links phrase and a separator, then a title
  ("Czytaj też: Wyścig zbrojeń ruszył z kopyta", "Related: Alaska delays Oneworld membership",
  "À lire aussi » ..."): a link to another article set inside this one. The phrase alone on a line is
  boilerplate already (records.lexicon); with a title after it, it is a teaser.
- `byline-name-line`: a line that opens with the full name of the page's own byline author: the
  writer's bio ("Sara Zinnecker ist Redakteurin im Team ...", "Lisa Jennings is a veteran reporter
  ..."), or the author label of a teaser list of the writer's other pieces ("Iwona Kurz Film"). The
  story is about its subject, not its writer: a line that names the writer first speaks about the
  writer.
- `site-notice-line`: a line that opens with a phrase of the site's notices to its readers
  ([site-notice]: "Dir hat der Artikel gefallen? ...", "This entry was posted in ...", "Advertising
  disclosure: ...", "Les opinions exprimées ...", "Materiał chroniony prawem autorskim ..."): the
  same sentence under every article of the site, set in the article column, not the article's text.
- `author-intro-line`: a line in the last part of the body where the writer greets the reader and says
  who they are ([author-intro]: "Hi, ich bin David, der Gründer …", "Hello, I'm Jane, a food blogger …"):
  the blog's author box, written without its label.
- `newsletter-pitch`: a short line in the last tenth of the body that holds a phrase of the newsletter
  box ("Mit unserem Newsletter erhalten Sie monatlich ...", "Enter your email to get tips ..."): the
  box's pitch, written as a sentence.
- `contents-title-line`: a body line that is only the title of a table of contents ([contents-title]: "Table of
  contents", "In this article:", "Inhaltsverzeichnis"): the page's navigation box, not its text.
- `joined-label`: a short unit the text front end joined from two lines or more, whose first line alone is a
  boilerplate label ("Share Article:" + "Written by: Sean Peek", "Log In" + "Sign Up", "Gefällt mir:" + "Gefällt
  mir Wird geladen ..."): the whole-line phrase test (records.lexicon) never saw the label on its own.
- `call-to-action-line`: a body line of a few words that opens with a call to action ([call-to-action]:
  "Book a demo", "Shop now", "Try it free", "Find out more", "Jetzt kaufen", "Zum Shop"), or closes with
  the infinitive a German button ends on ([call-to-action-end]: "Buch bestellen", "Newsletter abonnieren"):
  a button's label, which the text dump set on a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from articlecli.frontends.unit import Unit
from articlecli.labeller.inbody import BODY_LABELS, late_body_lines
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import RecordTable, UnitFeatures
from articlecli.records.lexicon import Lexicon, PhraseSet, line_key

Labels = dict[int, tuple[str, str]]

READ_ALSO_TEASER = "read-also-teaser"
# What stands between a related-links phrase and the title it introduces ('»' and '«' read as '"' in a key).
_TEASER_SEPARATORS = (":", '"', "»", ">", "|", "›")
# A teaser is a title: a line this long that opens with "See also:" is a sentence of the article.
TEASER_MAX_WORDS = 30


def _short_body_keys(
    features: RecordTable, kept: list[int], labels: Labels, max_words: int
) -> Iterator[tuple[int, str]]:
    """(index, opening key: RecordTable.opening_key) of each kept body line of at most `max_words` words that has
    text: the lines a line-opening phrase rule reads."""
    for index in kept:
        if labels[index][0] in BODY_LABELS and features[index].words <= max_words:
            key = features.opening_key(index)
            if key:
                yield index, key


def drop_read_also_teasers(features: RecordTable, kept: list[int], labels: Labels, lexicon: Lexicon) -> None:
    """'Lesen Sie auch: <title>' inside the article links to another one (`read-also-teaser`)."""
    related = lexicon.phrases("related-links")
    if not related.exact:
        return
    for index, key in _short_body_keys(features, kept, labels, TEASER_MAX_WORDS):
        phrase = related.leading_phrase(key)
        if phrase is None:
            continue
        rest = key[len(phrase) :].lstrip()
        if rest.startswith(_TEASER_SEPARATORS) and any(char.isalpha() for char in rest):
            labels[index] = ("removed", READ_ALSO_TEASER)


BYLINE_NAME_LINE = "byline-name-line"
# A bio runs to a paragraph; a longer block that opens with the writer's name is the article's own text.
BYLINE_NAME_MAX_WORDS = 150
# Markup a scraper leaves before a line's first word: emphasis, quote and heading marks.
_LEADING_MARKS = " *_>#"


def drop_byline_name_lines(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, authors: tuple[str, ...]
) -> None:
    """A body line that opens with the byline author's full name is about the writer (`byline-name-line`)."""
    # A full name (two words at least): a first name alone opens sentences of many stories.
    names = tuple({author.casefold() for author in authors if len(author.split()) >= 2})
    if not names:
        return
    for index in kept:
        if labels[index][0] not in BODY_LABELS or features[index].words > BYLINE_NAME_MAX_WORDS:
            continue
        text = units[index].text.lstrip(_LEADING_MARKS).casefold()
        if not text.startswith(names):
            continue
        name = next(name for name in names if text.startswith(name))
        rest = text[len(name) :]
        # The name is whole ("Jane Doe is ...", "Jane Doe, ...", not "Jane Doerr") and something follows it;
        # "Jane Doe: Where did you ...?" is the interviewer's question (a speaker label), the article's own.
        whole = rest[:1] and not rest[:1].isalnum() and not rest.lstrip(_LEADING_MARKS).startswith(":")
        if whole and any(char.isalpha() for char in rest):
            labels[index] = ("removed", BYLINE_NAME_LINE)


NEWSLETTER_PITCH = "newsletter-pitch"
# A pitch is a sentence or two ("Mit unserem Newsletter erhalten Sie monatlich ...", "Enter your email to get
# tips ... in our weekly newsletter."); a longer paragraph that mentions a newsletter is the article's.
PITCH_MAX_WORDS = 30
# Pitches close the page's article column: only in the last part of the body (share of its words above the
# line). Earlier, a sentence with "subscribe" or "email address" is more often the article's (a how-to on
# mail clients, an API's 'subscribe' hook).
PITCH_MIN_SHARE = 0.9


@lru_cache(maxsize=64)
def _pitch_phrases(phrases: PhraseSet) -> tuple[str, ...]:
    """The newsletter box's phrases ('newsletter', 'enter your email', 'zum newsletter anmelden') a pitch
    holds, longest first."""
    return tuple(sorted((p for p in phrases.exact if "#" not in p), key=len, reverse=True))


def has_whole_phrase(key: str, phrases: tuple[str, ...]) -> bool:
    r"""Whether one of `phrases` is inside `key` as whole words: neither end inside a longer word.

    What the search of `(?<!\w)(?:phrase|phrase|...)(?!\w)` finds, by `str.find`: compiling the alternation
    of a language's newsletter phrases cost about 5 ms, in every CLI run, for the few short lines at the
    end of a body it is asked about. A word character is what `\w` matches: `str.isalnum` or '_'.
    """
    size = len(key)
    for phrase in phrases:
        start = key.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if (start == 0 or not _is_word_char(key[start - 1])) and (end == size or not _is_word_char(key[end])):
                return True
            start = key.find(phrase, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def drop_newsletter_pitches(features: list[UnitFeatures], kept: list[int], labels: Labels, lexicon: Lexicon) -> None:
    """A short line near the end of the body that speaks of the newsletter box is its pitch (`newsletter-pitch`).
    A line that is only the phrase is boilerplate already (records.lexicon); this takes the sentences around it."""
    phrases = _pitch_phrases(lexicon.phrases("newsletter"))
    if not phrases:
        return
    for index, feats in late_body_lines(features, kept, labels, PITCH_MIN_SHARE):
        if feats.words <= PITCH_MAX_WORDS and has_whole_phrase(feats.key, phrases):
            labels[index] = ("removed", NEWSLETTER_PITCH)


RELATED_TEASERS = "related-teasers"
# A teaser is a title: a line this long, or one that ends a sentence, is the article's text again.
RELATED_TITLE_MAX_WORDS = 15
# A title may end on '?' or on an ellipsis ("Czy grozi nam wojna atomowa?", "... gets star treatment, 'SN...").
_SENTENCE_ENDS = (".", "!", ":")
_ELLIPSIS = ("..", "…")
# The titles under a related-links widget label: a list of at least this many. One short line after a
# "Read more" is as often the rest of the paragraph that the link cut off, or the next section's first words.
RELATED_MIN_TITLES = 2
# Lines the run passes over: what sits between a teaser's title and the next (its picture, a separator).
_PASSED_OVER = frozenset({"image", "decoration", "link-list"})


def drop_related_teasers(units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels) -> None:
    """The titles listed under a related-links label inside the run ('Related Coverage', 'Verwandte Beiträge')
    are other articles (`related-teasers`): the short lines after it, up to the first heading or sentence."""
    for position, index in enumerate(kept):
        if labels[index] != ("removed", "related-links"):
            continue
        titles: list[int] = []
        for member in kept[position + 1 :]:
            label, rule = labels[member]
            if label == "removed" and rule in _PASSED_OVER:
                continue
            feats = features[member]
            title = (
                label in BODY_LABELS
                and label != "heading"
                and feats.words <= RELATED_TITLE_MAX_WORDS
                and not _ends_sentence(units[member].text)
            )
            if not title:
                break
            titles.append(member)
        if len(titles) >= RELATED_MIN_TITLES:
            for member in titles:
                labels[member] = ("removed", RELATED_TEASERS)


def _ends_sentence(text: str) -> bool:
    end = text.rstrip()
    return end.endswith(_SENTENCE_ENDS) and not end.endswith(_ELLIPSIS)


WIDGET_TITLE_TAIL = "widget-title-tail"
# The widget titles that close an article column: a related-links list ("Beliebte Beiträge zum Thema:",
# "Most Popular Stories", "Artículos relacionados ..."), a comment section ("Kommentar schreiben | ..."), a
# newsletter box, a previous/next pager, a follow box. The whole-line phrase is boilerplate already
# (records.lexicon) and ends the run as a terminator; these lines say the phrase and then more (the site's
# name, the topic, a colon).
_WIDGET_TITLE_CATEGORIES = ("related-links", "comments", "newsletter", "prev-next", "follow")
# A widget title is a label, not a sentence: a few words, no final full stop.
WIDGET_TITLE_MAX_WORDS = 10
# One-word phrases ('name', 'website', 'comment') open field labels and lines of code as often as widget titles.
WIDGET_TITLE_MIN_PHRASE_WORDS = 2
# Only past the middle of the body (share of its words above the line): earlier, "Related articles on ..." is
# more often a sidebar block above the article, which the run's start already handles.
WIDGET_TITLE_MIN_SHARE = 0.5
_SENTENCE_FINAL = (".", "!", "?")


def drop_after_widget_title(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """A late short line that opens with a widget phrase ('Most Popular Stories', 'Lo más leído hoy') heads the
    page's widgets: it and the body below it leave the article (`widget-title-tail`)."""
    phrase_sets = [lexicon.phrases(category) for category in _WIDGET_TITLE_CATEGORIES]
    for index, feats in late_body_lines(features, kept, labels, WIDGET_TITLE_MIN_SHARE):
        if _widget_title(units[index], feats, phrase_sets):
            # No label has changed yet: the body is the one the walk read.
            body = [i for i in kept if labels[i][0] in BODY_LABELS]
            for member in body[body.index(index) :]:
                labels[member] = ("removed", WIDGET_TITLE_TAIL)
            return


def _widget_title(unit: Unit, feats: UnitFeatures, phrase_sets: list[PhraseSet]) -> bool:
    text = unit.text.rstrip()
    # '=' marks a line of code or configuration ("comment = Backups"), not a label.
    if not feats.key or feats.words > WIDGET_TITLE_MAX_WORDS or text.endswith(_SENTENCE_FINAL) or "=" in text:
        return False
    for phrases in phrase_sets:
        phrase = phrases.leading_phrase(feats.key)
        if phrase is not None and len(phrase.split()) >= WIDGET_TITLE_MIN_PHRASE_WORDS:
            return True
    return False


SITE_NOTICE_LINE = "site-notice-line"
# A notice is a sentence or two (a prompt, a disclosure, a licence line, the WordPress post-meta line); a longer
# block that opens with such words ("The views expressed in this report ...") is the article's own paragraph.
SITE_NOTICE_MAX_WORDS = 60
# A prompt is a question or an exclamation ('Hat Ihnen der Artikel gefallen? Dann teilen ...', '¿Te gustó este
# artículo?'): its marks are dropped before the phrase lookup, which trims only ':', ',', '.' and dashes. A regex
# substitution, not str.translate: translating a key that is not ASCII looks every character up in a dict
# (0.28 ms a page over the body's short lines), the regex scans for the four marks in C and most keys have none.
_PROMPT_MARKS = lazy_compile("[?!¿¡]")


def drop_site_notices(features: RecordTable, kept: list[int], labels: Labels, lexicon: Lexicon) -> None:
    """A body line that opens with a phrase of the site's notices to its readers ('Hat Ihnen der Artikel
    gefallen?', 'This post may contain affiliate links', 'Dieser Text wurde veröffentlicht unter der Lizenz')
    is furniture of the article column (`site-notice-line`), wherever it stands: disclosures open the
    article, prompts and licence lines close it."""
    notices = lexicon.phrases("site-notice")
    if not notices.exact:
        return
    for index, key in _short_body_keys(features, kept, labels, SITE_NOTICE_MAX_WORDS):
        if notices.leading_phrase(_PROMPT_MARKS.sub("", key)) is not None:
            labels[index] = ("removed", SITE_NOTICE_LINE)


AUTHOR_INTRO_LINE = "author-intro-line"
# The box's bio is a paragraph (as `byline-name-line` reads one, BYLINE_NAME_MAX_WORDS); a longer block that
# opens with a greeting is the post itself.
AUTHOR_INTRO_MAX_WORDS = 150
# Only in the last part of the body (share of its words above the line): a blog post may itself open with
# "Hallo, ich bin ..." and tell its story; the box stands below the post, though a comment thread under it can
# hold a third of the page's words.
AUTHOR_INTRO_MIN_SHARE = 0.5


def drop_author_intros(features: RecordTable, kept: list[int], labels: Labels, lexicon: Lexicon) -> None:
    """A late body line that opens with the writer's greeting ('Hi, ich bin ...', 'Hello, I'm ...') is the
    author box under the post (`author-intro-line`)."""
    intros = lexicon.phrases("author-intro")
    if not intros.exact:
        return
    for index, feats in late_body_lines(features, kept, labels, AUTHOR_INTRO_MIN_SHARE):
        if feats.words > AUTHOR_INTRO_MAX_WORDS:
            continue
        key = features.opening_key(index)
        if key and intros.leading_phrase(key):
            labels[index] = ("removed", AUTHOR_INTRO_LINE)


SHARE_ROW = "share-row"
# A share row is a row of buttons: a few labels, no prose. A line this long is a sentence that names networks.
SHARE_ROW_MAX_WORDS = 40
# Buttons in a row: three at least ("Facebook Twitter E-Mail"); two network names fit in a sentence of the text.
SHARE_ROW_MIN_BUTTONS = 3
# The buttons' labels make up most of the row's letters ("Teilen Sie dies mit:TwitterFacebookGefällt mir: ..." is
# .7, "Facebook 0 Twitter StumbleUpon Tumblr Pinterest 0 0 Likes" .9); a sentence that lists networks ("follow us
# on Facebook, Instagram and Twitter for ...") is under half.
SHARE_ROW_MIN_LABEL_SHARE = 0.6


@lru_cache(maxsize=64)
def _button_labels(phrases: PhraseSet) -> dict[str, tuple[str, ...]]:
    """The share phrases ('teilen auf', 'whatsapp', 'e-mail') as letters and digits only ('teilenauf', 'email'),
    by their first two characters, longest first: how a row glued by the scraper ('E-MailTwitterWhatsApp')
    spells them."""
    # Wildcards and number words ('share on *', '# shares') are not a button's own label.
    squashed = {"".join(char for char in p if char.isalnum()) for p in phrases.exact if "*" not in p and "#" not in p}
    by_start: dict[str, list[str]] = {}
    for label in sorted(squashed, key=len, reverse=True):
        if len(label) >= 2:
            by_start.setdefault(label[:2], []).append(label)
    return {start: tuple(labels) for start, labels in by_start.items()}


def _squash(text: str) -> tuple[str, frozenset[int]]:
    """`text` casefolded, its letters and digits only, and where its words start: after a space or a mark, at a
    capital after a small letter ('TwitterFacebook'), between letters and digits ('Facebook764')."""
    chars: list[str] = []
    starts = set()
    previous = ""
    for char in text:
        if char.isalnum():
            if (
                not previous.isalnum()
                or (previous.islower() and char.isupper())
                or previous.isdigit() != char.isdigit()
            ):
                starts.add(len(chars))
            chars.append(char.casefold())
        previous = char
    starts.add(len(chars))
    return "".join(chars), frozenset(starts)


def is_share_row(text: str, labels: dict[str, tuple[str, ...]]) -> bool:
    """Whether `text` is a row of share buttons: SHARE_ROW_MIN_BUTTONS labels at least, each starting and ending
    at a word's edge, covering SHARE_ROW_MIN_LABEL_SHARE of its letters (counters such as '0' or '3.4K' aside)."""
    squashed, starts = _squash(text)
    letters = sum(1 for char in squashed if not char.isdigit())
    if not letters:
        return False
    position, covered, buttons = 0, 0, 0
    while position < len(squashed):
        found = None
        if position in starts:
            found = next(
                (
                    label
                    for label in labels.get(squashed[position : position + 2], ())
                    if squashed.startswith(label, position) and position + len(label) in starts
                ),
                None,
            )
        if found is None:
            position += 1
            continue
        covered += len(found)
        buttons += 1
        position += len(found)
    return buttons >= SHARE_ROW_MIN_BUTTONS and covered >= SHARE_ROW_MIN_LABEL_SHARE * letters


_DIGITS = lazy_compile(r"\d+")
# The ASCII characters that are neither letter nor digit (str.isalnum), deleted from an ASCII line's bytes.
_ASCII_NOT_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def letters_and_digits(text: str) -> str:
    r"""`text` with only its letters and digits (str.isalnum: what the regex class [^\W_] keeps), casefolded.

    Every short body line is squashed so (see _may_be_share_row): an ASCII line by a byte deletion in C, five
    times faster than the regex substitution of [\W_]+; another by a filter over its characters."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii").lower()
    return "".join(filter(str.isalnum, text)).casefold()


@lru_cache(maxsize=64)
def _button_search(phrases: PhraseSet) -> re.Pattern[str]:
    """Finds, at every position of a squashed line, the longest share label that starts there (a lookahead, so
    overlapping ones too): a trie whose every word end is an optional longer branch, tried first."""
    tree: dict[str, dict] = {}
    for labels in _button_labels(phrases).values():
        for label in labels:
            node = tree
            for char in label:
                node = node.setdefault(char, {})
            node[""] = {}

    def source(node: dict) -> str:
        branches = [re.escape(char) + source(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{joined})?" if "" in node else joined

    return re.compile(f"(?=({source(tree)}))") if tree else re.compile(r"(?!)")


def _may_be_share_row(text: str, search: re.Pattern[str]) -> bool:
    """A test in C that every share row passes: at least SHARE_ROW_MIN_BUTTONS positions where a label starts,
    and their longest labels, overlaps counted, covering SHARE_ROW_MIN_LABEL_SHARE of the letters: an upper bound
    of what `is_share_row` counts (its labels start at word starts, one after another). Most lines fail it."""
    squashed = letters_and_digits(text)
    found = [label for label in search.findall(squashed) if label]
    if len(found) < SHARE_ROW_MIN_BUTTONS:
        return False
    letters = len(_DIGITS.sub("", squashed))
    return sum(map(len, found)) >= SHARE_ROW_MIN_LABEL_SHARE * letters


def drop_share_rows(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """A body line made of share buttons ('Artikel teilenTeilen auf TwitterTeilen auf WhatsApp ...', 'Facebook 0
    Twitter Pinterest 0 Likes') is the share bar (`share-row`). One button alone is boilerplate already
    (records.lexicon); the scraper glued the row into one line, or set counters between the buttons."""
    phrases = lexicon.phrases("share")
    buttons = _button_labels(phrases)
    if not buttons:
        return
    search = _button_search(phrases)
    for index in kept:
        short = labels[index][0] in BODY_LABELS and features[index].words <= SHARE_ROW_MAX_WORDS
        text = units[index].text
        if short and _may_be_share_row(text, search) and is_share_row(text, buttons):
            labels[index] = ("removed", SHARE_ROW)


CALL_TO_ACTION_LINE = "call-to-action-line"
# A button is labelled in a few words ("Book a demo", "View all customer stories", "Join Waitlist"); a longer line
# that opens with "Try" or "Download" is a sentence of the text ("Try to keep the dough cold while ..."). Whole
# corpus, simulated on the shipped output: at most 6 words takes 55 leaked snippets and 2 wanted ones (wcxb body
# F1 +.0004); at most 4 words, 46 and 1 (+.0003); at most 8, 60 and 3.
CALL_TO_ACTION_MAX_WORDS = 6
# A label that closes on its verb ("Jetzt kaufen", "Buch bestellen", [call-to-action-end]) has a word before it:
# the verb alone on a line ("Anmelden") is a form's or a menu's, which the boilerplate phrases already know.
CALL_TO_ACTION_END_MIN_WORDS = 2
# A sentence or a field label ends on these; a button's label does not ("Jetzt melden!" does end on '!').
_NOT_A_LABEL_END = (".", ":", "?")


def drop_calls_to_action(
    units: list[Unit], features: RecordTable, kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """A short body line that opens with a call to action ('Book a demo', 'Shop now', 'Mehr erfahren', 'En savoir
    plus'), or in a language that puts the verb last closes with one ('Buch bestellen', 'Jetzt für den Newsletter
    anmelden'), is a button's label (`call-to-action-line`), wherever it stands: under each product, beside the
    lead, at the foot. Markdown headings are the page's own and stay; a rule heading of this shape is a paragraph
    by now (heading_context's `call-to-action-not-heading`)."""
    actions = lexicon.phrases("call-to-action")
    closing = lexicon.phrases("call-to-action-end").exact
    if not actions.exact and not closing:
        return
    for index, key in _short_body_keys(features, kept, labels, CALL_TO_ACTION_MAX_WORDS):
        if labels[index][0] == "heading":
            continue
        if actions.leading_phrase(key) is not None or _closes_on_action(units[index].text, key, closing):
            labels[index] = ("removed", CALL_TO_ACTION_LINE)


def _closes_on_action(text: str, key: str, closing: frozenset[str]) -> bool:
    words = key.split()
    return (
        len(words) >= CALL_TO_ACTION_END_MIN_WORDS
        and words[-1] in closing
        and not text.rstrip().endswith(_NOT_A_LABEL_END)
    )


CONTENTS_TITLE_LINE = "contents-title-line"
# A table of contents is titled in a few words ("Table of contents", "In this article:", "Inhaltsverzeichnis"); a
# longer line is a sentence, and one that ends on a full stop is the tail of a sentence the dump cut at a link
# ("... as shown / on this page.").
CONTENTS_TITLE_MAX_WORDS = 5


def drop_contents_titles(
    units: list[Unit], features: RecordTable, kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """A body line that is only the title of a table of contents ([contents-title]: 'Table of contents', 'On this
    page', 'In diesem Artikel:') heads the page's navigation box, not a part of the text (`contents-title-line`):
    heading_context made such a heading a paragraph, and this takes it out with the plain lines of that shape. On
    the whole corpus, of 111 such body lines 8 are wcxb gold body lines and 6 hold a leaked snippet."""
    contents = lexicon.phrases("contents-title")
    if not contents.exact:
        return
    for index, key in _short_body_keys(features, kept, labels, CONTENTS_TITLE_MAX_WORDS):
        if contents.matches_whole(key) and not units[index].text.rstrip().endswith("."):
            labels[index] = ("removed", CONTENTS_TITLE_LINE)


JOINED_LABEL = "joined-label"
# A joined unit this long is a paragraph whose first line happens to be a label's words; a label with the labels or
# the byline set beside it is a few words ('Log In Sign Up en Select Site Language').
JOINED_LABEL_MAX_WORDS = 12
# Categories whose phrases are also a form's field labels or ordinary words ('Website:', 'Name', 'Learn more',
# 'Home'): a unit that goes on after one is a field and its value, or a sentence around a link.
_FIELD_LIKE_CATEGORIES = frozenset({"navigation", "comments"})


def drop_joined_labels(units: list[Unit], kept: list[int], labels: Labels, lexicon: Lexicon) -> None:
    """A short body unit joined from lines whose first line is a boilerplate label is that label with its
    neighbours (`joined-label`)."""
    for index in kept:
        unit = units[index]
        if (
            len(unit.raw) > 1
            and labels[index][0] in BODY_LABELS
            and unit.words <= JOINED_LABEL_MAX_WORDS
            and _opens_with_label(unit.raw, lexicon)
        ):
            labels[index] = ("removed", JOINED_LABEL)


def _opens_with_label(pieces: tuple[str, ...], lexicon: Lexicon) -> bool:
    """The first piece alone is a boilerplate line and the next does not carry on its sentence."""
    first = pieces[0].strip()
    key = line_key(first)
    # One word ('Facebook', 'LinkedIn') is as often a name linked inside a sentence; a label's colon says it is one.
    if " " not in key and not first.endswith(":"):
        return False
    category = lexicon.boilerplate_category(key) if key else None
    if category is None or category in _FIELD_LIKE_CATEGORIES:
        return False
    rest = " ".join(pieces[1:]).lstrip()
    if rest[:1].islower():
        return _joins_another_label(rest, lexicon)
    # A comma after the label's words goes on with the same sentence ('Log in, then open the settings page').
    return rest[:1].isalnum()


# A second label joined by a word ('or Register', 'and Privacy Policy') is a word and a label's few words.
JOINED_SECOND_LABEL_MAX_WORDS = 4


def _joins_another_label(rest: str, lexicon: Lexicon) -> bool:
    """'Sign In' + 'or Register', 'Terms of Service' + 'and Privacy Policy': one word, then a boilerplate label. Any
    other lowercase word after the label's words goes on with its sentence ('Sign in or create an account to
    enjoy free shipping')."""
    words = rest.split()
    if not 1 < len(words) <= JOINED_SECOND_LABEL_MAX_WORDS:
        return False
    category = lexicon.boilerplate_category(line_key(" ".join(words[1:])))
    return category is not None and category not in _FIELD_LIKE_CATEGORIES
