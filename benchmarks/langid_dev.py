"""Language identification on real and blind pages: per set, per candidate language set.

    .venv/bin/python benchmarks/langid_dev.py [--shared DIR] [--blind DIR] [--json FILE]
                                             [--sets "en,de,ru,uk,fr" "en,de,ru,uk,fr,el" ...]

Why several candidate sets: every language Lingua may answer costs accuracy on
short Latin-script lines ("Continue" reads French, "Teilen" Dutch), so a content
language is only worth enabling by default when it earns its place on pages.
Each page is segmented and labelled as ``workbench ingest`` does a ``.txt`` file
(hint language of the whole text, sentence segments, Lingua per segment with
context smoothing), once per candidate set, and scored by characters with the
dev set's ``eval.py`` definitions:

* ``lang5``: characters of gold spans whose language is one of en/de/ru/uk/fr
  (``eval.py``'s default ``--lang-set``) that get the gold language;
* ``lang_all``: the same over every gold span (Greek included);
* ``el``: the same over Greek gold spans only (``-`` when a set has none).

Sets: the shared real-page dev set, the blind batches 3-5 (``/work/blind``, dev
data once scored), and the repository's own fixture pages (``tests/data/role-pages``
top level; its ``blind3``/``blind4`` folders are the same pages as batches 3-4 and
stand in for them when ``--blind`` is absent).  Nothing is fitted here: the
smoothing weights are the module defaults.
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

from workbench.adapters.langdetect import detect_segments, detect_text  # noqa: E402
from workbench.core.segment import segment_text  # noqa: E402
from workbench.testing.page_gold import GoldPage, load_annotated_dir, load_pages  # noqa: E402

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
BLIND = ROOT.parent / "blind"
FIXTURES = ROOT / "tests" / "data" / "role-pages"
FIVE = frozenset({"en", "de", "ru", "uk", "fr"})


def page_langs(page: GoldPage, langs: tuple[str, ...]) -> tuple[list, list[str | None]]:
    """Segments and their languages as ingest gives them with candidate set ``langs``."""
    segs = segment_text(page.text, detect_text(page.text, langs))[1]
    found = detect_segments([s.text for s in segs], langs)
    return segs, [ls.lang for ls in found]


def score(page: GoldPage, langs: tuple[str, ...]) -> Counter:
    """Character counts: totals and hits for lang5, lang_all and el; confusions."""
    segs, labels = page_langs(page, langs)
    owner = [-1] * len(page.text)
    for k, seg in enumerate(segs):
        owner[seg.start : seg.end] = [k] * (seg.end - seg.start)
    out: Counter = Counter()
    for span in page.spans:
        gold = span["lang"].lower()
        for pos in range(span["start"], span["end"]):
            if page.text[pos].isspace():
                continue
            tool = labels[owner[pos]] if owner[pos] >= 0 else None
            hit = tool == gold
            out["all"] += 1
            out["all_ok"] += hit
            if gold in FIVE:
                out["five"] += 1
                out["five_ok"] += hit
            if gold == "el":
                out["el"] += 1
                out["el_ok"] += hit
            if not hit:
                out[f"{gold}->{tool}"] += 1
    return out


def _ratio(ok: int, n: int) -> str:
    return f"{ok / n:.3f}" if n else "-"


def load_sets(shared: Path, blind: Path) -> dict[str, list[GoldPage]]:
    """Every page set present, keyed by a short name."""
    sets: dict[str, list[GoldPage]] = {}
    dev = shared / "data" / "stories-dev"
    if dev.is_dir():
        sets["stories-dev"] = load_pages(dev)
    for n in (3, 4, 5):
        folder = blind / f"batch{n}"
        if (folder / "gold-spans").is_dir():
            sets[f"blind{n}"] = load_pages(folder)
        elif (FIXTURES / f"blind{n}").is_dir():
            sets[f"blind{n} (fixture)"] = load_annotated_dir(FIXTURES / f"blind{n}")
    sets["fixtures"] = load_annotated_dir(FIXTURES)
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--sets", nargs="+", default=["en,de,ru,uk,fr", "en,de,ru,uk,fr,el"],
        help="candidate language sets to compare (comma-separated codes each)",
    )  # fmt: skip
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# Language identification by characters (machine load "
          f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}, shared by other jobs)\n")  # fmt: skip
    sets = load_sets(args.shared, args.blind)
    candidates = [tuple(x.strip() for x in s.split(",") if x.strip()) for s in args.sets]
    print("| candidates | set | pages | lang5 | lang_all | el | worst confusions |")
    print("|---|---|---:|---:|---:|---:|---|")
    out: dict = {}
    for langs in candidates:
        pooled: Counter = Counter()
        for name, pages in sets.items():
            c: Counter = Counter()
            for page in pages:
                c.update(score(page, langs))
            pooled.update(c)
            _print_row(",".join(langs), name, len(pages), c)
            out.setdefault(",".join(langs), {})[name] = _figures(c)
        _print_row(",".join(langs), "**pooled**", sum(map(len, sets.values())), pooled)
        out[",".join(langs)]["pooled"] = _figures(pooled)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _figures(c: Counter) -> dict:
    return {
        "lang5": c["five_ok"] / c["five"] if c["five"] else None,
        "lang_all": c["all_ok"] / c["all"] if c["all"] else None,
        "el": c["el_ok"] / c["el"] if c["el"] else None,
        "chars": c["all"],
    }


def _print_row(langs: str, name: str, pages: int, c: Counter) -> None:
    conf = [(k, v) for k, v in c.items() if "->" in k]
    worst = ", ".join(f"{k} {v}" for k, v in sorted(conf, key=lambda kv: -kv[1])[:3])
    five, every, greek = (_ratio(c[f"{k}_ok"], c[k]) for k in ("five", "all", "el"))
    print(f"| {langs} | {name} | {pages} | {five} | {every} | {greek} | {worst} |")


if __name__ == "__main__":
    raise SystemExit(main())
