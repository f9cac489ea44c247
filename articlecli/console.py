"""The console entry point, kept free of imports so that Ctrl-C even during start-up ends in one line.

`articlecli` (the script) and `python -m articlecli` call `entry`; the CLI itself is in cli.py.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _thread import LockType

# New container objects between two young collections of the cycle collector (Python's default is 700;
# mypy uses 200,000). A CLI process runs one command: at the default pace the collector runs some 35 times
# while the modules load (about 7 ms of a one-page run) and takes a fifth of a large page's parse (a page
# of a million short lines makes several million objects), and finds next to nothing either time.
GC_THRESHOLD = 100_000


_INTERPRETER_GC_THRESHOLD = gc.get_threshold()


def raise_gc_threshold() -> None:
    """Collect young objects every GC_THRESHOLD new ones (the older generations keep their pace)."""
    gc.set_threshold(GC_THRESHOLD, *_INTERPRETER_GC_THRESHOLD[1:])


def restore_gc_threshold() -> None:
    """The interpreter's own pace again (for `batch`, whose forked workers parse many pages each)."""
    gc.set_threshold(*_INTERPRETER_GC_THRESHOLD)


# How long after a swallowed Ctrl-C it is raised again: long enough for the interpreter to have left the
# place that swallowed it (a weakref callback, a few microseconds), short enough for no one to notice.
SWALLOWED_INTERRUPT_DELAY = 0.005


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which click turns into 'Aborted!' and exit status 1."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # One Ctrl-C ends the command. A second one while it winds down (the message, the interpreter's exit)
    # would raise again inside that and print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise Interrupted


class _CommandState:
    # Whether entry()'s command has ended: a Ctrl-C swallowed after that is not raised again, since the
    # interpreter's exit is all that is left and a raise there would surface as a traceback. Process-wide,
    # as signal handlers are.
    over = False


_command = _CommandState()


def _interrupt_again_if_swallowed(unraisable: sys.UnraisableHookArgs) -> None:
    """Deliver a Ctrl-C that Python swallowed, instead of reporting it as 'Exception ignored'.

    A signal handler runs wherever the main thread is, and in a few places of the interpreter an
    exception cannot propagate: a weakref callback (the import system's module locks use one, so a Ctrl-C
    during an import can land there), a __del__, a finaliser. Python prints those exceptions as 'Exception
    ignored in …' and carries on. For Ctrl-C that would be worse than a traceback: the handler has already
    turned SIGINT off, so the command would run on and no further Ctrl-C could stop it. The interrupt is
    raised again, as a fresh signal, once the interpreter is back in ordinary code.
    """
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, (Interrupted, KeyboardInterrupt)):
        # KeyboardInterrupt: `batch` ends a Ctrl-C itself, through Python's own handler, which stays armed.
        if not _command.over:
            # Not raised from here: a handler run inside this hook would be swallowed in turn. A moment
            # later, from another thread, the main thread is interrupted afresh, back in ordinary code (or,
            # should it land in such a place again, in this hook again).
            import threading

            if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
                signal.signal(signal.SIGINT, _interrupt)
            # The thread interrupts only after this hook has let go of the lock, as its last step. Starting a
            # thread waits for it to run, and on a loaded machine that wait outlasted the delay: the
            # interrupt then ran inside this hook, where Python drops it ('Exception ignored in
            # sys.unraisablehook'), and the command ran on (tests/test_hostile.py, under load).
            hook_running = threading.Lock()
            hook_running.acquire()
            threading.Thread(target=_interrupt_main_later, args=(hook_running,), daemon=True).start()
            hook_running.release()
        return
    sys.__unraisablehook__(unraisable)


def _interrupt_main_later(hook_running: LockType) -> None:
    """Interrupt the main thread afresh, a moment after the hook that swallowed its Ctrl-C has let go."""
    import _thread
    import time

    with hook_running:
        pass
    time.sleep(SWALLOWED_INTERRUPT_DELAY)
    _thread.interrupt_main()


def handle_interrupts() -> None:
    """Ctrl-C ends the command as Interrupted, wherever it lands (see _interrupt_again_if_swallowed)."""
    _command.over = False
    sys.unraisablehook = _interrupt_again_if_swallowed
    signal.signal(signal.SIGINT, _interrupt)


def entry() -> None:
    """Run the CLI; turn what escapes it into one line on stderr and a documented exit code."""
    # The same numbers as articlecli.errors, which is not imported before the try.
    interrupted, broken_pipe = 130, 141
    handle_interrupts()
    raise_gc_threshold()
    try:
        if detects_language(sys.argv[1:]):
            # The language model loads in a helper process from here, while click and the pipeline import.
            from articlecli.records.language import start_model_process

            start_model_process()
        from articlecli.cli import main

        main(prog_name="articlecli")
    except (Interrupted, KeyboardInterrupt):
        _echo_error("articlecli: interrupted")
        sys.exit(interrupted)
    except BrokenPipeError:
        # `articlecli parse … | head`: the reader left, the output is cut short. Quietly, as cat or grep
        # do; stdout is pointed at /dev/null so that the interpreter's last flush cannot fail again.
        silence_stdout()
        sys.exit(broken_pipe)
    except Exception as exc:  # users get one line and exit code 1, never a traceback
        _echo_error(f"articlecli: error: internal error: {type(exc).__name__}: {exc}")
        sys.exit(1)
    finally:
        # The command is over (a helper the command did not stop, after an error, is stopped here); what is
        # left is the interpreter's exit, where a Ctrl-C would print a traceback.
        _command.over = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        language = sys.modules.get("articlecli.records.language")
        if language is not None:
            language.stop_model_process()
        # What the command made is freed with the process. The interpreter's teardown runs the cycle
        # collector over every object left (the modules, their patterns and caches): about 20 ms of a
        # one-page run, a tenth of it. Frozen objects are not collected, so that pass finds nothing to walk;
        # everything else of the exit (atexit, flushing the streams, clearing the modules) is as before.
        gc.freeze()


def detects_language(args: list[str]) -> bool:
    """Whether the command line is a `parse` that will detect the page's language (no --lang).

    Only when to start the language model's helper process early: `parse` itself starts it, if no one
    did, and every command stops it. A command line this misreads costs a helper that is stopped unused.
    """
    return args[:1] == ["parse"] and not any(arg == "--lang" or arg.startswith("--lang=") for arg in args[1:])


def _echo_error(line: str) -> None:
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(" ".join(line.split()) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def silence_stdout() -> None:
    """Point stdout at /dev/null after a broken pipe, so that no later flush fails again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
