"""Same output before and after a speed change: record the aligner's beads, then compare.

    .venv/bin/python benchmarks/align_identity.py record /tmp/ladders-before.json
    (change the aligner)
    .venv/bin/python benchmarks/align_identity.py check /tmp/ladders-before.json [--quick]

Why: speed work on ``workbench.core.align*`` must not change what the aligner
says.  Every case's full bead list (ladder, kind, score, move target,
confidence) is recorded as JSON outside the repository and compared bead by
bead; ``check`` exits 1 and names the cases that differ (and whether only
scores/confidences or the ladder itself changed) and the cases missing from the
recording (one made with ``--quick`` or without ``../shared``): those were
not compared, so they count as neither identical nor differing.  Cases: the
Text+Berg dev document with no MT, each supplied MT and both Europarl directions; every unit
of ``align_devsets`` (Text+Berg parts x MT, real-story pairs, synthetic edits);
the synthetic documents of ``align_scale`` at 300, 1000 and 2000 sentences
(``--quick``: 300 only).  Cases needing ``../shared`` are skipped without it.
``--check-pairs`` (round 42) adds the check batches' pairs (``check_units``) under
numbered names (``check #N``, no page named); ``check`` reports them pooled only (how
many are identical), never which one differs: check pairs are never looked at one by one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import TEXTBERG, _lines, all_units, check_units  # noqa: E402
from align_scale import synthetic_pair  # noqa: E402

from workbench.core.align import align  # noqa: E402

Case = tuple[str, list[str], list[str], dict[str, list[str]]]
Recorded = dict[str, list[list]]  # case name: its beads as JSON lists


def cases(quick: bool, check: bool = False) -> list[Case]:
    """Every document pair whose output is recorded (``check``: the check pairs too)."""
    found: list[Case] = []
    if (TEXTBERG / "dev.de").exists():
        left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
        de_fr = _lines(TEXTBERG / "dev.mt_de2fr.europarlfull")
        fr_de = _lines(TEXTBERG / "dev.mt_fr2de.europarlfull")
        settings = {
            "none": {},
            "ep de>fr": {"left_mt": de_fr},
            "ep fr>de": {"right_mt": fr_de},
            "google": {"left_mt": _lines(TEXTBERG / "dev.mt_de2fr.google")},
            "both ep": {"left_mt": de_fr, "right_mt": fr_de},
        }
        found += [(f"textberg full {k}", left, right, kw) for k, kw in settings.items()]
    found += [(f"{u.set_name} {u.name}", u.left, u.right, u.kwargs) for u in all_units()]
    for n in [300] if quick else [300, 1000, 2000]:
        left, right, _gold = synthetic_pair(n, 1)
        found.append((f"scale {n}", left, right, {}))
    if check:
        found += [(f"{_CHECK}{t}", u.left, u.right, u.kwargs) for t, u in enumerate(check_units())]
    return found


_CHECK = "check #"  # a check pair's case name: numbered, never named (pooled only)


def run(quick: bool, check: bool = False) -> Recorded:
    """Full bead lists per case (prints each case's CPU time; the check pairs' not)."""
    result = {}
    for name, left, right, kwargs in cases(quick, check):
        started = time.process_time()
        beads = align(left, right, **kwargs)
        result[name] = [
            [list(b.left), list(b.right), b.kind, b.score, b.move_to, b.confidence] for b in beads
        ]
        if not name.startswith(_CHECK):
            print(f"{name:<60} {time.process_time() - started:7.2f} s", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("path", type=Path, help="JSON file of recorded beads (outside the repo)")
    parser.add_argument("--quick", action="store_true", help="synthetic 300 only")
    parser.add_argument("--check-pairs", action="store_true",
                        help="also the check batches' pairs (reported pooled only)")
    args = parser.parse_args()
    result = run(args.quick, args.check_pairs)
    if args.mode == "record":
        args.path.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        print(f"recorded {len(result)} cases in {args.path}")
        return 0
    reference = json.loads(args.path.read_text(encoding="utf-8"))
    lines, code = compare(reference, result)
    print("\n".join(lines))
    return code


def compare(reference: Recorded, result: Recorded) -> tuple[list[str], int]:
    """Report lines and exit code of ``check``: 1 when any case differs or was not recorded.

    Why missing cases are not counted identical: a case the recording lacks was
    never compared, and calling it identical let a check against a partial
    recording report "N of N identical" for output nobody had seen before.
    """
    lines, differ, missing = [], 0, 0
    checks = [name for name in result if name.startswith(_CHECK)]
    check_differ = sum(reference.get(name) != result[name] for name in checks)
    for name, beads in result.items():
        if name.startswith(_CHECK):  # pooled only: counted below, never named
            missing += name not in reference
            differ += name in reference and reference[name] != beads
        elif name not in reference:
            missing += 1
            lines.append(f"NOT RECORDED (not compared): {name}")
        elif reference[name] != beads:
            differ += 1
            same_ladder = [b[:2] for b in reference[name]] == [b[:2] for b in beads]
            lines.append(f"DIFFERS: {name} ({'scores only' if same_ladder else 'ladder'})")
    identical = len(result) - differ - missing
    if checks:
        lines.append(f"check pairs (pooled): {len(checks) - check_differ} of {len(checks)}"
                     " identical")
    summary = f"{identical} of {len(result)} cases identical"
    if differ or missing:
        summary += f" ({differ} differ, {missing} not recorded and not compared)"
    return lines + [summary], 1 if differ or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
