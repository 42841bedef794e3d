"""Show that alignment time and memory grow linearly: 1k x 1k vs 10k x 10k sentences.

    .venv/bin/python benchmarks/align_scale.py [--sizes 1000 10000] [--seed 1]

Synthetic, deterministic documents: a left text of N sentences (words made of
random syllables), and a right text made from it with edits the aligner must
undo: ~5% words changed, 2% deleted, 2% inserted, 2% merged with the next
sentence, 1% split in two.  Each size is timed, then run once more
under ``tracemalloc`` for the peak of Python allocations (tracing slows the run,
so the two are kept apart); the time is the best of two runs, since other
processes may share the machine's cores.  The table ends with the 10k/1k ratios: with a
banded DP both should be close to 10 (quadratic would be 100).  The strict F1
against the generated truth shows the band does not cost accuracy.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

from workbench.core.align import align

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


def measure(n: int, seed: int, repeat: int = 2) -> dict[str, float]:
    left, right, gold = synthetic_pair(n, seed)
    seconds = float("inf")
    for _ in range(repeat):  # best of ``repeat``: other processes share the cores
        started = time.perf_counter()
        beads = align(left, right)
        seconds = min(seconds, time.perf_counter() - started)
    tracemalloc.start()
    align(left, right)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pred = [(b.left, b.right) for b in beads]
    return {
        "left": len(left),
        "right": len(right),
        "seconds": seconds,
        "peak_mib": peak / 2**20,
        "f1": strict_f1(gold, pred),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{'sentences':>15} {'seconds':>9} {'peak MiB':>9} {'strict F1':>9}")
    rows = []
    for n in args.sizes:
        row = measure(n, args.seed)
        rows.append(row)
        label = f"{row['left']:.0f} x {row['right']:.0f}"
        print(
            f"{label:>15} {row['seconds']:9.2f} {row['peak_mib']:9.1f} {row['f1']:9.3f}", flush=True
        )
    if len(rows) >= 2:
        base, big = rows[0], rows[-1]
        size_ratio = big["left"] / base["left"]
        print(f"{'ratio':>15} {big['seconds'] / base['seconds']:9.1f} "
              f"{big['peak_mib'] / base['peak_mib']:9.1f}   (size ratio {size_ratio:.0f}; "
              f"quadratic would be {size_ratio**2:.0f})")  # fmt: skip


if __name__ == "__main__":
    main()
