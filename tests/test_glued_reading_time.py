"""Rule `name-between-glued-title-and-reading-time`: a name glued between the article title and its reading time
('…Protect Your BusinessTrevor Jackins9 min readUpdated October 8, 2025') is the article's author."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.header.glued_bylines import names_glued_to_date
from articlecli.records.lexicon import load_lexicon

LEXICON = load_lexicon(("en",))


def test_a_name_glued_to_the_title_and_a_reading_time_is_read():
    line = "Best Practices to Protect Your BusinessTrevor Jackins9 min readUpdated October 8, 2025Table of Contents"
    assert [name for _, name in names_glued_to_date(line, "en", LEXICON)] == ["Trevor Jackins"]


def test_a_name_glued_to_a_title_and_a_bare_date_may_be_the_titles_tail():
    # A listing's teaser: the 'name' may end the teaser's title, so no author is read from it.
    line = "Best Practices to Protect Your BusinessTrevor Jackins03-05-2022"
    assert names_glued_to_date(line, "en", LEXICON) == []


def test_the_glued_header_of_an_article_names_its_author():
    page = (
        "IT Best Practices | Splashtop\n\n"
        "ProductsRemote AccessRemote SupportPricingLog inFree TrialBlogSecurityIT & Cybersecurity Best Practices "
        "to Protect Your BusinessTrevor Jackins9 min readUpdated October 8, 2025Table of ContentsUnderstanding "
        "the threatsCyber attacks keep growing in number and in cost, and small companies are hit as often as "
        "large ones. The practices below are the ones our support engineers see make the biggest difference.Keep "
        "every system patched, turn on multi-factor authentication for every account, and back up the data you "
        "cannot afford to lose.Train your staff to recognise phishing, because most breaches still start with "
        "one careless click on a link in an email that looked like it came from a colleague.\n"
    )
    assert parse_text(page).authors == ("Trevor Jackins",)
