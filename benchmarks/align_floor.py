"""The length-only floor on story pairs: the aligner against Gale-Church, by pair kind.

    .venv/bin/python benchmarks/align_floor.py [--list] [--e2e [--cache FILE]] \\
        [--param length_path_agreement=0.9]

Why: issue 16 says an aligner must never be worse than length-based alignment
(Gale-Church, 1993).  ``align_cv.py`` reports that per set, pooled; a set can
be far above the floor while some of its pairs fall below it.  This report
counts those pairs.  Every story pair is aligned on its gold body spans with
no MT and the shipped ``AlignParams()`` (as ``align_devsets`` does), and split
by kind: *one language* (both sides' body spans mostly in one language) or
*two languages* compared directly, which is the no-MT path the floor is about
(a pair across scripts goes through ``align_blind``; one script through the
learnt word table).  Per dev set: pairs, pooled bead F1 of the aligner and of
Gale-Church, and how many pairs are below the floor; then the dev sets pooled;
then the check batches (``align_devsets.CHECK_SETS``) pooled only, never pair
by pair.  ``--list`` names the dev pairs below the floor.

``--e2e`` adds the same count on the product path (``align_pairs.py``: the
tool's segments and roles, headline/body groups, the stand-in models' MT,
scored by ``stories-dev/eval.py``; Gale-Church on the same story segments),
by the writers' pair kind: the path the held-out figures are measured on.

There is no parameter here, so there is nothing to leave out: the figures are
what held-out pairs of the same kinds should show.  ``--param FIELD=VALUE``
(repeatable) scores ``AlignParams`` with that field changed (a rule measured off
and on); parameters are chosen by ``align_pairs_cv.py``, not here.  Scores as ``align_cv.py``:
bead F1 over judged beads (both sides non-empty), ``possible`` beads count for
precision only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_cv import Counts, as_links, counts, f1, pooled  # noqa: E402
from align_devsets import BLIND, CHECK_SETS, STORIES, Unit  # noqa: E402
from field_values import shipped_field, typed  # noqa: E402

from workbench.core.align import AlignParams, align  # noqa: E402
from workbench.core.align_gc import gale_church  # noqa: E402

Row = tuple[Unit, str, Counts, Counts]  # unit, kind, aligner counts, Gale-Church counts


def side_language(folder: Path, key: str) -> str:
    """The language most body characters of one gold page are in (its spans' ``lang``)."""
    index = json.loads((folder / "index.json").read_text("utf-8"))
    page = next(p for p in index["pages"] if p == key or p.endswith("__" + key))
    spans = json.loads((folder / f"{page}.json").read_text("utf-8"))["spans"]
    chars: Counter[str] = Counter()
    for span in spans:
        if span["role"] == "body":
            chars[span.get("lang") or "?"] += span["end"] - span["start"]
    return chars.most_common(1)[0][0] if chars else "?"


def pair_kind(folder: Path, pair: str) -> str:
    """``one language`` or ``two languages``, from the gold pair's two pages."""
    gold = json.loads((folder / f"align-{pair}.json").read_text("utf-8"))
    same = side_language(folder, gold["left"]) == side_language(folder, gold["right"])
    return "one language" if same else "two languages"


def rows(root: Path, set_name: str, params: AlignParams | None = None) -> list[Row]:
    """Every pair of one gold folder: its kind, the aligner's and Gale-Church's counts."""
    from align_devsets import story_units

    out = []
    for unit in story_units(root, set_name):
        kind = pair_kind(root / "gold-spans", unit.name)
        beads = align(unit.left, unit.right, params=params or AlignParams())
        mine = counts(unit, as_links(beads))
        out.append((unit, kind, mine, counts(unit, gale_church(unit.left, unit.right))))
    return out


def below(row: Row) -> bool:
    return f1(row[2]) < f1(row[3]) - 1e-9


def line(label: str, picked: list[Row]) -> str:
    if not picked:
        return f"  {label:24} {'-':>5}"
    mine, base = pooled([r[2] for r in picked]), pooled([r[3] for r in picked])
    p, r = mine[0] / max(1, mine[1]), mine[2] / max(1, mine[3])
    return (f"  {label:24} {len(picked):5} {p:6.3f} {r:6.3f} {f1(mine):7.3f} {f1(base):7.3f}"
            f" {sum(below(x) for x in picked):6}")  # fmt: skip


def e2e_report(cache: Path | None, names: bool, params: AlignParams) -> None:
    """The floor on the product path, per writer's kind (dev), and the check pooled."""
    from align_cv import _EVAL, _pair_counts
    from align_pairs import align_case, cached_cases, case_gale_church, pair_kind, split_of

    if _EVAL is None:
        print("end to end: no stories-dev/eval.py, skipped")
        return
    found: dict[tuple[str, str], list[tuple[Counts, Counts]]] = {}
    for case in cached_cases(cache):
        mine = _pair_counts(
            case, lambda c: _EVAL.score_pair(c.gold, *c.body, align_case(c, "tool", params=params))
        )
        base = _pair_counts(
            case, lambda c: _EVAL.score_pair(c.gold, *c.body, case_gale_church(c, "tool"))
        )
        split = "check" if split_of(case.set_name) == "check" else "dev"
        found.setdefault((split, pair_kind(case)), []).append((mine, base))
        if names and split == "dev" and f1(mine) < f1(base) - 1e-9:
            print(f"  e2e below GC: {case.set_name:8} {case.name:50} "
                  f"{f1(mine):.3f} / {f1(base):.3f}")  # fmt: skip
    print(f"end to end (tool roles, stand-in MT), by kind:\n  {'split / kind':24} {'pairs':>5}"
          f" {'P':>6} {'R':>6} {'F1':>7} {'GC F1':>7} {'<GC':>6}")  # fmt: skip
    for (split, kind), pairs in sorted(found.items()):
        mine, base = pooled([m for m, _ in pairs]), pooled([b for _, b in pairs])
        low = sum(f1(m) < f1(b) - 1e-9 for m, b in pairs)
        p, r = mine[0] / max(1, mine[1]), mine[2] / max(1, mine[3])
        print(f"  {split + ' ' + kind:24} {len(pairs):5} {p:6.3f} {r:6.3f} {f1(mine):7.3f}"
              f" {f1(base):7.3f} {low:6}")  # fmt: skip


def changed(items: list[str]) -> AlignParams:
    """``AlignParams()`` with the ``FIELD=VALUE`` items set (the value in the field's type)."""
    params = AlignParams()
    for item in items:
        name, _, value = item.partition("=")
        params = replace(params, **{name: typed(name, shipped_field(params, name), value)})
    return params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="name the dev pairs below the floor")
    parser.add_argument("--e2e", action="store_true", help="also the product path, by kind")
    parser.add_argument("--cache", type=Path, help="align_pairs.py's pickle of the ingested pairs")
    parser.add_argument("--param", action="append", default=[], metavar="FIELD=VALUE",
                        help="AlignParams with this field changed (repeatable)")
    args = parser.parse_args()
    params = changed(args.param)
    dev: dict[str, list[Row]] = {"stories": rows(STORIES, "stories", params)}
    check: list[Row] = []
    for batch in sorted(BLIND.glob("batch*/"), key=lambda p: int(p.name.removeprefix("batch"))):
        name = "blind" + batch.name.removeprefix("batch")
        if batch.name in CHECK_SETS:
            check += rows(batch, name, params)
        else:
            dev[name] = rows(batch, name, params)
    if not any(dev.values()) and not check:
        print("no story pairs found: nothing to do")
        return
    print(f"story pairs on gold body spans, no MT, AlignParams({', '.join(args.param)}); "
          f"load {os.getloadavg()[0]:.1f}")
    head = f"  {'set / kind':24} {'pairs':>5} {'P':>6} {'R':>6} {'F1':>7} {'GC F1':>7} {'<GC':>6}"
    for kind in ("two languages", "one language"):
        print(f"{kind}, per dev set:\n{head}")
        for name, found in dev.items():
            picked = [r for r in found if r[1] == kind]
            if picked:
                print(line(name, picked))
        everything = [r for found in dev.values() for r in found if r[1] == kind]
        print(line("dev pooled", everything))
        print(line("check pooled", [r for r in check if r[1] == kind]))
    if args.list:
        print("dev pairs below Gale-Church (aligner F1 / GC F1):")
        for found in dev.values():
            for unit, kind, mine, base in found:
                if below((unit, kind, mine, base)):
                    print(f"  {unit.set_name:8} {unit.name:50} {kind:13} "
                          f"{f1(mine):.3f} / {f1(base):.3f}")  # fmt: skip
    if args.e2e:
        e2e_report(args.cache, args.list, params)


if __name__ == "__main__":
    main()
