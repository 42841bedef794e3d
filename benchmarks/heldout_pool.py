"""Pool held-out ``eval.py --json`` results over batches: roles, story, pairs, pairs by kind.

    python3 benchmarks/heldout_pool.py --results DIR --batches DIR SUFFIX batch27 batch28 ...

Reads ``DIR/<batch>-<SUFFIX>.json`` (written by ``../shared/data/stories-dev/eval.py
--json``) and each batch's ``kinds.json`` (the writer's one-line description of each
pair).  Why pooled by characters and by bead counts: batches differ in size, and a mean
of per-batch ratios would let a small batch weigh as much as a large one.  Standard
library only, so it runs beside any checkout.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

COUNTS = ("judged", "bead_correct", "gold_sure", "bead_found_sure")


#: "de-de", "fr–fr", "en->en": one language code on both sides of a pair
SAME_CODES = re.compile(r"\b([a-z]{2})\s*(?:->|→|-|–|/)\s*\1\b")


def kind_of(desc: str) -> str:
    """The pair's kind from the writer's description (paraphrase before translation).

    "same-language rewrite ... quote paraphrased" (batches 34 and 40) and "de-de rewrite ...
    detail paraphrased" (batch 50) are rewrites: a description that says the pair is one
    language, in words or as a code pair, never names a cross-language kind.  A description
    that says "cross-language" but neither translation nor paraphrase ("cross-language summary
    (de regional rewrite -> en energy-news digest)", batch 53) is a paraphrase, not a rewrite.
    """
    d = desc.lower()
    same = "same-language" in d or "same language" in d or SAME_CODES.search(d) is not None
    cross = "cross-language" in d or "cross language" in d
    translated = "translation" in d or "translated" in d
    if not same and ("paraphrase" in d or (cross and not translated)):
        return "x-paraphrase"  # "cross-language summary (de regional rewrite -> en digest)"
    if translated:
        return "x-translation"
    if re.search(r"\b(?:rewrite|edit)", d):  # whole words: "photo credit" is no edit
        return "rewrite"
    if "copy" in d or "verbatim" in d:
        return "copy"
    return "other"


def _pr(c: Counter) -> tuple[float, float]:
    p = c["bead_correct"] / c["judged"] if c["judged"] else 0.0
    r = c["bead_found_sure"] / c["gold_sure"] if c["gold_sure"] else 0.0
    return p, r


def pool(results: Path, batches_dir: Path, suffix: str, batches: list[str]) -> list[str]:
    """The report's lines: one per batch, pooled, one per pair kind, the top confusions."""
    tot, kinds, conf = Counter(), {}, Counter()
    lines = [f"{'batch':8s} pages  roles  story   lang | pairs beadP beadR"]
    for b in batches:
        d = json.loads((results / f"{b}-{suffix}.json").read_text(encoding="utf-8"))
        t = d["totals"]
        kd = json.loads((batches_dir / b / "kinds.json").read_text(encoding="utf-8"))
        tot["chars"] += t["chars"]
        tot["role"] += t["roles"] * t["chars"]
        tot["story"] += t["story"] * t["chars"]
        tot.update({k: t[k] for k in COUNTS})
        for row in d["pairs"]:
            kc = kinds.setdefault(kind_of(kd.get(row["pair"], "")), Counter())
            kc["n"] += 1
            kc.update({k: row.get(k) or 0 for k in COUNTS})
        conf.update({(c["gold"], c["tool"]): c["chars"] for c in d["role_confusion_chars"]
                     if c["gold"] != c["tool"]})
        p, r = _pr(Counter({k: t[k] for k in COUNTS}))
        lines.append(f"{b:8s} {t['pages']:5d}  {t['roles']:.3f}  {t['story']:.3f}  "
                     f"{t['lang']:.3f} | {t['pairs']:5d} {p:.2f}  {r:.2f}")
    p, r = _pr(tot)
    roles, story = tot["role"] / tot["chars"], tot["story"] / tot["chars"]
    lines.append(f"{'pooled':8s}        {roles:.3f}  {story:.3f}        |       {p:.2f}  {r:.2f}")
    for k, kc in sorted(kinds.items()):
        p, r = _pr(kc)
        lines.append(f"  kind {k:14s} n={kc['n']}  beadP {p:.2f} beadR {r:.2f}")
    lines.append("confusions (chars): " + "; ".join(
        f"{g}->{t} {n}" for (g, t), n in conf.most_common(10)))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", type=Path, required=True, help="folder of <batch>-<suffix>.json")
    ap.add_argument("--batches", type=Path, required=True, help="folder holding the batches")
    ap.add_argument("suffix")
    ap.add_argument("batch", nargs="+")
    args = ap.parse_args()
    print("\n".join(pool(args.results, args.batches, args.suffix, args.batch)))


if __name__ == "__main__":
    main()
