"""One pipeline from units to an Article: language, main-text region, header, body, removals."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise, repeat
from typing import TYPE_CHECKING

from articlecli.frontends.text import title_case
from articlecli.frontends.unit import Unit
from articlecli.header.reader import Header, parse_header
from articlecli.labeller import debris, heading_context, heading_model_file, inbody, labeller_model_forced
from articlecli.labeller.content import LEAD_BELOW_TITLE, LINK_HEAVY, TERMINATORS, Region, find_region, is_prose
from articlecli.labeller.unit_vectors import RuleView
from articlecli.lazy_regex import lazy_compile
from articlecli.model import Article, LineDecision, RemovedLine
from articlecli.options import ParseOptions
from articlecli.records.features import UnitFeatures
from articlecli.records.language import detect_language_by_vote
from articlecli.records.lexicon import Lexicon, lexicon_for, stopwords
from articlecli.records.record import RecordTable, build_records
from articlecli.sections import build_sections, is_subheading

if TYPE_CHECKING:
    # Imported where used: HTML's markup and the labeller model (--confidence) are not every parse's.
    from articlecli.header.markup import MarkupMeta
    from articlecli.labeller.decode import Decoded

# The rule name of a site profile's template lines (site/apply.py SITE_TEMPLATE; not imported from
# there so that a parse without a profile does not load the site layer).
SITE_TEMPLATE_RULE = "site-template"

# The longest units, each voting for its language (see language.detect_language_by_vote).
LANGUAGE_SAMPLE_BLOCKS = 12

# A line without a single letter ("9916", "$37.99", "* * *") carries no text of its own.
_HAS_LETTER = lazy_compile(r"[^\W\d_]")
# A section permalink a scraper leaves after its heading: "¶", "#", "#install", "#section-2": slugs
# are lowercase. "#MeToo" is a hashtag, which is text; a number-only line ("2024") is not matched here.
_ANCHOR = lazy_compile(r"#[a-z\d_-]*|[^\w\s]+")


def rule_stage(
    units: list[Unit], *, input_format: str, options: ParseOptions, markup: MarkupMeta | None = None
) -> RuleView:
    """Everything the rules decide about the page's units, before the labeller model looks at them.
    `markup` is what an HTML page states about itself: its fields win over the visible text's
    (header/markup.apply_markup)."""
    language = options.language or detect_language_by_vote(_language_sample(units))
    if language is None and markup is not None:
        language = markup.language
    lexicon = lexicon_for(language)
    stops = stopwords(language)
    features = build_records(units, lexicon, stops, language)
    # The run's thin-tail cut is for text input (labeller.content.THIN_TAIL_GAP_COST), the lead under the
    # page's <h1> for HTML (content.LEAD_BELOW_TITLE).
    html_input = input_format == "html"
    region = find_region(units, features, bool(stops), thin_tail=not html_input, lead_below_title=html_input)
    header = parse_header(units, features, (region.start, region.end), lexicon, language)
    # With a site profile, the site's template lines are boilerplate (`site-template`) for the main text
    # and its labels. The header is read as without a profile: its labels (title, byline, dates) take
    # precedence, so a title that other pages of the site list as a teaser is still this page's title;
    # only a title line on most of the site's pages (a menu label) sends the header to read it again, marked.
    site = options.site
    shares: dict[int, float] = {}
    marked = features
    if site is not None:
        # Imported here: a parse without a profile (the common case) does not load the site layer.
        from articlecli.site.apply import better_title, mark_template, template_shares, template_title, trim_region

        shares = template_shares(units, features, site, bool(stops), frozenset(header.labels))
        marked = mark_template(features, shares)
        if shares:
            region = trim_region(
                region,
                find_region(units, marked, bool(stops), thin_tail=not html_input),
                shares,
                features,
                frozenset(header.labels),
            )
            if template_title(header.labels, shares):
                header = better_title(
                    header, parse_header(units, marked, (region.start, region.end), lexicon, language)
                )
    if header.body_start > region.start:
        region = replace(region, start=header.body_start, end=max(region.end, header.body_start))
    if markup is not None:
        from articlecli.header.markup import apply_markup

        apply_markup(header, markup)
    region = _with_leading_heading(units, marked, region, header)
    # Markdown and HTML mark their headings: nothing else is one there.
    explicit_headings = input_format in ("markdown", "html")
    body_labels = _label_body(units, marked, region, header, bool(stops), explicit_headings, lexicon)
    # The heading scorer decides the heading candidates (trained on text dumps: not on HTML input).
    # It is imported only when $ARTICLECLI_HEADING_MODEL names a model (labeller.heading_model_file).
    if input_format != "html" and heading_model_file() is not None:
        from articlecli.labeller import headings as heading_scorer

        heading_scorer.relabel(
            units,
            marked,
            body_labels,
            markdown_input=input_format == "markdown",
            has_stopwords=bool(stops),
            listing=region.listing,
        )
    markdown_input = input_format == "markdown"
    notes: dict[int, str] = {}
    title = header.title
    if site is not None:
        from articlecli.site.apply import explain_notes, site_title

        notes = explain_notes(shares, site) if shares else {}
        title_line = units[header.title_unit].text.strip() if header.title_unit is not None else None
        title = site_title(header.title, site, title_line)
    return RuleView(units, marked, region, header, body_labels, language, bool(stops), markdown_input, notes, title)


def build_article(
    units: list[Unit],
    *,
    source: str,
    input_format: str,
    options: ParseOptions,
    markup: MarkupMeta | None = None,
) -> Article:
    """The article of a page's units: the rules' labels, then the labeller model's overrides."""
    view = rule_stage(units, input_format=input_format, options=options, markup=markup)
    decoded = None
    if options.confidence or labeller_model_forced():
        from articlecli.labeller.decode import NO_OVERRIDES, decode

        # The model was trained and measured on text dumps: on HTML it scores the page but overrides nothing.
        decoded = decode(view, overrides=NO_OVERRIDES if input_format == "html" else None)
    return article_from(
        view,
        decoded,
        source=source,
        input_format=input_format,
        markup=markup,
        line_decisions=options.line_decisions,
    )


