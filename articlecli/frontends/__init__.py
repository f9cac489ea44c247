"""Front ends: bytes and text in, units out.

`decoding` turns bytes into normalised text once; `text` (with `markdown`) reads a text or Markdown
dump into `Unit`s (`unit`), the one intermediate form every later stage reads.
"""
