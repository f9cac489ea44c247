"""Page furniture written as text inside the main-text run: teasers, bios and pitches (labeller/debris.py)."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text

# More article text, so that a line at the end stands in the last tenth of the body.
MORE_EN = (
    "Drivers will be sent along the ring road, which the council says can take the extra traffic once two "
    "junctions near the station have been widened over the winter months.",
    "Shop owners on the harbour front fear that fewer cars will mean fewer customers, but the council points "
    "to other towns where trade grew after a bridge was closed to traffic.",
    "Buses and bicycles will still be allowed on the bridge until the repairs begin, and a ferry will run "
    "between the two banks every twenty minutes while the work goes on.",
    "The repairs are expected to take two years and to cost about forty million, most of it paid by the "
    "regional government from its fund for old bridges and tunnels.",
)


MORE_DE = (
    "Umleitungen führen über die Ringstraße, die nach Angaben der Stadt den zusätzlichen Verkehr aufnehmen kann, "
    "sobald zwei Kreuzungen am Bahnhof über den Winter verbreitert worden sind.",
    "Geschäftsleute an der Uferpromenade fürchten weniger Kundschaft, doch die Stadt verweist auf andere Orte, "
    "in denen der Handel wuchs, nachdem eine Brücke für Autos gesperrt worden war.",
    "Busse und Fahrräder dürfen die Brücke bis zum Beginn der Arbeiten weiter nutzen, und eine Fähre verkehrt "
    "alle zwanzig Minuten zwischen den beiden Ufern, solange gebaut wird.",
)


def page(language: str, *, middle=(), end=(), header=(), more=()) -> str:
    body = BODIES[language]
    blocks = [TITLES[language], *header, body[0], *middle, *body[1:], *more, *end]
    return "\n\n".join(blocks) + "\n"


def paragraphs(article) -> list[str]:
    return [p for s in article.sections for p in s.paragraphs]


def reasons_for(article, line: str) -> list[str]:
    return [r.reason for r in article.removed if r.text == line.strip()]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Lesen Sie auch: Neue Radwege für die Innenstadt"),
        ("en", "Related: City opens a new ferry line to the old port"),
        ("fr", "À lire aussi » Les travaux du tramway reprennent"),
        ("es", "Lea más: El ayuntamiento abre una nueva línea de ferri"),
        ("es", "VEA TAMBIÉN: Las obras del tranvía se reanudan en marzo"),
        ("de", "Auch lesen: Neue Radwege für die Innenstadt"),
    ],
)
def test_a_read_also_line_with_a_title_is_a_teaser(language, line):
    article = parse_text(page(language, middle=[line]))
    assert reasons_for(article, line) == ["read-also-teaser"]
    assert paragraphs(article) == list(BODIES[language])


def test_a_sentence_opening_with_a_related_phrase_stays():
    line = "Related work on the ring road will start in the autumn, the council said after the vote."
    article = parse_text(page("en", middle=[line]))
    assert line in paragraphs(article)


def test_a_bio_naming_the_byline_author_is_removed_anywhere():
    bio = "Sara Zinnecker is a reporter who covers transport, roads and the city's bridges for the paper."
    article = parse_text(page("en", header=["By Sara Zinnecker"], middle=[bio], more=MORE_EN))
    assert article.authors == ("Sara Zinnecker",)
    assert reasons_for(article, bio) == ["byline-name-line"]
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]


def test_the_interviewers_question_stays():
    question = "Sara Zinnecker: When will the bridge open to traffic again, and who decides it?"
    article = parse_text(page("en", header=["By Sara Zinnecker"], middle=[question], more=MORE_EN))
    assert article.authors == ("Sara Zinnecker",)
    assert not reasons_for(article, question)
    assert question in [s.heading for s in article.sections] + paragraphs(article)


def test_a_newsletter_pitch_closing_the_article_is_removed():
    pitch = "Sign up for our newsletter to get the week's city news in your inbox every Friday morning."
    article = parse_text(page("en", more=MORE_EN, end=[pitch]))
    assert reasons_for(article, pitch) == ["newsletter-pitch"]
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]


def test_a_newsletter_mentioned_early_in_the_article_stays():
    line = "The council announced the closure in its newsletter on Monday, a day before the vote was held."
    article = parse_text(page("en", middle=[line], more=MORE_EN))
    assert line in paragraphs(article)


def test_titles_under_a_related_links_label_are_teasers():
    titles = ["* Ferry line to the old port opens in May", "* Ring road junctions to be widened this winter"]
    article = parse_text(page("en", middle=["Related Coverage", "\n".join(titles)], more=MORE_EN))
    assert [reasons_for(article, title) for title in titles] == [["related-teasers"], ["related-teasers"]]
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]


# A most-read widget under the article: its title says the phrase and more, then teaser headlines with their
# standfirsts, which read as prose.
TEASERS = {
    "en": (
        "Ferry line to the old port opens in May",
        "The new boats will carry up to two hundred passengers and run every twenty minutes from the harbour.",
        "Ring road junctions to be widened this winter",
        "Work on both junctions starts in November and should be finished before the spring holidays begin.",
    ),
    "de": (
        "Neue Fähre zum alten Hafen startet im Mai",
        "Die neuen Schiffe sollen bis zu zweihundert Fahrgäste befördern und alle zwanzig Minuten ablegen.",
        "Umbau der Kreuzungen am Ring beginnt im Winter",
        "Die Arbeiten an beiden Kreuzungen beginnen im November und sollen vor den Osterferien enden.",
    ),
}


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Most Popular Stories This Week"), ("de", "Beliebte Beiträge zum Thema:")],
)
def test_a_late_widget_title_ends_the_article(language, title):
    more = MORE_EN if language == "en" else ()
    teasers = TEASERS[language]
    article = parse_text(page(language, more=more, end=[title, *teasers]))
    assert reasons_for(article, title) == ["widget-title-tail"]
    assert [reasons_for(article, teaser) for teaser in teasers] == [["widget-title-tail"]] * len(teasers)
    assert paragraphs(article) == [*BODIES[language], *more]


def test_an_early_widget_phrase_and_a_sentence_stay():
    early = "Related Articles on the bridge"
    sentence = "Most popular with commuters is the ferry, which the council will keep running."
    article = parse_text(page("en", middle=[early], more=MORE_EN, end=[sentence]))
    assert "widget-title-tail" not in [r.reason for r in article.removed]
    assert sentence in paragraphs(article)


@pytest.mark.parametrize(
    ("language", "notice", "where"),
    [
        ("en", "This post may contain affiliate links. If you buy through them, we may earn a commission.", "middle"),
        ("en", "This entry was posted in City News and tagged bridges, traffic. Bookmark the permalink.", "end"),
        ("de", "Hat Ihnen der Artikel gefallen? Dann teilen Sie ihn mit Ihren Freunden!", "end"),
        ("de", "Dieser Text wurde veröffentlicht unter der Lizenz CC BY-NC-ND 4.0.", "end"),
        ("fr", "Les opinions exprimées dans ce blog n'engagent que leurs auteurs.", "end"),
        ("en", "As an Amazon Associate we earn from qualifying purchases.", "middle"),
        ("en", "Your browser does not support the video tag.", "middle"),
        ("en", "Was this helpful? Tell us what you think in the comments below.", "middle"),
        ("de", "Externer Inhalt: Hier steht ein Video, das beim Laden Daten an den Anbieter sendet.", "middle"),
    ],
)
def test_a_site_notice_is_removed_wherever_it_stands(language, notice, where):
    more = MORE_EN if language == "en" else ()
    placed = {"middle": [notice]} if where == "middle" else {"end": [notice]}
    article = parse_text(page(language, more=more, **placed))
    assert reasons_for(article, notice) == ["site-notice-line"]
    assert paragraphs(article) == [*BODIES[language], *more]


def test_a_long_paragraph_opening_with_notice_words_stays():
    # A report's own paragraph can open as a notice does; past SITE_NOTICE_MAX_WORDS it is the article's text.
    line = (
        "The views expressed in this report were gathered over two years from shop owners, commuters, bus "
        "drivers and the ferry crews, who all told the council that the bridge had carried more traffic than "
        "it was ever built for, and that closing it for repairs would change how the whole harbour town moves, "
        "trades and meets for the two years the work is expected to take."
    )
    article = parse_text(page("en", middle=[line], more=MORE_EN))
    assert line in paragraphs(article)


def test_an_author_greeting_under_the_post_is_removed():
    intro = "Hi, I'm Jane, a reporter who has covered the harbour town and its bridges for ten years."
    article = parse_text(page("en", more=MORE_EN, end=[intro]))
    assert reasons_for(article, intro) == ["author-intro-line"]
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]


def test_a_post_that_opens_with_a_greeting_keeps_it():
    # A blog post may open by greeting the reader; the author box stands below the post, past the body's middle.
    intro = "Hallo, ich bin Anna, und heute erzähle ich euch, warum die alte Brücke im Frühjahr schließt."
    article = parse_text(page("de", middle=[intro]))
    assert intro in paragraphs(article)


def test_a_long_author_greeting_is_read_by_its_opening_words():
    # Past 40 words a line has no phrase key of its own (records.record.PHRASE_MAX_WORDS); the greeting still
    # opens it, and the author box is no less one for being long.
    intro = (
        "Hallo, ich bin Foodbloggerin, Kochbuchautorin und Journalistin, und seit meiner Kindheit koche ich "
        "leidenschaftlich gern für Familie und Freunde. Was mich glücklich macht, sind einfache Rezepte mit "
        "Zutaten aus dem Garten, und genau die findest du hier auf meinem Blog, jede Woche ein neues, mit "
        "vielen Bildern und Tipps für Anfänger."
    )
    assert len(intro.split()) > 40
    article = parse_text(page("de", more=MORE_DE, end=[intro]))
    assert reasons_for(article, intro) == ["author-intro-line"]
    assert paragraphs(article) == [*BODIES["de"], *MORE_DE]


def test_a_long_notice_is_read_by_its_opening_words():
    notice = (
        "This post contains references to products from one or more of our advertisers. We may receive "
        "compensation when you click on links to those products. Terms apply to the offers listed on this "
        "page. For an explanation of our advertising policy, and of how we choose the cards we write about, "
        "please visit our page on how we make money."
    )
    assert 40 < len(notice.split()) <= 60
    article = parse_text(page("en", middle=[notice], more=MORE_EN))
    assert reasons_for(article, notice) == ["site-notice-line"]


@pytest.mark.parametrize(
    ("language", "row"),
    [
        ("de", "Artikel teilenTeilen auf TwitterTeilen auf WhatsAppTeilen auf LinkedInPer E-Mail teilen"),
        ("de", "Teilen Sie dies mit:TwitterFacebookGefällt mir:Gefällt mir Wird geladen..."),
        ("de", "Drucken etc.DruckenE-MailTwitterWhatsAppFacebookLinkedInReddit"),
        ("en", "Facebook 0 Twitter StumbleUpon Tumblr Pinterest 0 0 Likes"),
    ],
)
def test_a_glued_row_of_share_buttons_is_removed(language, row):
    more = MORE_EN if language == "en" else MORE_DE
    article = parse_text(page(language, middle=[row], more=more))
    assert reasons_for(article, row) == ["share-row"]
    assert paragraphs(article) == [*BODIES[language], *more]


def test_a_sentence_naming_networks_stays():
    # Two networks, or three inside a sentence's words, are what the article says about them.
    lines = [
        "Facebook, Twitter and WhatsApp removed the video within hours, the council said on Monday.",
        "You can follow the council on Facebook and Twitter for news on the bridge and the ferry.",
    ]
    article = parse_text(page("en", middle=lines, more=MORE_EN))
    for line in lines:
        assert line in paragraphs(article)


@pytest.mark.parametrize(
    ("text", "squashed"),
    [
        ("Facebook 0 Twitter E-Mail", "facebook0twitteremail"),
        ("Artikel teilenTeilen auf WhatsApp_", "artikelteilenteilenaufwhatsapp"),
        ("Teilen: Straße · Ölpreis ½ 3²", "teilenstrasseölpreis½3²"),
        ("— ! ?", ""),
    ],
)
def test_letters_and_digits_keeps_what_isalnum_keeps_casefolded(text, squashed):
    from articlecli.labeller.debris import letters_and_digits

    assert letters_and_digits(text) == squashed


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Book a demo"),
        ("en", "Find out more"),
        ("de", "Jetzt kaufen"),
        ("fr", "Télécharger le rapport du conseil"),
        ("en", "Schedule a demo"),
        ("en", "Talk to an expert"),
        ("de", "Erfahre mehr"),
    ],
)
def test_a_buttons_label_on_its_own_line_is_removed(language, label):
    # Set between two paragraphs of the article, as the button under a product or beside the lead stands.
    more = MORE_DE if language == "de" else MORE_EN if language == "en" else ()
    article = parse_text(page(language, middle=[label], more=more))
    assert reasons_for(article, label) == ["call-to-action-line"]
    assert paragraphs(article) == [*BODIES[language], *more]


def test_a_sentence_opening_with_a_call_to_action_verb_stays():
    # Past CALL_TO_ACTION_MAX_WORDS a line that opens with "Try" or "Download" is the article's own advice.
    line = "Try to cross the bridge before eight, when the ferry queue is still short and the buses run on time."
    article = parse_text(page("en", middle=[line], more=MORE_EN))
    assert line in paragraphs(article)


# A short line before a paragraph is a rule heading in a blank-line dump, and a heading stays: the labels are a list
# item (inscriptis prints a box's links so) or end on '!'.
@pytest.mark.parametrize(
    "label", ["- Jetzt zum kostenlosen Newsletter anmelden »", "- Buch bestellen", "Jetzt melden!"]
)
def test_a_german_buttons_label_closing_on_its_verb_is_removed(label):
    article = parse_text(page("de", middle=[label], more=MORE_DE))
    assert reasons_for(article, label) == ["call-to-action-line"]
    assert paragraphs(article) == [*BODIES["de"], *MORE_DE]


def test_a_short_german_sentence_closing_on_an_action_verb_stays():
    # A sentence ends on '.', a label does not: "Die Tickets sind online zu buchen." is the article's.
    line = "Die Tickets sind online zu buchen."
    article = parse_text(page("de", middle=[line], more=MORE_DE))
    assert line in paragraphs(article)


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Table of Contents"), ("en", "In this article:"), ("de", "Inhaltsverzeichnis")],
)
def test_the_title_of_a_table_of_contents_is_removed(language, label):
    # The box's title set between the lead and the text, as a blog's contents box stands.
    more = MORE_DE if language == "de" else MORE_EN
    article = parse_text(page(language, middle=[label], more=more))
    assert reasons_for(article, label) == ["contents-title-line"]
    assert paragraphs(article) == [*BODIES[language], *more]


def test_a_sentence_ending_on_contents_words_stays():
    # The tail of a sentence the dump cut at a link ("... listed / on this page.") is the article's text.
    line = "on this page."
    article = parse_text(page("en", middle=[line], more=MORE_EN))
    assert line in paragraphs(article)


@pytest.mark.parametrize(
    ("language", "label", "after"),
    [
        ("en", "Log in:", "Free Trial"),
        ("de", "Gefällt mir:", "Gefällt mir Wird geladen..."),
        ("en", "Follow Us:", "Welcome, Your Account"),
    ],
)
def test_label_joined_to_the_next_line_is_removed(language, label, after):
    # The text front end joins a label's colon to the short line under it: one unit, whose whole text is no phrase.
    article = parse_text(page(language, middle=[f"{label}\n{after}"]))
    assert [r.reason for r in article.removed if r.text in (label, after)] == ["joined-label", "joined-label"]
    assert paragraphs(article) == list(BODIES[language])


def test_field_label_joined_to_its_value_is_kept():
    # 'Website:' is a comment form's label, and also a field of a product list: the field and its value stay.
    article = parse_text(page("en", middle=["Website:\nTheraBreath Official Site"]))
    assert "Website: TheraBreath Official Site" in paragraphs(article)


def test_label_words_opening_a_sentence_are_kept():
    # A dump that breaks lines at links: the label's words are a link, the comma after it carries on its sentence.
    article = parse_text(page("en", middle=["Log in\n, then open the settings page to change your address."]))
    assert "Log in, then open the settings page to change your address." in paragraphs(article)


def test_two_labels_joined_by_a_word_are_removed():
    # A dump that breaks lines at links: 'Sign In' and 'Register' are links, 'or' the text between them.
    article = parse_text(page("en", middle=["Sign In\nor Register"]))
    assert [r.reason for r in article.removed if r.text in ("Sign In", "or Register")] == ["joined-label"] * 2
    assert paragraphs(article) == list(BODIES["en"])
