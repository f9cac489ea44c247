"""The language model in a helper process: load lid.176, then answer predictions over a pipe.

Run by `records.language.start_model_process` as a script of its own (`python -I -S language_server.py
FOLDER MODEL`), not imported: the helper is a bare interpreter with no site hooks and no package, so it
starts in a few milliseconds and spends its time loading the model on the other core. fasttext's
`loadModel` holds the GIL for the ~35 ms it takes, so a thread of the CLI's own process could not load
it in parallel with the imports; a process can.

Protocol, on stdin and stdout (stderr is /dev/null): a request is a 4-byte big-endian length, one byte
`k` and the text in UTF-8; the reply is a 4-byte length and `marshal.dumps` of `(labels, scores)`, or
of None if the prediction raised (the caller then asks an in-process model, which raises the same).
End of input ends the helper. Only the standard library and fasttext are imported (the parent imports
this module for the framing functions).
"""

from __future__ import annotations

import marshal
import os
import sys

LENGTH_BYTES = 4


def read_exactly(fd: int, size: int) -> bytes | None:
    """`size` bytes from `fd`, or None at end of input."""
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def serve(folder: str, model_path: str, requests: int = 0, replies: int = 1) -> None:
    """Load the model from `model_path` (fasttext imported from `folder`), then answer until end of input."""
    # After the standard library: nothing in the packages' folder shadows a module the helper imports.
    sys.path.append(folder)
    import fasttext

    model = fasttext.load_model(model_path)
    while True:
        header = read_exactly(requests, LENGTH_BYTES + 1)
        if header is None:
            return
        payload = read_exactly(requests, int.from_bytes(header[:LENGTH_BYTES], "big"))
        if payload is None:
            return
        try:
            labels, scores = model.predict(payload.decode("utf-8"), k=header[LENGTH_BYTES])
            reply = marshal.dumps((tuple(map(str, labels)), tuple(map(float, scores))))
        except Exception:  # the caller asks its own model, which raises the same, where it is handled
            reply = marshal.dumps(None)
        write_all(replies, len(reply).to_bytes(LENGTH_BYTES, "big") + reply)


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2])