def article_from(
    view: RuleView,
    decoded: Decoded | None,
    *,
    source: str,
    input_format: str,
    markup: MarkupMeta | None = None,
    line_decisions: bool = True,
) -> Article:
    """The Article from the rules' decisions and the model's overrides (without `line_decisions`, its
    `decisions` are left empty: see ParseOptions). `decoded` is None when the model did not run."""
    header = view.header
    overrides = decoded.labels if decoded is not None else {}
    if decoded is not None and decoded.region is not None and input_format != "html":
        view, overrides = _in_model_region(view, decoded, input_format)
    decisions, removed, body = _decide(
        view.units, view.features, view.region, header, view.body_labels, view.notes, overrides, line_decisions
    )
    sections = build_sections(body)
    return Article(
        source=source,
        input_format=input_format,
        title=view.title,
        authors=tuple(header.authors),
        published=header.published,
        updated=header.updated,
        categories=tuple(header.categories),
        tags=tuple(header.tags),
        breadcrumbs=tuple(header.breadcrumbs),
        language=view.language,
        sections=tuple(sections),
        removed=tuple(removed),
        decisions=tuple(decisions),
        url=markup.url if markup else None,
        site_name=markup.site_name if markup else None,
        description=markup.description if markup else None,
        image=markup.image if markup else None,
        confidence=decoded.confidence if decoded is not None else None,
    )


def _in_model_region(
    view: RuleView, decoded: Decoded, input_format: str
) -> tuple[RuleView, dict[int, tuple[str, str]]]:
    """The rules' view with the model's main-text run as its region, the body inside it labelled by the
    same rules (headings, in-body chrome), and the overrides: every unit the model's run took in or left
    out against the rules' decision is named `model-region:<P(text)>`, so --explain shows what decided it.
    The model's other overrides (headings) stand on the units still kept."""
    from articlecli.labeller.decode import MODEL_REGION

    assert decoded.region is not None
    region = _with_leading_heading(view.units, view.features, decoded.region, view.header)
    lexicon = lexicon_for(view.language)
    explicit_headings = input_format in ("markdown", "html")
    labels = _label_body(view.units, view.features, region, view.header, view.has_stopwords, explicit_headings, lexicon)
    moved = replace(view, region=region, body_labels=labels)
    overrides: dict[int, tuple[str, str]] = {}
    body_labels = inbody.BODY_LABELS
    for index in range(len(view.units)):
        if index in view.header.labels:
            continue
        before = view.rule_label(index)[0] in body_labels
        label = moved.rule_label(index)[0]
        now = label in body_labels
        if before != now:
            overrides[index] = (label, f"{MODEL_REGION}:{decoded.scores[index]:.2f}")
        elif now and index in decoded.labels:
            overrides[index] = decoded.labels[index]
    return moved, overrides


