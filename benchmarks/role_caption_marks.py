"""What a photo caption carries that a title does not: candidate marks counted on dev pages.

    .venv/bin/python benchmarks/role_caption_marks.py [--json FILE] [--show MARK]

Why (round 36): round 35's ``under_byline`` column (a line under a byline or date line, below
the rules' headline) stopped batch 17's caption under the ×2 headline weight, but the same fit
lifted two other gold-``other`` captions into ``headline``: batch 11's merkur_dpa_de ("Schlepper
versuchen, … © Emrah Gurel/AP/dpa" under a "1/12" gallery counter) and batch 13's cbc_en
("Measles is one of … (Jean-Philippe Thériault/Radio-Canada)" under "CBC News  Posted: Nov 30,
2026 7:12 PM EST | Last Updated: …", too many words for ``is_metadata``).  A column is worth a
refit only if a new page would carry it: this counts, on every dev set of ``role_train``
(the shared dev set and the dev batches; check batches are never read), each candidate mark's
lines by their gold majority role (today's rule labels where a mark reads them), and in how
many sets a gold-``other`` and a gold-``headline`` line carry it (``credit_end``: the line is
or closes with a photo credit, ``role_features.is_credit``; ``next_credit_in_header``: the line
above one, under the rules' headline and above their story, = ``role_features.above_credit``).
Development sets only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_train as rt  # noqa: E402
from role_caption_census import gold_roles  # noqa: E402

from workbench.core.page_header_lines import stamp_like  # noqa: E402
from workbench.core.page_shapes import _BYLINE, is_metadata  # noqa: E402
from workbench.core.role_features import is_credit  # noqa: E402
from workbench.testing.page_gold import load_pages  # noqa: E402

#: A gallery counter: "1/12", "1 / 4 …".
_GALLERY = re.compile(r"^\d{1,2}\s?/\s?\d{1,3}\b")


def _stamp_or_byline(text: str) -> bool:
    return is_metadata(text) or bool(_BYLINE.match(text)) or stamp_like(text)


def marks(segs, rules) -> dict[str, list[bool]]:
    """Each candidate mark per segment (the header ones read the rules' labels)."""
    n = len(segs)
    body = [i for i, r in enumerate(rules) if r == "body"]
    first_body = body[0] if body else n
    head_above = [False] * n
    for i in range(1, n):
        head_above[i] = head_above[i - 1] or rules[i - 1] == "headline"
    text = [s.text.strip() for s in segs]
    header = [head_above[i] and i < first_body for i in range(n)]
    return {
        "credit_end": [is_credit(t) for t in text],
        "under_byline": [
            header[i] and (is_metadata(text[i - 1]) or bool(_BYLINE.match(text[i - 1])))
            for i in range(n)
        ],  # fmt: skip
        "under_stamp": [header[i] and _stamp_or_byline(text[i - 1]) for i in range(n)],
        "gallery": [
            bool(_GALLERY.match(text[i])) or (i > 0 and bool(_GALLERY.match(text[i - 1])))
            for i in range(n)
        ],  # fmt: skip
        "credit_end_in_header": [header[i] and is_credit(text[i]) for i in range(n)],
        "next_credit": [i + 1 < n and is_credit(text[i + 1]) for i in range(n)],
        "next_credit_in_header": [
            header[i] and i + 1 < n and is_credit(text[i + 1]) for i in range(n)
        ],  # fmt: skip
    }


def census() -> tuple[dict, list]:
    folders = {"stories-dev": rt.SHARED / "data" / "stories-dev"}
    folders |= {f"blind{b}": rt.BLIND / f"batch{b}" for b in rt.BATCHES}
    counts: dict[str, Counter] = {}
    sets: dict[str, dict[str, set]] = {}
    rows = []
    for name, folder in folders.items():
        if not (folder / "gold-spans").is_dir() or name in rt.CHECK_ONLY:
            continue
        for page in load_pages(folder):
            rules, _fixed = rt.rule_roles(page)
            gold = gold_roles(page)
            for mark, on in marks(page.segs, rules).items():
                for i, hit in enumerate(on):
                    if not hit:
                        continue
                    counts.setdefault(mark, Counter())[gold[i]] += 1
                    sets.setdefault(mark, {}).setdefault(gold[i], set()).add(name)
                    rows.append((mark, name, page.name, i, gold[i], rules[i],
                                 page.segs[i].text.strip()[:80]))  # fmt: skip
    return {"counts": counts, "sets": sets}, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show", default="", help="print this mark's gold-headline lines")
    parser.add_argument("--show-body", action="store_true", help="and its gold-body lines")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# caption marks on dev lines, today's rule labels (machine load {load[0]:.1f})\n")
    res, rows = census()
    print("| mark | gold other / headline / body / rest | sets with gold other / headline |")
    print("|---|---|---|")
    for mark, c in res["counts"].items():
        rest = sum(v for k, v in c.items() if k not in ("other", "headline", "body"))
        s = res["sets"][mark]
        print(f"| {mark} | {c['other']} / {c['headline']} / {c['body']} / {rest} | "
              f"{len(s.get('other', ()))} / {len(s.get('headline', ()))} |")  # fmt: skip
    for r in rows:
        if r[0] == args.show and (r[4] == "headline" or (args.show_body and r[4] == "body")):
            print("  ", *r[1:])
    if args.json:
        out = {"counts": {k: dict(v) for k, v in res["counts"].items()},
               "rows": rows}  # fmt: skip
        args.json.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
