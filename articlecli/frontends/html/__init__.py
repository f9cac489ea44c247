"""The HTML front end: a page's markup to the same units the text front end makes, plus its metadata.

`dom.py` parses safely and walks the tree into text blocks with markup hints (heading level, list,
quote, pre, table, link text, the chrome zone a block sits in); `hints.py` says what a tag, role,
class or id means; `metadata.py` (with `jsonld.py`) reads what the page states about itself;
`charset.py` decodes the bytes; `detect.py` tells HTML from text by content; `reader.py` puts them
together (`read_html`).
"""

# Nothing is imported here: `detect` runs on every parse, and reading markup (`reader.read_html`)
# pulls in lxml, which a text dump never needs.
