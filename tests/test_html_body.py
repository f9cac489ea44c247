"""The HTML body: how the labeller reads markup zones around widgets set inside the text.

Each page is the shape of a real one (a Q&A page, a forum thread, a best-of list); each test checks
that the whole text is kept and the widget's blocks are removed with their reason.
"""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from articlecli import parse_html
from articlecli.frontends.html.hints import hint_for_names

QUESTION = (
    "When someone mentions RAID in a conversation about backups, somebody always declares that RAID is not a backup. "
    "Sure, for striping that is true, but what is the difference between redundancy and a backup, and why should I care?"
)
ANSWERS = (
    "RAID guards against one kind of hardware failure. There are lots of failure modes it does not guard against, such as file corruption, human error, fire in the building and software bugs that quietly wipe out your data.",
    "Redundancy protects you against your hardware failing. It does not protect you against a user deleting the wrong folder, so you still need copies of your files kept somewhere else, taken at different times.",
    "A backup lets you go back to yesterday's version of a file that was overwritten this morning; a mirror copies the overwrite to both disks within the same second, which is exactly what you do not want here.",
)
COMMENTS = (
    "Will a backup refuse to copy a corrupt file?",
    "Depends on what corrupt means, but normally backup applications have a setting for this.",
    "But what about silent data corruption, if a block goes bad most filesystems will not notice.",
    "Reasonable backup strategies keep a history, so you can go back to before the corruption.",
)


def _comment_list() -> str:
    items = "".join(
        f'<li class="comment"><span class="comment-copy">{text}</span> <a class="comment-user" href="/users/{n}">user{n}</a> <span class="comment-date">May 2, 2009</span></li>'
        for n, text in enumerate(COMMENTS)
    )
    return f'<div class="comments"><ul class="comments-list">{items}</ul><a class="js-add-link" href="#">Add a comment</a></div>'


def _qa_page() -> str:
    answers = "".join(
        f'<div class="answer"><div class="post-text"><p>{text}</p></div>'
        f'<div class="post-menu"><a href="/a/{n}">Share</a> <a href="/posts/{n}/edit">Improve this answer</a></div>'
        f"{_comment_list()}</div>"
        for n, text in enumerate(ANSWERS)
    )
    return (
        "<!DOCTYPE html><html><head><title>Why is RAID not a backup? - Server Help</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/questions">Questions</a> <a href="/tags">Tags</a></nav></header>'
        '<main id="content"><h1>Why is RAID not a backup?</h1>'
        f'<div class="question"><div class="post-text"><p>{QUESTION}</p></div>{_comment_list()}</div>'
        f"<h2>3 Answers</h2>{answers}</main>"
        "<footer><p>Site design and logo are licensed under the usual terms of this network.</p></footer>"
        "</body></html>"
    )


def test_answers_between_comment_lists_are_all_kept() -> None:
    article = parse_html(_qa_page(), source="raid.html")
    for text in (QUESTION, *ANSWERS):
        assert text in article.text
    assert all(comment not in article.text for comment in COMMENTS)
    # Each answer's comment list is removed as such (the three after the answers, at least).
    in_comments = [r.text for r in article.removed if r.reason == "in-comments" and COMMENTS[1] in r.text]
    assert len(in_comments) >= len(ANSWERS)


POSTS = (
    "I have worked in a nursery for six years and I love the children, but the pay has not kept up with the rent and I am thinking of leaving.",
    "I left teaching for a job in a supermarket: much less stress, much less responsibility and, to my own surprise, slightly more money each month.",
    "I would love to work with little ones, but the paperwork and the safeguarding rules would worry me more than the children ever could.",
    "I work part time from ten to two and it has fitted in around my own children, which saves us a fortune on childcare in the holidays.",
)


def test_a_reply_button_under_every_post_does_not_end_the_thread() -> None:
    posts = "".join(
        f'<div class="post"><p class="author">Member {n}</p><p>{text}</p><button type="button">Reply</button></div>'
        for n, text in enumerate(POSTS)
    )
    markup = (
        "<!DOCTYPE html><html><head><title>Would you work in childcare? | Parents Forum</title></head><body>"
        '<nav><a href="/">Forum</a> <a href="/chat">General chat</a></nav>'
        f"<main><h1>Would you work in childcare?</h1>{posts}</main></body></html>"
    )
    article = parse_html(markup, source="thread.html")
    for text in POSTS:
        assert text in article.text
    assert "Reply" not in article.text.split("\n\n")


ITEMS = (
    (
        "Best Dishwasher",
        "This quiet dishwasher cleaned every plate we loaded in our tests, dried plastic better than any rival and kept its racks easy to load for the whole six months of testing.",
    ),
    (
        "Best Range",
        "This induction range boiled water faster than any other we tried, and its smart features actually saved us time instead of getting in the way of cooking dinner.",
    ),
    (
        "Best Washer",
        "With a large drum and eight cycles, this top-load washer handled heavy towels and delicate shirts alike, and it finished a normal load in under an hour every time.",
    ),
    (
        "Best Dryer",
        "This dryer sensed moisture accurately, stopped as soon as the clothes were dry and never left a sock damp, which is rarer than it should be at this price.",
    ),
)


