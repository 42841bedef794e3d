"""Ingest throughput: segmentation, language detection (naive vs batched), full ingest.

Run: ``.venv/bin/python benchmarks/ingest_throughput.py [--copies N]``.  The
input is the bundled sample story repeated N times with varied names (English,
German and Ukrainian).  Each ratio names its baseline, measured in the same
process: batched language identification against the per-segment Lingua loop
(both warmed up first, so neither pays model loading inside its timed run), and
an identical re-ingest against the full ingest it replaces.  Every step is the
best of ``--rounds`` runs (the machine is shared); the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from workbench.adapters.decode import decode_document
from workbench.adapters.langdetect import confidences, detector
from workbench.config import Settings
from workbench.core.segment import segment_text
from workbench.services.ingest import ingest_bytes

LANGS = ("en", "de", "ru", "uk", "fr")


def _corpus(copies: int) -> str:
    root = resources.files("workbench") / "sample_corpus"
    texts = [
        (root / "northwire-v1.txt").read_text(encoding="utf-8"),
        decode_document((root / "abendpost-de.html").read_bytes(), filename="a.html").text,
        (root / "visnyk-uk.txt").read_bytes().decode("cp1251"),
    ]
    return "\n\n".join(t.replace("Elden", f"Elden {i}") for i in range(copies) for t in texts)


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _best(fn: Callable[[], object], rounds: int) -> float:
    return min(_timed(fn) for _ in range(rounds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    text = _corpus(args.copies)
    _, segs = segment_text(text, "en")
    texts = [s.text for s in segs]
    n = len(texts)
    det = detector(LANGS)
    [det.compute_language_confidence_values(t) for t in texts]  # load every model: untimed
    confidences(texts, LANGS)
    rows: list[tuple[str, float, str]] = []
    seg_s = _best(lambda: segment_text(text, "en"), args.rounds)
    rows.append(("segmentation (sentencex, lossless)", seg_s, ""))
    naive = _best(lambda: [det.compute_language_confidence_values(t) for t in texts], args.rounds)
    rows.append(("Lingua per segment, warm (baseline)", naive, "1.00x"))
    batched = _best(lambda: confidences(texts, LANGS), args.rounds)
    rows.append(("Lingua batched in parallel, warm", batched, f"{naive / batched:.2f}x naive"))
    with tempfile.TemporaryDirectory() as tmp:
        data = text.encode("utf-8")
        fulls: list[float] = []
        for k in range(args.rounds):  # a fresh database each time: a real first ingest
            settings = Settings(home=Path(tmp) / str(k), max_upload_bytes=50_000_000)
            fulls.append(_timed(
                lambda s=settings: ingest_bytes(s, data, filename="bench.txt", outlet="Bench")
            ))  # fmt: skip
        full = min(fulls)
        rows.append(("full ingest (decode+segment+lang+roles+SQLite)", full, ""))
        again = _best(
            lambda: ingest_bytes(settings, data, filename="bench.txt", outlet="Bench"),
            args.rounds,
        )
        rows.append(("identical re-ingest (sha256 hit)", again, f"{full / again:.0f}x full ingest"))
    print(
        f"{n} segments, {len(text):,} characters; load average {load:.1f} "
        f"({os.cpu_count()} CPUs); best of {args.rounds}"
    )
    print(f"{'step':<50} {'seconds':>8} {'segments/s':>11}  ratio")
    for name, seconds, ratio in rows:
        print(f"{name:<50} {seconds:>8.3f} {n / seconds:>11.0f}  {ratio}")


if __name__ == "__main__":
    main()
