"""The body: paragraphs, subheadings, lists, quotes, lines split at inline links, inline Markdown."""

# Scraped pages keep their long paragraph lines.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from articlecli import parse_text


def paragraphs(article) -> list[str]:
    return [p for s in article.sections for p in s.paragraphs]


def outline(article) -> list[tuple[str | None, int | None, int]]:
    """(heading, level, paragraph count) per section."""
    return [(s.heading, s.level, len(s.paragraphs)) for s in article.sections]


# --- paragraphs --------------------------------------------------------------------------------

EN_PARAGRAPHS = [
    "Heavy rain flooded dozens of streets in the old town overnight, and firefighters were called out more "
    "than two hundred times between midnight and six in the morning.",
    "The river rose by almost two metres in less than a day, the highest level recorded since the great "
    "flood of 2002, according to the regional water authority.",
    "Schools in the lower districts will stay closed on Monday while engineers check the foundations of "
    "several older buildings near the embankment.",
]


def test_plain_paragraphs_make_one_section():
    text = "Floods hit the old town after record rainfall\n\n" + "\n\n".join(EN_PARAGRAPHS) + "\n"
    article = parse_text(text)
    assert outline(article) == [(None, None, 3)]
    assert paragraphs(article) == EN_PARAGRAPHS
    assert article.text == "\n\n".join(EN_PARAGRAPHS)
    assert article.word_count == sum(len(p.split()) for p in EN_PARAGRAPHS)


def test_paragraph_wrapped_over_several_lines_is_joined():
    # Some dumps hard-wrap text at ~70 columns.
    wrapped = (
        "Heavy rain flooded dozens of streets in the old town overnight, and\n"
        "firefighters were called out more than two hundred times between\n"
        "midnight and six in the morning."
    )
    text = "Floods hit the old town\n\n" + wrapped + "\n\n" + "\n\n".join(EN_PARAGRAPHS[1:]) + "\n"
    article = parse_text(text)
    assert paragraphs(article)[0] == EN_PARAGRAPHS[0]


# --- subheadings -------------------------------------------------------------------------------

PLANT_POST = """How to repot a monstera without killing it

Monstera plants grow fast, and after two or three years most of them have filled their pot with roots. Repotting in spring gives the plant a whole season to settle in before winter.

Choose the right pot

Pick a pot only one size larger than the old one, with drainage holes in the bottom. A pot that is too big keeps the soil wet for too long and the roots can rot.

Prepare a chunky soil mix

Mix ordinary houseplant compost with orchid bark and a handful of perlite. The roots need air as much as they need water, so the mix should stay loose.

When should you water?

Wait a few days after repotting before you water, so that any roots damaged on the way can heal. Then water thoroughly and let the top of the soil dry out between waterings.
"""


def test_short_lines_before_text_are_subheadings():
    article = parse_text(PLANT_POST)
    assert article.title == "How to repot a monstera without killing it"
    assert outline(article) == [
        (None, None, 1),
        ("Choose the right pot", 2, 1),
        ("Prepare a chunky soil mix", 2, 1),
        ("When should you water?", 2, 1),
    ]


GERMAN_REPORT = """Stadtrat beschließt neues Radwegenetz

Der Stadtrat hat am Donnerstag mit großer Mehrheit ein neues Radwegenetz für die Innenstadt beschlossen. Bis 2030 sollen rund 40 Kilometer geschützte Radwege entstehen.

Was sich für Autofahrer ändert

Auf mehreren Hauptstraßen fällt jeweils eine Fahrspur weg. Die Stadt rechnet trotzdem nicht mit längeren Staus, weil der Verkehr in den vergangenen Jahren deutlich zurückgegangen ist.

Kritik vom Einzelhandel

Der Handelsverband befürchtet, dass Kunden aus dem Umland wegbleiben, wenn Parkplätze in der Innenstadt wegfallen. Die Stadt will deshalb die Parkhäuser am Ring günstiger machen.
"""


def test_german_subheadings():
    article = parse_text(GERMAN_REPORT)
    assert article.language == "de"
    assert outline(article) == [
        (None, None, 1),
        ("Was sich für Autofahrer ändert", 2, 1),
        ("Kritik vom Einzelhandel", 2, 1),
    ]


