"""Realistic HTML pages for the HTML front-end tests, built from parts so each test swaps one."""

# Pages carry long paragraph lines, as real ones do.
# ruff: noqa: E501

from __future__ import annotations

PARAGRAPHS = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.",
    "Residents who live on the north bank said they were worried about longer journeys to work, while cycling groups welcomed the decision and asked for a wider path for bikes.",
    "The council expects the repairs to cost about 40 million pounds and to take at least three years, according to a report published with the vote on Tuesday evening.",
)
TITLE = "Old harbour bridge to close to cars next spring"

HEAD = """<meta charset="utf-8">
<title>Old harbour bridge to close to cars next spring | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<link rel="canonical" href="https://harbourtimes.example/news/bridge-closing">
"""

NAV = """<header class="site-header">
  <a href="/">The Harbour Times</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav>
</header>"""

ARTICLE = f"""<main>
<article>
  <h1>{TITLE}</h1>
  <p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a></p>
  <p>{PARAGRAPHS[0]}</p>
  <h2>What residents say</h2>
  <p>{PARAGRAPHS[1]}</p>
  <p>{PARAGRAPHS[2]}</p>
</article>
</main>"""

SIDEBAR = """<aside class="sidebar">
  <h3>Most read</h3>
  <p>Ferry timetable changes for the summer season are announced by the port authority this week, with more crossings at weekends.</p>
</aside>"""

COMMENTS = """<section id="comments" class="comments-area">
  <h3>3 comments</h3>
  <p>I have crossed this bridge every day for thirty years and I think the council is making the right call here, sadly.</p>
</section>"""

FOOTER = """<footer><p>© 2024 The Harbour Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>"""


def page(head: str = HEAD, body: str = "", *, lang: str = "en") -> str:
    """A whole page: doctype, <html lang>, <head>, and a body of chrome around the article by default."""
    body = body or "\n".join((NAV, ARTICLE, SIDEBAR, COMMENTS, FOOTER))
    return f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n'


def jsonld(script: str) -> str:
    return f'<script type="application/ld+json">{script}</script>\n'
