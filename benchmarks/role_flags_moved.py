"""Flags of a weights file against the shipped one, only on the pairs whose roles move.

    .venv/bin/python benchmarks/role_flags_moved.py FILE

Why (round 33): ``roles_flags.py --flags-only`` ingests and aligns every gold pair end to
end (20-odd minutes on a loaded machine, twice for a comparison), yet a pair whose two pages
keep every product-path role under both files aligns and flags identically.  This runs
``roles_flags.py --flags-only`` twice, shipped file then ``FILE``, on the gold pairs with a
page whose roles differ (``page_gold.predict`` under each file), so the difference of the two
tables at the default gate is the whole flag difference; the per-pair table names the pairs.
(The gate chosen left out pools the pairs it is given: those columns are not the full run's.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_weights as rw  # noqa: E402
import roles_flags as rf  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing import page_gold  # noqa: E402


def main() -> int:
    shipped, alt = rm.shipped_model(), rw.load_model(Path(sys.argv[1]))
    memo: dict[int, bool] = {}
    state = {"model": shipped}
    full = rf.end_to_end_pairs

    def moved(page: page_gold.GoldPage) -> bool:
        if id(page) not in memo:
            read = []
            for model in (shipped, alt):
                rm.shipped_model = lambda model=model: model
                read.append(page_gold.predict(page))
            memo[id(page)] = read[0] != read[1]
        return memo[id(page)]

    def restricted(gold: dict, pages: dict, key: str = "end_to_end", groups=None, roles=None):
        keep = [e for e in gold.get(key, []) if e["left"] in pages and e["right"] in pages
                and (moved(pages[e["left"]]) or moved(pages[e["right"]]))]  # fmt: skip
        print(f"\n({key}: {len(keep)} pairs with a moved page)\n", flush=True)
        model = state["model"]
        rm.shipped_model = lambda: model
        return full({**gold, key: keep}, pages, key, groups, roles)

    rf.end_to_end_pairs = restricted
    for label, model in (("shipped", shipped), (sys.argv[1], alt)):
        print(f"\n## {label}\n", flush=True)
        state["model"] = model
        memo.clear()  # the next run loads its pages afresh (ids may be reused)
        sys.argv = ["roles_flags.py", "--flags-only"]
        rf.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
