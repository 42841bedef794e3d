"""Alignment speed against the pre-issue-16 baseline, and linear growth from 1k to 10k sentences.

    .venv/bin/python benchmarks/align_scale.py [--sizes 1000 2000 5000 10000] [--seed 1]
        [--no-baseline] [--no-textberg] [--parts]

The baseline is the aligner as it was before the speed work (issue 16), kept
verbatim under ``benchmarks/baseline_align/`` and run in the same process on the
same input with the same arguments.  Each row prints both CPU times
(``time.process_time``, so other processes on a loaded machine do not count),
the ratio baseline/new and both strict F1 (equal or better output is the
condition for the ratio to count).  The two are run interleaved (new, old,
new, old, ...: best of 3 on Text+Berg, of 2 up to 2,000 sentences, 1 above),
so a burst of load from other processes hits both alike; the machine's load
average is printed at the start and the end.  Every run starts with the
aligner's memo caches emptied (``_cold``): a repeated run must not find its
texts already normalised.  Sections: **with MT** (the
Text+Berg dev document de-fr with each supplied MT and both Europarl
directions), **no MT** (the same document compared directly, two passes), and
**synthetic** (same language, no MT); each section ends with the geometric
mean of its speed-ups.  Without ``../shared`` only the synthetic section runs.
``--parts``: also the Text+Berg dev document's 4 parts of ``align_devsets``
(86-134 sentences a side, the size of the held-out test documents the issue
measures) with no MT and with each supplied MT, as two more sections.
That the speed work left the output unchanged is checked separately, bead
by bead, by ``benchmarks/align_identity.py``.

Synthetic, deterministic documents: a left text of N sentences (words made of
random syllables), and a right text made from it with edits the aligner must
undo: ~5% words changed, 2% deleted, 2% inserted, 2% merged with the next
sentence, 1% split in two.  Each input's peak of Python allocations (numpy's
included) is taken in one more run under ``tracemalloc``, kept apart from the
timed runs since tracing slows them.  The table ends with the growth of time
and memory from each size to the next and from the first to the last: linear
growth follows the size ratio (quadratic would be its square).  The strict F1
against the generated truth shows the band does not cost accuracy.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline_align.align import align as baseline_align  # noqa: E402

from workbench.core.align import align  # noqa: E402

Bead = tuple[tuple[int, ...], tuple[int, ...]]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "us"]


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)]


def _sentence(rng: random.Random, vocab: list[str]) -> list[str]:
    words = [rng.choice(vocab) for _ in range(rng.randint(6, 22))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words)), str(rng.randint(2, 99999)))
    return words


def synthetic_pair(n: int, seed: int) -> tuple[list[str], list[str], list[Bead]]:
    """Left and right documents plus the true beads (ids 0-based)."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    left_words = [_sentence(rng, vocab) for _ in range(n)]
    left = [" ".join(w) + "." for w in left_words]
    right: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < n:
        r = rng.random()
        j = len(right)
        if r < 0.02:
            gold.append(((i,), ()))
        elif r < 0.04 and i + 1 < n:
            right.append(left[i][:-1] + ", " + left[i + 1][0].lower() + left[i + 1][1:])
            gold.append(((i, i + 1), (j,)))
            i += 1
        elif r < 0.05 and len(left_words[i]) > 8:
            words = left_words[i]
            cut = len(words) // 2
            right += [" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize() + "."]
            gold.append(((i,), (j, j + 1)))
        elif r < 0.10:
            words = list(left_words[i])
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocab)
            right.append(" ".join(words) + ".")
            gold.append(((i,), (j,)))
        else:
            right.append(left[i])
            gold.append(((i,), (j,)))
        if rng.random() < 0.02:
            gold.append(((), (len(right),)))
            right.append(" ".join(_sentence(rng, vocab)) + ".")
        i += 1
    return left, right, gold