def _with_leading_heading(units: list[Unit], features: list[UnitFeatures], region: Region, header: Header) -> Region:
    """The run starts at the first paragraph; a subheading right above it belongs to the body."""
    before = region.start - 1
    if before < 0 or before in header.labels or region.end <= region.start:
        return region
    unit, feats = units[before], features[before]
    if feats.boilerplate or not unit.text or feats.link_density > LINK_HEAVY:
        return region
    if is_subheading(unit, feats, True) and (unit.heading_level or unit.blank_before):
        return replace(region, start=before)
    return region


def _language_sample(units: list[Unit]) -> list[str]:
    """The page's longest blocks: the article's paragraphs are among them whatever surrounds it."""
    # A stable sort by length (key=len runs in C), as sorting the units by the length of their text.
    return sorted([unit.text for unit in units], key=len, reverse=True)[:LANGUAGE_SAMPLE_BLOCKS]


def _label_body(
    units: list[Unit],
    features: RecordTable,
    region: Region,
    header: Header,
    has_stopwords: bool,
    markdown_input: bool,
    lexicon: Lexicon,
) -> dict[int, tuple[str, str]]:
    """Label each region unit not taken by the header: heading, paragraph or removed."""
    labels: dict[int, tuple[str, str]] = {}
    # Whether each unit is prose, decided once: the tests below ask it of most units several times.
    prose = [is_prose(feats, has_stopwords) for feats in features]
    blank_layout = _blank_line_layout(units, prose)
    edges_blank = _blank_between_paragraphs(units, features, prose)
    kept = [i for i in range(region.start, region.end) if i not in header.labels]
    widgets = _label_runs(
        units, features, kept, max_words=WIDGET_ITEM_MAX_WORDS, min_run=WIDGET_MIN_RUN, skip_marked=True
    )
    # The last short line of a run, right above a paragraph, introduces that paragraph: a heading, not a menu item.
    run_ends = {index for index, below in pairwise(kept) if index in widgets and below not in widgets and prose[below]}
    widgets -= run_ends
    # A short line carrying a section permalink is a section title, even inside a run (docs pages).
    permalinked = {index for index in widgets if _permalinked_title(units, index)}
    widgets -= permalinked
    # A picture's credit stands between its title and the text (inbody.relabel takes it out): look past it too.
    credits = inbody.credit_lines(units, features, kept, lexicon)
    for position, index in enumerate(kept):
        unit, feats = units[index], features[index]
        if feats.boilerplate:
            labels[index] = ("removed", feats.boilerplate)
            continue
        if not unit.text:
            labels[index] = ("removed", "image")
            continue
        if _is_decoration(unit):
            labels[index] = ("removed", "decoration")
            continue
        # A linked '#' heading is still a heading: permalinked section titles, and the titles of the
        # cards a listing page is made of.
        linked_heading = unit.heading_level is not None
        link_line = feats.link_density > LINK_HEAVY and not prose[index] and feats.words <= 12
        if link_line and not linked_heading:
            labels[index] = ("removed", "link-list")
            continue
        if index in widgets:
            labels[index] = ("removed", "navigation-menu")
            continue
        if index in permalinked:
            labels[index] = ("heading", PERMALINKED_HEADING)
            continue
        # A heading's permalink mark ("¶") sits between it and its text: look past it.
        after = position + 1
        while after < len(kept) and (_ANCHOR.fullmatch(units[kept[after]].text) or kept[after] in credits):
            after += 1
        following = kept[after] if after < len(kept) else None
        next_is_text = (
            following is not None
            and not features[following].boilerplate
            and (_block_longer(units, features, following, feats.words, blank_layout) or units[following].list_item)
        )
        next_is_prose = following is not None and prose[following]
        below = index + 1
        while below < len(units) and not units[below].blank_before and _ANCHOR.fullmatch(units[below].text):
            below += 1
        framed = not blank_layout or (unit.blank_before and (below >= len(units) or units[below].blank_before))
        previous = kept[position - 1] if position else None
        after_sentence = previous is not None and units[previous].text.endswith(_SENTENCE_CLOSERS)
        opens_block = not edges_blank if unit.blank_before else after_sentence
        rule = "short-line-before-text"
        # Without blank lines a heading follows a finished sentence (or opens the run), not another short line;
        # or it is a subheading right under its section heading, above prose.
        if not blank_layout and not markdown_input and not unit.blank_before and previous is not None:
            framed = after_sentence
            if not framed and labels[previous][0] == "heading" and next_is_prose:
                framed, rule = True, "subheading-under-heading"
        # Where blank lines are not at every block edge (text glued as the page source broke it), a line alone
        # between a finished paragraph and the next one, no blank line anywhere, is a heading too.
        # Where blank lines are not even between paragraphs, a blank line above is as good as a finished sentence.
        elif blank_layout and not framed and opens_block and next_is_prose:
            framed = following is not None and not units[following].blank_before
            rule = "line-between-paragraphs"
        # A glued line was cut where one element ended and the next began: a short piece cut off on both
        # sides, right above prose, was an element of its own (the page's heading), whatever the layout.
        # Only capitalised words ("Key Takeaways"): menu entries and buttons ("Add to cart") precede prose too,
        # and a field ("Average Rating: 4.9") ends on its value. One word is as often a menu entry ("Sport")
        # or a camelCase name cut at its join.
        if (
            not framed
            and not markdown_input
            and next_is_prose
            and feats.words > 1
            and _cut_between(units, previous, index)
            and title_case(unit.text)
            and not unit.text[-1:].isdigit()
        ):
            framed, rule = True, "piece-before-paragraph"
        # A short piece cut off the start of its line, right above the rest of that line, which is prose: the
        # heading glued to its paragraph (frontends.text `glued-heading-start`).
        if (
            not framed
            and not markdown_input
            and next_is_prose
            and following is not None
            and _cut_between(units, index, following)
            and not _cut_between(units, previous, index)
        ):
            framed, rule = True, "glued-heading-start"
        if is_subheading(unit, feats, next_is_text, markdown_input=markdown_input, blank_framed=framed):
            if index in run_ends:
                rule = "short-line-after-short-lines"
            labels[index] = ("heading", "markdown-heading" if unit.heading_level else rule)
        elif unit.list_item:
            labels[index] = ("list-item", "list-marker")
        elif unit.quote:
            labels[index] = ("quote", "quote-marker")
        elif not region.listing and _permalinked_title(units, index):
            # A title the short-line tests missed (no blank line around it, a short definition below it).
            labels[index] = ("heading", PERMALINKED_HEADING)
        else:
            labels[index] = ("paragraph", "listing-item" if region.listing else "main-text")
    debris.drop_read_also_teasers(features, kept, labels, lexicon)
    debris.drop_joined_labels(units, kept, labels, lexicon)
    debris.drop_related_teasers(units, features, kept, labels)
    inbody.relabel(units, features, kept, labels, lexicon, has_stopwords, tuple(header.authors))
    # After the in-body rules: a bio that closes the article is theirs (`author-bio`, with what follows it), and
    # a pitch taken out before them would move the article's last prose paragraph up (`after-last-prose`).
    debris.drop_byline_name_lines(units, features, kept, labels, tuple(header.authors))
    debris.drop_newsletter_pitches(features, kept, labels, lexicon)
    debris.drop_site_notices(features, kept, labels, lexicon)
    debris.drop_share_rows(units, features, kept, labels, lexicon)
    debris.drop_author_intros(features, kept, labels, lexicon)
    debris.drop_after_widget_title(units, features, kept, labels, lexicon)
    heading_context.demote_nested_headings(units, features, kept, labels)
    heading_context.demote_datelines(units, features, kept, labels)
    heading_context.demote_dated_meta_lines(units, features, kept, labels)
    heading_context.demote_calls_to_action(units, features, kept, labels, lexicon)
    heading_context.demote_box_titles(units, features, kept, labels, lexicon)
    heading_context.demote_field_lines(units, kept, labels)
    heading_context.demote_table_rows(units, kept, labels)
    heading_context.demote_address_lines(units, kept, labels)
    heading_context.demote_cut_sentences(units, kept, labels)
    heading_context.demote_cut_names(units, kept, labels)
    heading_context.demote_repeated_fields(units, kept, labels)
    heading_context.demote_block_pieces(units, kept, labels, markdown_input=markdown_input, blank_layout=blank_layout)
    heading_context.demote_indented_lines_between_paragraphs(units, kept, labels)
    heading_context.promote_outdented_headings(units, features, kept, labels, markdown_input=markdown_input)
    heading_context.promote_section_headings(
        units, features, kept, labels, markdown_input=markdown_input, blank_layout=blank_layout
    )
    _drop_trailing_headings(kept, labels)
    _demote_contents_entries(units, kept, labels, prose)
    heading_context.restore_list_headings(units, kept, labels)
    inbody.drop_repeats(features, kept, labels)
    # After the heading rules (a rule heading that is a button's label is a paragraph by now, and goes too) and after
    # the repeats: a quoted post's "Click to expand..." is part of the repeated block drop_repeats matches.
    debris.drop_calls_to_action(units, features, kept, labels, lexicon)
    debris.drop_contents_titles(units, features, kept, labels, lexicon)
    if not region.listing:
        # A listing's lines are its items, not an article with a tail.
        inbody.demote_late_headings(units, features, kept, labels, has_stopwords)
    # Named last, so --explain shows why the lead above the byline is text; the rules above read it as main text.
    if region.lead is not None and labels.get(region.lead) == ("paragraph", "main-text"):
        labels[region.lead] = ("paragraph", LEAD_BELOW_TITLE)
    return labels


