"""What an element says about the blocks inside it: its tag, ARIA role, class and id.

Tag and role hints are fixed by the HTML standard; class and id tokens are data
(`articlecli/data/html_hints.txt`), since every CMS names its widgets a little differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from articlecli.data import read_data
from articlecli.lazy_regex import lazy_compile

# Page chrome by tag. <header> and <footer> inside an <article>/<main> are the article's own
# (title, byline, tags), so the walker only applies these outside one.
TAG_HINTS = {
    "nav": "navigation",
    "aside": "sidebar",
    "form": "form",
    "header": "page-header",
    "footer": "footer",
    # A figure's caption describes an image, not the story: on 200 wcxb pages 102 of 109 captions of
    # four words or more are left out of the gold article text.
    "figcaption": "caption",
}
ROLE_HINTS = {
    "navigation": "navigation",
    "banner": "page-header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "form",
}
# Hints that only ever wrap chrome; tags whose hint depends on being outside the article.
ARTICLE_SCOPED_TAGS = frozenset({"header", "footer"})

_TOKEN_SPLIT = lazy_compile(r"[^a-z0-9]+")


# Two sections of the data file are not hints: class names of the article's own container (the
# element gives no hint, whatever else its class says: "entry-content no-share"), and the first
# tokens that negate a class name ("no-share", "without-sidebar": a layout switch saying the widget
# is absent).
CONTENT_SECTION = "content"
NEGATION_SECTION = "negation"
# A third is not a hint: the kicker a headline opens with ("Climate: The headline"), by class name or token.
KICKER_SECTION = "kicker"


@dataclass(frozen=True)
class ClassHints:
    """The data file read once: token -> hint, and the two lists that are not hints."""

    hints: dict[str, str]
    content_names: frozenset[str]
    negation_tokens: frozenset[str]
    kicker_names: frozenset[str]


@lru_cache(maxsize=1)
def class_hints() -> ClassHints:
    """The class/id hint table, from `html_hints.txt`."""
    sections: dict[str, list[str]] = {}
    section: str | None = None
    for line in read_data("html_hints.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections.setdefault(section, [])
        elif section is not None:
            sections[section].append(line)
    content_names = frozenset(sections.pop(CONTENT_SECTION, ()))
    negation_tokens = frozenset(sections.pop(NEGATION_SECTION, ()))
    kicker_names = frozenset(sections.pop(KICKER_SECTION, ()))
    hints = {token: hint for hint, tokens in sections.items() for token in tokens}
    return ClassHints(hints, content_names, negation_tokens, kicker_names)


@lru_cache(maxsize=1024)
def is_kicker(names: str) -> bool:
    """A class attribute naming a headline's kicker ("article-heading__kicker", "roofline"): a whole
    class name or one of its tokens is in the data file's [kicker] list."""
    kickers = class_hints().kicker_names
    for name in names.lower().split():
        if name in kickers or any(token in kickers for token in _TOKEN_SPLIT.split(name) if token):
            return True
    return False


@lru_cache(maxsize=4096)
def hint_for_names(names: str) -> str | None:
    """The hint of a class/id attribute value ("post-share social-bar" -> "share"), or None.

    A whole class name is looked up first ("read-more"), then each of its tokens ("share").
    Cached: a page repeats its class names, and so do the pages of one site.
    """
    table = class_hints()
    lowered = names.lower().split()
    if any(name in table.content_names for name in lowered):
        return None
    for name in lowered:
        found = table.hints.get(name)
        if found:
            return found
        tokens = [token for token in _TOKEN_SPLIT.split(name) if token]
        if tokens and tokens[0] in table.negation_tokens:
            continue
        for token in tokens:
            found = table.hints.get(token)
            if found:
                return found
    return None
