"""Page roles (and pair flags) on real captured pages: per page, overall, cross-validated.

    .venv/bin/python benchmarks/roles_flags.py [--shared DIR] [--json FILE]

Roles are scored in process with the dev set's definitions (characters,
whitespace excluded; ``story`` = the in-story decision headline/body vs the
rest; span figures by majority label) on two sets:

* the shared real-page dev set ``../shared/data/stories-dev`` (when present;
  the report says so when it is absent), and
* the repository's own fixture pages ``tests/data/role-pages`` (invented
  stories in real-site chrome shapes), and
* the blind batches kept in its sub-folders (``blind3``, ``blind4``: pages written
  by a fixture writer who never saw the rules; their first-run figures are in
  their README and docs/ingest.md), each as its own set, then all sets pooled.

Besides the in-sample figures with the default thresholds, every tunable
threshold of ``core.page_evidence.RoleParams`` is chosen on all pages but one
(leave-one-page-out) or all stories but one (leave-one-story-out) and the left
out part is scored with it.  The baseline row is the pre-evidence model run in
the same process: phrase rules, then the first title-shaped line as headline,
everything else body.  The flag report (precision/recall against the flag gold
in ``tests/data/flag-gold.json``) follows the role tables.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_check_sets import ROLE_CHECK_SETS  # noqa: E402

from workbench.core import roles as roles_mod  # noqa: E402
from workbench.core.checks import DEFAULT_GATE  # noqa: E402
from workbench.core.page_evidence import DEFAULT_PARAMS, RoleParams  # noqa: E402
from workbench.testing.flag_gold import (  # noqa: E402
    case_items,
    dev_items,
    either_counted_false,
    end_to_end_pairs,
    gate_grid,
    gated_items,
    held_out_items,
    precision_recall,
)
from workbench.testing.page_gold import (  # noqa: E402
    GoldPage,
    Score,
    cross_validate,
    load_annotated_dir,
    load_pages,
    load_story_pair_sets,
    predict,
    score_page,
)

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
FIXTURES = ROOT / "tests" / "data" / "role-pages"
STORY_PAIRS = ROOT / "tests" / "data" / "story-pairs"


def grid() -> list[RoleParams]:
    """Defaults first (ties keep them), then every combination of the thresholds."""
    points = [DEFAULT_PARAMS]
    for cohesion, caps, short, prose in itertools.product(
        (0.15, 0.25, 0.4), (0.6, 0.75, 0.9), (4, 6, 8), (6, 8, 10)
    ):
        point = RoleParams(cohesion=cohesion, caps_share=caps, short_words=short, prose_words=prose)
        if point != DEFAULT_PARAMS:
            points.append(point)
    return points


def baseline(page: GoldPage) -> list[str]:
    """The role model before page evidence: phrase rules, first title line, else body."""
    fixed = roles_mod._fixed_roles(page.segs, [None] * len(page.segs), [False] * len(page.segs))
    out = [r if r is not None else "body" for r in fixed]
    if page.segs and fixed[0] is None:
        first = page.segs[0]
        alone = sum(1 for s in page.segs if s.paragraph == first.paragraph) == 1
        if alone and len(first.text.split()) <= 25 and not first.text.endswith("."):
            out[0] = "headline"
            for i, seg in enumerate(page.segs[:50]):
                if fixed[i] is None and seg.text.strip() == first.text.strip():
                    out[i] = "headline"
    return out


def _row(name: str, s: Score) -> str:
    return (
        f"| {name} | {s.spans} | {s.roles:.3f} | {s.story:.3f} | {s.span_roles:.3f} "
        f"| {s.span_story:.3f} |"
    )


#: Blind batches kept as a check on the rules (round 7: 11 and 13 are developed on, 12
#: and 14 only scored): their tables print the overall rows, never a page or a confusion.
CHECK_SETS = (
    "blind12", "blind14", "blind16", "blind18", "blind20", "blind22", "blind28", "blind30",
    "blind32", "blind34", "blind36", "blind38", "blind39", "blind42",
    "blind45", "blind46", "blind49", "blind50", "blind51", "blind54", "blind55", "blind58",
    "blind59", "blind60", "blind63", "blind64", "blind69", "blind70", "blind72", "blind74",
    "blind77", "blind78",
    "blind79", "blind81",
    "blind83", "blind85",
    "blind87", "blind90",
    "blind93", "blind94",
    "blind95", "blind97",
    "blind99", "blind100",
    "blind103", "blind106",
    "blind108", "blind109",
    "blind112", "blind114",
    "blind115", "blind118",
    "blind120", "blind121",
    "blind123", "blind125",
    "blind127", "blind129",
    "blind131", "blind134",
    "blind135", "blind137",
    "blind140", "blind142",
    "blind143", "blind144",
    "blind147", "blind149",
    "blind153", "blind154",
    "blind156", "blind158",
    "blind159", "blind160",
)  # fmt: skip


#: This round's check batches for flags (COMMON.md): scored pooled only, never set by set.
FLAG_CHECK_SETS = ROLE_CHECK_SETS  # one tuple for all role/flag studies (reliab41)
FLAG_CHECK_ROW = (
    "check (blind20, 22, 28, 30, 32, 34, 36, 38, 39, 42, 45, 46, 49, 50, 51, 54, 55, 58,"
    " 59, 60, 63, 64, 69, 70, 72, 74, 77, 78, 79, 81, 83, 85, 87, 90, 93, 94, 95, 97, 99,"
    " 100, 103, 106, 108, 109, 112, 114, 115, 118, 120, 121, 123, 125, 127, 129, 131, 134,"
    " 135, 137, 140, 142, 143, 144, 147, 149, 153, 154, 156, 158, 159, 160 pooled)"
)


def report(label: str, pages: list[GoldPage], per_page: bool = True) -> dict:
    """Print the per-page and overall tables of one page set; return the figures."""
    print(f"\n### {label}: {len(pages)} pages\n")
    print("| page | spans | roles (chars) | story (chars) | roles (spans) | story (spans) |")
    print("|---|---:|---:|---:|---:|---:|")
    total, base = Score(), Score()
    for page in pages:
        s = score_page(page, predict(page))
        total.add(s)
        base.add(score_page(page, baseline(page)))
        if per_page:
            print(_row(page.name.split("__")[-1], s))
    lopo, _ = cross_validate(pages, grid(), lambda p: p.name)
    loso, chosen = cross_validate(pages, grid(), lambda p: p.story)
    print(_row("**all, defaults (in-sample)**", total))
    print(_row("all, leave-one-page-out", lopo))
    print(_row(f"all, leave-one-story-out ({len(chosen)} stories)", loso))
    print(_row("baseline (phrase rules + first line)", base))
    if per_page:
        confusion = ", ".join(f"{g}->{t} {n}" for (g, t), n in total.confusion.most_common(6))
        print(f"\nremaining confusions gold->tool (chars): {confusion or 'none'}")
    return {
        "pages": len(pages),
        "in_sample": {"roles": total.roles, "story": total.story},
        "leave_one_page_out": {"roles": lopo.roles, "story": lopo.story},
        "leave_one_story_out": {"roles": loso.roles, "story": loso.story},
        "baseline": {"roles": base.roles, "story": base.story},
        "chosen_per_story": {k: asdict(v) for k, v in chosen.items()},
    }


def _flag_row(label: str, s: dict) -> None:
    print(f"| {label} | {s['true']} | {s['false']} | {s['missed']} | {s['precision']:.2f} "
          f"| {s['recall']:.2f} |")  # fmt: skip


def _pr(s: dict) -> str:
    return f"{s['precision']:.2f} / {s['recall']:.2f} ({s['true']}/{s['false']}/{s['missed']})"


def flag_report(dev: Path, extra: list[tuple[str, list[GoldPage]]] = ()) -> dict:
    """Flag precision/recall against tests/data/flag-gold.json (tokens), gate cross-validated.

    End-to-end pairs (roles -> aligner -> checks) come from the shared dev set,
    the repository's fixture pages and the blind batches kept in the repository;
    the gate (calibrated confidence, similarity) is chosen leave-one-pair-out and
    leave-one-set-out over all of them, and every set is reported on its own.
    """
    gold = json.loads((ROOT / "tests" / "data" / "flag-gold.json").read_text(encoding="utf-8"))
    print("\n### Flags (tokens; gold: tests/data/flag-gold.json)\n")
    print("| set | true | false | missed | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    out: dict = {}
    pairs = []
    if dev.is_dir():
        dev_pages = {p.name.split("__")[-1]: p for p in load_pages(dev)}
        pairs += end_to_end_pairs(gold, dev_pages, groups=dict.fromkeys(dev_pages, "stories-dev"))
        out["real dev pairs, gold beads"] = precision_recall(dev_items(gold, dev))
        _flag_row("real dev pairs, gold beads", out["real dev pairs, gold beads"])
    else:
        print(f"(shared dev set absent: {dev}; only the repository's pairs and cases)")
    sets = list(extra) or [("fixtures", load_annotated_dir(FIXTURES))]
    fixture_pages = {p.name: p for _, pages in sets for p in pages}
    groups = {p.name: name for name, pages in sets for p in pages}
    pairs += end_to_end_pairs(gold, fixture_pages, "fixture_end_to_end", groups)
    out["repository cases"] = precision_recall(case_items(gold))
    _flag_row("repository cases (sentence pairs)", out["repository cases"])
    out["sets"] = _flag_sets(pairs)
    return out


def _flag_sets(pairs: list) -> dict:
    """Per set and overall: default gate, no gate, gate chosen leave-one-pair/set-out."""
    lopo, lopo_gates = held_out_items(pairs, gate_grid())
    loso, loso_gates = held_out_items(pairs, gate_grid(), fold=lambda p: p.group)
    default, ungated = gated_items(pairs), gated_items(pairs, None)
    strict = gated_items(either_counted_false(pairs))
    group_of = {p.label: p.group for p in pairs}
    print("\nEnd to end (roles -> aligner -> checks), tokens: "
          "precision / recall (true/false/missed); 'either counted false': the default gate "
          "with every raised token the gold does not require counted false\n")  # fmt: skip
    print("| set | pairs | default gate | no gate | gate leave-one-pair-out "
          "| gate leave-one-set-out | default gate, either counted false |")  # fmt: skip
    print("|---|---:|---|---|---|---|---|")
    out = {}
    dev_sets = [g for g in dict.fromkeys(p.group for p in pairs) if g not in FLAG_CHECK_SETS]
    rows = {name: (name,) for name in dev_sets}
    rows |= {"dev (all but the check sets)": tuple(dev_sets), FLAG_CHECK_ROW: FLAG_CHECK_SETS,
             "all": (*dev_sets, *FLAG_CHECK_SETS)}  # fmt: skip
    for name, members in rows.items():
        def pick(items: list, members: tuple = members) -> dict:
            return precision_recall([i for i in items if group_of[i[0]] in members])

        runs = (("default", default), ("no gate", ungated), ("lopo", lopo), ("loso", loso),
                ("either false", strict))  # fmt: skip
        row = {k: pick(v) for k, v in runs}
        count = sum(1 for p in pairs if p.group in members)
        label = f"**{name}**" if name == "all" else name
        cells = " | ".join(_pr(row[k]) for k, _ in runs)
        print(f"| {label} | {count} | {cells} |")
        out[name] = row
    _pair_table(pairs, default, lopo)

    def gates(chosen: list) -> str:
        counts = Counter((g.confidence, g.similarity, g.similarity_title) for g in chosen)
        return ", ".join(f"{gate} x{n}" for gate, n in counts.items())

    print(f"\ndefault gate: {DEFAULT_GATE}; (confidence, similarity, title similarity) chosen "
          f"per left-out set: {gates(loso_gates)}; per left-out pair: {gates(lopo_gates)}")
    return out


def _pair_table(pairs: list, default: list, lopo: list) -> None:
    """Every pair on its own (not a check set's): default gate, gate chosen on the other pairs."""
    print("\n| set | pair | default gate | gate leave-one-pair-out |\n|---|---|---|---|")
    held = {item[0]: item for item in lopo}
    for pair, item in zip(pairs, default, strict=True):
        if pair.group in CHECK_SETS:
            continue  # a check set: its overall rows only, never a pair
        name = pair.label.split("__")
        label = f"{name[1]} / {name[-1]}" if len(name) >= 4 else pair.label
        mine, out = precision_recall([item]), precision_recall([held[item[0]]])
        print(f"| {pair.group} | {label} | {_pr(mine)} | {_pr(out)} |")


def pooled_report(sets: dict[str, list[GoldPage]]) -> dict:
    """Leave-one-story-out over every set pooled (thresholds chosen on all other stories)."""
    pages = [p for group in sets.values() for p in group]
    owner = {id(p): name for name, group in sets.items() for p in group}
    held, chosen = cross_validate(pages, grid(), lambda p: f"{owner[id(p)]}/{p.story}")
    print(f"\n### All sets pooled: {len(pages)} pages, {len(chosen)} stories\n")
    print("| page | spans | roles (chars) | story (chars) | roles (spans) | story (spans) |")
    print("|---|---:|---:|---:|---:|---:|")
    print(_row("all, leave-one-story-out", held))
    return {"leave_one_story_out": {"roles": held.roles, "story": held.story}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--flags-only", action="store_true", help="only the flag report")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# Page roles and flags (machine load {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f})")
    out: dict = {}
    sets: dict[str, list[GoldPage]] = {}
    dev = args.shared / "data" / "stories-dev"
    sets["fixtures"] = load_annotated_dir(FIXTURES)
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        sets[folder.name] = load_annotated_dir(folder)
    sets |= load_story_pair_sets(STORY_PAIRS, set(sets))
    if not args.flags_only:
        if dev.is_dir():
            sets = {"shared dev": load_pages(dev), **sets}
            out["stories_dev"] = report(f"shared real-page dev set ({dev})", sets["shared dev"])
        else:
            print(f"\nshared real-page dev set absent ({dev}): only the repository fixtures")
        out["fixtures"] = report("repository fixture pages", sets["fixtures"])
        for name in [n for n in sets if n.startswith("blind")]:
            check = " (check set: overall only)" if name in CHECK_SETS else ""
            kept = (FIXTURES / name).is_dir()
            where = f"role-pages/{name}" if kept else f"story-pairs/batch{name[5:]}"
            label = f"{name} (tests/data/{where}; its README gives the first run)"
            out[name] = report(label + check, sets[name], per_page=name not in CHECK_SETS)
        out["pooled"] = pooled_report(sets)
    extra = [(name, pages) for name, pages in sets.items() if name not in ("shared dev",)]
    out["flags"] = flag_report(dev, extra)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
