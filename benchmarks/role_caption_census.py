"""Lines the learned layer lifts into ``headline`` (or nearly) whose gold is not headline.

    .venv/bin/python benchmarks/role_caption_census.py [--weights FILE ...] [--risk 0.45]
        [--labels today,first]

Why (round 35): round 34's ×2 headline-weight refit lifted batch 17's photo caption
("Yuliia Derevianko shot clean to win in Kontiolahti IBU", gold ``other``, under the byline)
from headline probability .480 to .647, over the correction's bar, and the aligner then paired
it with the other copy's headline (two false flags).  Before a column for "a caption, not a
title" is worth adding, it must have members in more than one batch: this lists, over every
dev set of ``role_train`` (the shared dev set and the dev batches; check batches are never
read), each line whose gold majority is not ``headline`` and that a weights file lifts into
headline or gives a headline probability of at least ``--risk``, on today's rule labels and
on each set's first run, with the line above (bylines, date lines, credits sit there).  The
gold-headline lines the same files lift are counted beside them: a column that stops the
wrong lifts must not stop these.  Development sets only; pages are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_train as rt  # noqa: E402
import role_weights as rw  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing.page_gold import load_pages, mapped_roles  # noqa: E402


def gold_roles(page) -> list[str]:
    """Each segment's majority gold role by non-space characters ("other" if none)."""
    out = []
    for seg in page.segs:
        votes: Counter = Counter()
        for span in page.spans:
            lo, hi = max(seg.start, span["start"]), min(seg.end, span["end"])
            if lo < hi:
                votes[span["role"]] += sum(not ch.isspace() for ch in page.text[lo:hi])
        out.append(votes.most_common(1)[0][0] if votes else "other")
    return out


def census(models: dict[str, rm.RoleModel], versions: list[str], risk: float) -> dict:
    """Rows of lifted or at-risk lines, and per file the gold-headline lines it lifts."""
    history = json.loads(rt.HISTORY.read_text(encoding="utf-8"))
    folders = {"stories-dev": rt.SHARED / "data" / "stories-dev"}
    folders |= {f"blind{b}": rt.BLIND / f"batch{b}" for b in rt.BATCHES}
    rows, right = [], Counter()
    head = rm.ROLES.index("headline")
    for name, folder in folders.items():
        if not (folder / "gold-spans").is_dir() or name in rt.CHECK_ONLY:
            continue
        first = rt.FIRST_RUN.get(name)
        for page in load_pages(folder):
            rules, fixed = rt.rule_roles(page)
            gold = gold_roles(page)
            labels = {"today": rules}
            if first and f"{name}/{page.name}" in history.get(first, {}):
                labels["first"] = mapped_roles(page, history[first][f"{name}/{page.name}"])
            for version in versions:
                if version not in labels:
                    continue
                lab = labels[version]
                x = rm.page_features(page.segs, lab, fixed, langs=page.langs)
                out = {k: (m.probabilities(x)[:, head], rm.apply_model(m, lab, x))
                       for k, m in models.items()}  # fmt: skip
                for i, seg in enumerate(page.segs):
                    lifted = {k for k, (_, r) in out.items() if r[i] == "headline" != lab[i]}
                    if gold[i] == "headline":
                        right.update((k, version) for k in lifted)
                        continue
                    p = {k: float(pr[i]) for k, (pr, _) in out.items()}
                    if not lifted and max(p.values()) < risk:
                        continue
                    rows.append({
                        "set": name, "page": page.name, "i": i, "version": version,
                        "gold": gold[i], "rule": lab[i], "p": p, "lifted": sorted(lifted),
                        "text": seg.text.strip()[:90],
                        "above": page.segs[i - 1].text.strip()[:60] if i else "",
                    })  # fmt: skip
    return {"rows": rows, "right": {f"{k} {v}": n for (k, v), n in right.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, action="append", default=[])
    parser.add_argument("--risk", type=float, default=0.45)
    parser.add_argument("--labels", default="today,first")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# headline lifts on gold non-headline lines (machine load {load[0]:.1f})\n")
    models = {"shipped": rw.load_model(rt.WEIGHTS)}
    models |= {w.stem: rw.load_model(w) for w in args.weights}
    res = census(models, args.labels.split(","), args.risk)
    names = list(models)
    print("| set | page | line | labels | gold / rule | " + " | ".join(names)
          + " | text | line above |\n|" + "---|" * (7 + len(names)))  # fmt: skip
    for r in res["rows"]:
        ps = " | ".join(f"{r['p'][k]:.3f}{'*' if k in r['lifted'] else ''}" for k in names)
        print(f"| {r['set']} | {r['page'][-40:]} | {r['i']} | {r['version']} | {r['gold']} / "
              f"{r['rule']} | {ps} | {r['text']} | {r['above']} |")  # fmt: skip
    print("\n(* lifted into headline.)  Gold-headline lines lifted:", res["right"])
    wrong = Counter((k, r["version"]) for r in res["rows"] for k in r["lifted"])
    print("Gold non-headline lines lifted:", {f"{k} {v}": n for (k, v), n in wrong.items()})
    sets = sorted({r["set"] for r in res["rows"]})
    print("Sets with an at-risk or lifted line:", len(sets), sets)
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
