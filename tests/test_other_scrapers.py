"""Dumps of scrapers other than the corpus's four: markdownify's setext headings, lynx's link markers and list."""

# Scraped pages keep their long lines.
# ruff: noqa: E501

from __future__ import annotations

from scrapes import WRAPPED_ARTICLE

from articlecli import parse_text
from articlecli.frontends import browser
from articlecli.frontends.text import read_units

# markdownify with its defaults: h1/h2 underlined ("setext"), h3+ with '#', links inline, '*' escaped.
MARKDOWNIFY = """\
[Skip to content](#main)

* [Home](/)
* [World](/world)
* [Science](/science)

Old harbour bridge to close to cars next spring
===============================================

By [Jane Doe](/authors/jane-doe)

12 March 2024

The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.

Residents who live on the north bank said they were worried about longer journeys to work, while cycling groups welcomed the decision and asked for a wider path for bikes.

What the repairs will cost
--------------------------

The council expects the repairs to cost about 40 million pounds and to take at least three years, according to a report published with the vote.

Engineers will replace the deck first and then strengthen the piers, working mostly at night so that boats can still pass under the bridge during the day.

### Detours for drivers

Drivers will be sent over the ring road bridge, which the council says can take the extra traffic once two new lanes open in the autumn.
"""


def test_markdownify_setext_headings_are_title_and_subheading() -> None:
    article = parse_text(MARKDOWNIFY)
    assert article.input_format == "markdown"
    assert article.title == "Old harbour bridge to close to cars next spring"
    headings = [(s.heading, s.level) for s in article.sections if s.heading]
    assert headings == [("What the repairs will cost", 2), ("Detours for drivers", 3)]


def test_setext_underline_is_part_of_its_heading_not_removed() -> None:
    article = parse_text(MARKDOWNIFY)
    underline_lines = {i for i, line in enumerate(MARKDOWNIFY.split("\n"), start=1) if set(line) in ({"="}, {"-"})}
    assert underline_lines
    assert not underline_lines & {r.line for r in article.removed}
    decided = {d.line: d.label for d in article.decisions}
    assert {decided[n] for n in underline_lines} <= {"title", "heading"}


def test_dashes_under_a_list_item_or_after_a_blank_line_are_not_an_underline() -> None:
    text = "[a](/a) and [b](/b)\n\n[c](/c)\n\n* Item one\n---\n\nParagraph\n\n---\n"
    units, fmt = read_units(text)
    assert fmt == "markdown"
    assert all(u.heading_level is None for u in units)


# lynx -dump: "[N]" before each link's text, paragraphs wrapped at 80 columns, the link list at the end.
LYNX = """\
   [1]Skip to content

   [2]Home [3]World [4]Science [5]Sport [6]Culture

Old harbour bridge to close to cars next spring

   By [7]Jane Doe
   12 March 2024

   The city council voted on Tuesday to close the old harbour bridge to cars
   from next spring, after engineers warned that the structure could no longer
   carry heavy traffic safely.

   Residents who live on the north bank said they were worried about longer
   journeys to work, while cycling groups welcomed the decision and asked for
   a wider path for bikes, as [8]our earlier report described.

   The council expects the repairs to cost about 40 million pounds and to take
   at least three years, according to a report published with the vote.

   [9]Privacy policy [10]Terms of use

References

   Visible links:
   1. https://example.org/news/bridge#main
   2. https://example.org/
   3. https://example.org/world
   4. https://example.org/science
   5. https://example.org/sport
   6. https://example.org/culture
   7. https://example.org/authors/jane-doe
   8. https://example.org/news/earlier report
   9. https://example.org/privacy
  10. https://example.org/terms

   Hidden links:
  11. https://example.org/rss
"""


def test_lynx_reference_list_is_removed_with_its_reason() -> None:
    article = parse_text(LYNX)
    lines = LYNX.split("\n")
    start = lines.index("References") + 1
    listed = {n for n in range(start, len(lines) + 1) if lines[n - 1].strip()}
    removed = {r.line: r.reason for r in article.removed}
    assert {removed.get(n) for n in listed} == {browser.LINK_REFERENCES}
    assert "https://" not in article.text