def test_a_read_more_link_under_every_item_is_the_items_link_not_the_articles_end() -> None:
    items = "".join(
        f'<h2>{name}</h2><p>{text}</p><p><a href="/reviews/{n}">Read more about the {name.lower()}.</a></p>'
        for n, (name, text) in enumerate(ITEMS)
    )
    markup = (
        "<!DOCTYPE html><html><head><title>The best appliances of the year | Reviewed Daily</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/kitchen">Kitchen</a> <a href="/laundry">Laundry</a></nav>'
        "<main><h1>The best appliances of the year</h1>"
        "<p>Every year our testers put hundreds of appliances through their paces in the lab, and these are the ones that earned a place in a real home.</p>"
        f"{items}</main></body></html>"
    )
    article = parse_html(markup, source="best.html")
    for _name, text in ITEMS:
        assert text in article.text
    assert ITEMS[-1][0] in [section.heading for section in article.sections]


@pytest.mark.parametrize(
    ("names", "hint"),
    [
        ("post-share social-bar", "share"),
        # The article's own container gives no hint, whatever else its class says.
        ("entry-content no-share", None),
        ("post-content comments-open", None),
        # A first token that negates the name: the widget is absent.
        ("no-share", None),
        ("without-sidebar", None),
        ("sidebar-left", "sidebar"),
        # "no" alone is not a hint.
        ("no", None),
    ],
)
def test_class_names_of_the_content_or_negated_give_no_hint(names: str, hint: str | None) -> None:
    assert hint_for_names(names) == hint


def test_a_no_share_class_on_the_article_text_keeps_it() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in POSTS)
    markup = (
        "<!DOCTYPE html><html><head><title>A long week in childcare | Grenada Notes</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/opinion">Opinion</a></nav>'
        '<div class="post-wrap"><h1>A long week in childcare</h1>'
        f'<div class="entry-content no-share">{paragraphs}</div>'
        '<div class="share-bar"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a></div></div></body></html>'
    )
    article = parse_html(markup, source="notes.html")
    assert all(text in article.text for text in POSTS)
    assert {r.reason for r in article.removed if r.text.startswith("Facebook")} == {"in-share"}


RECIPE_INTRO = "This lentil soup is the one we make every week in winter: cheap, filling and ready in forty minutes."
RECIPE_STEPS = (
    "Soften the onion, carrot and celery in the olive oil over a low heat for ten minutes, stirring now and then so that nothing browns.",
    "Add the garlic, cumin and paprika and cook for one more minute, then tip in the rinsed lentils, the tomatoes and the hot stock.",
    "Simmer for twenty-five minutes until the lentils are soft, season well with salt and pepper and blend half of the soup if you like it thick.",
)
SERVINGS_FORM = ("Adjust servings", "Servings", "Units", "Metric", "US cups", "Update recipe")


def test_a_form_inside_the_text_costs_once_and_the_text_around_it_stays() -> None:
    # A recipe's servings adjuster between its lead and its method: six labels in one <form>, one
    # interruption to a reader, not six boilerplate lines that cut the lead off the method.
    form = "".join(f"<div>{label}</div>" for label in SERVINGS_FORM)
    steps = "".join(f"<li>{text}</li>" for text in RECIPE_STEPS)
    markup = (
        "<!DOCTYPE html><html><head><title>Easy lentil soup | Weeknight Kitchen</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/recipes">Recipes</a> <a href="/about">About</a></nav></header>'
        "<article><h1>Easy lentil soup</h1>"
        f"<p>{RECIPE_INTRO}</p>"
        f'<form class="recipe-scaler" action="/scale">{form}</form>'
        f"<h2>Method</h2><ol>{steps}</ol></article>"
        '<footer><form role="search"><div>Search recipes</div><div>Go</div></form></footer>'
        "</body></html>"
    )
    article = parse_html(markup, source="soup.html")
    for text in (RECIPE_INTRO, *RECIPE_STEPS):
        assert text in article.text
    # The form's labels are still removed as a form's.
    assert {r.reason for r in article.removed if r.text in SERVINGS_FORM} == {"in-form"}


LEAD = "The MP was elected deputy speaker of parliament on Tuesday with a large majority of the votes cast."
STORY = (
    "Parliament elected its new deputy speaker in the first sitting after the summer recess, with 512 of the 700 members voting for her and a handful abstaining.",
    "She has sat in the chamber since 2013 and chaired the committee on foreign affairs for four years before the election, where she was known for long hearings.",
)


def test_the_lead_between_the_title_and_the_byline_is_the_articles_first_paragraph() -> None:
    # A news page's standfirst sits under the <h1>, above the byline, the date, the share bar and the
    # lead image's caption: it is the article's first paragraph, not chrome above the text.
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    markup = (
        "<!DOCTYPE html><html><head><title>Elected deputy speaker | Parliament News</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/videos">Videos</a> <a href="/contact">Contact</a></nav>'
        "<div><h1>Elected deputy speaker</h1>"
        f'<p class="teaser">{LEAD}</p>'
        '<p class="author">By Anna Weber</p><p class="date">26 October 2021</p>'
        '<ul class="links"><li><a href="/s/x">Twitter</a></li><li><a href="/s/fb">Facebook</a></li><li><a href="/s/mail">E-Mail</a></li></ul>'
        '<figure><img src="/p.jpg" alt=""><figcaption>The chamber on election day.</figcaption></figure>'
        f"{paragraphs}</div>"
        "<footer><p>Imprint</p><p>Privacy</p></footer></body></html>"
    )
    article = parse_html(markup, source="speaker.html")
    assert article.text.startswith(LEAD)
    assert [d.rule for d in article.decisions if d.text == LEAD] == ["lead-below-title"]
    assert all(text in article.text for text in STORY)
    assert article.authors == ("Anna Weber",)
    assert [r.reason for r in article.removed if r.text == "Twitter"] == ["share"]