def test_short_sentence_is_not_a_subheading():
    text = (
        "Floods hit the old town\n\n"
        + EN_PARAGRAPHS[0]
        + "\n\nNobody was hurt.\n\n"
        + "\n\n".join(EN_PARAGRAPHS[1:])
        + "\n"
    )
    article = parse_text(text)
    assert outline(article) == [(None, None, 4)]
    assert "Nobody was hurt." in paragraphs(article)


MARKDOWN_POST = """# Floods hit the old town after record rainfall

Heavy rain flooded dozens of streets in the old town overnight, and firefighters were called out more than two hundred times between midnight and six in the morning.

## Why the river rose so fast

The river rose by almost two metres in less than a day, the highest level recorded since the great flood of 2002, according to the regional water authority.

### The role of the dams

Two upstream dams had to release water on Saturday because their reservoirs were already full after a wet autumn.

## What happens next

Schools in the lower districts will stay closed on Monday while engineers check the foundations of several older buildings near the embankment.
"""


def test_markdown_headings_keep_their_level():
    article = parse_text(MARKDOWN_POST)
    assert article.input_format == "markdown"
    assert article.title == "Floods hit the old town after record rainfall"
    assert outline(article) == [
        (None, None, 1),
        ("Why the river rose so fast", 2, 1),
        ("The role of the dams", 3, 1),
        ("What happens next", 2, 1),
    ]
    for section in article.sections:
        assert section.heading is None or not section.heading.startswith("#")


NUMBERED_HEADINGS = """Five mistakes new runners make

Most beginners quit within a month, and it is rarely because of a lack of motivation. These are the mistakes coaches see again and again in their first sessions.

1. Running too fast

Almost every new runner starts at a pace they cannot hold for more than a few minutes. Slow down until you can still talk in full sentences while you run.

2. Skipping rest days

Muscles and tendons adapt more slowly than the heart and lungs do. Two or three days off each week give them the time they need to get stronger.

3. Buying shoes for their looks

A shoe that feels comfortable in the shop can still be wrong for the way you land. Many running shops will film you on a treadmill for free before you buy.
"""


def test_numbered_headings():
    article = parse_text(NUMBERED_HEADINGS)
    headings = [s.heading for s in article.sections]
    assert len(article.sections) == 4
    assert headings[0] is None
    assert [h.split(". ", 1)[-1] for h in headings[1:]] == [
        "Running too fast",
        "Skipping rest days",
        "Buying shoes for their looks",
    ]
    assert all(s.level == 2 for s in article.sections[1:])
    assert all(len(s.paragraphs) == 1 for s in article.sections)


# --- lists and quotes --------------------------------------------------------------------------

RECIPE = """Classic French crêpes

These thin pancakes are easy to make at home, and the batter keeps in the fridge for up to two days. You will need a wide non-stick pan and a little patience for the first one.

Ingredients

- 250 g plain flour
- 4 eggs
- 500 ml milk
- a pinch of salt
- 50 g melted butter

Whisk the flour, eggs and salt together, then add the milk little by little so that no lumps form. Stir in the melted butter and let the batter rest for at least an hour before cooking.
"""


def test_bullet_list_is_kept_in_order():
    article = parse_text(RECIPE)
    body = paragraphs(article)
    items = ["250 g plain flour", "4 eggs", "500 ml milk", "a pinch of salt", "50 g melted butter"]
    listed = [p for p in body if any(p.endswith(item) for item in items)]
    assert len(listed) == len(items)
    assert [next(i for i in items if p.endswith(i)) for p in listed] == items
    assert body[-1].startswith("Whisk the flour")
    labels = {d.line: d.label for d in article.decisions}
    assert [labels[n] for n in range(7, 12)] == ["list-item"] * 5


def test_ingredients_heading_before_list():
    article = parse_text(RECIPE)
    assert "Ingredients" in [s.heading for s in article.sections]


