"""Page furniture around the article: each line removed, with the rule that removed it as reason."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.frontends.text import read_units
from articlecli.labeller.content import find_region
from articlecli.records.lexicon import lexicon_for, stopwords
from articlecli.records.record import build_records


def page(language: str, *, top=(), header=(), middle=(), end=()) -> str:
    """A scrape with boilerplate blocks at the top, under the title, between paragraphs, at the end."""
    body = BODIES[language]
    blocks = [*top, TITLES[language], *header, body[0], *middle, *body[1:], *end]
    return "\n\n".join(blocks) + "\n"


def reasons_for(article, line: str) -> list[str]:
    return [r.reason for r in article.removed if r.text == line.strip()]


def assert_body_intact(article, language: str) -> None:
    assert article.title == TITLES[language]
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES[language])


CASES = [
    # related links
    ("en", "end", "You may also like", "related-links"),
    ("en", "end", "Related Articles", "related-links"),
    ("en", "end", "Read more:", "related-links"),
    ("fr", "end", "Vous aimerez aussi", "related-links"),
    ("fr", "end", "À lire aussi", "related-links"),
    ("de", "end", "Lesen Sie auch", "related-links"),
    ("de", "end", "Das könnte Sie auch interessieren", "related-links"),
    ("es", "end", "También te puede interesar", "related-links"),
    ("it", "end", "Potrebbe interessarti anche", "related-links"),
    ("pt", "end", "Leia também", "related-links"),
    ("nl", "end", "Lees ook", "related-links"),
    # comments and comment forms
    ("en", "end", "Leave a Comment", "comments"),
    ("en", "end", "Leave a Reply", "comments"),
    ("en", "end", "Leave a Reply Cancel reply", "comments"),
    ("en", "end", "Save my name, email, and website in this browser for the next time I comment.", "comments"),
    ("en", "end", "Your email address will not be published. Required fields are marked *", "comments"),
    ("en", "end", "3 Comments", "comments"),
    ("fr", "end", "Laisser un commentaire", "comments"),
    (
        "fr",
        "end",
        "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
        "comments",
    ),
    ("de", "end", "Kommentar schreiben", "comments"),
    ("es", "end", "Deja un comentario", "comments"),
    ("it", "end", "Lascia un commento", "comments"),
    ("pt", "end", "Deixe um comentário", "comments"),
    # share buttons
    ("en", "header", "Share this article", "share"),
    ("en", "header", "Share on Facebook", "share"),
    ("en", "end", "Share this:", "share"),
    ("en", "header", "Facebook Twitter LinkedIn Email", "share"),
    ("fr", "header", "Partager sur Facebook", "share"),
    ("fr", "header", "Partager cet article", "share"),
    ("de", "header", "Artikel teilen", "share"),
    ("es", "header", "Compartir en Facebook", "share"),
    # follow prompts
    ("en", "end", "Follow us on Twitter", "follow"),
    ("fr", "end", "Suivez-nous sur Instagram", "follow"),
    ("de", "end", "Folgen Sie uns auf Facebook", "follow"),
    # newsletter prompts
    ("en", "end", "Sign up for our newsletter", "newsletter"),
    ("en", "middle", "Subscribe to our newsletter", "newsletter"),
    ("fr", "end", "Inscrivez-vous à notre newsletter", "newsletter"),
    ("de", "end", "Newsletter abonnieren", "newsletter"),
    ("es", "end", "Suscríbete a nuestra newsletter", "newsletter"),
    # cookie notices
    ("en", "top", "We use cookies to ensure that we give you the best experience on our website.", "cookie-notice"),
    ("en", "top", "Accept all cookies", "cookie-notice"),
    ("fr", "top", "Accepter les cookies", "cookie-notice"),
    ("de", "top", "Alle Cookies akzeptieren", "cookie-notice"),
    # advertisements
    ("en", "middle", "Advertisement", "advertisement"),
    ("en", "middle", "ADVERTISEMENT", "advertisement"),
    ("en", "middle", "Story continues below advertisement", "advertisement"),
    ("fr", "middle", "Publicité", "advertisement"),
    ("de", "middle", "Anzeige", "advertisement"),
    ("es", "middle", "Publicidad", "advertisement"),
    ("it", "middle", "Pubblicità", "advertisement"),
    # previous / next links
    ("en", "end", "Previous article", "prev-next"),
    ("en", "end", "Next post", "prev-next"),
    ("en", "end", "« Previous Post", "prev-next"),
    ("fr", "end", "Article précédent", "prev-next"),
    ("de", "end", "Nächster Artikel", "prev-next"),
    ("es", "end", "Artículo anterior", "prev-next"),
    # copyright and footer lines
    ("en", "end", "© 2024 Harbour Gazette. All rights reserved.", "footer"),
    ("en", "end", "Copyright © 2024 Harbour Gazette Ltd", "footer"),
    ("en", "end", "All rights reserved.", "footer"),
    ("en", "end", "Privacy Policy", "footer"),
    ("fr", "end", "© 2024 Le Courrier du Port – Tous droits réservés", "footer"),
    ("fr", "end", "Mentions légales", "footer"),
    ("de", "end", "Impressum", "footer"),
    ("de", "end", "Datenschutzerklärung", "footer"),
    ("it", "end", "Tutti i diritti riservati", "footer"),
    # login prompts
    ("en", "top", "Sign in", "login"),
    ("fr", "top", "Se connecter", "login"),
]


@pytest.mark.parametrize(
    "language,position,line,reason",
    CASES,
    ids=[f"{c[3]}-{c[0]}-{c[2][:30]}" for c in CASES],
)
def test_boilerplate_line_removed(language, position, line, reason):
    article = parse_text(page(language, **{position: (line,)}))
    assert reasons_for(article, line) == [reason]
    assert line not in article.text
    assert_body_intact(article, language)


# --- English theme phrases on non-English pages --------------------------------------------------


@pytest.mark.parametrize(
    "language,line,reason",
    [
        ("fr", "Related Posts", "related-links"),
        ("fr", "Leave a Reply", "comments"),
        ("fr", "Share this:", "share"),
        ("fr", "Previous Post", "prev-next"),
        ("de", "You may also like", "related-links"),
        ("de", "Leave a Comment", "comments"),
        ("es", "Subscribe to our newsletter", "newsletter"),
        ("it", "All rights reserved.", "footer"),
        ("pt", "Related Articles", "related-links"),
        ("nl", "Leave a Comment", "comments"),
    ],
)
def test_english_theme_phrase_on_foreign_page(language, line, reason):
    article = parse_text(page(language, end=(line,)))
    assert article.language == language
    assert reasons_for(article, line) == [reason]
    assert_body_intact(article, language)


def test_seed_style_trailer():
    # The French seed page ends with two lines of an English WordPress theme.
    article = parse_text(page("fr", header=("by Sara",), end=("You may also like", "Leave a Comment")))
    assert reasons_for(article, "You may also like") == ["related-links"]
    assert reasons_for(article, "Leave a Comment") == ["comments"]


# --- whole blocks of furniture -------------------------------------------------------------------

# Rules that name a menu; a positional reason such as "before-main-text" does not.
MENU_REASONS = ("navigation", "navigation-menu", "link-list", "footer", "login")

RELATED_HEADLINES = (
    "Council approves new cycle lanes for the city centre",
    "Ferry timetable changes from next month",
    "Why the tram extension is two years late",
)


def test_related_headlines_after_heading_are_removed():
    article = parse_text(page("en", end=("You may also like", *RELATED_HEADLINES)))
    assert_body_intact(article, "en")
    for headline in RELATED_HEADLINES:
        assert headline not in article.text
        assert reasons_for(article, headline)[0] in ("related-links", "after-related-links")


def test_comment_thread_is_removed():
    comments = (
        "2 Comments",
        "Margaret Hill\nDecember 14, 2024 at 9:12 am",
        "I live on the north bank and this will add half an hour to my commute every single day. "
        "Did anyone on the council think about the people who actually use the bridge?",
        "Reply",
        "Tom Baker\nDecember 14, 2024 at 11:40 am",
        "The bridge has been falling apart for years and it was only a matter of time before something "
        "like this happened, so I am glad they finally made a decision.",
        "Reply",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *",
        "Name *",
        "Email *",
        "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    )
    article = parse_text(page("en", end=comments))
    assert_body_intact(article, "en")
    assert "north bank and this will add half an hour" not in article.text
    assert "finally made a decision" not in article.text
    assert reasons_for(article, "2 Comments") == ["comments"]


def test_plain_text_navigation_menu_is_removed():
    menu = ("Home", "News", "Local", "Sport", "Business", "Culture", "Opinion", "Contact")
    text = "\n".join(menu) + "\n\n" + page("en")
    article = parse_text(text)
    assert_body_intact(article, "en")
    for number, item in enumerate(menu, start=1):
        [found] = [r for r in article.removed if r.line == number]
        assert found.text == item
        assert found.reason in MENU_REASONS


def test_markdown_navigation_menu_is_removed():
    menu = (
        "* [Home](https://harbourgazette.example/)\n"
        "* [News](https://harbourgazette.example/news/)\n"
        "* [Sport](https://harbourgazette.example/sport/)\n"
        "* [Business](https://harbourgazette.example/business/)\n"
        "* [Culture](https://harbourgazette.example/culture/)\n"
        "* [Contact](https://harbourgazette.example/contact/)"
    )
    text = menu + "\n\n# " + page("en")
    article = parse_text(text)
    assert article.input_format == "markdown"
    assert_body_intact(article, "en")
    for number in range(1, 7):
        [found] = [r for r in article.removed if r.line == number]
        assert found.reason in MENU_REASONS


def test_footer_menu_is_removed():
    footer = (
        "About us",
        "Contact",
        "Advertise with us",
        "Privacy Policy",
        "Terms of Use",
        "© 2024 Harbour Gazette. All rights reserved.",
    )
    article = parse_text(page("en", end=("\n".join(footer),)))
    assert_body_intact(article, "en")
    for item in footer:
        assert reasons_for(article, item)
        assert reasons_for(article, item)[0] in (*MENU_REASONS, "advertisement")


def test_german_page_furniture():
    text = page(
        "de",
        top=("Startseite\nPolitik\nWirtschaft\nSport\nKultur",),
        header=("Artikel teilen",),
        middle=("Anzeige",),
        end=("Lesen Sie auch", "Neue Radwege für die Innenstadt", "Impressum\nDatenschutz"),
    )
    article = parse_text(text)
    assert_body_intact(article, "de")
    for line in ("Artikel teilen", "Anzeige", "Lesen Sie auch", "Impressum", "Datenschutz"):
        assert reasons_for(article, line), line
    assert "Neue Radwege" not in article.text


# --- sentences that merely start like boilerplate are kept ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices of the construction company fell by six percent on Wednesday after the council "
        "announced that the contract would be put out to tender again.",
        "Advertisement revenue at the local paper has halved in ten years, which is why it now depends on "
        "readers who pay for a subscription.",
        "Follow the river path north for about two kilometres and you will reach the ferry that many "
        "commuters are expected to use instead of the bridge.",
        "Next year the council wants to start work on a second bridge further upstream, although the money "
        "for it has not yet been found.",
        "Related works on the tram line will begin in the same week, the council said in a statement.",
    ],
)
def test_sentence_starting_with_boilerplate_word_is_kept(sentence):
    article = parse_text(page("en", middle=(sentence,)))
    assert sentence in [p for s in article.sections for p in s.paragraphs]
    assert not reasons_for(article, sentence)


def test_listing_page_without_prose_keeps_its_items():
    # A product listing has no sentence at all: its item lines, not an empty body, are the content.
    text = (
        "Home\nShop\nSale\nAccount\n\n"
        "Fair Trade Organic Coffee\n\n"
        "Chocolate Hazelnut Ground Coffee\n$19.99\n\n"
        "Dark Roast Single-Serve Pods\n$15.99\n\n"
        "Coconut Caramel Whole Bean Coffee\n$12.99\n\n"
        "Vanilla Latte Single-Serve Pods\n$15.99\n\n"
        "Privacy Policy\nTerms of Use\n"
    )
    article = parse_text(text)
    body = article.text
    assert "Dark Roast Single-Serve Pods" in body and "Vanilla Latte Single-Serve Pods" in body
    assert "Privacy Policy" not in body and "Account" not in body
    assert {d.rule for d in article.decisions if d.label == "paragraph"} == {"listing-item"}


HOMEPAGE_TEASERS = [
    ("Apple unveils a thinner laptop with a brighter screen", "Jane Miller", "5 hours ago"),
    ("City council approves the new tram line after a long debate", "Tom Baker", "7 hours ago"),
    ("Why small startups are hiring again in the third quarter", "Ana Lopez", "9 hours ago"),
    ("The best hiking boots for wet weather, tested on the trail", "Sam Green", "12 hours ago"),
    ("Robotics firm raises fresh money to build warehouse robots", "Lee Chen", "14 hours ago"),
    ("How the heat wave is changing the way farmers plan their harvest", "Mia Brown", "16 hours ago"),
]


def test_homepage_headlines_win_over_a_footer_blurb():
    # A home page: headline, author, time, repeated; its only sentence is the site's pitch in the footer,
    # which alone used to be the body.
    cards = "\n\n".join("\n\n".join(card) for card in HOMEPAGE_TEASERS)
    text = (
        "Home\nNews\nSport\nTech\n\n"
        f"{cards}\n\n"
        "Daily News is the independent newsroom for the city, with reporting you can trust every day.\n\n"
        "Privacy Policy\nTerms of Use\n"
    )
    article = parse_text(text)
    body = article.text
    assert all(headline in body for headline, _, _ in HOMEPAGE_TEASERS[1:])
    assert "Sport" not in body and "Privacy Policy" not in body
    assert {d.rule for d in article.decisions if d.label == "paragraph"} == {"listing-item"}


def test_article_with_related_headlines_keeps_its_text():
    # An article's prose outweighs the related-article list under it: the list must not take over.
    related = "\n\n".join(headline for headline, _, _ in HOMEPAGE_TEASERS)
    article = parse_text(page("en", end=("Related", related)))
    assert article.sections and BODIES["en"][0] in article.text
    assert HOMEPAGE_TEASERS[2][0] not in article.text


CONSENT_DIALOG = (
    "Manage Cookie Consent",
    "To provide the best experiences, we use technologies like cookies to store and access device "
    "information. Consenting to these technologies will allow us to process data such as browsing behaviour.",
    "Functional",
    "The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of "
    "a specific service explicitly requested by the subscriber or user.",
    "Accept all",
    "Deny",
)


def test_consent_dialog_after_the_article_ends_it():
    article = parse_text(page("en", end=CONSENT_DIALOG))
    assert_body_intact(article, "en")
    assert "technical storage" not in article.text


def test_lone_consent_label_inside_the_article_does_not_end_it():
    article = parse_text(page("en", middle=("Show details",)))
    assert [p for s in article.sections for p in s.paragraphs][-1] == BODIES["en"][-1]


# A whole-page Markdown scrape: the site's own blurb, a long menu, then the article under its '#' title.
SITE_BLURB = (
    "The City Gazette has covered the towns along the river since 1891 and is owned by a trust that puts "
    "every penny it makes back into local reporting."
)
SITE_MENU = "Home Local Politics Business Sport Culture Travel Opinion Weather Events Podcasts Puzzles Archive Jobs"


def _blurb_page() -> str:
    menu = "\n".join(f"Section {item}" for item in SITE_MENU.split())
    top = ["City Gazette: news from the river towns", SITE_BLURB, "## Sections", menu]
    return "\n\n".join([*top, f"# {TITLES['en']}", *BODIES["en"]]) + "\n"


def test_site_blurb_above_a_long_menu_is_not_the_article_start():
    article = parse_text(_blurb_page())
    assert article.title == TITLES["en"]
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES["en"])
    assert "chrome-above-title" in reasons_for(article, SITE_BLURB)


def test_main_text_run_starts_below_the_page_title_heading():
    units, _ = read_units(_blurb_page())
    features = build_records(units, lexicon_for("en"), stopwords("en"), "en")
    region = find_region(units, features, True)
    assert units[region.start - 1].text == TITLES["en"]
    assert units[region.start].text == BODIES["en"][0]


def test_lead_paragraph_right_above_a_repeated_title_stays():
    # A clipped article printing its title twice (heading, then a caption-sized repeat) keeps the lead.
    body = BODIES["en"]
    text = "\n\n".join([TITLES["en"], body[0], "Photo: City Gazette", TITLES["en"], *body[1:]]) + "\n"
    article = parse_text(text)
    assert body[0] in [p for s in article.sections for p in s.paragraphs]