# A documentation page's section titles carry a permalink, which a text dump leaves as a line of its own right
# under the title (Sphinx "¶", MkDocs and Docusaurus "#", "§", "🔗"). On the wcxb pages, 14 of the 15
# capitalised lines above such a mark that a short-line run took are gold headings, and 5 of the 7 left as
# paragraphs; the marks after API entries ("max_random_bytes", "[source]") are why code-shaped lines are left out.
PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗"})
PERMALINKED_HEADING = "permalinked-heading"
# A title is a few words; a longer line above a lone "#" is a paragraph ending beside some widget.
PERMALINKED_TITLE_MAX_WORDS = 12
_CODE_SHAPED = lazy_compile(r"[_()\[\]<>{}=.]")


def _permalinked_title(units: list[Unit], index: int) -> bool:
    """The unit is a capitalised title (not a code name) with a section permalink mark on the next line."""
    text = units[index].text
    below = index + 1
    return (
        below < len(units)
        and units[below].text in PERMALINK_MARKS
        and not units[below].blank_before
        and text[:1].isupper()
        and not _CODE_SHAPED.search(text)
        and len(text.split()) <= PERMALINKED_TITLE_MAX_WORDS
    )


def _cut_between(units: list[Unit], above: int | None, below: int) -> bool:
    """The two units are pieces of one source line that was cut at a glue point (see units._unglue)."""
    return above is not None and units[above].lines[-1] == units[below].lines[0]


