"""Rule `glued-heading-start`: on a glued dump (BeautifulSoup `get_text()` with no separator), a heading whose
element had no whitespace after it starts its paragraph's line ('Power ConsiderationsThe first reminder…'):
the front end cuts the line there, and the labeller reads the piece as the heading of the rest."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.frontends.text import GLUED_HEAD_MAX_CUTS, read_units

# The menu and the first paragraph of an insurer's help page, glued into one long line (so the page reads as
# glued: sentences run into each other), then its sections, each a line of its own that starts with the
# section's heading glued onto its first paragraph.
MENU_LINE = (
    "Skip to main contentRideDriveBusinessAboutAbout usOur offeringsHow it worksSustainabilityNewsroom"
    "Insurance for drivers and delivery peopleWhether you are online or on a trip, the coverage we hold "
    "meets the requirements of every state we work in.It is kept up to date as the rules change.If you "
    "have questions, the help centre answers the most common ones.Sign upContact\n"
)
SECTIONS = (
    "What to do in an accidentWe are committed to everyone's safety, so here is a short overview of what to "
    "do when you are involved in an accident while you are on a trip.\n"
    "Make sure that everyone involved is safe, and call the emergency services if anyone is hurt.\n"
    "The Cost of Moving in Jackson, NJIn Jackson labor-only moving help typically costs between $339 and $739, "
    "depending on the size of the home and the number of hours.\n"
    "Photos of the damage help the claims team settle your claim quickly and fairly for everyone.\n"
)
GLUED_PAGE = MENU_LINE + SECTIONS


def _texts(text: str) -> list[str]:
    return [unit.text for unit in read_units(text)[0]]


def test_a_heading_glued_to_the_start_of_its_paragraph_is_cut_off():
    texts = _texts(GLUED_PAGE)
    assert "What to do in an accident" in texts
    assert any(text.startswith("We are committed to everyone's safety") for text in texts)


def test_an_acronym_run_into_the_paragraph_is_a_join():
    # 'NJIn': the acronym ends the heading, the capitalised word opens the text.
    texts = _texts(GLUED_PAGE)
    assert "The Cost of Moving in Jackson, NJ" in texts
    assert any(text.startswith("In Jackson labor-only moving help") for text in texts)


def test_the_cut_heading_is_a_heading_named_by_its_rule():
    article = parse_text(GLUED_PAGE)
    headings = [section.heading for section in article.sections if section.heading]
    assert "What to do in an accident" in headings
    rules = {
        (decision.label, decision.rule) for decision in article.decisions if decision.text.startswith("What to do")
    }
    assert ("heading", "glued-heading-start") in rules


def test_every_character_of_the_line_is_kept():
    units = read_units(GLUED_PAGE)[0]
    line = SECTIONS.splitlines()[0]
    pieces = [unit.text for unit in units if unit.lines == (2,)]
    assert len(pieces) == 2
    assert "".join(pieces) == line


def test_a_page_that_is_not_glued_is_not_cut():
    # The same sections without the glued menu: nothing marks the page as glued, so 'accidentWe' is left alone.
    assert _texts(SECTIONS)[0].startswith("What to do in an accidentWe are")


def test_a_camel_case_word_the_page_writes_elsewhere_is_no_join():
    page = GLUED_PAGE + (
        "With the managed analytics service by ScienceSoft, you get a team that runs your reports, keeps the data "
        "clean and answers your questions within a day.\n"
        "ScienceSoft has worked with analytics since 1989 and has delivered over a hundred such projects.\n"
    )
    assert not any(text == "With the managed analytics service by Science" for text in _texts(page))


def test_an_attribution_a_field_or_a_card_teaser_is_not_cut():
    page = GLUED_PAGE + (
        # A quote's attribution glued to the next quote: its fields are cut by commas.
        "Jim Long, Managing Partner, The Long Law Firm, PLLCThe content comes from a diverse set of contributors "
        "and considers realistic threats to small firms like ours.\n"
        # A field and its value glued to the next field.
        "Delivery: 30 hours, self-paced, online learningTuition covers the course, the exam and the badge for all "
        "students who register before the end of the month.\n"
        # A card's name glued to a one-sentence teaser.
        "Aquatic TherapyMinimizes stress on joints while strengthening and improving balance.\n"
    )
    texts = _texts(page)
    assert "Jim Long, Managing Partner, The Long Law Firm, PLLC" not in texts
    assert "Delivery: 30 hours, self-paced, online learning" not in texts
    assert "Aquatic Therapy" not in texts


def test_a_question_run_into_its_answer_is_cut_after_the_question_mark():
    page = GLUED_PAGE + (
        "Which consumes more power, a PC or a laptop?A desktop PC consumes far more power than a laptop, since "
        "laptops use 30 to 70 watts and desktops often draw 200 to 500 watts or more.\n"
        "What is a progressive web app?It is a website that behaves like an installed app, so it works offline, "
        "loads quickly and can be added to the home screen of any phone.\n"
        "How long does a progressive web app take?It depends on the features, but a first version "
        "usually takes between two and four months for a small team to design and build.\n"
    )
    texts = _texts(page)
    assert "Which consumes more power, a PC or a laptop?" in texts
    # 'app?It' twice on the page: a question mark is no camelCase word, so both are cut.
    assert "What is a progressive web app?" in texts
    assert "How long does a progressive web app take?" in texts


def test_an_acronym_before_a_lowercase_word_is_no_join():
    # 'IRA and': the one-letter word 'A' opens a sentence only after a lowercase word, not inside an acronym.
    page = GLUED_PAGE + (
        "April 15: Last day to make IRA and HSA contributions and pay the taxes owed, unless you live in a state "
        "where the deadline was extended after a disaster.\n"
    )
    assert not any(text.startswith("April 15: Last day to make IR") and len(text) < 40 for text in _texts(page))


def test_a_page_of_thousands_of_glued_headings_is_cut_a_bounded_number_of_times():
    # Each cut looks its word up around its line: past GLUED_HEAD_MAX_CUTS the lines are read whole.
    line = SECTIONS.splitlines()[0] + "\n"
    count = GLUED_HEAD_MAX_CUTS + 300
    units = read_units(MENU_LINE + line * count)[0]
    heads = [unit for unit in units if unit.text == "What to do in an accident"]
    assert len(heads) == GLUED_HEAD_MAX_CUTS
    assert sum(len(unit.text) for unit in units if unit.lines[0] > 1) == len(line.strip()) * count
