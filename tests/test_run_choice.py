"""Which run of the page is its main text: data written out as text does not count as prose
(content.is_data_line), and a blurb under a listing is the page's footer (content.LISTING_OVER_FOOTER_RATIO)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlecli import parse_text
from articlecli.labeller.content import DATA_LINE_MAX_LETTER_SHARE, is_data_line


def _filter_row(name: str, start: int) -> str:
    ranges = " ".join(
        f"${start + 50 * i}.00 to ${start + 50 * i + 49}.99 ({(7 * i + start) % 90 + 1})" for i in range(9)
    )
    return f"Filter by {name}{ranges}"


FILTERS = [
    _filter_row(name, 10 * k)
    for k, name in enumerate(["Price", "Sale Price", "Member Price", "Outlet Price", "Bundle Price", "Rental Price"])
]
PRODUCTS = [
    line
    for i in range(14)
    for line in (f"Trail Runner {i + 1} Waterproof Hiking Boot", f"${120 + 5 * i}.95", "Add to Compare")
]
GUIDE = [
    "A good hiking boot should fit well from the first day: try boots on in the afternoon, when your feet are "
    "largest, and wear the socks you will hike in.",
    "Waterproof boots keep your feet dry on wet trails, but they breathe less than mesh boots, so on hot and dry "
    "trails many hikers prefer a lighter shoe that dries quickly.",
    "Stiff soles protect your feet on rocky ground and under a heavy pack; for day hikes on smooth paths a "
    "flexible sole is more comfortable and needs no breaking in.",
    "Check the lacing too: laces that run to the toes let you loosen the boot where your foot is widest, and "
    "hooks at the ankle hold the heel in place on long descents.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FILTERS[0], True),
        ("32.3 km/h | 20.1 mph | 45.4 km/h | 28.2 mph | 18.6 km | 11.6 mi | 12.5 kg | 27.6 lb | 3.2 h", True),
        ("In 2024 the 12 stores sold 3,500 boots, 20% more than in 2023, and 1,200 of them online.", False),
        (GUIDE[0], False),
    ],
)
def test_data_line(text: str, expected: bool) -> None:
    assert is_data_line(text) is expected


def test_filter_rows_do_not_pull_the_run_over_the_products() -> None:
    # A shop's category page dumped as text: its filter facets glued into long rows of prices and counts, the
    # product grid, then the buyer's guide. Read as prose, the rows outweighed the grid and took it into the body.
    page = "\n".join(["Hiking Boots", "Shop", "Men", "Women", *FILTERS, *PRODUCTS, "How to choose hiking boots"])
    article = parse_text(page + "\n" + "\n".join([*GUIDE, "Privacy policy"]) + "\n")
    for paragraph in GUIDE:
        assert paragraph in article.text
    for row in FILTERS:
        assert row not in article.text
    assert "Add to Compare" not in article.text
    # Nothing is lost: the rows are listed as removed lines.
    assert FILTERS[0] in [line.text for line in article.removed]


ITEMS = [
    "Faux leather jacket with zip pockets",
    "Oversize denim jacket with patches",
    "Cropped puffer jacket in black",
    "Wool blend coat with a belt",
    "Quilted bomber jacket in khaki",
    "Corduroy shirt jacket in brown",
    "Hooded parka with a faux fur trim",
    "Double breasted blazer in grey",
    "Lightweight rain jacket with a hood",
    "Suede biker jacket in tan",
    "Long trench coat in beige",
    "Knitted cardigan coat in cream",
]
FOOTER_BLURB = (
    "To learn how we process your data, visit our Privacy Notice. You can unsubscribe at any time without costs."
)


def test_blurb_below_a_listing_is_the_footer() -> None:
    # A shop listing with no prose of its own; the only sentences on the page are the sign-up form's note at
    # its foot. The items weigh less than four times the note, but the note comes after them.
    form = ["Sign up for our newsletter", "Email address", "Subscribe", "Privacy policy", "Cookie settings"]
    lines = ["Women", "Jackets", "Filter", "Sort by", *ITEMS, *form, FOOTER_BLURB, "Help"]
    article = parse_text("\n\n".join(lines) + "\n")
    # The first item heads the page when nothing else does.
    for item in ITEMS:
        assert item in article.text or item == article.title
    assert FOOTER_BLURB not in article.text
    assert FOOTER_BLURB in [line.text for line in article.removed]


def test_blurb_above_a_listing_stays_the_text() -> None:
    # The same sentences as the listing's introduction, above its items, are still the page's text.
    intro = (
        "Our new jackets are made from recycled materials, and every one of them is sewn in our own workshop in "
        "Porto by the same team that has made our coats for twenty years."
    )
    lines = ["Women", "Jackets", intro, *ITEMS[:4], "Help"]
    article = parse_text("\n\n".join(lines) + "\n")
    assert intro in article.text


ARTICLE = [
    "The city council voted on Tuesday to turn the old tram depot into a covered market, ending a dispute that "
    "has kept the building empty for eleven years.",
    "Traders will move in next spring; the council will keep the roof and the brick front, and the tracks in the "
    "floor will stay visible under glass.",
    "Residents had asked for a library in the depot, and the council promised to look for another site for it "
    "before the end of the year.",
    "The market's first tenants will be the twenty stalls of the square outside the station, which the city "
    "plans to close to traffic once the depot opens.",
]
CONSENT_DIALOG = [
    "We Care About Your Privacy",
    "We and our 100 partners store and/or access information on a device, such as unique IDs in cookies to "
    "process personal data. You may accept or manage your choices by clicking below, including your right to "
    "object where legitimate interest is used, or at any time in the privacy policy page.",
    "Accept All",
    "Reject All",
    "Privacy Preference Center",
    "When you visit any website, it may store or retrieve information on your browser, mostly in the form of "
    "cookies. This information might be about you, your preferences or your device and is mostly used to make "
    "the site work as you expect it to. The information does not usually directly identify you.",
    "Strictly Necessary Cookies",
    "These cookies are necessary for the website to function and cannot be switched off in our systems. They "
    "are usually only set in response to actions made by you which amount to a request for services, such as "
    "setting your privacy preferences, logging in or filling in forms.",
    "Performance Cookies",
    "These cookies allow us to count visits and traffic sources so we can measure and improve the performance of "
    "our site. They help us to know which pages are the most and least popular and see how visitors move around "
    "the site. All information these cookies collect is aggregated and therefore anonymous.",
    "Targeting Cookies",
    "These cookies may be set through our site by our advertising partners. They may be used by those companies "
    "to build a profile of your interests and show you relevant adverts on other sites. They do not store "
    "directly personal information, but are based on uniquely identifying your browser and internet device.",
    "Functional Cookies",
    "These cookies enable the website to provide enhanced functionality and personalisation. They may be set by "
    "us or by third party providers whose services we have added to our pages. If you do not allow these "
    "cookies then some or all of these services may not function properly.",
    "Social Media Cookies",
    "These cookies are set by a range of social media services that we have added to the site to enable you to "
    "share our content with your friends and networks. They are capable of tracking your browser across other "
    "sites and building up a profile of your interests.",
    "Confirm My Choices",
]


def test_consent_dialog_prose_does_not_take_the_run() -> None:
    # A dump that keeps the privacy preference centre at the page's foot: its purposes outweigh the news item
    # above them. The dialog's prose, framed by its cookie labels, does not choose the run.
    page = ["Home", "News", "Council turns tram depot into a market", *ARTICLE, "Share", "Contact", *CONSENT_DIALOG]
    article = parse_text("\n\n".join(page) + "\n")
    for paragraph in ARTICLE:
        assert paragraph in article.text
    assert "cookies" not in article.text
    # Nothing is lost: the dialog's paragraphs are listed as removed lines.
    assert CONSENT_DIALOG[1] in [line.text for line in article.removed]


def test_one_cookie_line_does_not_damp_the_article() -> None:
    # A lone cookie banner above an article is no dialog: the article's prose still chooses the run.
    page = ["Home", "We use cookies", "Accept", "Council turns tram depot into a market", *ARTICLE, "Contact"]
    article = parse_text("\n\n".join(page) + "\n")
    for paragraph in ARTICLE:
        assert paragraph in article.text


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_the_ascii_count_of_letters_is_the_character_by_character_one(text: str) -> None:
    visible = len(text) - sum(map(str.isspace, text))
    assert is_data_line(text) == (sum(map(str.isalpha, text)) < DATA_LINE_MAX_LETTER_SHARE * visible)