def _block_longer(units: list[Unit], features: list[UnitFeatures], start: int, than: int, blank_layout: bool) -> bool:
    """The text from `start` has more than `than` words; where blank lines mark blocks, the whole block counts
    (a scraper splits a paragraph at its links: "Infrastructure as a service" / "(IaaS) offers ...").
    """
    words = features[start].words
    index = start + 1
    while words <= than and blank_layout and index < len(units) and not units[index].blank_before:
        words += features[index].words
        index += 1
    return words > than


def _is_decoration(unit: Unit) -> bool:
    """A line with no text of its own: symbols, numbers, or a permalink mark."""
    return bool(unit.text) and (not _HAS_LETTER.search(unit.text) or bool(_ANCHOR.fullmatch(unit.text)))


def _demote_contents_entries(
    units: list[Unit], kept: list[int], labels: dict[int, tuple[str, str]], prose: list[bool]
) -> None:
    """A heading repeated later, not itself followed by prose, is a table-of-contents entry: keep the later."""
    headings = [p for p, i in enumerate(kept) if labels[i][0] == "heading" and not units[i].heading_level]
    # Walk backwards so each heading is checked against the ones after it in one pass, not all pairs.
    seen_later: set[str] = set()
    for position in reversed(headings):
        index = kept[position]
        key = units[index].text.casefold().strip()
        if key not in seen_later:
            seen_later.add(key)
            continue
        following = kept[position + 1] if position + 1 < len(kept) else None
        if following is None or not prose[following]:
            labels[index] = ("paragraph", "contents-entry")


