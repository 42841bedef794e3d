"""Folder ingest into stories: pairwise precision/recall of the grouping, per threshold and set.

For each set (a ``pages`` folder and its ``gold-spans`` folder, laid out as
``../shared/data/stories-dev/``), every page is ingested in capture order
into a fresh SQLite database through the real ingest service, without
``--article`` (``match_story=True``), so each capture joins the stored story
it resembles or starts one (``services/story_match.py``).  The grouping is
scored against the gold ``article`` of each page, over pairs of pages:

* precision: of the pairs put in one story, the share that are one story;
* recall (same language): of the gold pairs whose bodies are written in one
  language (the gold spans' language), the share put together (no MT model
  is installed here, so a pair across languages cannot be judged and starts
  a new story by design; its recall is printed apart, and expected 0).

Run for several thresholds (``MATCH_THRESHOLD`` is set for the run), then a
leave-one-set-out choice: for each set, the threshold that is best (F1) on
the other sets, scored on the held-out one.

    .venv/bin/python benchmarks/story_match.py \\
        --set dev=../shared/data/stories-dev \\
        --set blind3=/work/blind/batch3 --set blind4=/work/blind/batch4
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

from workbench.config import Settings
from workbench.services import story_match
from workbench.services.ingest import ingest_bytes
from workbench.store.migrate import upgrade

THRESHOLDS = (0.10, 0.15, 0.20, 0.25, 0.30)


def pages(root: Path) -> list[dict[str, str]]:
    """Each page's file, outlet, gold article, gold language (of its body) and capture time."""
    gold = root / "gold-spans"
    names = json.loads((gold / "index.json").read_text(encoding="utf-8"))["pages"]
    out = []
    for name in names:
        page = json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))
        chars: Counter[str] = Counter()
        for span in page["spans"]:
            if span["role"] == "body":
                chars[span["lang"]] += span["end"] - span["start"]
        out.append({"file": str(root / "pages" / page["file"]), "outlet": page["outlet"],
                    "article": page["article"], "lang": chars.most_common(1)[0][0],
                    "captured_at": page["captured_at"]})  # fmt: skip
    return sorted(out, key=lambda p: (p["captured_at"], p["file"]))


def group(items: list[dict[str, str]], threshold: float) -> list[str]:
    """The story slug each page was attached to, ingested in capture order."""
    story_match.MATCH_THRESHOLD = threshold
    home = Path(tempfile.mkdtemp(prefix="workbench-match-"))
    url = f"sqlite:///{home / 'match.db'}"
    upgrade(url)
    settings = Settings(home=home, database_url=url, models_dir=home / "models")
    slugs = []
    for p in items:
        result = ingest_bytes(settings, Path(p["file"]).read_bytes(), filename=Path(p["file"]).name,
                              outlet=p["outlet"], captured_at=p["captured_at"],
                              match_story=True)  # fmt: skip
        slugs.append(result.article)
    return slugs


def score(items: list[dict[str, str]], slugs: list[str]) -> dict[str, float | int]:
    """Pairwise precision, same-language recall, cross-language recall, F1."""
    put = gold_same = gold_cross = hit_same = hit_cross = correct = 0
    for a, b in combinations(range(len(items)), 2):
        together = slugs[a] == slugs[b]
        same_story = items[a]["article"] == items[b]["article"]
        same_lang = items[a]["lang"] == items[b]["lang"]
        put += together
        correct += together and same_story
        if same_story and same_lang:
            gold_same += 1
            hit_same += together
        elif same_story:
            gold_cross += 1
            hit_cross += together
    precision = correct / put if put else 1.0
    recall = hit_same / gold_same if gold_same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R_same": recall, "R_cross": hit_cross / gold_cross if gold_cross
            else 1.0, "F1": f1, "pairs_same": gold_same, "pairs_cross": gold_cross}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", required=True, metavar="NAME=DIR",
                        help="a set: its folder holding pages/ and gold-spans/")  # fmt: skip
    args = parser.parse_args()
    sets = {}
    for item in args.set:
        name, _, folder = item.partition("=")
        if not (Path(folder) / "gold-spans" / "index.json").is_file():
            print(f"skipped {name}: {folder} has no gold-spans/index.json (not on this machine?)")
            continue
        sets[name] = pages(Path(folder))
    results = {(name, t): score(items, group(items, t))
               for name, items in sets.items() for t in THRESHOLDS}  # fmt: skip
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} (shared); no MT model\n")
    print("| set (pages; same-/cross-language gold pairs) | threshold | P | R same-lang "
          "| R cross-lang | F1 |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for (name, t), r in results.items():
        head = f"| {name} ({len(sets[name])}; {r['pairs_same']}/{r['pairs_cross']}) | {t:.2f} |"
        print(f"{head} {r['P']:.2f} | {r['R_same']:.2f} | {r['R_cross']:.2f} | {r['F1']:.2f} |")
    print("\nleave one set out (threshold chosen by mean F1 on the other sets; ties: the middle)\n")
    print("| held-out set | chosen threshold | P | R same-lang | F1 |")
    print("|---|---|---|---|---|")
    for held in sets:
        others = [n for n in sets if n != held] or [held]
        mean = {t: sum(results[(n, t)]["F1"] for n in others) / len(others) for t in THRESHOLDS}
        best = max(mean.values())
        tied = [t for t in THRESHOLDS if mean[t] == best]
        chosen = tied[len(tied) // 2]
        r = results[(held, chosen)]
        print(f"| {held} | {chosen:.2f} | {r['P']:.2f} | {r['R_same']:.2f} | {r['F1']:.2f} |")


if __name__ == "__main__":
    main()
