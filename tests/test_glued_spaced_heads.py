"""Glued dumps (BeautifulSoup `get_text()` with no separator) where the source's line break between a heading and
its paragraph became a space, and the element edges the lower-to-upper join misses: a heading before a sentence
opener ('Size of Home Renovation The bigger the home…', rule glued-heading-start), a heading between two paragraphs
of one glued piece, a numbered heading glued onto the last word of a list item ('behavior7. Train Your Team'), and
the tail headings after a numbered heading's number or an acronym ending a sentence."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.frontends.text import read_units

# A renovation guide's menu and first paragraph glued into one long line (sentences run into each other, so the
# page reads as glued).
MENU_LINE = (
    "Skip to contentHomeGuidesCostsAbout usContactRenovation costs explainedWhether you plan a kitchen or a whole "
    "house, the budget decides what you can do.It is worth planning each step before you call a contractor.If "
    "you have questions, our guides answer the most common ones.Prices change every year, so we update them each "
    "spring.Sign upKitchens\n"
)


def _texts(text: str) -> list[str]:
    return [unit.text for unit in read_units(text)[0]]


def _glued_on(line: str) -> str:
    """The page with `line` glued onto its menu line: only a long line is cut at its element edges."""
    return MENU_LINE.rstrip("\n") + line


def test_a_heading_joined_to_its_paragraph_by_a_space_is_cut_before_the_sentence_opener():
    page = MENU_LINE + (
        "Size of Home Renovation The bigger the home, the bigger the bill for your renovation, and there is little "
        "you can do about that unless you cut the scope of the work down to the rooms you use.\n"
    )
    texts = _texts(page)
    assert "Size of Home Renovation" in texts
    assert any(text.startswith("The bigger the home") for text in texts)


def test_the_small_words_of_a_title_case_heading_are_no_sentence_start():
    page = MENU_LINE + (
        "Marathon Training Plan Workouts for the Beginner Runner Our running training plans are written by the "
        "coaches of our club to help you finish your first race strong and without an injury.\n"
    )
    texts = _texts(page)
    assert "Marathon Training Plan Workouts for the Beginner Runner" in texts
    assert any(text.startswith("Our running training plans") for text in texts)


def test_a_name_opening_the_sentence_is_not_the_end_of_a_heading():
    # 'FDA' and 'Amp' open a sentence as often as they end a heading: only a sentence opener marks the edge.
    line = (
        "Dosing concerns with compounded semaglutide and tirzepatide FDA received multiple reports of adverse "
        "events, some of which required a stay in hospital, after patients took the wrong dose.\n"
    )
    assert line.strip() in _texts(MENU_LINE + line)


def test_a_page_that_is_not_glued_is_not_cut_at_a_space():
    line = (
        "Size of Home Renovation The bigger the home, the bigger the bill for your renovation, and there is little "
        "you can do about that unless you cut the scope of the work down to the rooms you use.\n"
    )
    assert _texts(line) == [line.strip()]


def test_the_cut_heading_is_a_heading_of_the_article():
    page = MENU_LINE + (
        "Insurance to help protect you Whether you are logged on or have accepted a trip, the insurance we hold "
        "meets or exceeds the coverage that every state we work in requires of drivers.\n"
        "Keep the documents of your policy in the car, and call us when anything changes in your situation.\n"
    )
    headings = [section.heading for section in parse_text(page).sections if section.heading]
    assert "Insurance to help protect you" in headings


# One long glued line: a paragraph, a heading joined to it and to the next paragraph with spaces, then that paragraph.
INNER_HEADING_LINE = (
    "It is not always possible to tell whether an adverse event resulted from the drug itself or from other "
    "factors. Salt forms should not be used to compound semaglutide The agency is aware that some products are "
    "sold as salts, which have not been shown to be safe and effective.Reporting issues to FDAYou can report "
    "problems with any medicine to the agency online or by phone.\n"
)


def test_a_heading_between_two_paragraphs_of_a_glued_piece_is_cut_off_both():
    texts = _texts(MENU_LINE + INNER_HEADING_LINE)
    assert "Salt forms should not be used to compound semaglutide" in texts
    assert any(text.endswith("or from other factors.") for text in texts)
    assert any(text.startswith("The agency is aware") for text in texts)


def test_a_name_after_a_sentence_end_is_not_cut_off_as_a_heading():
    line = INNER_HEADING_LINE.replace(
        "Salt forms should not be used to compound semaglutide The agency",
        "New York City Mayor Eric Adams said the agency",
    )
    assert not any(text.startswith("New York City Mayor") and len(text) < 40 for text in _texts(_glued_on(line)))


def test_every_character_of_a_cut_line_is_kept():
    units = read_units(MENU_LINE + INNER_HEADING_LINE)[0]
    pieces = [unit.text for unit in units if unit.lines == (2,)]
    assert len(pieces) == 4
    # The spaces at the cuts end the pieces before them, which a unit's text leaves out.
    assert "".join("".join(pieces).split()) == "".join(INNER_HEADING_LINE.split())


LIST_LINE = (
    "Keep your systems patched and review who can reach them:Install updates as soon as they are releasedMonitor "
    "network activity for suspicious behavior7. Train Your TeamYour employees are both your greatest asset and your "
    "greatest risk, so teach them to spot a phishing mail before they click on it.\n"
)


def test_a_numbered_heading_glued_onto_a_list_item_is_cut_off():
    texts = _texts(_glued_on(LIST_LINE))
    assert "7. Train Your Team" in texts
    assert "Monitor network activity for suspicious behavior" in texts


def test_a_day_glued_onto_a_name_is_no_numbered_heading():
    line = LIST_LINE.replace("suspicious behavior7. Train Your Team", "a report by Nicole Collignon22. Februar 2020")
    assert not any(text.startswith("22. Februar") for text in _texts(_glued_on(line)))


def test_a_numbered_heading_after_a_sentence_is_cut_off_the_end_of_its_piece():
    line = (
        "While you should not ask about their salaries, you can research the income levels in your area before "
        "you set a price. 2. Check The MarketResearch the pricing of your local competitors, or of those who are "
        "successful online with the clients you want to reach.\n"
    )
    assert "2. Check The Market" in _texts(_glued_on(line))


def test_a_heading_after_an_acronym_ending_a_sentence_is_cut_off():
    line = (
        "Khan Academy provides free practice exercises and videos for tests like the SAT, LSAT, and MCAT. "
        "Benefits of Online Classes with TutorsOnline classes have much to offer students who need a flexible "
        "schedule, since they can study when and where it suits them best.\n"
    )
    assert "Benefits of Online Classes with Tutors" in _texts(_glued_on(line))
