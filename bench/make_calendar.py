"""Write articlecli/data/calendar.txt: the CLDR month and weekday names (from babel) of every language with a
plain 2-3 letter code, as records.dates reads them.

    python bench/make_calendar.py          # rewrite the file from the installed babel
    python bench/make_calendar.py --check  # exit 1 when the file differs from what babel gives now

records.dates reads the names from this file: loading babel's locale data cost 6-10 ms of CPU for each
language a process meets (and 60 ms for babel itself), once per process, the largest one-time cost of a run
over many languages. A language the file lacks is still read from babel. tests/test_calendar_data.py checks
that the file matches the installed babel.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.records.dates import CALENDAR_DATA, babel_calendar

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "articlecli" / "data" / CALENDAR_DATA

HEADER = (
    "# CLDR month and weekday names by language, written by bench/make_calendar.py from babel: one line a\n"
    "# language, its code, a tab, then JSON {field: [[number, name], ...]} in babel's order (format, then\n"
    "# stand-alone; wide, then abbreviated). Regenerate after upgrading babel.\n"
)


def calendar_text() -> str:
    from babel import localedata

    codes = sorted(code for code in localedata.locale_identifiers() if code.isascii() and code.isalpha())
    lines = [HEADER]
    for code in codes:
        if not 2 <= len(code) <= 3:
            continue
        names = babel_calendar(code)
        if names is not None:
            lines.append(f"{code}\t{json.dumps(names, ensure_ascii=False, separators=(',', ':'))}\n")
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare the file with babel instead of writing it")
    args = parser.parse_args()
    text = calendar_text()
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.name}: {'up to date' if same else 'differs from babel: run bench/make_calendar.py'}")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.encode()) // 1000} KB, {text.count(chr(10)) - HEADER.count(chr(10))} languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
