"""The header zone: breadcrumbs, title, bylines, categories, tags, dates and reading-time lines."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.frontends.text import read_units
from articlecli.header.page_dates import label_above, may_hold_date, prefer_nearest_date, take_dates
from articlecli.header.record import Header
from articlecli.header.taxonomy import split_breadcrumbs
from articlecli.records.lexicon import lexicon_for

# Theme chrome above the article: most scrapes start with a line like this, not with the title.
TOP = ("Skip to content",)


def page(
    language: str,
    *header: str,
    title: str | None = None,
    trailer: tuple[str, ...] = (),
    top: tuple[str, ...] = TOP,
) -> str:
    """A scrape: chrome, header blocks, the title (unless given among them), body paragraphs, trailer.

    Blocks are separated by a blank line; a block may hold several lines ("by Sara\nSyrie, Russie").
    """
    blocks = [*top, *header]
    if title is None:
        blocks.append(TITLES[language])
    blocks.extend(BODIES[language])
    blocks.extend(trailer)
    return "\n\n".join(blocks) + "\n"


def labels(article, line: str) -> list[str]:
    """The labels given to the input lines reading `line`, in input order."""
    return [d.label for d in article.decisions if d.text.strip() == line]


def removed(article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed if r.text not in TOP]


def assert_not_in_body(article, line: str) -> None:
    assert line not in article.text
    for section in article.sections:
        assert section.heading != line


def assert_body_intact(article, language: str) -> None:
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES[language])


# --- breadcrumbs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Home > News > World", ["Home", "News", "World"]),
        ("Accueil » Politique", ["Accueil", "Politique"]),
        ("Home / Tech", ["Home", "Tech"]),
        ("Startseite › Politik › Deutschland", ["Startseite", "Politik", "Deutschland"]),
        ("Inicio | Noticias | Local", ["Inicio", "Noticias", "Local"]),
        ("Home → Lifestyle → Food & Drink", ["Home", "Lifestyle", "Food & Drink"]),
        ("Home Actualité", ["Home", "Actualité"]),
        ("HomeNews", ["Home", "News"]),
        ("Home > ", ["Home"]),
    ],
)
def test_split_breadcrumbs(text, expected):
    assert split_breadcrumbs(text) == expected


@pytest.mark.parametrize(
    "language,trail,expected",
    [
        ("en", "Home > News > World", ["Home", "News", "World"]),
        ("fr", "Accueil » Politique", ["Accueil", "Politique"]),
        ("en", "Home / Tech", ["Home", "Tech"]),
        ("de", "Startseite › Politik › Deutschland", ["Startseite", "Politik", "Deutschland"]),
        ("es", "Inicio > Noticias > Local", ["Inicio", "Noticias", "Local"]),
        ("it", "Home » Cronaca", ["Home", "Cronaca"]),
        ("nl", "Home > Nieuws > Binnenland", ["Home", "Nieuws", "Binnenland"]),
    ],
)
def test_breadcrumb_line(language, trail, expected):
    text = page(language, trail)
    article = parse_text(text)
    assert article.breadcrumbs == tuple(expected)
    assert article.title == TITLES[language]
    assert labels(article, trail) == ["breadcrumb"]
    assert_not_in_body(article, trail)
    assert_body_intact(article, language)


def test_breadcrumb_glued_to_title():
    # Scrapers drop the separator between the last crumb and the <h1>: "Home ActualitéTitle".
    title = TITLES["fr"]
    text = page("fr", f"Home Actualité{title}", title, "by Sara", title=title, top=())
    article = parse_text(text)
    assert article.breadcrumbs == ("Home", "Actualité")
    assert article.title == title
    assert labels(article, f"Home Actualité{title}") == ["title"]
    assert [(r.line, r.reason) for r in article.removed] == [(3, "repeated-title")]


def test_glued_breadcrumb_english():
    title = TITLES["en"]
    text = page("en", f"Home News{title}", title, title=title)
    article = parse_text(text)
    assert article.breadcrumbs == ("Home", "News")
    assert article.title == title


def test_no_breadcrumbs_on_plain_page():
    article = parse_text(page("en"))
    assert article.breadcrumbs == ()


# --- title -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(TITLES))
def test_title_line_before_body(language):
    article = parse_text(page(language))
    assert article.title == TITLES[language]
    assert labels(article, TITLES[language]) == ["title"]
    assert_not_in_body(article, TITLES[language])
    assert_body_intact(article, language)


def test_repeated_title_copies_are_removed():
    # Page <title>, then the <h1>, then the og:title block a theme prints again above the text.
    title = TITLES["en"]
    text = page("en", title, "By Jane Doe", title, title=title)
    article = parse_text(text)
    assert article.title == title
    assert labels(article, title) == ["title", "removed"]
    assert removed(article) == [(title, "repeated-title")]
    assert_not_in_body(article, title)
    assert_body_intact(article, "en")


def test_three_copies_of_french_title():
    title = TITLES["fr"]
    text = page("fr", title, title, "Par Marie Dupont", title, title=title)
    article = parse_text(text)
    assert article.title == title
    assert labels(article, title) == ["title", "removed", "removed"]
    assert removed(article) == [(title, "repeated-title"), (title, "repeated-title")]


def test_markdown_h1_title():
    title = TITLES["en"]
    text = (
        "[Skip to content](#main)\n\n"
        f"# {title}\n\n"
        "By [Jane Doe](https://example.com/authors/jane-doe)\n\n" + "\n\n".join(BODIES["en"]) + "\n"
    )
    article = parse_text(text)
    assert article.input_format == "markdown"
    assert article.title == title
    assert article.authors == ("Jane Doe",)
    assert_not_in_body(article, title)


@pytest.mark.parametrize(
    "language,meta",
    [
        ("en", "By Jane Doe"),
        ("en", "December 14, 2024"),
        ("en", "5 min read"),
        ("fr", "Par Marie Dupont"),
        ("de", "Von Hans Müller | 14.12.2024"),
        ("es", "Etiquetas: puente, tráfico"),
    ],
)
def test_title_on_first_line_followed_by_metadata(language, meta):
    # Reader-mode dumps start right at the <h1>; the metadata line under it is not the title.
    text = page(language, TITLES[language], meta, title=TITLES[language], top=())
    article = parse_text(text)
    assert article.title == TITLES[language]
    assert labels(article, TITLES[language]) == ["title"]
    assert labels(article, meta) != ["title"]
    assert_not_in_body(article, meta)


def test_title_with_colon_and_question_mark():
    title = "Why is the harbour bridge closing: what drivers need to know?"
    article = parse_text(page("en", title, title=title))
    assert article.title == title


def indented(*lines: str) -> str:
    """An inscriptis-style scrape: nested blocks indented, no heading marks, blank lines between blocks."""
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("above", "below"), [(("      By Jane Doe", "      March 3, 2024"), ()), ((), ("      March 3, 2024",))]
)
def test_title_of_header_block_below_a_notice(above, below):
    # The main text begins at a sign-up notice; the article's own header (the headline above its byline and
    # date, or below a lone date as blogs print it) follows, and a menu label sits right above the notice.
    title = TITLES["en"]
    text = indented(
        "Skip to content",
        "    Home",
        "    News",
        "    Book a tour",
        "      Our newsletter brings the week's local news to your inbox every Friday morning, free of charge.",
        "      Subscribe now",
        *below,
        "    " + title,
        *above,
        *("    " + paragraph for paragraph in BODIES["en"]),
    )
    article = parse_text(text)
    assert article.title == title
    assert labels(article, title) == ["title"]
    assert_body_intact(article, "en")


@pytest.mark.parametrize("language", ["en", "de"])
def test_headline_above_standfirst(language):
    # News themes print a standfirst (deck) between the headline and the byline; it repeats the body's words.
    standfirst = {
        "en": "Engineers warned the council that the old bridge can no longer carry heavy traffic safely",
        "de": "Ingenieure warnten den Stadtrat vor der maroden Konstruktion der alten Hafenbrücke",
    }[language]
    byline = {"en": "By Jane Doe", "de": "Von Hans Müller"}[language]
    text = page(language, TITLES[language], standfirst, byline, title=TITLES[language])
    article = parse_text(text)
    assert article.title == TITLES[language]
    assert labels(article, TITLES[language]) == ["title"]
    assert labels(article, standfirst) != ["title"]


def test_kicker_above_headline():
    # A section label (kicker) printed right above the headline is not the title, even when its
    # words recur in the text more than the headline's do.
    title = "Why the council wants fewer cars downtown"
    text = page("en", "Harbour Bridge", title, "By Jane Doe", title=title)
    article = parse_text(text)
    assert article.title == title
    assert labels(article, "Harbour Bridge") != ["title"]


@pytest.mark.parametrize(
    "line",
    [
        f"{TITLES['en']}December 14, 2024by Jane Doe",
        f"{TITLES['en']} December 14, 2024",
        f"{TITLES['de']}14.12.2024, Themen: Verkehr",
    ],
)
def test_date_glued_to_title_is_cut(line):
    # Scrapers that join text nodes without a separator glue the date and byline to the headline.
    language = "de" if TITLES["de"] in line else "en"
    text = line + "\n" + "\n".join(BODIES[language]) + "\n"
    article = parse_text(text)
    assert article.title == TITLES[language]


@pytest.mark.parametrize("label", ["TV", "Local news"])
def test_label_glued_before_title_is_cut(label):
    # bs4 get_text() keeps the source whitespace between a section label or share button and the headline.
    text = page("en", f"{label}  {TITLES['en']}", "By Jane Doe", title=TITLES["en"])
    article = parse_text(text)
    assert article.title == TITLES["en"]


def test_short_title_after_a_gap_is_kept():
    title = "Harbour  Bridge news"
    text = page("en", title, "By Jane Doe", title=title)
    assert parse_text(text).title == title


# --- bylines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language,byline,authors",
    [
        ("en", "By Jane Doe", ["Jane Doe"]),
        ("en", "by Sara", ["Sara"]),
        ("en", "By Sarah O’Connor", ["Sarah O’Connor"]),
        ("en", "Written by Emily Clark", ["Emily Clark"]),
        ("en", "Posted by Tom Baker", ["Tom Baker"]),
        ("en", "Author: Priya Natarajan", ["Priya Natarajan"]),
        ("fr", "Par Marie Dupont", ["Marie Dupont"]),
        ("fr", "Par Sara", ["Sara"]),
        ("fr", "Auteur : Claire Martin", ["Claire Martin"]),
        ("fr", "Rédigé par Jean-Luc Moreau", ["Jean-Luc Moreau"]),
        ("de", "Von Hans Müller", ["Hans Müller"]),
        ("de", "Autor: Katrin Schäfer", ["Katrin Schäfer"]),
        ("es", "Por Ana García", ["Ana García"]),
        ("es", "Escrito por Luis Fernández", ["Luis Fernández"]),
        ("it", "Di Marco Rossi", ["Marco Rossi"]),
        ("it", "di Giulia Bianchi", ["Giulia Bianchi"]),
        ("pt", "Por João Silva", ["João Silva"]),
        ("nl", "Door Pieter de Vries", ["Pieter de Vries"]),
        ("nl", "Door Sanne van der Berg", ["Sanne van der Berg"]),
    ],
)
def test_byline(language, byline, authors):
    text = page(language, TITLES[language], byline, title=TITLES[language])
    article = parse_text(text)
    assert article.authors == tuple(authors)
    assert labels(article, byline) == ["byline"]
    assert_not_in_body(article, byline)
    assert_body_intact(article, language)


@pytest.mark.parametrize(
    "language,byline,authors",
    [
        ("en", "By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("en", "By Alice Smith, Bob Jones & Carol White", ["Alice Smith", "Bob Jones", "Carol White"]),
        ("en", "By Alice Smith, Bob Jones and Carol White", ["Alice Smith", "Bob Jones", "Carol White"]),
        ("fr", "Par Marie Dupont et Luc Martin", ["Marie Dupont", "Luc Martin"]),
        ("de", "Von Anna Schmidt und Peter Weber", ["Anna Schmidt", "Peter Weber"]),
        ("es", "Por Ana García y Luis Fernández", ["Ana García", "Luis Fernández"]),
        ("it", "Di Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
        ("pt", "Por João Silva e Maria Santos", ["João Silva", "Maria Santos"]),
        ("nl", "Door Pieter de Vries en Sanne Jansen", ["Pieter de Vries", "Sanne Jansen"]),
    ],
)
def test_byline_with_several_authors(language, byline, authors):
    article = parse_text(page(language, TITLES[language], byline, title=TITLES[language]))
    assert article.authors == tuple(authors)
    assert_not_in_body(article, byline)


def test_byline_on_its_own_line_after_label():
    # "By" alone, the name on the next line (a link in the page).
    text = page("en", TITLES["en"], "By\nJane Doe", title=TITLES["en"])
    article = parse_text(text)
    assert article.authors == ("Jane Doe",)
    assert labels(article, "By") == ["byline"]
    assert labels(article, "Jane Doe") == ["byline"]


def test_byline_with_date():
    text = page("en", TITLES["en"], "By Jane Doe | December 14, 2024", title=TITLES["en"])
    article = parse_text(text)
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-12-14"


def test_byline_glued_to_date():
    # "By Korin MillerPublished: Jan 29, 2025": two spans with no space between them.
    text = page("en", TITLES["en"], "By Korin MillerPublished: Jan 29, 2025", title=TITLES["en"])
    article = parse_text(text)
    assert article.authors == ("Korin Miller",)
    assert article.published == "2025-01-29"


def test_ambiguous_numeric_date_read_as_the_page_writes_it_in_words():
    # '02-12-2025' under the title; the related footer spells the same day 'December 02, 2025'.
    body = "\n\n".join(BODIES["en"])
    text = f"{TITLES['en']}\n\n02-12-2025\n\n{body}\n\nMore from the blog\n\nDecember 02, 2025\n"
    assert parse_text(text).published == "2025-12-02"


def test_date_in_a_link_address_is_not_the_pages():
    # Markdown: a source link far below the article, its address dated; nothing else on the page is.
    body = "\n\n".join(BODIES["en"])
    link = "<http://www.example.com/sites/news/2015/03/24/with-investments-predicted>"
    assert parse_text(f"# {TITLES['en']}\n\n{body}\n\n{link}\n").published is None


def test_theme_timestamp_before_the_shown_date():
    # 'Tom 2024-04-18T13:00:39+00:00 March 22nd, 2024': the hidden modified stamp, then the shown date.
    text = page("en", TITLES["en"], "Tom 2024-04-18T13:00:39+00:00 March 22nd, 2024 | Reviews |", title=TITLES["en"])
    assert parse_text(text).published == "2024-03-22"


def test_sentence_starting_with_by_is_not_a_byline():
    sentence = (
        "By the end of the week, more than two thousand residents had signed a petition asking the "
        "council to keep one lane open for buses and taxis."
    )
    text = "\n\n".join([TITLES["en"], sentence, *BODIES["en"]]) + "\n"
    article = parse_text(text)
    assert article.authors == ()
    assert sentence in article.text


def test_no_byline_no_authors():
    assert parse_text(page("de")).authors == ()


def test_byline_with_spaced_markdown_emphasis():
    # html2text leaves '** name **' when the bold element had inner spaces.
    text = page("de", TITLES["de"], "Von ** Roland Brockmann ** und ** Sebastian Drescher **", title=TITLES["de"])
    assert parse_text(text).authors == ("Roland Brockmann", "Sebastian Drescher")


@pytest.mark.parametrize(
    "line,authors",
    [
        ("Posted by IndustrySelect on Tuesday, August 29, 2023", ("IndustrySelect",)),
        ("By MixmasterFred in Workshop", ("MixmasterFred",)),
        ("Thread starter sean_g", ("sean_g",)),
    ],
)
def test_byline_trimmed_to_the_name(line, authors):
    text = page("en", TITLES["en"], line, title=TITLES["en"])
    assert parse_text(text).authors == authors


@pytest.mark.parametrize(
    "language,line,authors",
    [
        # The year glued to the next label by a scraper that dropped the whitespace.
        ("de", "Posted on 25. Januar 2022Author Redaktion", ("Redaktion",)),
        # A French theme's byline word on a German page.
        ("de", "4.02.2022 par Bob Fischer", ("Bob Fischer",)),
    ],
)
def test_byline_in_a_date_line(language, line, authors):
    text = page(language, TITLES[language], line, title=TITLES[language])
    assert parse_text(text).authors == authors


def test_byline_word_apart_from_the_name():
    # A glued dump keeps the page's whitespace between the label element and the linked name.
    text = page("fr", TITLES["fr"], "Par    Barbara Stiegler", title=TITLES["fr"])
    assert parse_text(text).authors == ("Barbara Stiegler",)


@pytest.mark.parametrize(
    "line,authors",
    [
        ("raoul (raoul) May 3, 2024, 8:45am 1", ("raoul",)),
        ("LingoLover94 April 5, 2023, 10:08am 1", ("LingoLover94",)),
        # A dateline names a place, not a person.
        ("Berlin, December 3, 2024", ()),
    ],
)
def test_poster_name_opening_a_date_line(line, authors):
    text = page("en", TITLES["en"], line, title=TITLES["en"])
    assert parse_text(text).authors == authors


def test_lone_name_between_title_and_date():
    text = page("en", TITLES["en"], "Andrei Zakhareuski", "September 8, 2021", title=TITLES["en"])
    article = parse_text(text)
    assert article.authors == ("Andrei Zakhareuski",)
    assert labels(article, "Andrei Zakhareuski") == ["byline"]


def test_menu_item_above_title_is_not_an_author():
    # Capitalised like a name, but away from any date and not under the title: a menu link.
    text = page("en", "Get Started", "Pricing Plans", TITLES["en"], title=TITLES["en"])
    assert parse_text(text).authors == ()


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Print Recipe"),  # a button: its first word is a share label
        ("en", "Find A Location"),  # a function word inside
        ("en", "Example H2"),  # a digit
        ("de", "Für Hochschulen"),
    ],
)
def test_label_beside_date_is_not_an_author(language, line):
    text = page(language, TITLES[language], line, "September 8, 2021", title=TITLES[language])
    assert parse_text(text).authors == ()


def test_section_label_beside_date_opens_with_a_lowercase_word():
    # 'Open Future' / date: the page writes 'open' as a plain word, so the line is a section label.
    text = page(
        "en", TITLES["en"], "Open Future", "September 8, 2021", title=TITLES["en"], trailer=("We keep it open.",)
    )
    assert parse_text(text).authors == ()


@pytest.mark.parametrize("label", ["Sort by", "Sort By:", "Docs Contributors", "Increase Text"])
def test_menu_label_ending_in_a_byline_word(label):
    # A sort or menu label whose last word is 'by', 'contributors' or 'text', then a menu item.
    text = page("en", TITLES["en"], label, "Featured Products", title=TITLES["en"])
    assert parse_text(text).authors == ()


def test_author_label_before_a_counter_is_no_byline():
    # A Q&A profile line: after 'Author' and before the number comes a verb, not a user name.
    text = page("en", TITLES["en"], "Author has 8.2K answers and 2.5M answer views", title=TITLES["en"])
    assert parse_text(text).authors == ()


@pytest.mark.parametrize("label", ["Visualizations by:", "About the author"])
def test_label_with_colon_or_author_box_keeps_the_name(label):
    text = page("en", TITLES["en"], "September 8, 2021", trailer=(label, "Mark SubbaRao"), title=TITLES["en"])
    assert parse_text(text).authors == ("Mark SubbaRao",)


def test_line_of_full_names_beside_date():
    names = "Naftali Tishby, Fernando C. Pereira, William Bialek"
    text = page("en", TITLES["en"], names, "24 Apr 2000 • 3 min read", title=TITLES["en"])
    assert parse_text(text).authors == ("Naftali Tishby", "Fernando C. Pereira", "William Bialek")


@pytest.mark.parametrize(
    ("language", "line", "authors"),
    [
        ("de", "6. Dezember 2022 von Fatima Aydin in Gefühle", ("Fatima Aydin",)),
        ("en", "Posted on December 20, 2025 by Jean-Luc Aufranc - 5 Comments", ("Jean-Luc Aufranc",)),
    ],
)
def test_dated_byline_below_the_body(language, line, authors):
    # A theme prints the post's date and byline under the article, far from the header.
    more = tuple(f"{paragraph} {paragraph}" for paragraph in BODIES[language])
    text = page(language, trailer=(*more, *more, line))
    article = parse_text(text)
    assert article.authors == authors
    assert labels(article, line) == ["byline"]


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        ('[Jane Doe](https://example.org/author/jane-doe/ "Posts by Jane Doe")', ("Jane Doe",)),
        ("[piizog](/members/piizog.77075/)", ("piizog",)),
        (
            "[Sadhbh Kelly](/de-de/author/sk), [Elisabeth Kochan](/de-de/author/ek)",
            ("Sadhbh Kelly", "Elisabeth Kochan"),
        ),
        ("[Raj Patel](/?author=14) · 5 min read", ("Raj Patel",)),
    ],
)
def test_markdown_link_to_an_author_page_names_the_author(raw, authors):
    text = page("en", f"# {TITLES['en']}", raw, title=f"# {TITLES['en']}")
    assert parse_text(text).authors == authors


def test_link_to_the_site_directory_names_no_author():
    # '/users' with nothing after it is the directory of every user, a menu link.
    text = page("en", f"# {TITLES['en']}", "[Users](/users)", title=f"# {TITLES['en']}")
    assert parse_text(text).authors == ()


@pytest.mark.parametrize("word", ["Newsdesk", "Redaktion"])
def test_one_word_between_title_and_date(word):
    text = page("en", TITLES["en"], word, "September 8, 2021", title=TITLES["en"])
    article = parse_text(text)
    assert article.authors == (word,)
    assert labels(article, word) == ["byline"]


def test_one_word_above_the_title_is_a_section_not_an_author():
    # 'Politics' / title / date: a section label stands above the headline, a byline below it.
    text = page("en", "Politics", TITLES["en"], "September 8, 2021", title=TITLES["en"])
    assert parse_text(text).authors == ()


@pytest.mark.parametrize("line", ["by ibby", "von eseppelt"])
def test_byline_word_and_a_user_name(line):
    text = page("de" if line.startswith("von") else "en", TITLES["en"], line, title=TITLES["en"])
    assert parse_text(text).authors == (line.split()[-1],)


def test_byline_word_and_a_word_of_the_prose_is_a_sort_option():
    # 'by industry' is a filter menu when 'industry' is a word the page writes in its sentences.
    prose = "Our reports cover every industry we know, from farming to software and back again."
    text = page("en", TITLES["en"], "by industry", title=TITLES["en"], trailer=(prose,))
    assert parse_text(text).authors == ()


@pytest.mark.parametrize("line", ["— by Kenneth Surin", "• written by Kenneth Surin"])
def test_byline_after_a_separator(line):
    text = page("en", TITLES["en"], line, title=TITLES["en"])
    assert parse_text(text).authors == ("Kenneth Surin",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ("Uta Helkenberg",)),
        ("12/19/2025 • 30 min • 6279 words • Ash Vardanian", ("Ash Vardanian",)),
    ],
)
def test_name_among_the_fields_of_a_date_line(line, authors):
    text = page("en", TITLES["en"], line, title=TITLES["en"])
    assert parse_text(text).authors == authors


def test_name_glued_to_the_next_field_is_cut():
    text = page("en", TITLES["en"], "by Itamar Turner-TrauringLast updated 04 Jun 2020", title=TITLES["en"])
    assert parse_text(text).authors == ("Itamar Turner-Trauring",)


def test_poster_handle_below_a_labelled_post_date():
    # A Q&A page: 'asked' and the date, then the asker's user name, in the body's flow.
    thread = ("asked May 2, 2009 at 0:01", "jldugger")
    text = page("en", TITLES["en"], title=TITLES["en"], trailer=thread)
    assert parse_text(text).authors == ("jldugger",)


# --- categories and tags -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "language,line,categories",
    [
        ("fr", "Syrie, Russie", ["Syrie", "Russie"]),
        ("fr", "Politique, Transports, Île-de-France", ["Politique", "Transports", "Île-de-France"]),
        ("en", "Filed under: Politics, Transport", ["Politics", "Transport"]),
        ("en", "Categories: Local News, Transport", ["Local News", "Transport"]),
        ("en", "Posted in Local News, Transport", ["Local News", "Transport"]),
    ],
)
def test_category_line(language, line, categories):
    text = page(language, TITLES[language], "by Sara\n" + line, title=TITLES[language])
    article = parse_text(text)
    assert article.categories == tuple(categories)
    assert labels(article, line) == ["category"]
    assert_not_in_body(article, line)
    assert_body_intact(article, language)


@pytest.mark.parametrize(
    "language,line,tags",
    [
        ("en", "Tags: bridges, transport, city council", ["bridges", "transport", "city council"]),
        ("en", "Tagged: Bridges | Transport", ["Bridges", "Transport"]),
        ("fr", "Mots-clés : pont, transports, mairie", ["pont", "transports", "mairie"]),
        ("de", "Schlagwörter: Brücke, Verkehr", ["Brücke", "Verkehr"]),
        ("es", "Etiquetas: puente, tráfico", ["puente", "tráfico"]),
    ],
)
def test_tag_line_in_header(language, line, tags):
    text = page(language, TITLES[language], line, title=TITLES[language])
    article = parse_text(text)
    assert article.tags == tuple(tags)
    assert labels(article, line) == ["tag"]
    assert_not_in_body(article, line)


def test_tag_line_after_body():
    line = "Tags: bridges, transport, city council"
    article = parse_text(page("en", trailer=(line,)))
    assert article.tags == ("bridges", "transport", "city council")
    assert_not_in_body(article, line)
    assert_body_intact(article, "en")


def test_no_categories_or_tags():
    article = parse_text(page("it"))
    assert article.categories == ()
    assert article.tags == ()


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language,line,published,updated",
    [
        ("fr", "14 décembre 2024", "2024-12-14", None),
        ("fr", "14 déc. 2024", "2024-12-14", None),
        ("en", "December 14, 2024", "2024-12-14", None),
        ("en", "Dec 14, 2024", "2024-12-14", None),
        ("en", "14 December 2024", "2024-12-14", None),
        ("en", "Posted on December 14, 2024", "2024-12-14", None),
        ("de", "14.12.2024", "2024-12-14", None),
        ("de", "14. Dezember 2024", "2024-12-14", None),
        ("en", "2024-12-14", "2024-12-14", None),
        ("en", "2024-12-14T09:30:00Z", "2024-12-14", None),
        ("es", "14 de diciembre de 2024", "2024-12-14", None),
        ("it", "14 dicembre 2024", "2024-12-14", None),
        ("pt", "14 de dezembro de 2024", "2024-12-14", None),
        ("nl", "14 december 2024", "2024-12-14", None),
        ("en", "Published: December 14, 2024 Updated: December 15, 2024", "2024-12-14", "2024-12-15"),
        ("en", "Published Dec 14, 2024 | Updated Dec 15, 2024", "2024-12-14", "2024-12-15"),
        (
            "fr",
            "Publié le 14 décembre 2024 à 10h30, mis à jour le 15 décembre 2024 à 18h02",
            "2024-12-14",
            "2024-12-15",
        ),
        ("de", "Veröffentlicht am 14.12.2024, aktualisiert am 15.12.2024", "2024-12-14", "2024-12-15"),
        (
            "es",
            "Publicado el 14 de diciembre de 2024. Actualizado el 15 de diciembre de 2024",
            "2024-12-14",
            "2024-12-15",
        ),
    ],
)
def test_date_line(language, line, published, updated):
    text = page(language, TITLES[language], line, title=TITLES[language])
    article = parse_text(text)
    assert (article.published, article.updated) == (published, updated)
    assert labels(article, line) == ["date"]
    assert_not_in_body(article, line)
    assert_body_intact(article, language)


def test_date_in_body_is_not_the_publication_date():
    # A date mentioned deep in the text says nothing about when the article was published.
    body = [
        *BODIES["en"],
        "The first public hearing is planned for March 3, 2025, and a second one will follow in the summer "
        "if enough residents ask for it.",
    ]
    text = "\n\n".join([TITLES["en"], *body]) + "\n"
    article = parse_text(text)
    assert article.published is None
    assert body[-1] in article.text


def test_no_date():
    article = parse_text(page("nl"))
    assert (article.published, article.updated) == (None, None)


@pytest.mark.parametrize(
    "page,index,holds",
    [
        ("Jane Doe\nJan 8, 2026\n", 1, True),
        # The date is on the label line above: the joined text holds it.
        ("Published 12.03.2024\nby Jane Doe\n", 1, True),
        ("Start date\nby Jane Doe\n", 1, False),
        ("Posted in Recipes, Dinner\n", 0, False),
        # One digit on each side of the join is no date's two digits.
        ("Issue 7\n8 comments\n", 1, False),
    ],
)
def test_may_hold_date(page, index, holds):
    units = read_units(page)[0]
    lexicon = lexicon_for("en")
    assert may_hold_date(units, index, units[index].text) is holds
    if not holds:
        # Whatever the label above, the joined text then holds no date: take_dates takes none.
        header = Header(units=units)
        assert not take_dates(label_above(units, index, lexicon) + units[index].text, lexicon, "en", header, index)
        assert header.published is None and header.updated is None


@pytest.mark.parametrize(
    "language,line,day",
    [
        ("en", "Updated Dec 15, 2024", "2024-12-15"),
        ("en", "Last updated: December 15th 2024", "2024-12-15"),
        ("de", "Stand: 15.12.2024, 07:30 Uhr", "2024-12-15"),
    ],
)
def test_only_an_updated_date_is_the_date(language, line, day):
    # The header shows no other date: the 'updated' one is the date the page gives itself.
    article = parse_text(page(language, TITLES[language], line, title=TITLES[language]))
    assert article.published == day
    assert_body_intact(article, language)


def test_originally_published_after_updated():
    line = "Updated November 11, 2022 8:23 PM ET Originally published November 9, 2022 11:01 AM ET"
    article = parse_text(page("en", TITLES["en"], line, title=TITLES["en"]))
    assert (article.published, article.updated) == ("2022-11-09", "2022-11-11")


def test_label_on_the_line_above_the_date():
    # One text node a line (bs4 get_text("\n")): a forum thread's 'Start date' label, then the first post's own date.
    thread = "Thread starter\nSamuelMIz\nStart date\nJun 14, 2024"
    header = (thread, "Forums\nHardware", TITLES["en"], "SamuelMIz\nMay 27, 2024")
    article = parse_text(page("en", *header, title=TITLES["en"]))
    assert article.published == "2024-06-14"


def test_member_dates_are_not_publication_dates():
    header = (TITLES["en"], "Posts: 524 Joined: Mon Jul 24, 2017 9:28 am", "Registered: 2024-01-27")
    article = parse_text(page("en", *header, title=TITLES["en"]))
    assert article.published is None


def test_sentence_about_an_event_is_not_a_date_line():
    line = "Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Cafe statt."
    article = parse_text(page("de", TITLES["de"], line, title=TITLES["de"]))
    assert article.published is None


def test_labelled_date_far_below_the_title():
    # Related-article dates make a plain 'take the only short date line' fallback give up; the label does not.
    more = ("Sign up for our newsletter", *BODIES["en"])
    trailer = (*more, "Published Jun 4, 2025", "Related posts", "Mar 5, 2026", "Feb 12, 2026", "Feb 6, 2026")
    article = parse_text(page("en", trailer=trailer))
    assert article.published == "2025-06-04"


def test_dateline_opening_the_first_paragraph():
    body = BODIES["en"]
    dateline = "RAJSHAHI, Dec 20, 2025 (BSS) - " + body[0]
    text = "\n\n".join([*TOP, TITLES["en"], dateline, *body[1:]]) + "\n"
    article = parse_text(text)
    assert article.published == "2025-12-20"
    assert dateline in article.text


# A teaser and a photo/share block between the title and the date: the text starts above the date line.
TEASER = (
    "Engineers found cracks in the main span last winter, and the council now wants the repairs done before "
    "the summer season begins."
)
SHARE_BLOCK = ("Photo: City of Northport", "Share this article", "Facebook", "Email", "Print")
RELATED = (
    "Related posts",
    "New tram line opens",
    "23 October 2025",
    "Harbour festival returns",
    "1 January 2022",
    "Ferry fares rise",
    "17 July 2025",
)


def test_date_line_below_the_title_past_the_header():
    blocks = [*TOP, TITLES["en"], TEASER, BODIES["en"][0], *SHARE_BLOCK, "Jane Doe", "12 November 2025"]
    article = parse_text("\n\n".join([*blocks, *BODIES["en"][1:], *RELATED]) + "\n")
    assert article.published == "2025-11-12"
    assert [(d.rule, d.text) for d in article.decisions if d.label == "date"] == [
        ("date-below-title", "12 November 2025")
    ]


def test_member_date_below_the_title_is_not_the_date():
    # A forum's poster box: 'Joined' on the line above the member's date.
    blocks = [*TOP, TITLES["en"], TEASER, BODIES["en"][0], *SHARE_BLOCK, "beijingwalker", "Joined", "Nov 4, 2011"]
    article = parse_text("\n\n".join([*blocks, *BODIES["en"][1:], *RELATED]) + "\n")
    assert article.published is None


@pytest.mark.parametrize(
    "above,label",
    [
        ("participants last post by xJewishNinjax", "participants last post by xJewishNinjax "),
        ("Start date", "Start date "),
        ("Jane Doe, staff writer", ""),
    ],
)
def test_date_label_on_the_line_above(above, label):
    # bs4-lines: a thread's stats line names its last post's date on the line above it.
    units = read_units(f"{above}\nJan 8, 2026\n")[0]
    assert label_above(units, 1, lexicon_for("en")) == label


@pytest.mark.parametrize(
    "language,line,day",
    [
        ("de", "Letzte Aktualisierung: 28.01.2022", "2022-01-28"),
        ("en", "Last updated: November 13, 2025", "2025-11-13"),
    ],
)
def test_updated_stamp_below_the_text_is_the_date(language, line, day):
    # The page's only date is the stamp under its text.
    trailer = ("Kontakt", "Impressum", line) if language == "de" else ("Contact us", "Privacy policy", line)
    article = parse_text(page(language, trailer=trailer))
    assert article.published == day
    assert [(d.rule, d.text) for d in article.decisions if d.label == "date"] == [("updated-date-below-text", line)]
    assert_body_intact(article, language)


def test_updated_line_in_the_byline_block_past_the_header_is_not_the_date():
    # An edited article's 'Updated on' beside its byline, a share block away from the title: its first date
    # is not shown, and the update is not it.
    blocks = [
        *TOP,
        TITLES["en"],
        TEASER,
        BODIES["en"][0],
        *SHARE_BLOCK,
        "Written by Jane Doe",
        "Updated on Jan. 16, 2026",
    ]
    article = parse_text("\n\n".join([*blocks, *BODIES["en"][1:], *RELATED]) + "\n")
    assert article.published is None


def test_dates_closing_listed_items_are_not_the_date():
    # Related articles as 'Title - date': the page's own date is not among them.
    trailer = (
        "More from the city",
        "Tram line opens next week - March 3, 2025",
        "Council backs cycle path - February 12, 2025",
    )
    article = parse_text(page("en", trailer=trailer))
    assert article.published is None
    assert not any(d.detail for d in article.decisions)


def test_label_closing_a_sentence_is_weaker_than_a_line_it_opens():
    header = (
        "Published on 25.Jun.2019 in Vol 7, No 6 (2019): June",
        "Preprints of this paper are available, first published 04.Apr.2019.",
    )
    article = parse_text(page("en", *header))
    assert article.published == "2019-06-25"


def test_header_date_above_the_text_wins_over_one_in_its_first_lines():
    # No title in the window (a long gallery above): of the date line just above the text's start and a
    # subheading just inside it ('Die wichtigsten Ticketpreise ab 01.01.2024'), the header's is the page's.
    header = Header(body_start=27, date_lines=[(26, "2023-11-06", False), (28, "2024-01-01", False)])
    prefer_nearest_date(header, range(2, 31))
    assert (header.published, header.date_unit, header.date_rule) == ("2023-11-06", 26, "date-nearest-title")


def test_dateline_shows_its_rule_in_explain():
    body = BODIES["en"]
    dateline = "RAJSHAHI, Dec 20, 2025 (BSS) - " + body[0]
    article = parse_text("\n\n".join([*TOP, TITLES["en"], dateline, *body[1:]]) + "\n")
    assert [d.detail for d in article.decisions if d.text == dateline] == ["published 2025-12-20 by dateline"]


@pytest.mark.parametrize(
    "language,trailer",
    [
        ("en", ("2 Comments", "Amna March 26, 2018 at 1:09 pm", "Reply", "Jo March 27, 2018 at 8:02 am", "Reply")),
        (
            "de",
            (
                "2 Kommentare",
                "Rafael sagt: 23. Juni 2016 um 18:47 Uhr",
                "Antworten",
                "Yan sagt: 27. Juni 2016 um 12:09 Uhr",
            ),
        ),
    ],
)
def test_comment_stamps_are_not_the_date(language, trailer):
    article = parse_text(page(language, trailer=trailer))
    assert article.published is None


def test_of_two_lone_dates_the_repeated_one_is_the_date():
    # Below the footer menu, a download box's update stamp, then the page's date twice (numeric and written).
    menu = ("Kontakt", "Impressum", "Datenschutz", "AGB", "Newsletter", "Karriere", "Presse", "Sitemap")
    trailer = (*menu, "Version 2.1", "2018-08-29 14:15:57", "Erstellt", "2018-06-22 10:20:00", "22.06.2018 10:20")
    article = parse_text(page("de", trailer=trailer))
    assert article.published == "2018-06-22"
    assert [d.detail for d in article.decisions if d.text == "2018-06-22 10:20:00"] == [
        "published 2018-06-22 by lone-date-line"
    ]


# --- reading time ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language,line",
    [
        ("en", "5 min read"),
        ("en", "Reading time: 7 minutes"),
        ("en", "3 minute read"),
        ("fr", "4 min de lecture"),
        ("fr", "Temps de lecture : 4 min"),
        ("de", "Lesezeit: 3 Minuten"),
        ("de", "3 Min. Lesezeit"),
        ("es", "Tiempo de lectura: 6 minutos"),
        ("es", "6 min de lectura"),
        ("it", "Tempo di lettura: 5 minuti"),
        ("pt", "Tempo de leitura: 5 min"),
        ("nl", "Leestijd: 4 minuten"),
    ],
)
def test_reading_time_removed(language, line):
    text = page(language, TITLES[language], "By Jane Doe", line, title=TITLES[language])
    article = parse_text(text)
    [removed] = [r for r in article.removed if r.text == line]
    assert removed.reason == "reading-time"
    assert_not_in_body(article, line)
    assert_body_intact(article, language)


# --- whole headers -----------------------------------------------------------------------------


def test_full_english_header():
    title = TITLES["en"]
    text = (
        "Skip to content\n"
        "Home > News > Local\n\n"
        f"{title}\n\n"
        "By Jane Doe and John Roe\n"
        "Published: December 14, 2024 Updated: December 15, 2024\n"
        "5 min read\n\n" + "\n\n".join(BODIES["en"]) + "\n\nTags: bridges, transport, city council\n"
    )
    article = parse_text(text)
    assert article.breadcrumbs == ("Home", "News", "Local")
    assert article.title == title
    assert article.authors == ("Jane Doe", "John Roe")
    assert (article.published, article.updated) == ("2024-12-14", "2024-12-15")
    assert article.tags == ("bridges", "transport", "city council")
    assert article.language == "en"
    assert_body_intact(article, "en")


def test_full_german_header():
    title = TITLES["de"]
    text = (
        "Startseite › Politik › Hamburg\n\n"
        f"{title}\n\n"
        "Von Anna Schmidt\n"
        "14.12.2024, 09:41 Uhr\n"
        "Lesezeit: 3 Minuten\n\n" + "\n\n".join(BODIES["de"]) + "\n"
    )
    article = parse_text(text)
    assert article.breadcrumbs == ("Startseite", "Politik", "Hamburg")
    assert article.title == title
    assert article.authors == ("Anna Schmidt",)
    assert article.published == "2024-12-14"
    assert article.language == "de"
    assert_body_intact(article, "de")


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        # The slug under a linked name is an account page of other words: a menu or shop button.
        ("[Start Shopping Now](https://shop.example.com/user/sign-in)", ()),
        ("[Premium Dashboard](/members/home)", ()),
        # A slug spelling the name out vouches even for words the page also writes in lowercase.
        ("written by [Our Editors](https://example.com/author/our-editors/)", ("Our Editors",)),
        # A handle as the slug: the text must then be a full personal name.
        ("[Helmut Rubik](https://example.com/author/ruhe/)", ("Helmut Rubik",)),
    ],
)
def test_author_link_slug_agrees_with_its_text(raw, authors):
    trailer = ("Our editors test every product; our dashboard shows premium picks and shopping tips now.",)
    text = page("en", f"# {TITLES['en']}", raw, title=f"# {TITLES['en']}", trailer=trailer)
    assert parse_text(text).authors == authors


def test_author_link_word_inside_another_slug_is_no_author_page():
    # 'user' inside '/category/mtb-news-user-award/' is a category's slug, not the '/user/' directory.
    raw = "[MTB-News User Award](https://example.com/news/category/mtb-news-user-award/)"
    text = page("en", f"# {TITLES['en']}", raw, title=f"# {TITLES['en']}")
    assert parse_text(text).authors == ()


@pytest.mark.parametrize(
    ("language", "line", "authors"),
    [
        ("de", "von Alexander Karper Foto: © GEPA", ("Alexander Karper",)),
        ("de", "Dezember 26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar", ("Andrea",)),
        # A colon closing the line is the label's own: 'Autor Mark Newton:' above the author box.
        ("de", "Autor Mark Newton:", ("Mark Newton",)),
    ],
)
def test_next_field_label_ends_the_byline_names(language, line, authors):
    text = page(language, TITLES[language], line, title=TITLES[language])
    assert parse_text(text).authors == authors


def test_byline_word_glued_to_the_name_inside_the_label():
    text = page("en", TITLES["en"], "Written byJack Shepherd", title=TITLES["en"])
    assert parse_text(text).authors == ("Jack Shepherd",)


@pytest.mark.parametrize(
    ("label", "desk"),
    [("By", "Staff and news service reports"), ("Written by", "Ask the Doctors"), ("Author", "Catch more fish")],
)
def test_desk_line_under_a_byline_label(label, desk):
    article = parse_text(page("en", TITLES["en"], f"{label}\n{desk}", title=TITLES["en"]))
    assert article.authors == (desk,)
    assert labels(article, desk) == ["byline"]


@pytest.mark.parametrize("line", ["Read the full story.", "Share this article", "Newsletter sign-up for readers"])
def test_no_desk_line_under_a_byline_label_when_it_is_a_sentence_or_a_button(line):
    article = parse_text(page("en", TITLES["en"], f"By\n{line}", title=TITLES["en"]))
    assert article.authors == ()


def test_social_handle_after_the_name_is_cut():
    text = page("es", TITLES["es"], "Por\nWilliams Perdomo @wperdomod", title=TITLES["es"])
    assert parse_text(text).authors == ("Williams Perdomo",)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Kommentar von Margit Heumann — 2019-01-01 @ 00:39 | Antworten"),
        ("en", "6.3K views  23 replies  14 participants  last post by [ggery](/members/ggery.9747538/) Sep 26, 2024"),
    ],
)
def test_commenter_or_last_poster_is_not_the_author(language, line):
    # The name after 'Kommentar von' / 'last post by' is someone else's: a comment or the thread's last reply.
    more = tuple(f"{paragraph} {paragraph}" for paragraph in BODIES[language])
    article = parse_text(page(language, trailer=(*more, line)))
    assert article.authors == ()


def test_answerer_beside_an_answered_date_is_not_the_author():
    # A Q&A page: the asker under 'asked', an answerer under 'answered' (the label on the line above).
    question = ("asked", "May 2, 2009 at 0:01", "jldugger")
    answer = ("answered", "May 2, 2009 at 0:09", "Kevin Dente")
    text = page("en", TITLES["en"], title=TITLES["en"], trailer=(*question, *answer))
    assert parse_text(text).authors == ("jldugger",)


@pytest.mark.parametrize(
    ("language", "line", "authors"),
    [
        # Another date's label glued after the name ends it.
        ("en", "Last modified: 2024-01-05, 03:27 AM by StarredSkies. Edited 1 time in total.", ("StarredSkies",)),
        # A comment count after the name is no part of it.
        ("de", "12. März 2021 von Jana Berger Ein Kommentar", ("Jana Berger",)),
    ],
)
def test_label_after_the_name_on_a_date_line_is_cut(language, line, authors):
    text = page(language, TITLES[language], line, title=TITLES[language])
    assert parse_text(text).authors == authors


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # The gender-inclusive label forms of German themes.
        ("STAND 21.4.2021 , 16:41 Uhr AUTOR/IN Julius Richter", ("Julius Richter",)),
        # A role in brackets after the name under the label.
        ("Autor*in\nBrit Weirich (Medizinredakteurin. M.A. Mehrsprachige Kommunikation)", ("Brit Weirich",)),
    ],
)
def test_german_inclusive_author_labels(header, authors):
    text = page("de", TITLES["de"], header, title=TITLES["de"])
    assert parse_text(text).authors == authors


def test_byline_glued_to_the_next_field_is_cut_before_its_names_are_read():
    # A glued dump ran the byline into the next element: the names end at the lower-to-upper join.
    text = page(
        "en", TITLES["en"], "By Arlene MarturanoSouth Carolina Garden-based Learning Network", title=TITLES["en"]
    )
    article = parse_text(text)
    assert article.authors == ("Arlene Marturano",)
    assert "glued-byline" in {d.rule for d in article.decisions}


def test_byline_glued_after_the_element_before_it():
    text = page("en", TITLES["en"], title=TITLES["en"], trailer=("Full bioBy Richard Garner",))
    assert parse_text(text).authors == ("Richard Garner",)


def test_name_glued_to_a_date_is_the_author():
    # No byline word: the name is run straight into the date after it, inside a glued line.
    glued = "SubscribeSign inWhat the best engineers think aboutPaul IusztinOct 07, 2025ShareWelcome to the series"
    article = parse_text(page("en", glued, TITLES["en"], title=TITLES["en"]))
    assert article.authors == ("Paul Iusztin",)


def test_names_glued_to_dates_of_a_listing_name_no_author():
    # Teasers of a listing, each with its own author and date: none of them wrote the page.
    teasers = (
        "How to insulate an atticJane Miller2025/12/20Why heat pumps saveTom Baker2025/12/19Solar basics explained",
    )
    assert parse_text(page("en", TITLES["en"], title=TITLES["en"], trailer=teasers)).authors == ()


@pytest.mark.parametrize(
    "glued",
    [
        # The date line's label, or the author's role, follows the name instead of the date itself.
        "How far should a beginner run each weekMatteo LarattaLast Updated:If you are looking for a plan",
        "Updated Jan. 27, 2026, 12:28 PM ESTMatteo LarattaTech ReporterSkip to table of contents",
    ],
)
def test_name_glued_to_a_date_label_or_a_role_is_the_author(glued):
    assert parse_text(page("en", glued, TITLES["en"], title=TITLES["en"])).authors == ("Matteo Laratta",)


def test_name_glued_to_a_button_phrase_is_no_author():
    # 'Talk to an Expert' ends with a role word but is a button, not a job title.
    glued = "Nuxt TemplatesPython TemplatesStart DeployingTalk to an ExpertSee all solutions"
    assert parse_text(page("en", glued, TITLES["en"], title=TITLES["en"])).authors == ()


def test_byline_word_inside_a_camel_case_word_is_no_glued_byline():
    # 'HyperText': 'Text' (a German byline label) is a hump of the word, not an element glued after it.
    line = "*[XHTML]: eXtensible HyperText Markup Language"
    assert parse_text(page("de", TITLES["de"], title=TITLES["de"], trailer=(line,))).authors == ()


@pytest.mark.parametrize("language,count", [("en", "1 Comment on"), ("en", "3 thoughts on"), ("de", "1 Kommentar zu")])
def test_comment_count_before_the_title_is_not_the_title(language, count):
    # A theme prints the comment count with the post's title under the byline: "1 Comment on <title>".
    line = f"{count} {TITLES[language]}"
    text = page(language, TITLES[language], "By Jane Doe", line, title=TITLES[language], top=())
    article = parse_text(text)
    assert article.title == TITLES[language]
    assert (line, "comments") in removed(article)
    assert_body_intact(article, language)


def test_set_date_line_labels_the_unit_unless_a_pass_labelled_it():
    units = read_units("Jane Doe\n12 March 2024\nUpdated 14 March 2024\n")[0]
    header = Header(units=units)
    header.set_date_line("2024-03-12", 1, "date-below-title")
    assert (header.published, header.date_unit, header.date_rule) == ("2024-03-12", 1, "date-below-title")
    assert header.labels[1] == ("date", "date-below-title")
    # A later rule takes the date; the label an earlier pass gave its unit stays.
    header.label(2, "removed", "repeated-title")
    header.set_date_line("2024-03-14", 2, "near-date-line")
    assert (header.published, header.date_unit, header.date_rule) == ("2024-03-14", 2, "near-date-line")
    assert header.labels[2] == ("removed", "repeated-title")