def test_unicode_bullets_in_plain_text():
    text = (
        "Was Sie zur Briefwahl wissen müssen\n\n"
        "Wer am Wahltag nicht ins Wahllokal gehen kann, darf schon vorher per Brief wählen. Dafür müssen "
        "die Unterlagen rechtzeitig beim Wahlamt beantragt werden.\n\n"
        "• Antrag online oder per Post stellen\n"
        "• Stimmzettel ausfüllen und in den blauen Umschlag legen\n"
        "• Wahlschein unterschreiben\n\n"
        "Der rote Wahlbrief muss spätestens am Wahlsonntag um 18 Uhr beim Wahlamt eingegangen sein, sonst "
        "wird die Stimme nicht gezählt.\n"
    )
    article = parse_text(text)
    body = " ".join(paragraphs(article))
    for item in ("Antrag online oder per Post stellen", "Wahlschein unterschreiben"):
        assert item in body
    assert "•" not in body


# Text browsers draw nested list bullets as geometric shapes (w3m: "□", "○"; CSS circle/square: "○", "■").
@pytest.mark.parametrize("bullet", ["○", "□", "■", "●"])
def test_geometric_bullets_of_text_browsers_are_list_items(bullet: str) -> None:
    text = (
        f"{bullet} Repair Guides\n{bullet} Answers Forum\n{bullet} Parts and Tools\n\n"
        "How to replace the battery of an old phone\n\n"
        "An old phone often lasts another two years with a new battery, and the repair takes about an hour with "
        "the right tools and a little patience, even for someone who has never opened a phone before.\n\n"
        f"{bullet} Switch the phone off and remove the SIM tray\n"
        f"{bullet} Heat the back cover to soften the glue\n\n"
        "Once the cover is off, disconnect the battery first, before you touch anything else inside, so that no "
        "part of the board is powered while you work on it.\n"
    )
    article = parse_text(text)
    assert article.title == "How to replace the battery of an old phone"
    body = " ".join(paragraphs(article))
    assert "Heat the back cover to soften the glue" in body
    assert bullet not in body


def test_numbered_list_items_are_not_headings():
    text = (
        "How to reset your router\n\n"
        "If your connection keeps dropping, a full reset often helps. It takes about five minutes and "
        "you will not lose your settings if you follow these steps.\n\n"
        "1. Unplug the router.\n"
        "2. Wait thirty seconds.\n"
        "3. Plug it back in and wait for the lights.\n\n"
        "If the connection still drops after the reset, call your provider and ask them to check the line "
        "from their side.\n"
    )
    article = parse_text(text)
    assert [s.heading for s in article.sections] == [None]
    body = paragraphs(article)
    assert any(p.endswith("Unplug the router.") for p in body)
    assert any(p.endswith("Wait thirty seconds.") for p in body)


def test_markdown_quote_is_kept():
    text = (
        "# Mayor defends flood response\n\n"
        "The mayor rejected criticism from opposition councillors on Monday and said the emergency services "
        "had done everything they could during the night.\n\n"
        "> We had more than two hundred calls in six hours, and every single one was answered.\n\n"
        "Opposition leaders have asked for an independent inquiry into why the warning sirens were not "
        "switched on until after midnight. See the [council minutes](https://example.gov/minutes).\n"
    )
    article = parse_text(text)
    quote = "We had more than two hundred calls in six hours, and every single one was answered."
    assert quote in paragraphs(article)
    assert not any(p.startswith(">") for p in paragraphs(article))


def test_plain_text_quote_paragraph_is_kept():
    quote = "« Nous avons reçu plus de deux cents appels en six heures, et chacun a obtenu une réponse. »"
    text = (
        "Inondations : le maire défend l’action des secours\n\n"
        "Le maire a rejeté lundi les critiques de l’opposition et assuré que les services d’urgence avaient "
        "fait tout leur possible pendant la nuit.\n\n"
        f"{quote}\n\n"
        "L’opposition réclame une enquête indépendante pour comprendre pourquoi les sirènes n’ont été "
        "déclenchées qu’après minuit.\n"
    )
    article = parse_text(text)
    assert quote in paragraphs(article)


# --- lines split at inline links ---------------------------------------------------------------


