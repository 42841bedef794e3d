"""Translation-memory lookup speed on a 100,000-segment memory.

Run: ``.venv/bin/python benchmarks/tm_lookup.py [--size 100000] [--queries 200]``.

The memory is synthetic but shaped like running text: sentences of 6-40 words
drawn Zipf-weighted from a 30,000-word vocabulary (the sample corpus's words
take the frequent ranks, made-up words the tail), a number in 30 % of them,
seeded, so every run builds the same memory.  Half of the queries are
memory sentences with one to three words replaced (fuzzy matches expected), half
are fresh sentences (mostly no match).  Three lookups with identical settings
(normalised text, rapidfuzz ``fuzz.ratio``, threshold 75, best 5) are timed in
one process:

* ``TMIndex`` (``workbench.core.tm``): exact dictionary hit, IDF-weighted word
  shortlist inside the length band, rapidfuzz on the shortlist;
* full scan with ``rapidfuzz.process.extract`` over every entry (the best honest
  alternative: same library and scorer, no index);
* naive scan: a Python loop calling ``fuzz.ratio`` per entry (on fewer queries).

The table says for how many queries the index found the same best score as the
full scan (its recall).  The machine's load average is printed with the table.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time
from importlib import resources

from rapidfuzz import fuzz, process

from workbench.core.tm import THRESHOLD, TMEntry, TMIndex, naive_lookup, normalize
from workbench.testing.corpus import EN_DE_WORDS


def _vocabulary(size: int, rng: random.Random) -> list[str]:
    """Real words first (the most frequent ranks), then made-up words for the long tail."""
    root = resources.files("workbench") / "sample_corpus"
    text = (root / "northwire-v1.txt").read_text(encoding="utf-8")
    real = sorted(set(re.findall(r"[A-Za-z][a-z']+", text)) | set(EN_DE_WORDS))
    rng.shuffle(real)
    made: set[str] = set()
    syllables = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + ["st", "er", "an"]
    while len(made) < size - len(real):
        made.add("".join(rng.choices(syllables, k=rng.randint(1, 4))))
    return real + sorted(made)


def _sentence(rng: random.Random, vocab: list[str], weights: list[float]) -> str:
    n = rng.randint(6, 40)
    words = rng.choices(vocab, weights=weights, k=n)
    if rng.random() < 0.3:
        words.insert(rng.randrange(n), str(rng.randint(1, 99_999)))
    return " ".join(words).capitalize() + "."


def _mutate(rng: random.Random, sentence: str, vocab: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    return " ".join(words)


def _timed(fn, queries: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--naive-queries", type=int, default=20)
    parser.add_argument("--vocabulary", type=int, default=30_000)
    args = parser.parse_args()
    rng = random.Random(14)
    vocab = _vocabulary(args.vocabulary, rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf, as in running text
    sources = [_sentence(rng, vocab, weights) for _ in range(args.size)]
    entries = [TMEntry(s, s.upper(), "approved") for s in sources]
    half = args.queries // 2
    queries = [_mutate(rng, rng.choice(sources), vocab) for _ in range(half)]
    queries += [_sentence(rng, vocab, weights) for _ in range(args.queries - half)]
    rng.shuffle(queries)

    start = time.perf_counter()
    index = TMIndex(entries)
    build = time.perf_counter() - start
    norms = [normalize(s) for s in sources]

    def full_scan(q: str) -> list:  # type: ignore[type-arg]
        return process.extract(
            normalize(q), norms, scorer=fuzz.ratio, processor=None, score_cutoff=THRESHOLD, limit=5
        )

    indexed = _timed(lambda q: index.candidates(q, limit=5), queries)
    scanned = _timed(full_scan, queries)
    naive = _timed(lambda q: naive_lookup(q, norms, limit=5), queries[: args.naive_queries])

    agree = hits = 0
    for q in queries:
        best_index = max((s for _, s in index.candidates(q, limit=5)), default=0.0)
        best_scan = max((s for _, s, _ in full_scan(q)), default=0.0)
        agree += abs(best_index - best_scan) < 1e-6
        hits += best_index >= THRESHOLD

    load = os.getloadavg()
    print(f"memory: {args.size:,} segments (mean {statistics.mean(map(len, norms)):.0f} chars), "
          f"{args.queries} queries ({hits} with a match >= {THRESHOLD:.0f}), index built in "
          f"{build:.2f} s; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on "
          f"{os.cpu_count()} cores")  # fmt: skip
    print()
    print("| lookup | mean ms | p50 ms | p95 ms | queries | ratio vs this |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    base = statistics.mean(indexed)
    for name, times in (
        ("TMIndex (word shortlist + rapidfuzz)", indexed),
        ("full scan, rapidfuzz process.extract", scanned),
        ("naive scan, Python loop of fuzz.ratio", naive),
    ):
        q = statistics.quantiles(times, n=20)
        print(f"| {name} | {statistics.mean(times):.2f} | {statistics.median(times):.2f} | "
              f"{q[-1]:.2f} | {len(times)} | {statistics.mean(times) / base:.1f}x |")  # fmt: skip
    print()
    print(f"best score identical to the full scan for {agree}/{len(queries)} queries")


if __name__ == "__main__":
    main()
