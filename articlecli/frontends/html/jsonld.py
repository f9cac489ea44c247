"""schema.org JSON-LD: tolerant parsing, and the article, breadcrumb and author nodes it describes.

Sites publish broken JSON (trailing commas, raw newlines in strings, HTML comments or CDATA
around the script, two objects in one script, unescaped quotes): each script is parsed strictly,
then repaired, then read object by object; what still fails yields the few fields a regex can find.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from articlecli.lazy_regex import lazy_compile

Node = dict[str, Any]

# Types whose node describes the article itself, then page types that carry a usable name.
ARTICLE_TYPES = frozenset(
    [
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "techarticle",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "report",
        "medicalscholarlyarticle",
    ]
)
PAGE_TYPES = frozenset(["webpage", "itempage", "aboutpage", "medicalwebpage", "faqpage", "qapage", "profilepage"])
PERSON_TYPES = frozenset({"person"})
# JSON nesting walked at most this deep: a crafted script cannot make the walk unbounded.
MAX_DEPTH = 12
# Nodes read from one page at most (a product feed can list thousands).
MAX_NODES = 2000

_TRAILING_COMMA = lazy_compile(r",(\s*[}\]])")
_WRAPPERS = lazy_compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_FIELD = r'"{}"\s*:\s*"((?:[^"\\]|\\.)*)"'
_REGEX_FIELDS = ("headline", "datePublished", "dateModified", "description")
_REGEX_AUTHOR = lazy_compile(r'"author"\s*:\s*[\[{][^\]}]*?"name"\s*:\s*"((?:[^"\\]|\\.)*)"')


def parse_script(text: str) -> list[Any]:
    """The JSON values of one ld+json script, as tolerant as real pages need; [] when hopeless."""
    text = _WRAPPERS.sub("", text.strip()).strip()
    if not text:
        return []
    try:
        return [json.loads(text, strict=False)]
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    values = _decode_sequence(repaired)
    if values:
        return values
    return [_regex_fields(text)] if _regex_fields(text) else []


def _decode_sequence(text: str) -> list[Any]:
    """Objects one after another ("{...}{...}" or "{...};"), decoded until the first that fails."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    position = 0
    while position < len(text):
        start = min((i for i in (text.find("{", position), text.find("[", position)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(text, start)
        except ValueError:
            break
        values.append(value)
    return values


def _regex_fields(text: str) -> Node:
    """The article fields of a script no repair could decode, read one by one."""
    node: Node = {}
    for field in _REGEX_FIELDS:
        match = re.search(_FIELD.format(field), text)
        if match:
            node[field] = _unescape(match.group(1))
    author = _REGEX_AUTHOR.search(text)
    if author:
        node["author"] = {"name": _unescape(author.group(1))}
    if node:
        node["@type"] = "Article"
    return node


def _unescape(value: str) -> str:
    try:
        decoded = json.loads(f'"{value}"', strict=False)
    except ValueError:
        return value
    return decoded if isinstance(decoded, str) else value


def type_names(node: Node) -> set[str]:
    """'@type' as lowercase names: "NewsArticle", ["Article", "WebPage"], "http://schema.org/Article"."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)}


def nodes(values: list[Any]) -> list[Node]:
    """Every typed object in the scripts' values, inside @graph, arrays and nested properties too.

    Iterative and bounded (MAX_DEPTH, MAX_NODES): no recursion on hostile JSON.
    """
    found: list[Node] = []
    stack: list[tuple[Any, int]] = [(value, 0) for value in reversed(values)]
    while stack and len(found) < MAX_NODES:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in reversed(value))
        elif isinstance(value, dict):
            if "@type" in value:
                found.append(value)
            stack.extend((item, depth + 1) for item in reversed(list(value.values())) if isinstance(item, dict | list))
    return found


def by_id(found: list[Node]) -> dict[str, Node]:
    return {node["@id"]: node for node in found if isinstance(node.get("@id"), str)}


def resolve(value: Any, index: dict[str, Node]) -> Any:
    """A {"@id": ...} reference replaced by the node it names (one level)."""
    if isinstance(value, dict) and set(value) <= {"@id"} and isinstance(value.get("@id"), str):
        return index.get(value["@id"], value)
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(value: Any) -> str | None:
    """A plain string property, or the name/@value of an object; whitespace collapsed."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def url_of(value: Any, index: dict[str, Node]) -> str | None:
    """An image/url property: a string, an ImageObject's url (also by @id reference), or the first of a list."""
    for item in as_list(value):
        item = resolve(item, index)
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            for key in ("url", "contentUrl", "@id"):
                if isinstance(item.get(key), str) and item[key].strip():
                    return str(item[key]).strip()
    return None


def people(value: Any, index: dict[str, Node]) -> Iterator[tuple[str, bool]]:
    """(name, is_organisation) for each author entry: objects, strings or lists of either."""
    for item in as_list(value):
        item = resolve(item, index)
        if isinstance(item, str):
            name = text_of(item)
            if name:
                yield name, False
        elif isinstance(item, dict):
            name = text_of(item.get("name"))
            if name:
                types = type_names(item)
                yield name, bool(types) and not (types & PERSON_TYPES)


def breadcrumb_names(node: Node, index: dict[str, Node]) -> list[str]:
    """The names of a BreadcrumbList's items in position order."""
    items = []
    for order, entry in enumerate(as_list(node.get("itemListElement"))):
        entry = resolve(entry, index)
        if not isinstance(entry, dict):
            continue
        item = resolve(entry.get("item"), index)
        name = text_of(entry.get("name")) or (text_of(item.get("name")) if isinstance(item, dict) else None)
        position = entry.get("position")
        key = position if isinstance(position, (int, float)) and not isinstance(position, bool) else order
        if name:
            items.append((float(key), order, name))
    return [name for _key, _order, name in sorted(items)]