def strict_f1(gold: list[Bead], pred: list[Bead]) -> float:
    """Exact-bead F1 (links only, as the Text+Berg scorer's recall does)."""
    g = {b for b in gold if b[0] and b[1]}
    p = {b for b in pred if b[0] and b[1]}
    hits = len(g & p)
    precision, recall = hits / max(1, len(p)), hits / max(1, len(g))
    return 2 * precision * recall / (precision + recall) if hits else 0.0


def _cold() -> None:
    """Empty the aligner's memo caches (texts, name, cognate, rare keys, views) before every run.

    Why: they outlive one ``align`` call, so a repeated run on the same input
    would find its texts already normalised; the baseline has no such caches.
    Each timed run (and each memory run) therefore starts cold.
    """
    from workbench.core import align_cognates, align_rare, align_views, anchors, similarity

    similarity.normalize_for_similarity.cache_clear()
    for memo in (align_cognates.cognate_keys, align_rare.rare_keys):  # the last pair's keys
        getattr(memo, "cache_clear", lambda: None)()
    getattr(getattr(align_views, "far_starts", None), "cache_clear", lambda: None)()
    getattr(anchors.name_key, "cache_clear", lambda: None)()
    getattr(getattr(anchors, "name_keys", None), "cache_clear", lambda: None)()
    try:  # a page pair's views and chance levels (round 28), where the aligner keeps them
        from workbench.core import align_kept_views
    except ImportError:
        return
    align_kept_views.forget()


def _run(fn: Callable, left, right, kwargs) -> tuple[float, list]:
    _cold()
    started = time.process_time()
    beads = fn(left, right, **kwargs)
    return time.process_time() - started, beads


def _peak(fn: Callable, left, right, kwargs) -> float:
    _cold()
    tracemalloc.start()
    fn(left, right, **kwargs)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def measure(left, right, gold, kwargs, baseline: bool, repeat: int = 2) -> dict[str, float]:
    """Time, peak memory and F1 of the aligner and of the baseline.

    Both run in this process on the same input, interleaved (new, old, new,
    old, ...), and each keeps its best CPU time: a burst of load from other
    processes then hits both sides alike.
    """
    row: dict[str, float] = {"left": len(left), "right": len(right)}
    fns = [("new", align)] + ([("old", baseline_align)] if baseline else [])
    for name, _fn in fns:
        row[f"{name}_seconds"] = float("inf")
    for _ in range(repeat):
        for name, fn in fns:
            seconds, beads = _run(fn, left, right, kwargs)
            row[f"{name}_seconds"] = min(row[f"{name}_seconds"], seconds)
            row[f"{name}_f1"] = strict_f1(gold, [(b.left, b.right) for b in beads]) if gold else -1
    for name, fn in fns:
        row[f"{name}_peak"] = _peak(fn, left, right, kwargs)
    return row


def _textberg() -> list[tuple[str, str, list[str], list[str], list, dict]]:
    """(section, label, left, right, gold, kwargs) for the Text+Berg dev document."""
    data = Path(__file__).resolve().parents[2] / "shared" / "data" / "textberg-dev"
    if not (data / "dev.de").exists():
        return []
    from align_dev import _lines, gold_beads

    left, right = _lines(data / "dev.de"), _lines(data / "dev.fr")
    gold = gold_beads(data / "dev.defr")
    de_fr = _lines(data / "dev.mt_de2fr.europarlfull")
    fr_de = _lines(data / "dev.mt_fr2de.europarlfull")
    settings = {
        "TB ep de>fr": {"left_mt": de_fr},
        "TB ep fr>de": {"right_mt": fr_de},
        "TB both ep": {"left_mt": de_fr, "right_mt": fr_de},
        "TB google": {"left_mt": _lines(data / "dev.mt_de2fr.google")},
        "TB none": {},
    }
    return [
        ("no MT" if not kwargs else "with MT", label, left, right, gold, kwargs)
        for label, kwargs in settings.items()
    ]


