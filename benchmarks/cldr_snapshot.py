"""Write ``workbench/core/cldr_names.json``: the CLDR names the aligner reads, from this Babel.

    .venv/bin/python benchmarks/cldr_snapshot.py [--check]

Why: ``core.cldr_names`` reads the territory, month and weekday names of every content
language from this snapshot instead of loading Babel's locale data (a quarter of a
process's first aligner call), and only while the snapshot matches the installed
Babel (version, content languages, locale files).  Run this after upgrading Babel or
changing the content languages; ``--check`` only says whether the file is current.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.core.cldr_names import SNAPSHOT_FILE, live_names, snapshot_of

TARGET = Path(__file__).resolve().parents[1] / "workbench" / "core" / SNAPSHOT_FILE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = json.dumps(snapshot_of(live_names()), ensure_ascii=False, indent=0) + "\n"
    if args.check:
        current = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.name}: {'current' if current else 'out of date'}")
        return 0 if current else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