def test_lynx_markers_are_stripped_from_the_body() -> None:
    article = parse_text(LYNX)
    assert article.title == "Old harbour bridge to close to cars next spring"
    assert article.authors == ("Jane Doe",)
    assert "as our earlier report described." in article.text
    assert "[8]" not in article.text
    assert "Privacy policy" not in article.text


def test_lynx_marker_menu_reads_as_links() -> None:
    text, link_chars = browser.strip_markers("[2]Home [3]World [4]Science [5]Sport [6]Culture")
    assert text == "Home World Science Sport Culture"
    assert link_chars == len("HomeWorldScienceSportCulture")


def test_no_reference_list_without_the_references_line() -> None:
    lines = ["Some text", "", "   1. https://example.org/a", "   2. https://example.org/b"]
    assert browser.reference_list_start(lines) is None
    assert (
        browser.reference_list_start(["Text", "", "References", "", "   Visible links:", "   1. https://a.example/"])
        == 2
    )


def test_reference_list_with_spaced_and_broken_hrefs_is_found() -> None:
    # A page's own hrefs: a space after the scheme, and a share link whose text holds line breaks.
    lines = LYNX.split("\n")
    start = lines.index("References")
    lines[start + 5] = "   3. mailto: desk@example.org"
    lines[start + 6] = "   4. javascript: void(-1);"
    lines.insert(start + 9, "https://example.org/news/bridge")
    assert browser.reference_list_start(lines) == start
    article = parse_text("\n".join(lines))
    assert "mailto" not in article.text
    assert "[8]" not in article.text


def test_page_bibliography_under_references_is_no_link_list() -> None:
    lines = [
        "Text of the study.",
        "",
        "References",
        "",
        "   1. Smith J. A study of bridges. 2019.",
        "   2. Doe J. Piers. 2020.",
    ]
    assert browser.reference_list_start(lines) is None
    numbered_out_of_order = ["Text", "", "References", "", "   2. https://a.example/", "   1. https://b.example/"]
    assert browser.reference_list_start(numbered_out_of_order) is None


def test_lynx_dump_cut_above_its_link_list_loses_its_markers() -> None:
    cut = LYNX.split("\nReferences\n")[0]
    cut = cut.replace("[9]Privacy policy [10]Terms of use", "[9]Privacy policy [10]Terms of use [11]Contact [12]Jobs")
    assert browser.numbers_links(cut.split("\n"))
    article = parse_text(cut)
    assert article.title == "Old harbour bridge to close to cars next spring"
    assert "as our earlier report described." in article.text
    assert "[8]" not in article.text


def test_footnotes_and_citations_are_no_link_markers() -> None:
    footnotes = [f"[{n}] Wer im Wissenschaftsbetrieb arbeitet, kennt das Problem {n}." for n in range(1, 13)]
    citations = ["Agents call tools in a loop [1], [2]. Workers report back [3], [4], [5]."] * 6
    array_print = ["Array ( [0] => 1 [1] => 1 [2] => 3 [3] => 3 [4] => 3 [5] => 3 [6] => 3 [7] => 5 [8] => 5 )"]
    for lines in (footnotes, citations, array_print):
        assert not browser.numbers_links(lines)


def test_bracketed_numbers_are_kept_without_a_reference_list() -> None:
    text = "The study found a clear effect [1] in every group that was tested over the two years of the trial.\n"
    units, _ = read_units(text)
    assert "[1]" in units[0].text


# w3m -dump: no link marks, paragraphs wrapped at 80 columns, lines often starting with a capital.
W3M = (
    "Skip to content\nHome World Science Sport Culture\n\n"
    + WRAPPED_ARTICLE
    + """
What the repairs will cost

Engineers will replace the deck first and then strengthen the piers, working
mostly at night so that boats can still pass under the bridge during the day.

Privacy policy Terms of use
"""
)


