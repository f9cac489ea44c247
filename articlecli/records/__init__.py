"""Per-unit records: what every later stage reads about a unit instead of re-reading its text.

`features` builds the record of each unit (shape, density, phrase matches); `lexicon` holds the
per-language phrase data behind the matches; `dates` and `names` find dates and name-like words;
`language` identifies the page language.
"""