_SENTENCE_CLOSERS = (".", "!", "?", ":", '"', "”", ")")


# Share of prose units that start after a blank line above which blank lines mark block edges.
BLANK_LAYOUT_MIN_SHARE = 0.5


def _blank_line_layout(units: list[Unit], prose: list[bool]) -> bool:
    """True when the dump separates blocks by blank lines (so a lone line between blanks is a block).
    `prose`: whether each unit is prose (labeller.content.is_prose)."""
    blank = [unit.blank_before for unit, is_text in zip(units, prose, strict=True) if is_text]
    return bool(blank) and sum(blank) >= BLANK_LAYOUT_MIN_SHARE * len(blank)


# Share of paragraph-to-paragraph edges with a blank line at or above which every block edge is taken to be blank.
BLANK_EDGES_MIN_SHARE = 0.6


def _blank_between_paragraphs(units: list[Unit], features: list[UnitFeatures], prose: list[bool]) -> bool:
    """True when a blank line separates (nearly) every two consecutive paragraphs.

    Scrapers that add a blank line at each block edge put one under a heading too; where the page
    source's own line breaks were kept, paragraphs and headings often follow each other directly.
    """
    edges = [
        units[index + 1].blank_before
        for index in range(len(units) - 1)
        if prose[index] and prose[index + 1] and features[index].sentence_end
    ]
    return not edges or sum(edges) >= BLANK_EDGES_MIN_SHARE * len(edges)


def _drop_trailing_headings(kept: list[int], labels: dict[int, tuple[str, str]]) -> None:
    """A heading with no text after it (end of body) introduces something we removed."""
    for index in reversed(kept):
        label, _ = labels[index]
        if label == "heading":
            labels[index] = ("removed", "heading-without-text")
        elif label != "removed":
            break


# Outside the body, a run of at least this many short lines is a menu ("Home", "News", "Sport").
MENU_MIN_RUN = 3
MENU_ITEM_MAX_WORDS = 4
# Inside the body the bar is higher: short lines also make up real lists and captions there.
WIDGET_MIN_RUN = 4
WIDGET_ITEM_MAX_WORDS = 3


def _label_runs(
    units: list[Unit],
    features: list[UnitFeatures],
    indices: list[int],
    *,
    max_words: int,
    min_run: int,
    skip_marked: bool,
) -> set[int]:
    """Units in runs of at least `min_run` label-like lines (a few words, no sentence end).

    Image-only units do not break a run. With `skip_marked`, list items and '#' headings do.
    """
    found: set[int] = set()
    run: list[int] = []
    for index in [*indices, None]:
        if index is not None:
            unit, feats = units[index], features[index]
            if not unit.text:
                continue
            marked = skip_marked and (unit.list_item or unit.heading_level is not None)
            if feats.words <= max_words and not feats.sentence_end and not marked:
                run.append(index)
                continue
        if len(run) >= min_run:
            found.update(run)
        run = []
    return found


def outside_reasons(units: list[Unit], features: list[UnitFeatures], region: Region) -> list[str | None]:
    """Why each unit outside the body was dropped (its own phrase rule, shape, or what it follows), by unit
    index; None inside the body. A list, not a dict: on a page of a million lines most lie outside."""
    menu = _label_runs(
        units, features, list(range(len(units))), max_words=MENU_ITEM_MAX_WORDS, min_run=MENU_MIN_RUN, skip_marked=False
    )
    reasons: list[str | None] = [None] * len(units)
    after = f"after-{region.terminated_by}" if region.terminated_by else "after-main-text"
    for index, (unit, feats) in enumerate(zip(units, features, strict=True)):
        if region.start <= index < region.end:
            continue
        if index >= region.end and feats.boilerplate in TERMINATORS:
            after = f"after-{feats.boilerplate}"
        if feats.boilerplate:
            reasons[index] = feats.boilerplate
        elif not unit.text:
            reasons[index] = "image"
        elif feats.link_density > LINK_HEAVY:
            reasons[index] = "link-list"
        elif index >= region.end and after != "after-main-text":
            reasons[index] = after
        elif index in menu:
            reasons[index] = "navigation-menu"
        else:
            before = region.started_by if region.started_by and region.chrome_start <= index else "before-main-text"
            reasons[index] = before if index < region.start else after
    return reasons


