"""Author names a glued dump left with a piece of the next field on them.

A scraper that concatenates text nodes without a separator runs a byline into what follows it, and the
byline readers split the run as best the line shows: 'Written by Dan Panteloaverage reading time: 5
minutes' gives 'Dan Panteloaverage'; 'By Claire Wilson, Co-Founder & COOBy Claire Wilson, Published Apr
26, 2023' (the byline printed twice, the second copy glued onto the first's role) gives 'Claire Wilson',
'COOBy Claire Wilson' and 'Published'. These tidy steps run on the authors the header found, whatever
rule found them; each is named (`--explain` shows the names it leaves).
"""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.header.bylines import NAME_EDGE
from articlecli.header.meta_labels import label_phrases
from articlecli.lazy_regex import lazy_compile
from articlecli.records.lexicon import Lexicon, line_key
from articlecli.records.names import looks_like_name

# A lowercase word glued onto a name's last word ('Panteloaverage'): at least this long, so a name's own
# ending is not taken for one ('Martin' has 'in').
GLUED_TAIL_MIN_CHARS = 3
# A line this short can be a name alone (the author box's 'Dan Pantelo').
NAME_LINE_MAX_CHARS = 40


def tidy_glued_names(names: list[str], units: list[Unit], lexicon: Lexicon) -> list[str]:
    """The names with the glue cut off: rules `name-tail-at-page-name` and `byline-glued-repeat`."""
    if not names:
        return names
    tidy = [cut_tail_at_page_name(name, units) for name in names]
    return drop_glued_repeats(tidy, lexicon)


def cut_tail_at_page_name(name: str, units: list[Unit]) -> str:
    """Rule `name-tail-at-page-name`: 'Dan Panteloaverage' -> 'Dan Pantelo' when the page shows 'Dan Pantelo'
    alone on a line (an author box, a second byline) and the rest of the last word is a lowercase word
    glued on ('average reading time')."""
    words = name.split()
    last = words[-1] if words else ""
    if len(last) < GLUED_TAIL_MIN_CHARS + 2 or not last[-GLUED_TAIL_MIN_CHARS:].islower():
        return name
    first = words[0]
    for unit in units:
        # (Cheap tests first: this runs for every page with an author.)
        if len(unit.text) > 2 * NAME_LINE_MAX_CHARS or first not in unit.text:
            continue
        text = unit.text.strip(NAME_EDGE)
        if len(text) > NAME_LINE_MAX_CHARS:
            continue
        shown = text.split()
        if len(shown) != len(words) or shown[:-1] != words[:-1] or not last.startswith(shown[-1]):
            continue
        tail = last[len(shown[-1]) :]
        if len(tail) >= GLUED_TAIL_MIN_CHARS and tail.isalpha() and tail.islower() and looks_like_name(text):
            return " ".join(shown)
    return name


# A byline word glued onto the word before it, capitalised as the start of an element: 'COOBy', 'bioBy'.
_GLUED_BYLINE_WORD = lazy_compile(r"(?<=[^\W\d_])(By|Von|Par|Por|Door|Av|Af)\s+(?=[^\W\d_])")


def drop_glued_repeats(names: list[str], lexicon: Lexicon) -> list[str]:
    """Rule `byline-glued-repeat`: a 'name' holding a byline word glued onto the word before it ('COOBy
    Claire Wilson') is the byline printed again, dropped when its name after the byline word is already
    read; a date line's label read as a name ('Published', 'Updated on') is dropped."""
    labels = label_phrases(lexicon)
    kept_keys = {line_key(name) for name in names}
    tidy: list[str] = []
    for name in names:
        glued = _GLUED_BYLINE_WORD.search(name)
        if glued and line_key(name[glued.end() :]) in kept_keys:
            continue
        key = line_key(name)
        if key in labels.exact and key not in lexicon.phrases("byline-prefix").exact:
            continue
        tidy.append(name)
    return tidy if tidy else names
