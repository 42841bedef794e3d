"""A rights notice ends what the learned layer may give back: leave one set out, check pooled.

    .venv/bin/python benchmarks/role_rights_cv.py [--shared DIR] [--switch MODULE.NAME]

``role_model.KEEP_RIGHTS`` (``core.role_footer.rights_kept``): below the rules' last story
segment, the ``other`` lines under a line printing the copyright sign or word stand against
the learned layer.  Scored off and on, same process, same pages:

* **today**: the whole pipeline (``page_gold.predict``) on every dev set of
  ``role_labels_cv.today_sets``; a fold takes the switch when it lowers no training set (roles
  or story characters) and raises their pooled mean of roles and story (``role_params_cv``'s
  rule), and the left-out set is scored with the fold's choice;
* **first runs**: each dev batch's first-run labels (``role_train.FIRST_RUN``, mapped from
  ``role_history.json``) corrected by the shipped weights, as an unseen page meets the layer;
* the characters the keep holds, by their gold role (today and first runs): a keep that holds
  gold story text costs wherever the layer was right;
* **check batches** (``role_labels_cv.CHECK_SETS``) pooled only, today's pipeline, to veto.

The rules alone do not move (the keep only limits the layer).  ``--switch`` scores another
module-level switch the same way (``workbench.core.page_tail.FAMILIAR``: the familiar "you"
read as the site's voice, round 19); the held characters are the keep's only.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_train  # noqa: E402
from role_labels_cv import CHECK_SETS, STORY_PAIRS, today_sets  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.core import roles as roles_mod  # noqa: E402
from workbench.core.role_footer import rights_kept  # noqa: E402
from workbench.core.roles import lines_as_paragraphs  # noqa: E402
from workbench.testing.page_gold import GoldPage, Score, predict, score_page  # noqa: E402

Table = dict[tuple[str, bool], Score]
#: The switch scored off and on: (module, attribute).
SWITCH: list = [rm, "KEEP_RIGHTS"]


def _set(on: bool) -> None:
    setattr(SWITCH[0], SWITCH[1], on)


def held_chars(page: GoldPage, roles: list[str], into: Counter) -> None:
    """Gold roles of the non-space characters in the segments the keep holds."""
    segs = lines_as_paragraphs(page.segs)
    gold = {pos: span["role"] for span in page.spans for pos in range(span["start"], span["end"])}
    for seg, keep in zip(segs, rights_kept(segs, roles), strict=True):
        if keep:
            for pos in range(seg.start, seg.end):
                if pos in gold and not page.text[pos].isspace():
                    into[gold[pos]] += 1


def score_today(sets: dict[str, list[GoldPage]], held: Counter) -> Table:
    table: Table = {}
    for on in (False, True):
        _set(on)
        for name, pages in sets.items():
            s = table.setdefault((name, on), Score())
            for page in pages:
                roles = predict(page)
                s.add(score_page(page, roles))
                if on and name not in CHECK_SETS:
                    held_chars(page, _rules(page), held)
    return table


def _rules(page: GoldPage) -> list[str]:
    """The rules' labels before the layer (what ``rights_kept`` reads)."""
    model, rm.shipped_model = rm.shipped_model, lambda: None
    try:
        return predict(page)
    finally:
        rm.shipped_model = model


def score_first_runs(sets: dict[str, list[GoldPage]], held: Counter) -> Table:
    history = json.loads(role_train.HISTORY.read_text(encoding="utf-8"))
    model = rm.shipped_model()
    table: Table = {}
    for name, commit in role_train.FIRST_RUN.items():
        if name in CHECK_SETS or commit not in history or name not in sets:
            continue
        for page in sets[name]:
            runs = history[commit].get(f"{name}/{page.name}")
            if runs is None or not (STORY_PAIRS / name.replace("blind", "batch")).is_dir():
                continue
            labels = role_train.mapped_roles(page, runs)
            n = len(page.segs)
            fixed = roles_mod._fixed_roles(page.segs, [None] * n, [False] * n)
            fixed = [None if r == "headline" else r for r in fixed]
            held_chars(page, labels, held)
            for on in (False, True):
                _set(on)
                out = rm.correct_roles(page.segs, labels, fixed, langs=page.langs, model=model)
                table.setdefault((name, on), Score()).add(score_page(page, out))
    return table


def pooled(table: Table, names: list[str], on: bool) -> Score:
    s = Score()
    for name in names:
        s.add(table[(name, on)])
    return s


def chooses(table: Table, train: list[str]) -> bool:
    """The fold rule: on only if it lowers no training set and raises their pooled mean."""
    for name in train:
        a, b = table[(name, False)], table[(name, True)]
        if b.role_ok < a.role_ok or b.story_ok < a.story_ok:
            return False
    a, b = pooled(table, train, False), pooled(table, train, True)
    return (b.roles + b.story) / 2 > (a.roles + a.story) / 2 + 1e-12


def report(title: str, table: Table, names: list[str]) -> None:
    off, on, held = Score(), Score(), Score()
    took = 0
    for name in names:
        choice = chooses(table, [n for n in names if n != name])
        took += choice
        held.add(table[(name, choice)])
        off.add(table[(name, False)])
        on.add(table[(name, True)])
    print(f"{title}: off {off.roles:.4f} / {off.story:.4f}, on {on.roles:.4f} / {on.story:.4f}, "
          f"leave one set out {held.roles:.4f} / {held.story:.4f} ({took} of {len(names)} folds "
          "chose it)")  # fmt: skip
    for name in names:
        a, b = table[(name, False)], table[(name, True)]
        if (a.role_ok, a.story_ok) != (b.role_ok, b.story_ok):
            print(f"  {name}: {a.roles:.4f} / {a.story:.4f} -> {b.roles:.4f} / {b.story:.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--switch", default="workbench.core.role_model.KEEP_RIGHTS")
    args = parser.parse_args()
    module, _, name = args.switch.rpartition(".")
    SWITCH[:] = [importlib.import_module(module), name]
    if args.shared:
        os.environ["WORKBENCH_SHARED"] = str(args.shared)
    sets = today_sets(args.shared or ROOT.parent / "shared")
    held_today, held_first = Counter(), Counter()
    today = score_today(sets, held_today)
    first = score_first_runs(sets, held_first)
    _set(True)
    dev = [n for n in sets if n not in CHECK_SETS]
    report("today's pipeline, dev sets", today, dev)
    report("first-run labels, shipped weights", first, sorted({n for n, _ in first}))
    if SWITCH[1] == "KEEP_RIGHTS":
        print("held by the keep, gold roles (characters): today", dict(held_today),
              "first runs", dict(held_first))
    check = [n for n in sets if n in CHECK_SETS]
    a, b = pooled(today, check, False), pooled(today, check, True)
    print(f"check {len(check)} batches pooled: {a.roles:.4f} / {a.story:.4f} -> "
          f"{b.roles:.4f} / {b.story:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
