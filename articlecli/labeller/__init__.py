"""The labeller: decides which units are the article's main text.

`content` finds the main-text region (a maximum-sum run of units); `inbody` removes what sits
inside that region but is not text (photo credits, captions, author boxes, widget labels).
"""

from __future__ import annotations

import os

# Names a heading model file for the pipeline to run (labeller/headings.py; the bench's models); unset or
# "none": the rules alone. Read here, not in headings.py, so that a parse without one does not import it.
HEADING_MODEL_ENV = "ARTICLECLI_HEADING_MODEL"
HEADING_RULES_ONLY = "none"


def heading_model_file() -> str | None:
    """The heading model file $ARTICLECLI_HEADING_MODEL names, or None (unset or "none")."""
    chosen = os.environ.get(HEADING_MODEL_ENV, HEADING_RULES_ONLY)
    return None if chosen == HEADING_RULES_ONLY else chosen


# Names a labeller model file (labeller/decode.py) that the pipeline then runs on every page, whatever the
# parse options say (the bench's fold models); "none": the rules alone, and without it the packaged model
# runs only with --confidence. Read here, not in decode.py, so that a parse without the model does not import it.
LABELLER_MODEL_ENV = "ARTICLECLI_LABELLER_MODEL"
LABELLER_RULES_ONLY = "none"


def labeller_model_forced() -> bool:
    """$ARTICLECLI_LABELLER_MODEL names a model file: the bench runs that model on every page (a fold's
    model, out of fold), whatever the parse options say."""
    return os.environ.get(LABELLER_MODEL_ENV, LABELLER_RULES_ONLY) != LABELLER_RULES_ONLY
