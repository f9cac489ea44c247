"""Rule `menu-facet-not-byline`: 'By Role', 'By Industry', 'By Use Case' entries of a menu (glued dumps cut them
out of 'SolutionsBy RoleRemote Work…') are facets, not bylines."""

from __future__ import annotations

from articlecli import parse_text

MENU = (
    "Products\nRemote Access\nRemote Support\nSolutions\nBy Role\nRemote Work\nIT Support and Helpdesk\nMSPs\n"
    "By Industry\nHealthcare\nEducation\nGovernment\nBy Use Case\nRemote Desktop\nVulnerability Management\n"
    "Pricing\nLog in\n\n"
)
ARTICLE = (
    "IT & Cybersecurity Best Practices to Protect Your Business\n\n"
    "{byline}"
    "Cyber attacks keep growing in number and in cost, and small companies are hit as often as large ones. "
    "The practices below are the ones our support engineers see make the biggest difference in real networks.\n\n"
    "Keep every system patched, turn on multi-factor authentication for every account, and back up the data "
    "you cannot afford to lose to a place an attacker on your network cannot reach.\n\n"
    "Train your staff to recognise phishing, because most breaches still start with one careless click on a "
    "link in an email that looked like it came from a colleague or a supplier.\n"
)


def test_menu_facets_are_no_byline():
    article = parse_text(MENU + ARTICLE.format(byline=""))
    assert "Role" not in article.authors
    assert "Use Case" not in article.authors


def test_the_pages_byline_is_still_read_beside_a_facet_menu():
    article = parse_text(MENU + ARTICLE.format(byline="By Trevor Jackins\n\n"))
    assert article.authors == ("Trevor Jackins",)


def test_one_by_line_alone_is_a_byline():
    # A single 'By <Word>' is a one-word byline ('By Redaktion'), not a menu.
    page = "Products\nPricing\n\n" + ARTICLE.format(byline="By Kathrin\n\n")
    assert parse_text(page).authors == ("Kathrin",)