@pytest.mark.parametrize(
    "split,joined",
    [
        (
            "The agency published its findings on Tuesday, and you can read the\nfull report\nhere.",
            "The agency published its findings on Tuesday, and you can read the full report here.",
        ),
        (
            "The figures were first reported by\nThe Guardian\nearlier this week and confirmed by the ministry.",
            "The figures were first reported by The Guardian earlier this week and confirmed by the ministry.",
        ),
        (
            "Shares fell sharply after the announcement, according to\nReuters\n, which cited two people "
            "familiar with the talks.",
            "Shares fell sharply after the announcement, according to Reuters, which cited two people "
            "familiar with the talks.",
        ),
        (
            "Le rapport complet est disponible sur le\nsite du ministère\n, a précisé la porte-parole lors "
            "d’un point presse.",
            "Le rapport complet est disponible sur le site du ministère, a précisé la porte-parole lors "
            "d’un point presse.",
        ),
        (
            "Wie die\nSüddeutsche Zeitung\nberichtet, will die Regierung das Gesetz noch vor der Sommerpause "
            "verabschieden.",
            "Wie die Süddeutsche Zeitung berichtet, will die Regierung das Gesetz noch vor der Sommerpause "
            "verabschieden.",
        ),
        (
            "Según informó\nEl País\n, el Gobierno aprobará la reforma antes del verano.",
            "Según informó El País, el Gobierno aprobará la reforma antes del verano.",
        ),
    ],
    ids=["en-here", "en-newspaper", "en-comma", "fr", "de", "es"],
)
def test_line_split_at_inline_link_is_joined(split, joined):
    text = (
        "Report on river pollution published\n\n" + EN_PARAGRAPHS[0] + "\n\n" + split + "\n\n" + EN_PARAGRAPHS[1] + "\n"
    )
    article = parse_text(text)
    assert joined in paragraphs(article)
    numbers = [d.line for d in article.decisions if d.label == "paragraph"]
    assert len(numbers) == 2 + split.count("\n") + 1


def test_separate_lines_are_not_joined():
    # Every line below ends its sentence; nothing continues on the next line.
    lines = [
        "The river is expected to peak on Sunday night.",
        "Residents near the embankment have been told to move valuables upstairs.",
        "Sandbags are available at the fire station on Market Street until midnight.",
    ]
    text = "Flood warning for the old town\n\n" + EN_PARAGRAPHS[0] + "\n\n" + "\n".join(lines) + "\n"
    article = parse_text(text)
    for line in lines:
        assert line in paragraphs(article)


# --- inline Markdown ---------------------------------------------------------------------------


def test_markdown_links_reduced_to_their_text():
    text = (
        "# River pollution report published\n\n"
        "The agency published its findings on Tuesday. You can read the [full report](https://example.org/"
        'reports/river-2024.pdf "PDF, 2 MB") on the [agency\'s website](https://example.org/), where the '
        "[raw data](https://example.org/data) is also available.\n\n"
        "Nitrate levels were above the legal limit at eleven of the forty measuring points, most of them "
        "downstream of large pig farms.\n"
    )
    article = parse_text(text)
    assert paragraphs(article)[0] == (
        "The agency published its findings on Tuesday. You can read the full report on the agency's "
        "website, where the raw data is also available."
    )
    assert "](" not in article.text and "https://" not in article.text


def test_markdown_image_lines_are_dropped():
    image = "![Aerial view of the flooded old town](https://cdn.example.com/img/flood-2024.jpg)"
    text = f"# Floods hit the old town\n\n{image}\n\n" + "\n\n".join(EN_PARAGRAPHS) + "\n"
    article = parse_text(text)
    assert paragraphs(article) == EN_PARAGRAPHS
    [removed] = [r for r in article.removed if r.line == 3]
    assert removed.reason == "image"


def test_markdown_image_with_spaces_in_target_is_dropped():
    # html2text writes a srcset list (URLs and widths separated by spaces) as the image target.
    image = (
        "![flood-main](https://cdn.example.com/img/500w/flood.jpg?c=1 1000w, "
        "https://cdn.example.com/img/625w/flood.jpg?c=1 1250w)"
    )
    text = "# Floods hit the old town\n\n" + f"{image}\n\n" + "\n\n".join(EN_PARAGRAPHS) + "\n"
    article = parse_text(text)
    assert paragraphs(article) == EN_PARAGRAPHS
    assert "https://" not in article.text


def test_markdown_share_link_with_spaces_in_target_keeps_only_its_text():
    text = (
        "# Floods hit the old town\n\n"
        + EN_PARAGRAPHS[0]
        + " [Tweet](https://twitter.com/intent/tweet?text=Floods hit the old town&url=https://example.org/floods)\n\n"
        + "\n\n".join(EN_PARAGRAPHS[1:])
        + "\n"
    )
    article = parse_text(text)
    assert paragraphs(article)[0] == EN_PARAGRAPHS[0] + " Tweet"
    assert "](" not in article.text


