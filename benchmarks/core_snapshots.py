"""Write the snapshots ``workbench.core`` reads instead of rebuilding them on a first call.

    .venv/bin/python benchmarks/core_snapshots.py [--check]

Why: a process's first aligner call loaded twelve locales' CLDR data for a few
thousand names (``core.cldr_names``) and asked ``unicodedata`` and the regular
expression engine about every code point (``core.char_tables``): a third of the
call.  Each module uses its snapshot only while it matches what it was written from
(the Babel version and content languages; the Unicode database and Python), and
reads live otherwise, so a stale file costs time, never a different result.  Run
this after upgrading Babel or Python or changing the content languages; ``--check``
only says whether both files are current (exit 1 when not).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.core import char_tables, cldr_names

CORE = Path(__file__).resolve().parents[1] / "workbench" / "core"


def snapshots() -> dict[Path, str]:
    """Each snapshot file and the text it should hold, from this Babel, Unicode and Python."""
    names = cldr_names.snapshot_of(cldr_names.live_names())
    tables = char_tables.snapshot_of(char_tables.live_combining(), char_tables.live_word())
    return {
        CORE / cldr_names.SNAPSHOT_FILE: json.dumps(names, ensure_ascii=False, indent=0) + "\n",
        CORE / char_tables.SNAPSHOT_FILE: json.dumps(tables, separators=(",", ":")) + "\n",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    stale = 0
    for path, text in snapshots().items():
        current = path.is_file() and path.read_text(encoding="utf-8") == text
        if args.check:
            print(f"{path.name}: {'current' if current else 'out of date'}")
            stale += not current
        elif not current:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(text):,} characters)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
