"""Ingest throughput: segmentation, language detection (naive vs batched), full ingest.

Run: ``.venv/bin/python benchmarks/ingest_throughput.py [--copies N]``.  The
input is the bundled sample story repeated N times with varied names (English,
German and Ukrainian).  Ratios are against the naive per-segment Lingua loop
measured in the same process.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    text = _corpus(args.copies)
    detector(LANGS).compute_language_confidence_values("warm up the models")
    _, segs = segment_text(text, "en")
    texts = [s.text for s in segs]
    n = len(texts)
    rows: list[tuple[str, float]] = []
    rows.append(("segmentation (sentencex, lossless)", _timed(lambda: segment_text(text, "en"))))
    det = detector(LANGS)
    naive = _timed(lambda: [det.compute_language_confidence_values(t) for t in texts])
    rows.append(("lingua per segment (naive baseline)", naive))
    rows.append(("lingua batched in parallel", _timed(lambda: confidences(texts, LANGS))))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(home=Path(tmp), max_upload_bytes=50_000_000)
        data = text.encode("utf-8")
        rows.append(("full ingest (decode+segment+lang+roles+SQLite)", _timed(
            lambda: ingest_bytes(settings, data, filename="bench.txt", outlet="Bench")
        )))  # fmt: skip
        rows.append(("identical re-ingest (sha256 hit)", _timed(
            lambda: ingest_bytes(settings, data, filename="bench.txt", outlet="Bench")
        )))  # fmt: skip
    print(f"{n} segments, {len(text):,} characters")
    print(f"{'step':<50} {'seconds':>8} {'segments/s':>11} {'vs naive':>9}")
    for name, seconds in rows:
        print(f"{name:<50} {seconds:>8.3f} {n / seconds:>11.0f} {naive / seconds:>8.2f}x")


if __name__ == "__main__":
    main()
