"""A page that is a list of items prints one control under each item ("Read more", "Comment", "Reply"):
those lines are the items' controls, not the start of the page's tail (content.repeated_item_controls)."""

from __future__ import annotations

from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.frontends.text import read_units
from articlecli.labeller.content import repeated_item_controls
from articlecli.records.lexicon import lexicon_for, stopwords
from articlecli.records.record import build_records

# Press mentions of a charity, each a headline, a standfirst and a link to the story (a wcxb page type).
MENTIONS = [
    (
        "High-impact tutoring program seeks to improve county reading rates",
        "At the local level, 115 students within the county benefited from the tutoring services over the past "
        "year, and most of them reached the reading level expected for their grade.",
    ),
    (
        "Reading program brings one-on-one tutoring to schools across the state",
        "The program uses one-on-one or two-on-one tutors to teach children in kindergarten through third grade "
        "to read, and it now works with more than two hundred schools.",
    ),
    (
        "Many students struggle with reading. How does one tutoring group help schools?",
        "Only a third of fourth-graders are at or above the proficient reading level, which is where the "
        "tutors come in with short daily sessions during the school day.",
    ),
    (
        "This nonprofit runs the three largest tutoring programs in the country",
        "Tutoring is having quite the moment, for obvious reasons, and what is less clear is whether the "
        "high-dosage model can keep its results as it grows to more districts.",
    ),
    (
        "Early learning program receives a one million dollar investment",
        "The state representative said she was grateful for the chance to champion early childhood education "
        "in the legislature and to make sure the money reaches the classrooms.",
    ),
    (
        "Federal grant for tutoring arrives in the river city",
        "The national director was in town on Thursday to present a grant of two hundred and forty thousand "
        "dollars that will pay for thirty new tutors in the coming school year.",
    ),
]
FOOTER = ("Donate", "Contact us", "Privacy Policy", "Terms of Use")


def _listing(control: str, *, twice: bool = False) -> str:
    blocks = ["Home", "Programs", "News", "Our Programs in the News"]
    for headline, standfirst in MENTIONS:
        blocks += [headline, standfirst, control]
        if twice:
            blocks.append(control)
    return "\n\n".join([*blocks, *FOOTER]) + "\n"


def test_listing_keeps_every_item_under_a_repeated_read_more():
    article = parse_text(_listing("Read more"))
    for _, standfirst in MENTIONS:
        assert standfirst in article.text
    # The controls themselves are still furniture.
    assert "Read more" not in article.text
    assert {r.reason for r in article.removed if r.text == "Read more"} == {"related-links"}
    assert "Privacy Policy" not in article.text


def test_control_printed_twice_per_item_counts_once():
    # A news listing whose cards show a comment icon and its label: "Comment", "Comment".
    article = parse_text(_listing("Comment", twice=True))
    for _, standfirst in MENTIONS:
        assert standfirst in article.text


def test_article_followed_by_teasers_with_read_more_still_ends():
    # The "Read more" lines stand only under the article, after all its text: they start the page's tail.
    teasers: list[str] = []
    for headline, standfirst in MENTIONS[:4]:
        teasers += [headline, standfirst, "Read more"]
    blocks = [TITLES["en"], *BODIES["en"], "Related stories", *teasers]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES["en"])
    assert MENTIONS[0][1] not in article.text


def _controls(text: str) -> list[str]:
    units, _ = read_units(text)
    features = build_records(units, lexicon_for("en"), stopwords("en"), "en")
    prose = [f.words >= 8 and f.sentence_end for f in features]
    return [units[index].text for index in sorted(repeated_item_controls(units, features, prose))]


def test_controls_found_only_when_they_start_in_the_first_half_of_the_text():
    # Every item's control up to the last item's text (what lies below the text cannot end it).
    listing = _controls(_listing("Read more"))
    assert listing == ["Read more"] * (len(MENTIONS) - 1)
    # Three "Read more" lines under teasers after a long article: not the page's items.
    teasers = [line for headline, standfirst in MENTIONS[:3] for line in (headline, standfirst, "Read more")]
    article = "\n\n".join([TITLES["en"], *BODIES["en"], *BODIES["en"], *teasers]) + "\n"
    assert _controls(article) == []


def test_two_items_are_not_a_list():
    two = "\n\n".join(line for headline, standfirst in MENTIONS[:2] for line in (headline, standfirst, "Read more"))
    assert _controls(two + "\n") == []


def test_controls_that_name_their_item_are_one_control():
    # A best-of list: "Read more about the <product>." under each product's review.
    products = [
        ("Samsung Bespoke induction range", "quick to boil and easy to clean, with smart functions"),
        ("Bosch Benchmark slide-in range", "quiet, precise and built to last for many years of cooking"),
        ("GE Profile smart range", "the best value of the group, with an air fryer mode built in"),
        ("LG InstaView double oven range", "two ovens for large families who cook several dishes at once"),
        ("Frigidaire Gallery induction range", "a budget pick that still heats a pan of water in two minutes"),
    ]
    blocks = ["Best Induction Ranges of the Year", "We tested a dozen ranges in our kitchen lab over three months."]
    for name, verdict in products:
        blocks += [
            name,
            f"We liked the {name} for being {verdict}, and our testers said they would buy it again.",
            f"Read more about the {name}.",
        ]
    article = parse_text("\n\n".join([*blocks, *FOOTER]) + "\n")
    for _, verdict in products:
        assert verdict in article.text
