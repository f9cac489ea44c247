"""Hash articlecli's full output (JSON record and --explain listing) for every corpus document.

A refactor must not change output: run this before and after, and compare the two files.

    python bench/output_hash.py > before.tsv   # on the old commit
    python bench/output_hash.py > after.tsv    # on the new one
    diff before.tsv after.tsv                  # empty when nothing changed

A change that adds output keys proves it changed nothing else with --drop-keys: the record is
hashed as if those keys did not exist (same key order, same rendering).

--confidence parses with ParseOptions(confidence=True) (the learned labeller after the rules), so a
change to the labeller's inputs is proved on its output too.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Doc, corpus_dir, load_index


def _hash_doc(doc: Doc, drop: tuple[str, ...] = (), confidence: bool = False) -> str:
    from articlecli import ParseOptions, parse_text
    from articlecli.render.json_out import article_to_dict, render_explain_json

    article = parse_text(doc.read_text(), source=doc.key, options=ParseOptions(confidence=confidence))
    record = {key: value for key, value in article_to_dict(article).items() if key not in drop}
    rendered = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    digest = hashlib.sha1((rendered + render_explain_json(article)).encode("utf-8")).hexdigest()
    return f"{doc.key}\t{digest}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=None, help="corpus directory (default ../shared/corpus)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--drop-keys", default="", help="comma-separated output keys to leave out of the hash")
    parser.add_argument("--confidence", action="store_true", help="parse with the learned labeller on (--confidence)")
    args = parser.parse_args()
    drop = tuple(key for key in args.drop_keys.split(",") if key)
    docs = load_index(corpus_dir(args.corpus))
    with ProcessPoolExecutor(args.workers) as pool:
        for line in pool.map(functools.partial(_hash_doc, drop=drop, confidence=args.confidence), docs, chunksize=16):
            print(line)


if __name__ == "__main__":
    main()
