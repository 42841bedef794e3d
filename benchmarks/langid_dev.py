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
smoothing weights are the module defaults.  Two choices are compared per set and
then chosen leave-one-set-out (on all sets but one, scored on the one left out):
the candidate set, and whether a Latin-only line may take a non-Latin language
(brand names on Greek/Cyrillic pages: the default) or only Latin-script ones.
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

from workbench.adapters.langdetect import confidences, detect_text  # noqa: E402
from workbench.core.langid import smooth_languages  # noqa: E402
from workbench.core.segment import segment_text  # noqa: E402
from workbench.testing.page_gold import GoldPage, load_annotated_dir, load_pages  # noqa: E402

SHARED = Path(os.environ.get("WORKBENCH_SHARED") or ROOT.parent / "shared")
BLIND = ROOT.parent / "blind"
FIXTURES = ROOT / "tests" / "data" / "role-pages"
FIVE = frozenset({"en", "de", "ru", "uk", "fr"})
DEFAULT = "en,de,ru,uk,fr,el"


def page_langs(
    page: GoldPage, langs: tuple[str, ...], one_way: bool = True
) -> tuple[list, list[str | None]]:
    """Segments and their languages as ingest gives them with candidate set ``langs``."""
    segs = segment_text(page.text, detect_text(page.text, langs))[1]
    texts = [s.text for s in segs]
    found = smooth_languages(texts, confidences(texts, langs), one_way=one_way)
    return segs, [ls.lang for ls in found]


def score(page: GoldPage, langs: tuple[str, ...], one_way: bool = True) -> Counter:
    """Character counts: totals and hits for lang5, lang_all and el; confusions."""
    segs, labels = page_langs(page, langs, one_way)
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
    for n in (3, 4, 5, 6, 7):
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
        "--sets", nargs="+", default=[DEFAULT, "en,de,ru,uk,fr", DEFAULT + ",es,it,pt,nl,pl,cs"],
        help="candidate language sets to compare (comma-separated codes each; first = default)",
    )  # fmt: skip
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# Language identification by characters (machine load "
          f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}, shared by other jobs)\n")  # fmt: skip
    sets = load_sets(args.shared, args.blind)
    candidates = [tuple(x.strip() for x in s.split(",") if x.strip()) for s in args.sets]
    configs = [(langs, way) for langs in candidates for way in (True, False)]
    print("| candidates | Latin-only lines | set | pages | lang5 | lang_all | el | worst misses |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    out: dict = {}
    counts: dict[tuple, dict[str, Counter]] = {}
    for langs, way in configs:
        key = f"{','.join(langs)} {'any' if way else 'latin'}"
        pooled: Counter = Counter()
        counts[(langs, way)] = {}
        for name, pages in sets.items():
            c: Counter = Counter()
            for page in pages:
                c.update(score(page, langs, way))
            counts[(langs, way)][name] = c
            pooled.update(c)
            _print_row(",".join(langs), way, name, len(pages), c)
            out.setdefault(key, {})[name] = _figures(c)
        _print_row(",".join(langs), way, "**pooled**", sum(map(len, sets.values())), pooled)
        out[key]["pooled"] = _figures(pooled)
    out["leave_one_set_out"] = leave_one_set_out(configs, counts, list(sets))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def leave_one_set_out(configs: list, counts: dict, names: list[str]) -> dict:
    """Choose the configuration (candidates x alphabet rule) on all sets but one by
    pooled lang_all characters (ties keep the first, the default), score the left-out set."""
    print("\n| left-out set | chosen on the others | lang5 | lang_all | el |")
    print("|---|---|---:|---:|---:|")
    held: Counter = Counter()
    out = {}
    for name in names:
        def others(cfg: tuple, name: str = name) -> float:
            c = sum((counts[cfg][n] for n in names if n != name), Counter())
            return c["all_ok"] / c["all"] if c["all"] else 0.0

        best = max(configs, key=lambda cfg: (round(others(cfg), 9), -configs.index(cfg)))
        c = counts[best][name]
        held.update(c)
        label = f"{','.join(best[0])}, Latin-only lines {'any' if best[1] else 'latin'}"
        print(f"| {name} | {label} | {_ratio(c['five_ok'], c['five'])} "
              f"| {_ratio(c['all_ok'], c['all'])} | {_ratio(c['el_ok'], c['el'])} |")  # fmt: skip
        out[name] = {"chosen": label, **_figures(c)}
    five, every, greek = (_ratio(held[f"{k}_ok"], held[k]) for k in ("five", "all", "el"))
    print(f"| **all, held out** | | {five} | {every} | {greek} |")
    out["pooled"] = _figures(held)
    return out


def _figures(c: Counter) -> dict:
    return {
        "lang5": c["five_ok"] / c["five"] if c["five"] else None,
        "lang_all": c["all_ok"] / c["all"] if c["all"] else None,
        "el": c["el_ok"] / c["el"] if c["el"] else None,
        "chars": c["all"],
    }


def _print_row(langs: str, way: bool, name: str, pages: int, c: Counter) -> None:
    conf = [(k, v) for k, v in c.items() if "->" in k]
    worst = ", ".join(f"{k} {v}" for k, v in sorted(conf, key=lambda kv: -kv[1])[:3])
    five, every, greek = (_ratio(c[f"{k}_ok"], c[k]) for k in ("five", "all", "el"))
    rule = "any language" if way else "Latin languages"
    print(f"| {langs} | {rule} | {name} | {pages} | {five} | {every} | {greek} | {worst} |")


if __name__ == "__main__":
    raise SystemExit(main())