def _decide(
    units: list[Unit],
    features: list[UnitFeatures],
    region: Region,
    header: Header,
    body_labels: dict[int, tuple[str, str]],
    notes: dict[int, str] | None = None,
    overrides: dict[int, tuple[str, str]] | None = None,
    line_decisions: bool = True,
) -> tuple[list[LineDecision], list[RemovedLine], list[tuple[str, Unit]]]:
    """Every line's decision (none without `line_decisions`), the removed lines and the body units. `notes`
    add a detail to a unit's decision when its rule is the site template's (the share of the site's pages
    that show it); the unit the page's date was read from, unless labelled a date line, has the date and
    its rule as detail."""
    outside = outside_reasons(units, features, region)
    notes = notes or {}
    # The named tuples are made by tuple.__new__ (their generated __new__ is a Python-level call per
    # line), each as its row is known: a list of plain rows converted afterwards held every line twice.
    make = tuple.__new__
    decisions: list[LineDecision] = []
    removed: list[RemovedLine] = []
    body: list[tuple[str, Unit]] = []
    # Every unit's (label, rule): the header's first, then the body's, then the reason it lies outside.
    # The labeller model's overrides come between the body's labels and the header's.
    # The labels are merged into one dict (one lookup a line), the reasons outside are not: on a page of a
    # million lines a dict of every line, and a ("removed", reason) pair for each line outside the body,
    # were among the largest things held.
    header_labels = header.labels
    overrides = overrides or {}
    decided_at = {**body_labels, **overrides, **header_labels} if overrides or header_labels else body_labels
    body_labels_set = inbody.BODY_LABELS
    rest = header.rest
    date_unit, author_unit = header.date_unit, header.author_unit
    for index, (unit, reason) in enumerate(zip(units, outside, strict=True)):
        decided = decided_at.get(index)
        if decided is None:
            label, rule = "removed", reason or ""
        else:
            label, rule = decided
        if label in body_labels_set:
            body.append(("heading" if label == "heading" else "paragraph", unit))
        detail = notes.get(index, "") if notes and rule == SITE_TEMPLATE_RULE else ""
        if index == date_unit and label != "date":
            # The page's date read from a line kept for what else it says (a dateline, a glued header).
            detail = f"published {header.published} by {header.date_rule}"
        elif index == author_unit and label != "byline":
            detail = f"authors {', '.join(header.authors)} by {header.author_rule}"
        elif unit.cut is not None:
            detail = f"split from a wall line by {unit.cut}"
        lines = unit.lines
        if len(lines) == 1:
            # Most units are one line: no pairing of numbers and raw lines.
            raw = unit.raw[0]
            if line_decisions:
                decisions.append(make(LineDecision, (lines[0], raw, label, rule, detail)))
            if label == "removed":
                text = raw.strip()
                # The unit's own text when it is the stripped line (as a plain text line's is): one string, not two.
                removed.append(make(RemovedLine, (lines[0], unit.text if text == unit.text else text, rule)))
        else:
            # A unit of many lines (a million short lines can join into one): the rows are built by zip.
            if line_decisions:
                decisions.extend(
                    map(make, repeat(LineDecision), zip(lines, unit.raw, repeat(label), repeat(rule), repeat(detail)))
                )
            if label == "removed":
                removed.extend(map(make, repeat(RemovedLine), zip(lines, map(str.strip, unit.raw), repeat(rule))))
        if rest and index in rest and label != "removed":
            # What a metadata line says besides the field it was read for (header/line_rest.py).
            for piece, reason in rest[index]:
                removed.extend(
                    make(RemovedLine, (number, part, reason)) for number, part in _pieces_by_line(unit, piece)
                )
    return decisions, removed, body


def _pieces_by_line(unit: Unit, piece: str) -> list[tuple[int, str]]:
    """`piece` of `unit`'s text by the source lines it came from (a unit may join a title line and the
    line below it): each word goes to the first line, from the last one used, that holds it."""
    for number, raw in zip(unit.lines, unit.raw, strict=True):
        if piece in raw:
            return [(number, piece)]
    parts: dict[int, list[str]] = {}
    position = 0
    for word in piece.split():
        for offset, raw in enumerate(unit.raw[position:]):
            if word in raw:
                position += offset
                break
        parts.setdefault(unit.lines[position], []).append(word)
    return [(number, " ".join(words)) for number, words in parts.items()]