def _parts() -> list[tuple[str, str, list[str], list[str], list, dict]]:
    """(section, label, left, right, gold, kwargs) for the Text+Berg dev parts (test size).

    Why: the held-out Text+Berg test documents are about a quarter of the dev
    document, where a call's fixed costs weigh more than on the whole document.
    """
    from align_devsets import textberg_units

    units = sorted(textberg_units(), key=lambda u: bool(u.kwargs))  # no MT first, then MT
    return [
        ("parts no MT" if not u.kwargs else "parts MT", f"TB {u.name}", u.left, u.right, u.gold,
         u.kwargs)
        for u in units
    ]  # fmt: skip


def _print(label: str, row: dict[str, float]) -> None:
    line = f"{label:>18} {row['new_seconds']:8.2f} {row['new_peak']:8.1f} {row['new_f1']:7.3f}"
    if "old_seconds" in row:
        line += f" {row['old_seconds']:8.2f} {row['old_peak']:8.1f} {row['old_f1']:7.3f}"
        line += f" {_ratio(row):7.2f}"
    print(line, flush=True)


def _ratio(row: dict[str, float]) -> float:
    return row["old_seconds"] / max(row["new_seconds"], 1e-9)


def _summary(sections: dict[str, list[dict[str, float]]]) -> None:
    """Per section: geometric mean and range of the speed-up (new vs baseline)."""
    for section, rows in sections.items():
        ratios = [_ratio(r) for r in rows if "old_seconds" in r]
        if ratios:
            mean = math.exp(sum(map(math.log, ratios)) / len(ratios))
            low, high = min(ratios), max(ratios)
            print(f"speed-up {section:>10}: geometric mean {mean:.2f}x,"
                  f" range {low:.2f}-{high:.2f}x over {len(ratios)} inputs")  # fmt: skip


def _growth(rows: list[dict[str, float]]) -> None:
    steps = list(zip(rows, rows[1:], strict=False))
    if len(rows) > 2:
        steps.append((rows[0], rows[-1]))
    for small, big in steps:
        size_ratio = big["left"] / small["left"]
        line = (f"growth {small['left']:.0f} -> {big['left']:.0f} ({size_ratio:.1f}x size):"
                f" new time x{big['new_seconds'] / small['new_seconds']:.1f},"
                f" memory x{big['new_peak'] / small['new_peak']:.1f}")  # fmt: skip
        if "old_seconds" in big:
            line += (f"; old time x{big['old_seconds'] / small['old_seconds']:.1f},"
                     f" memory x{big['old_peak'] / small['old_peak']:.1f}")  # fmt: skip
        print(line + f" (linear {size_ratio:.1f}, quadratic {size_ratio**2:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="time only the new aligner")
    parser.add_argument("--no-textberg", action="store_true", help="synthetic sizes only")
    parser.add_argument("--parts", action="store_true", help="also the 4 Text+Berg dev parts")
    args = parser.parse_args()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} /"
          f" {load[2]:.1f} (1/5/15 min) at start;"
          " CPU seconds, best of interleaved runs")  # fmt: skip
    print(f"{'input':>18} {'new s':>8} {'new MiB':>8} {'new F1':>7}"
          f" {'old s':>8} {'old MiB':>8} {'old F1':>7} {'speedup':>7}")  # fmt: skip
    sections: dict[str, list[dict[str, float]]] = {"with MT": [], "no MT": [], "synthetic": []}
    textberg = [] if args.no_textberg else _textberg()
    if args.parts and not args.no_textberg:
        textberg += _parts()
        sections.update({"parts no MT": [], "parts MT": []})
    for section, label, left, right, gold, kwargs in textberg:
        if not sections[section]:
            print(f"-- {section}")
        row = measure(left, right, gold, kwargs, not args.no_baseline, repeat=3)
        sections[section].append(row)
        _print(label, row)
    print("-- synthetic (same language, no MT)")
    for n in args.sizes:
        left, right, gold = synthetic_pair(n, args.seed)
        row = measure(left, right, gold, {}, not args.no_baseline, repeat=2 if n <= 2000 else 1)
        sections["synthetic"].append(row)
        _print(f"{row['left']:.0f} x {row['right']:.0f}", row)
    _summary(sections)
    _growth(sections["synthetic"])
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end")


if __name__ == "__main__":
    main()
