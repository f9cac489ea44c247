"""Pages of one imaginary news site, as a scraper dumps them: the same theme around a different story.

The theme's lines are in no phrase list ("Tidewater Gazette", "Our reporters on the water", a
subscription pitch worded its own way), so only learning the site finds them.
"""

from __future__ import annotations

MENU = ["Front page", "Harbour", "Council", "Ferries", "Weather desk", "Letters"]
PITCH = (
    "Tidewater Gazette readers keep our reporters on the water: a subscription costs less than a ferry "
    "ticket each month and keeps local journalism independent."
)
FOOTER = ["Tidewater Gazette, Quay Street 4, Port Ellen", "© 2024 Tidewater Gazette Ltd"]
SECTION_LABEL = "From the harbour desk"

# Sentences of ordinary news prose; each page's paragraphs are its own mix of them.
SENTENCES = [
    "The harbour master said the new pontoons would be ready before the summer season.",
    "Fishermen on the east quay complained that the repairs had taken longer than promised.",
    "A spokesperson for the council said the budget for the works had not changed since March.",
    "Several ferry crossings were cancelled on Friday because of strong winds in the sound.",
    "Local businesses reported that visitor numbers had risen for the third year in a row.",
    "The lifeboat crew was called out twice during the weekend to help small boats in trouble.",
    "Residents of the old town asked for more parking spaces near the ferry terminal.",
    "The regional transport board will publish its plans for the winter timetable next week.",
    "Engineers inspected the sea wall after the storm and found only minor damage to the steps.",
    "The school on the hill will open its new science building to parents in September.",
    "A petition against the closure of the post office has gathered more than two thousand names.",
    "The museum is asking for old photographs of the harbour for an exhibition planned for next year.",
    "Traders at the Saturday market said the new stalls had brought more people into the square.",
    "The ferry company said its newest vessel would enter service after sea trials in the spring.",
    "Volunteers cleared litter from the beaches along the bay on Sunday morning.",
    "The council agreed to study a proposal for a cycle path along the coast road.",
    "Police asked drivers to take care on the narrow roads near the lighthouse.",
    "The sailing club celebrated its centenary with a regatta that drew boats from across the coast.",
    "Health officials opened a new clinic in the former bank building on the high street.",
    "A local author launched her second novel, set in the fishing villages of the west coast.",
    "The weather service expects a dry and mild week after the recent storms.",
    "The harbour trust said it would consult residents before any change to mooring fees.",
    "A new bus route will link the outlying villages with the ferry terminal from October.",
    "The community council praised the volunteers who kept the village hall open all winter.",
]
TOPICS = [
    "Harbour repairs finish ahead of the summer season",
    "Ferry timetable changes announced for the winter",
    "Council studies coastal cycle path proposal",
    "Storm damage to sea wall less than feared",
    "Market traders welcome new stalls in the square",
    "Museum appeals for old harbour photographs",
    "Lifeboat crew called out twice in one weekend",
    "Post office petition passes two thousand names",
    "New clinic opens on the high street",
    "Sailing club marks its centenary with a regatta",
    "Village hall volunteers praised by community council",
    "Bus route to link villages with ferry terminal",
]


def article_paragraphs(number: int) -> list[str]:
    """Three paragraphs of three sentences, a different mix for every page."""
    count = len(SENTENCES)
    return [
        " ".join(SENTENCES[(number * 5 + paragraph * 3 + offset * 7) % count] for offset in range(3))
        for paragraph in range(3)
    ]


AUTHORS = ["Morag Campbell", "Ewan MacLeod", "Isla Munro", "Callum Stewart", "Ailsa Fraser", "Rory Grant"]
HEADING = "What happens next"
BACKGROUND = (
    "The harbour was built in the eighteenth century for the herring trade, and most of its walls have "
    "not been rebuilt since the great storm of the last century."
)


def site_page(
    number: int,
    *,
    url: str | None = None,
    title: str | None = None,
    background: bool = False,
    most_read: tuple[str, ...] = (),
    title_line: bool = True,
) -> str:
    """Page `number` of the site: URL line (optional), <title> line, masthead, menu, title, byline, date,
    story (with a heading, and the site's recurring background paragraph if asked), the subscription pitch,
    teasers, footer."""
    title = title or TOPICS[number % len(TOPICS)]
    lines = [f"URL: {url}", ""] if url else []
    # The <title> line a whole-page dump starts with, then the masthead.
    if title_line:
        lines += [f"{title} | Tidewater Gazette", ""]
    lines += ["Tidewater Gazette", ""]
    lines += [*MENU, ""]
    author = AUTHORS[number % len(AUTHORS)]
    lines += [title, "", f"By {author}", f"{number % 27 + 1} March 2024", ""]
    paragraphs = article_paragraphs(number)
    lines += [paragraphs[0], ""]
    if background:
        lines += [BACKGROUND, ""]
    lines += [paragraphs[1], "", HEADING, "", paragraphs[2], "", PITCH, ""]
    lines += [SECTION_LABEL, "", f"Read more: story number {number} of the week", ""]
    if most_read:
        lines += ["Most read", "", *most_read, ""]
    lines += [*FOOTER, ""]
    return "\n".join(lines)