def test_markdown_emphasis_and_escapes_are_removed():
    text = (
        "# Floods hit the old town\n\n"
        "The river rose by **almost two metres** in less than a day, the *highest* level recorded since "
        "2002, according to the regional water\\_authority.\n\n"
        "## What happens next\n\n" + "\n\n".join(EN_PARAGRAPHS[1:]) + "\n"
    )
    article = parse_text(text)
    assert paragraphs(article)[0] == (
        "The river rose by almost two metres in less than a day, the highest level recorded since 2002, "
        "according to the regional water_authority."
    )


def test_markdown_link_split_over_lines_in_paragraph():
    text = (
        "# Floods hit the old town\n\n"
        "Volunteers can register on the\n[city's flood page](https://example.gov/flood)\nor call the "
        "hotline, which is open around the clock until the water goes down.\n\n" + "\n\n".join(EN_PARAGRAPHS) + "\n"
    )
    article = parse_text(text)
    assert paragraphs(article)[0] == (
        "Volunteers can register on the city's flood page or call the hotline, which is open around the "
        "clock until the water goes down."
    )


# --- subheadings as naive scrapers leave them ----------------------------------------------------

# bs4 get_text("\n"): the heading's permalink sits on its own line, and the paragraph is split at a link.
PERMALINK_DOCS = """Tutorial: Get started with Go

In this tutorial, you'll get a brief introduction to Go programming and the tools that come with it.

Prerequisites
¶

Some programming experience is useful. The code here is pretty simple, but it helps to know something about functions.

Install Go
#install

Just use the download and install steps on the website, then open a terminal and check the version you installed.

Infrastructure as a service
(IaaS) offers on-demand access to compute, storage and networking, and it most closely resembles the servers you run yourself.
"""


def test_heading_followed_by_its_permalink_mark():
    article = parse_text(PERMALINK_DOCS)
    assert [s.heading for s in article.sections if s.heading] == ["Prerequisites", "Install Go"]
    assert not any(p in ("¶", "#install") for p in paragraphs(article))


def test_hashtag_line_between_paragraphs_is_text_not_a_permalink():
    text = "Campaign grows online\n\n" + EN_PARAGRAPHS[0] + "\n\n#MeToo\n\n" + EN_PARAGRAPHS[1] + "\n"
    article = parse_text(text)
    assert "#MeToo" in article.text
    assert "#MeToo" not in [line.text for line in article.removed]


def test_paragraph_split_at_its_first_link_still_follows_a_heading():
    text = (
        "Cloud computing explained\n\n"
        + EN_PARAGRAPHS[0]
        + "\n\nInfrastructure as a service (IaaS)\n\nInfrastructure as a service\n(IaaS) offers on-demand access to "
        "compute, storage and networking, and it most closely resembles the servers you run yourself.\n"
    )
    article = parse_text(text)
    assert "Infrastructure as a service (IaaS)" in [s.heading for s in article.sections]


# bs4 get_text(): blank lines only where the page source had them, headings glued between paragraphs.
GLUED_POST = """Code Kata: Formatting Compound Strings

Earlier this week I added location information to my session list, composed from the city, region and country code.

It never feels elegant, so I wanted to explore conditional formatting as a small code kata this weekend.
Brute Force
Historically, when implementing conditional composition of a compound string value, I just brute force it with a series of if-blocks.

As you can see, the value is built up one check at a time, which is easy to read even if it is not pretty to look at.
"""


def test_heading_between_paragraphs_without_blank_lines():
    article = parse_text(GLUED_POST)
    assert "Brute Force" in [s.heading for s in article.sections]


GLUED_SUBHEADINGS = """Where to eat in Phoenix
Our critics spent a month eating their way through the city, from taco stands to tasting menus, so you do not have to.
Coffee
Junebug Coffee
Originally from San Diego, this family-owned roaster opened its first cafe downtown last spring and it is already packed every morning.
"""


def test_subheading_right_under_a_heading_in_a_dump_without_blank_lines():
    article = parse_text(GLUED_SUBHEADINGS)
    assert [s.heading for s in article.sections if s.heading] == ["Coffee", "Junebug Coffee"]


