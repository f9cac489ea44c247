"""Short-line runs inside the main text: menus are removed, the section titles among them are kept."""

from __future__ import annotations

from articlecli import parse_text


def headings_of(article) -> list[str]:
    return [s.heading for s in article.sections if s.heading]


def rules_of(article, text: str) -> list[str]:
    return [d.rule for d in article.decisions if d.text.strip() == text]


# A documentation page dumped one text node a line (bs4 get_text("\n")): each section title carries its
# permalink "¶" on the next line, and the API entries under it are split into short pieces at their markup, so
# title, permalink and entry pieces make one long run of short lines.
DOCS_PAGE = """Middleware | Project documentation

Middleware

This document explains all middleware components that come with the framework. For information on how to use
them and how to write your own middleware, see the middleware usage guide in the topics section.

Cache middleware
¶

class
CacheMiddleware
[source]
¶

Enable the site-wide cache. If this is enabled, each page served by the framework will be cached for as long
as the cache timeout setting defines, unless the response says otherwise.

Common middleware
¶

class
CommonMiddleware
[source]
¶

response_redirect_class
¶

Defaults to the permanent redirect response. Subclass the middleware and override the attribute to customise
the redirects issued by the middleware when a trailing slash is appended to the path.

Security middleware
¶

class
SecurityMiddleware
[source]
¶

The security middleware provides several security enhancements to the request and response cycle, each of
which can be enabled or disabled independently with a setting of its own.

Previous page
Next page
Back to top
Report a bug
"""


def test_a_section_title_above_its_permalink_is_a_heading_inside_a_run():
    article = parse_text(DOCS_PAGE)
    assert headings_of(article) == ["Cache middleware", "Common middleware", "Security middleware"]
    assert rules_of(article, "Common middleware") == ["permalinked-heading"]
    # The prose under each title stays.
    assert "Enable the site-wide cache." in article.text


def test_code_shaped_entries_with_a_permalink_stay_out():
    # An API entry's permalink marks a definition, not a section: "[source]" and an attribute name stay removed.
    article = parse_text(DOCS_PAGE)
    assert rules_of(article, "response_redirect_class") == ["navigation-menu"]
    assert set(rules_of(article, "[source]")) == {"navigation-menu"}
    assert "response_redirect_class" not in headings_of(article)


def test_a_menu_run_without_permalinks_is_still_removed():
    article = parse_text(DOCS_PAGE)
    for entry in ("Previous page", "Next page", "Back to top"):
        assert entry not in article.text
        assert all(rule != "permalinked-heading" for rule in rules_of(article, entry))


def test_a_mark_after_a_blank_line_is_no_permalink():
    # A "#" alone after a blank line is an element of its own (a pager, a widget), not the title's permalink.
    article = parse_text(DOCS_PAGE.replace("Common middleware\n¶", "Common middleware\n\n#"))
    assert rules_of(article, "Common middleware") == ["navigation-menu"]
    assert "Cache middleware" in headings_of(article)


# A README rendered by a docs site: the section titles carry a "#" permalink, and a section may open with a
# sentence shorter than its title, which the short-line tests take for a paragraph's continuation.
README_PAGE = """Project overview

The library offers fast string search, sorting and hashing for large text files, with bindings for several
languages, and it is used in search engines, databases and bioinformatics pipelines around the world.

Build and install
#

Run the build script from the root of the repository; it needs a recent compiler and no other dependency.

C and C++ APIs
#

It is header-only.

Include the main header in your project and call the functions directly: every function works on plain pointers
and lengths, so it can be used from any code base without wrappers or allocations of its own.

Python bindings
#

Install the package from the index and import it: the module mirrors the C functions one to one, and accepts
bytes, strings and memory views alike, without copying them.
"""


def test_a_permalinked_title_above_a_short_opening_sentence_is_a_heading():
    article = parse_text(README_PAGE)
    assert "C and C++ APIs" in headings_of(article)
    assert rules_of(article, "C and C++ APIs") == ["permalinked-heading"]
    assert "It is header-only." in article.text


def test_a_short_line_without_a_permalink_above_a_short_sentence_stays_a_paragraph():
    article = parse_text(README_PAGE.replace("C and C++ APIs\n#\n", "C and C++ APIs\n"))
    assert "C and C++ APIs" not in headings_of(article)
