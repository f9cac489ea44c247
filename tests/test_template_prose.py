"""Prose the page prints under each of its cards (an ad disclosure, a shop blurb) is template text: it does not
pull the main-text run over the cards (content._damp_template_prose); an article the dump prints whole several
times is still the article."""

from __future__ import annotations

from scrapes import BODIES, TITLES

from articlecli import parse_text

DESCRIPTION = (
    "This clutch kit fits the third and fourth generation of the van with the 2.3 litre diesel engine, and it "
    "comes with the pressure plate, the friction disc and the release bearing in one box.",
    "The seller fitted the same kit to four vans of the workshop last winter: the pedal is lighter than with "
    "the original parts, and none of them has needed an adjustment since they were fitted.",
    "Every part is new and unused, in the maker's packaging, and a fitting guide in English and German is "
    "enclosed; please check the engine code against the table below before you order.",
)
DISCLOSURE = (
    "Promoted items are selected based on what we think may interest you and add to your shopping experience.",
    "We use a variety of relevance factors, including attributes of the pages you visit and the items displayed, "
    "as well as your prior shopping experiences with us.",
)
CARDS = [
    ("Clutch kit with dual mass flywheel for the van", "$289.39"),
    ("Clutch set original parts for the diesel van", "$279.05"),
    ("Clutch kit with release bearing, three pieces", "$181.07"),
    ("Clutch set for the second generation van", "$172.93"),
    ("Clutch kit for vans and minibuses", "$224.05"),
]
MENU = ("Home", "Motors", "Parts & accessories", "Car & truck parts")


def _product_page() -> str:
    blocks = [*MENU, "Clutch kit for the diesel van, complete set", *DESCRIPTION, "Similar sponsored items"]
    for name, price in CARDS:
        blocks += [name, price, "Sponsored", "Why you're seeing this ad", *DISCLOSURE, "Help & report"]
    blocks += ["About us", "Contact", "Privacy policy"]
    return "\n\n".join(blocks) + "\n"


def test_card_template_prose_does_not_widen_the_body():
    article = parse_text(_product_page())
    for paragraph in DESCRIPTION:
        assert paragraph in article.text
    for sentence in DISCLOSURE:
        assert sentence not in article.text
    # Nothing is lost: the disclosures are listed as removed lines.
    removed = [line.text for line in article.removed]
    assert removed.count(DISCLOSURE[0]) == len(CARDS)


def test_article_printed_three_times_keeps_its_text():
    # A dump of a page drawn for three screen sizes: every paragraph three times, nothing else to read.
    once = [TITLES["en"], *BODIES["en"]]
    article = parse_text("\n\n".join([*MENU, *once, *once, *once, "Privacy policy"]) + "\n")
    for paragraph in BODIES["en"]:
        assert paragraph in article.text
