"""Which run of the page is its main text: data written out as text does not count as prose
(content.is_data_line), and a blurb under a listing is the page's footer (content.LISTING_OVER_FOOTER_RATIO)."""

from __future__ import annotations

import pytest

from articlecli import parse_text
from articlecli.labeller.content import is_data_line


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
