"""Bylines: recognise a line that names the author(s) and split it into names."""

from __future__ import annotations

import re

from articlecli.lexicon import Lexicon, line_key

# Name particles that stay lowercase inside a personal name.
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le",
                        "bin", "ibn", "al", "y", "dos", "das", "do", "ter", "ten", "zu", "st"})
MAX_NAME_WORDS = 5
MAX_AUTHORS = 6
_SEPARATORS = re.compile(r"\s*(?:[|•·—–/]|\s-\s)\s*")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")


def looks_like_name(text: str) -> bool:
    """A person or organisation name: 1-5 words, capitalised except particles, no sentence punctuation."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(not _NAME_TOKEN.match(word) for word in words):
        return False
    if not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word.casefold() in _PARTICLES for word in words)


def split_names(text: str, lexicon: Lexicon) -> list[str]:
    """'A, B and C' -> [A, B, C], when every piece looks like a name; otherwise []."""
    conjunctions = lexicon.phrases("conjunction").exact | {"&"}
    pieces = re.split(r"\s*,\s*|\s*;\s*|\s+&\s+", text.strip())
    names: list[str] = []
    for piece in pieces:
        words = piece.split()
        current: list[str] = []
        for word in words:
            if word.casefold() in conjunctions and current:
                names.append(" ".join(current))
                current = []
            else:
                current.append(word)
        if current:
            names.append(" ".join(current))
    names = [name.strip(" .,:;") for name in names if name.strip(" .,:;")]
    if not names or len(names) > MAX_AUTHORS or not all(looks_like_name(name) for name in names):
        return []
    return names


def byline_names(text: str, lexicon: Lexicon) -> list[str] | None:
    """Names from a byline such as 'By Jane Doe and John Roe' or 'Par Sara | 14 déc. 2024'.

    Returns None when the line does not start with a byline word, [] when it does but no name follows.
    """
    first_part = _unglue_prefix(_SEPARATORS.split(text.strip())[0], lexicon)
    key = line_key(first_part)
    prefix = lexicon.phrases("byline-prefix").leading_phrase(key)
    if prefix is None:
        return None
    rest = _strip_prefix(first_part, prefix)
    return split_names(rest, lexicon)


_GLUED_PREFIX = re.compile(r"^([^\W\d_]{2,12}?)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")


def _unglue_prefix(text: str, lexicon: Lexicon) -> str:
    """'ByShivya Nath' -> 'By Shivya Nath' (a scraper glued the label to the linked name)."""
    match = _GLUED_PREFIX.match(text)
    if match and match.group(1).casefold() in lexicon.phrases("byline-prefix").exact:
        return f"{match.group(1)} {text[match.end():]}"
    return text


def _strip_prefix(text: str, prefix: str) -> str:
    words = len(prefix.split())
    remainder = text.strip().split(None, words)
    rest = remainder[words] if len(remainder) > words else ""
    return rest.lstrip(":：-– ").strip()
