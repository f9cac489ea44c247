"""The header: title, authors, dates and taxonomy read from the units around the body start.

`reader.parse_header` orchestrates; `title`, `bylines`, `page_dates` and `taxonomy` each read one
kind of field into the `record.Header`; `meta_labels` knows the label phrases ("By", "Updated").
"""