def test_last_short_line_of_a_run_above_text_is_a_heading():
    text = (
        "Guide to bathroom renovation\n\n"
        + EN_PARAGRAPHS[0]
        + "\n\nTiles\n\nFixtures\n\nLighting\n\nPlumbing\n\nBathroom\n\n"
        "Bathroom renovation projects run from a quick refresh of the fittings to a full rebuild with new pipes and walls.\n"
    )
    article = parse_text(text)
    assert "Bathroom" in [s.heading for s in article.sections]
    assert "Tiles" not in [s.heading for s in article.sections]


LISTING_MARKDOWN = """# Best sellers in headphones

Our editors update this list every week from what readers actually bought, so the order changes often.

## [Sony WH-1000XM5](https://example.com/p/1)

Industry-leading noise cancelling with two processors and eight microphones, and thirty hours of battery life on one charge.

## [AirPods](https://example.com/p/2)

Rich audio and an easy setup with every device you own, now with a case that charges over USB-C and lasts all day.
"""


def test_linked_markdown_headings_of_any_length_are_kept():
    article = parse_text(LISTING_MARKDOWN)
    assert [s.heading for s in article.sections if s.heading] == ["Sony WH-1000XM5", "AirPods"]


CODE_BLOCK_MARKDOWN = """# Logging from a command-line tool

The logging module lets a script report what it does at the level the user asks for on the command line, without a print statement left in the code.

## Setting the level from an option

Read the option, convert it to upper case and hand it to the logger before anything else runs:

    # assuming loglevel is bound to the string value of the option
    numeric_level = getattr(logging, loglevel.upper(), None)
    # create logger
    logger = logging.getLogger("simple_example")

The numeric level is None when the user typed a level that does not exist, so check it before you use it.
"""


def test_hash_comments_of_an_indented_code_block_are_not_headings():
    # CommonMark: an ATX heading's '#' is indented at most three spaces; four open a code block.
    article = parse_text(CODE_BLOCK_MARKDOWN)
    assert article.input_format == "markdown"
    assert [s.heading for s in article.sections if s.heading] == ["Setting the level from an option"]
    assert any("# create logger" in p for p in paragraphs(article))


# --- glued text (bs4 get_text() without a separator) -----------------------------------------------


def test_camel_case_word_in_a_long_paragraph_does_not_split_it():
    # One brand name is no sign of glue: the page is not glued, so the line stays whole.
    line = (
        "As TechHive reported last week, the new phone ships with a brighter screen, a faster chip and a battery "
        "that lasts a full day of heavy use, and the early reviews have been mostly positive about the camera as "
        "well, even if the price went up again compared with last year's model and the charger is still sold "
        "separately in most countries."
    )
    article = parse_text(
        "Phone deals roundup\n\n" + EN_PARAGRAPHS[0] + "\n\n" + line + "\n\n" + EN_PARAGRAPHS[1] + "\n"
    )
    assert [s.heading for s in article.sections if s.heading] == []
    assert line in paragraphs(article)


GLUED_PAGE = (
    "Best Tax Software for 2025HomeReviewsGuidesAboutContactChoosing tax software is hard. TurboTax is the most "
    "popular, but TurboTax costs more than most. Our ranking helps you pick the right one for your situation and "
    "budget.Top Tax Software for AccountantsCPAs use different tools than individuals, and TurboTax is rarely among "
    "them. UltraTax CS leads the pack in most surveys of practitioners.Top Tax Software for IndividualsMost people "
    "file simple returns, and for them TurboTax offers a guided interview that walks through every form step by step.\n"
)


def test_glued_page_is_cut_at_its_joins_but_not_inside_its_camel_case_words():
    article = parse_text(GLUED_PAGE)
    assert [s.heading for s in article.sections if s.heading] == [
        "Top Tax Software for Accountants",
        "Top Tax Software for Individuals",
    ]
    assert (
        "Most people file simple returns, and for them TurboTax offers a guided interview that walks through every "
        "form step by step." in paragraphs(article)
    )


