"""Across languages: does a clause cut of the joined sentence split it as the two halves split?

    .venv/bin/python benchmarks/align_cut_halves.py --cache PICKLE [--roles tool|gold] \\
        [--kinds translation,paraphrase] [--set FIELD=VALUE] [--list]

Why (round 40, beads40): the dev translations' largest loss is still the sentence told as two
read as its 1-1 core, the other half free beside it (batch 146's "Die Ursache des Einsturzes
ist noch unklar; ein Statiker soll …" / "The cause … is not yet known." + "A structural
engineer is due …"; 145's "… geschlossen halten und Lüftungs- sowie Klimaanlagen abschalten"
/ two English sentences; 146's "niemand." + "Vorsorglich brachten …" / "… no one was injured,
and emergency crews evacuated …").  The stand-in MT is a copy, so the half's words do not
meet the other language; round 27's length halves read only the *whole* lengths.  A
translator cuts where the sentence has a clause cut, so the cut's place is a second length
signal: the joined sentence's two parts should stand in the proportion of the two halves.

Every output 1-1 link ``W : P`` (not a move) of the dev pairs of ``--kinds`` and every
unmatched, unmoved neighbour ``H`` of ``W`` (both story lines of one role) is a candidate when
``P`` ends as a sentence and holds a cut (``align_cut_halves.cut_points``); its error is the
least ``|share(part) - share(sentence)|`` over the cuts, the shares in characters, the parts
taken in ``W``'s and ``H``'s order.  Candidates are counted by error bucket and by whether the
grown bead is a sure gold bead ("gold") or not; batches beside.  Check batches never read.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_cut_halves import cut_error  # noqa: E402

BUCKETS = (0.02, 0.04, 0.06, 0.08, 0.10, 0.15, 1.01)


def candidates(case: align_pairs.PairCase, roles: str, params: object) -> list[tuple]:
    """(label, error, cut name, line) of each candidate of ``case``."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    sides = ((case.left, done.left, lroles), (case.right, done.right, rroles))
    texts = [[side.texts[k] for k in idx] for side, idx, _ in sides]
    role = [[labels[k] for k in idx] for _, idx, labels in sides]
    spans = [[side.spans[k] for k in idx] for side, idx, _ in sides]
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    free = {(s, (b.left or b.right)[0]) for b in done.beads if b.move_to is None
            and bool(b.left) != bool(b.right) for s in ((0,) if b.left else (1,))}  # fmt: skip
    out = []
    for bead in done.beads:
        if bead.move_to is not None or len(bead.left) != 1 or len(bead.right) != 1:
            continue
        for side in (0, 1):
            w, p = (bead.left[0], bead.right[0]) if side == 0 else (bead.right[0], bead.left[0])
            for x in (w - 1, w + 1):
                if (side, x) not in free or role[side][x] != role[side][w] != "":
                    continue
                first, second = sorted((w, x))
                err, name = cut_error(texts[side][first], texts[side][second], texts[1 - side][p])
                if name is None:
                    continue
                grown = [spans[side][first] | spans[side][second], spans[1 - side][p]]
                key = (grown[0], grown[1]) if side == 0 else (grown[1], grown[0])
                label = {"sure": "gold", "possible": "possible"}.get(gold.get(key, ""), "no")
                pair = (texts[side][first][:50], texts[side][second][:50], texts[1 - side][p][:70])
                line = "{!r} + {!r} / {!r}".format(*pair)
                out.append((label, err, name, line))
    return out


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "translation,paraphrase",
                                   "one line per candidate")  # fmt: skip
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    table: Counter = Counter()
    batches: dict[tuple, set[str]] = defaultdict(set)
    for case, kind in align_misses.dev_cases(args.cache, args.kinds.split(",")):
        for label, err, name, line in candidates(case, args.roles, params):
            bucket = next(b for b in BUCKETS if err <= b)
            table[kind, label, bucket] += 1
            batches[kind, label, bucket].add(case.set_name)
            if args.list:
                print(f"  {case.set_name:8} {kind[:5]} {label:8} {err:.3f} {name:6} {line}")
    for kind in args.kinds.split(","):
        print(f"{kind}: error <= | gold (batches) | possible | no (batches)")
        for b in BUCKETS:
            cells = [f"{table[kind, lab, b]:4} ({len(batches[kind, lab, b]):2})"
                     for lab in ("gold", "possible", "no")]  # fmt: skip
            print(f"  {b:5.2f} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