def test_w3m_wrapped_paragraphs_are_joined_whole() -> None:
    article = parse_text(W3M)
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert (
        "journeys to work. Cycling groups welcomed the decision and asked the mayor, Anne Martin, for a wider path"
        in paragraphs[1]
    )
    assert len(paragraphs) == 4
    assert [s.heading for s in article.sections if s.heading] == ["What the repairs will cost"]


def test_wrap_width_is_found_only_in_wrapped_dumps() -> None:
    assert browser.wrap_width(W3M.split("\n")) == 80
    assert browser.wrap_width(LYNX.split("\n")) is not None
    unwrapped = "\n".join(p.replace("\n", " ") for p in W3M.split("\n\n"))
    assert browser.wrap_width(unwrapped.split("\n")) is None


def test_w3m_rule_across_the_width_is_not_joined_to_its_neighbours() -> None:
    rule = "━" * 79
    text = W3M.replace("Privacy policy Terms of use", f"{rule}\nAdd to list\nAdd to registry\n{rule}\nPrivacy policy")
    article = parse_text(text)
    # "━━━ Add to list" joined would read as a line of text; alone, the rule is decoration and the
    # two short button labels after the article are not part of it.
    assert "Add to list" not in article.text
    assert not browser.wraps_before(rule, "Add to list", 80)
    assert not browser.wraps_before("word " * 15 + "end", rule, 80)


def test_lynx_wrapped_paragraph_with_a_marker_is_one_paragraph() -> None:
    article = parse_text(LYNX)
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert any(
        p.startswith("Residents who live") and p.endswith("as our earlier report described.") for p in paragraphs
    )


def test_every_line_of_each_new_dump_style_is_decided() -> None:
    for text in (MARKDOWNIFY, LYNX, W3M):
        article = parse_text(text)
        non_blank = {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
        assert {d.line for d in article.decisions} == non_blank


# BeautifulSoup get_text(" "): the whole page, menus, title, byline and paragraphs, on one line.
_SENTENCES = [
    "The city council voted on Tuesday to close the old bridge for two years of repairs.",
    "Engineers will replace the deck first and then strengthen the piers, working mostly at night.",
    "Boats will still pass under the bridge during the day, the harbour office said on Wednesday.",
    "Cyclists asked the mayor for a temporary ferry, which the council will discuss in March.",
    "The repairs will cost 40 million euros, of which the region pays half and the state the rest.",
]
BS4_SPACE = (
    "Home News Sport Weather Business Culture Contact Subscribe Old bridge to close for two years "
    + " ".join(_SENTENCES * 6)
    + " Privacy policy Terms of use Cookie settings"
)


def test_space_joined_page_is_cut_at_its_sentence_ends() -> None:
    units, _ = read_units(BS4_SPACE)
    texts = [unit.text for unit in units]
    # (The menu before the sentence-case headline is a piece of its own: frontends/segment.py, wall-heading.)
    assert all(sentence in texts for sentence in _SENTENCES[1:])
    # Every piece comes from the one line, and together they are the whole line.
    assert {line for unit in units for line in unit.lines} == {1}
    assert "".join(raw for unit in units for raw in unit.raw) == BS4_SPACE


def test_space_joined_page_body_leaves_out_the_footer() -> None:
    article = parse_text(BS4_SPACE)
    assert _SENTENCES[2] in article.text
    assert "Cookie settings" not in article.text
    assert any("Cookie settings" in removed.text for removed in article.removed)


def test_a_long_paragraph_line_among_others_is_not_cut() -> None:
    # The long line is two thirds of the page: an article with one long paragraph, not a joined page.
    page = "Old bridge to close\n\n" + " ".join(_SENTENCES * 6) + "\n\n" + "\n\n".join(_SENTENCES * 3)
    units, _ = read_units(page)
    assert len(units[1].text) == len(" ".join(_SENTENCES * 6))
