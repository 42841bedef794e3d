"""Score the aligner on the Text+Berg German/French dev set with the shared scorer.

Test-independent command (the tests only check a small slice):

    .venv/bin/python benchmarks/align_dev.py [--data DIR] [--scorer PATH]

For each machine translation available (de->fr: europarlfull, google; fr->de:
europarlfull; and both europarl directions together) it aligns dev.de with
dev.fr, writes the ladder to a temporary file and runs the shared scorer
``alignscore.py`` on it as a subprocess (it is read in place, never copied).
The first row is the Gale-Church (1993) length-only baseline
(``workbench.core.align_gc``), the floor the aligner must never fall below; the
"none" row is the aligner without MT (lengths, anchors and the word table it
learns from the pair itself).  Parameters are chosen by cross-validation over
several dev sets in ``benchmarks/align_cv.py`` (per set, in-sample,
leave-one-out and leave-set-out figures); the confidence model is fitted and
checked in ``benchmarks/align_confidence_fit.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.core.align import align, parse_ladder, to_ladder
from workbench.core.align_gc import gale_church

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "data" / "textberg-dev"
DEFAULT_SCORER = SHARED / "tools" / "alignscore.py"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def gold_beads(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The gold ladder of a Text+Berg file as (left ids, right ids) tuples."""
    return parse_ladder(path.read_text(encoding="utf-8"))


def score(scorer: Path, gold: Path, ladder: str) -> dict[str, float]:
    """Run the shared scorer on one predicted ladder; returns its JSON result."""
    with tempfile.NamedTemporaryFile("w", suffix=".ladder", encoding="utf-8") as handle:
        handle.write(ladder)
        handle.flush()
        out = subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold), "--pred", handle.name, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout)


def runs(data: Path) -> list[tuple[str, dict[str, list[str]]]]:
    """The configurations to score: (label, keyword arguments of ``align``)."""
    configs: list[tuple[str, dict[str, list[str]]]] = [("none (direct)", {})]
    for name in ("europarlfull", "google"):
        path = data / f"dev.mt_de2fr.{name}"
        if path.exists():
            configs.append((f"de->fr {name}", {"left_mt": _lines(path)}))
    back = data / "dev.mt_fr2de.europarlfull"
    if back.exists():
        configs.append(("fr->de europarlfull", {"right_mt": _lines(back)}))
        forward = data / "dev.mt_de2fr.europarlfull"
        if forward.exists():
            both = {"left_mt": _lines(forward), "right_mt": _lines(back)}
            configs.append(("both europarlfull", both))
    return configs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = parser.parse_args()
    left, right = _lines(args.data / "dev.de"), _lines(args.data / "dev.fr")
    gold = args.data / "dev.defr"
    print(f"dev set: {len(left)} de x {len(right)} fr sentences, gold {gold}")
    header = f"{'MT used':22} {'P strict':>8} {'R strict':>8} {'F1 strict':>9}"
    header += f" {'P lax':>6} {'R lax':>6} {'F1 lax':>6} {'CPU s':>7}"
    print(header)
    started = time.process_time()
    baseline = gale_church(left, right)
    elapsed = time.process_time() - started
    ladder = "".join(f"{list(a)}:{list(b)}\n" for a, b in baseline)
    _row("Gale-Church (lengths)", score(args.scorer, gold, ladder), elapsed)
    for label, kwargs in runs(args.data):
        started = time.process_time()
        beads = align(left, right, **kwargs)
        _row(label, score(args.scorer, gold, to_ladder(beads)), time.process_time() - started)


def _row(label: str, r: dict[str, float], elapsed: float) -> None:
    print(
        f"{label:22} {r['precision_strict']:8.3f} {r['recall_strict']:8.3f}"
        f" {r['f1_strict']:9.3f} {r['precision_lax']:6.3f} {r['recall_lax']:6.3f}"
        f" {r['f1_lax']:6.3f} {elapsed:7.2f}"
    )


if __name__ == "__main__":
    main()