GLUED_TAILS_PAGE = (
    "Best Tax Software for 2025HomeReviewsGuidesAboutContactChoosing tax software is hard for many people. "
    "Our ranking of the best tax software can help. Key TakeawaysThis guide ranks the best tax preparation "
    "software for accountants, small business owners and individual taxpayers.Sponsored contentAdvertisementTop Software for "
    "Small Business OwnersFiling taxes for a small business is often complicated, and the right software saves "
    "hours of work every spring. Most owners pick a tool their accountant already knows well.\n"
)


def test_glued_heading_after_the_last_sentence_end_of_a_piece_is_cut_off():
    article = parse_text(GLUED_TAILS_PAGE)
    headings = [s.heading for s in article.sections if s.heading]
    assert "Key Takeaways" in headings
    assert "Our ranking of the best tax software can help." in " ".join(paragraphs(article))


def test_glued_piece_between_a_label_and_prose_is_a_heading():
    # "Advertisement" ends no sentence, yet the cut after it is an element edge like a blank line.
    article = parse_text(GLUED_TAILS_PAGE)
    assert "Top Software for Small Business Owners" in [s.heading for s in article.sections if s.heading]
    rules = {d.rule for d in article.decisions}
    assert "piece-before-paragraph" in rules


def test_dash_clause_on_its_own_line_continues_the_line_above():
    text = (
        "Widget maker results\n\n"
        + EN_PARAGRAPHS[0]
        + "\n\nAcme Corporation\n– the largest maker of garden widgets in Europe – said on Monday that its profits "
        "doubled in the last quarter.\n\n" + EN_PARAGRAPHS[1] + "\n"
    )
    assert (
        "Acme Corporation – the largest maker of garden widgets in Europe – said on Monday that its profits doubled "
        "in the last quarter." in paragraphs(parse_text(text))
    )


# Blank lines where the page source had them: around some blocks, not between every two paragraphs.
SOURCE_BLANK_LINES = """Best business schools ranked

Why rankings matter

When people talk about the best business schools in the US, most of them mean graduate schools, and the rankings reflect that choice.
There is a lot of overlap between the best schools at undergraduate level and the best MBA programs, though not everywhere.

How rankings are made

Each publisher weighs salaries, test scores and surveys differently, so the same school can land in very different places.
The methods also change from year to year, which moves schools up and down even when nothing about them has changed.

How to Use MBA Program Rankings
Rankings capture something real, in the sense that a top degree commands more respect with employers than a lesser one.

The ranking also correlates strongly with how selective the schools are, and with your own chances of admission.
"""


def test_heading_with_a_blank_line_above_and_text_right_below():
    article = parse_text(SOURCE_BLANK_LINES)
    assert [s.heading for s in article.sections if s.heading] == [
        "Why rankings matter",
        "How rankings are made",
        "How to Use MBA Program Rankings",
    ]


GLUED_EDGES_PAGE = (
    "Best Online Learning Platforms 2025HomeReviewsGuidesAboutContactChoosing an online course is hard for many "
    "people. Our ranking of the best online platforms can help you decide. Here are the most popular online "
    "platforms available in 2025.1. UdemyUdemy offers a wide variety of online courses across numerous subjects, "
    "and most of them are taught by working professionals.2. CourseraCoursera partners with universities to offer "
    "degrees and certificates, which many employers recognise.”Getting Started With Online ClassesStudents who "
    "start online classes often worry about motivation, but a fixed weekly schedule keeps most of them on track.\n"
)


def test_glued_numbered_headings_and_quoted_sentence_ends_are_element_edges():
    # 'in 2025.1. Udemy' and '...recognise.”Getting Started': no lower-to-upper join marks these edges.
    article = parse_text(GLUED_EDGES_PAGE)
    headings = [s.heading for s in article.sections if s.heading]
    assert "1. Udemy" in headings
    assert "Getting Started With Online Classes" in headings
    assert "Here are the most popular online platforms available in 2025." in " ".join(paragraphs(article))


def test_one_letter_word_after_a_glued_heading_is_an_element_edge():
    from articlecli.frontends.text import _with_edge_cuts

    line = "Build a Consistent Content CalendarA content calendar keeps you posting."
    assert _with_edge_cuts([], line) == [line.index("A content")]
    # Inside ordinary text 'I' and 'A' follow a space, and a section number is no sentence end.
    assert _with_edge_cuts([], "Then I went home. See section 3.1. Overview of it.") == []
