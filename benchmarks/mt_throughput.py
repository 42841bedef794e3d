"""MT throughput: naive argostranslate vs the workbench engine vs raw CTranslate2 vs cache.

Usage: ``.venv/bin/python benchmarks/mt_throughput.py [--segments 500] [--naive-segments 100]``

Builds a random-weight model of real Argos size (6+6 layers, d 512, 8 heads,
FFN 2048, 32k vocabulary, int8) with ``workbench.testing.argos_models``, then
translates the same English one-sentence segments four ways in this process:

(a) ``argostranslate.translate.translate()`` once per segment, default settings
    (beam 4, MiniSBD splitting, its own translator); only ``--naive-segments``
    of them because it is slow;
(b) ``workbench.services.translate.translate_texts`` on an empty cache
    (tokenize, length-sorted token-bounded batches, one cached translator);
(c) raw ``Translator.translate_batch`` on pre-tokenized input, with the very
    same batches and options as (b) (tokenizing and planning not timed);
(d) (b) again: every segment is served by the translation cache.

Decoding is capped at 1.3 x source length + 5 pieces everywhere: random weights
rarely emit EOS, so uncapped runs would measure only the cap.  For (a) the cap
is added by wrapping Argos's translator; everything else stays Argos's default.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="wb-mt-bench-"))
os.environ.update(  # argostranslate reads these at import time: keep it away from $HOME
    {
        "XDG_DATA_HOME": str(_TMP / "data"),
        "XDG_CONFIG_HOME": str(_TMP / "config"),
        "XDG_CACHE_HOME": str(_TMP / "cache"),
        "ARGOS_PACKAGES_DIR": str(_TMP / "argos-packages"),
    }
)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.adapters.mt import EngineOptions, find_route, get_model, install_package  # noqa: E402
from workbench.adapters.mt.engine import plan_batches  # noqa: E402
from workbench.config import Settings  # noqa: E402
from workbench.services.translate import translate_texts  # noqa: E402
from workbench.store.migrate import upgrade  # noqa: E402
from workbench.testing import corpus  # noqa: E402
from workbench.testing.argos_models import build_random_package  # noqa: E402


def make_segments(n: int) -> list[str]:
    """``n`` distinct English one-sentence segments of mixed length.

    Workbench segments are sentences (ingest splits them), so each segment is
    one sentence: a template sentence, or two/three of them joined into one
    long sentence with ", while" / "; and" (about 8 to 70 pieces).
    """
    pool = [s.rstrip(".") for s in corpus.sentences("en", 1080)]
    out: list[str] = []
    i = 0
    while len(out) < n:
        k = (1, 1, 2, 1, 3)[i % 5]
        parts = [pool[(i * 7 + j * 131) % len(pool)] for j in range(k)]
        joined = parts[0] + "".join(
            (", while " if j % 2 else "; and ") + p[0].lower() + p[1:]
            for j, p in enumerate(parts[1:], 1)
        )
        suffix = "" if i < len(pool) else f" ({i})"
        out.append(joined + suffix + ".")
        out = list(dict.fromkeys(out))
        i += 1
    return out


def timed(fn: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)  # type: ignore[operator]
    return time.perf_counter() - start, result


class NaiveArgos:
    """(a): argostranslate's own path, one ``translate()`` per segment."""

    def __init__(self, archive: Path, ratio: float, extra: int) -> None:
        import math

        import argostranslate.package as argos_package
        import argostranslate.translate as argos_translate
        import ctranslate2

        class CappedTranslator:
            """Argos's translator plus the decoding cap all runs share."""

            def __init__(self, **params: object) -> None:
                self._inner = ctranslate2.Translator(**params)  # type: ignore[arg-type]

            def translate_batch(self, source: list[list[str]], **kwargs: object) -> object:
                longest = max(len(s) for s in source)
                kwargs.setdefault("max_decoding_length", math.ceil(ratio * longest) + extra)
                return self._inner.translate_batch(source, **kwargs)  # type: ignore[arg-type]

        argos_translate.ctranslate2 = type("ct2", (), {"Translator": CappedTranslator})  # type: ignore[assignment]
        argos_package.install_from_path(archive)
        self.translate = argos_translate.translate

    def run(self, texts: list[str]) -> float:
        start = time.perf_counter()
        for text in texts:
            self.translate(text, "en", "de")
        return time.perf_counter() - start


class Raw:
    """(c): the engine's own batches fed straight to ``translate_batch``."""

    def __init__(self, settings: Settings) -> None:
        self.options = EngineOptions.from_settings(settings)
        route = find_route(settings.models_dir, "en", "de")  # type: ignore[arg-type]
        self.model = get_model(route[0], self.options)

    def run(self, texts: list[str]) -> float:
        tokens = [self.model.tokenizer.encode(t) for t in texts]
        plan = plan_batches([len(t) for t in tokens], self.options.max_batch_tokens)
        batches = [[tokens[i] for i in b] for b in plan]
        kwargs = self.options.translate_kwargs()
        start = time.perf_counter()
        for batch in batches:
            cap = self.options.max_decoding_length(max(len(x) for x in batch))
            self.model.translator.translate_batch(batch, max_decoding_length=cap, **kwargs)
        return time.perf_counter() - start


def clear_cache(settings: Settings) -> None:
    """Empty the translation cache so that (b) does real model work again."""
    from sqlmodel import delete

    from workbench.store.db import get_engine, session_scope
    from workbench.store.models import TranslationCacheEntry

    with session_scope(get_engine(settings.database_url)) as session:
        session.exec(delete(TranslationCacheEntry))  # type: ignore[call-overload]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=500)
    parser.add_argument("--naive-segments", type=int, default=60, help="per round, for (a)")
    parser.add_argument("--rounds", type=int, default=2, help="best round counts (shared CPU)")
    parser.add_argument("--slices", type=int, default=5, help="interleaved slices per round")
    args = parser.parse_args()

    t0 = time.perf_counter()
    archive = build_random_package(_TMP / "en_de-random.argosmodel")
    build_s = time.perf_counter() - t0
    settings = Settings(home=_TMP / "home", models_dir=_TMP / "home" / "models")
    upgrade(settings.database_url)
    install_package(settings.models_dir, archive)  # type: ignore[arg-type]
    options = EngineOptions.from_settings(settings)
    texts = make_segments(args.segments + 30)
    warm, texts = texts[:30], texts[30:]
    naive = NaiveArgos(archive, options.decoding_ratio, options.decoding_extra)
    raw = Raw(settings)
    naive.run(warm[:3])  # load models and allocators; not timed
    raw.run(warm)
    translate_texts(settings, warm, "en", "de")

    best: dict[str, float] = {}
    for r in range(args.rounds):
        rates = one_round(
            settings,
            naive,
            raw,
            texts,
            texts[r * args.naive_segments :][: args.naive_segments],
            args.slices,
        )
        best = {k: max(best.get(k, 0.0), v) for k, v in rates.items()}
    report(args, build_s, options, len(texts), best)


def one_round(
    settings: Settings,
    naive: NaiveArgos,
    raw: Raw,
    texts: list[str],
    sample: list[str],
    slices: int,
) -> dict[str, float]:
    """Rates of (a)-(d) with (c), (b) and (a) interleaved slice by slice.

    The CPU is shared with other work whose load changes by the minute;
    interleaving makes the three cold runs see the same conditions.
    """
    clear_cache(settings)
    secs = dict.fromkeys("abcd", 0.0)
    size, naive_size = -(-len(texts) // slices), -(-len(sample) // slices)
    outputs: list[str] = []
    for k in range(slices):
        part = texts[k * size : (k + 1) * size]
        secs["c"] += raw.run(part)
        elapsed, out = timed(translate_texts, settings, part, "en", "de")
        secs["b"] += elapsed
        outputs += out  # type: ignore[arg-type]
        secs["a"] += naive.run(sample[k * naive_size : (k + 1) * naive_size])
    secs["d"], again = timed(translate_texts, settings, texts, "en", "de")
    assert again == outputs, "the cache returned a different output"
    counts = {"a": len(sample), "b": len(texts), "c": len(texts), "d": len(texts)}
    return {k: counts[k] / secs[k] for k in secs}


def report(
    args: argparse.Namespace,
    build_s: float,
    options: EngineOptions,
    n: int,
    rate: dict[str, float],
) -> None:
    """Print the markdown table and the ratios against their targets."""
    import ctranslate2

    rows = [
        ("a", "naive `argostranslate.translate()` per segment, defaults", args.naive_segments),
        ("b", "workbench engine (`translate_texts`, empty cache)", n),
        ("c", "raw `ctranslate2` `translate_batch`, pre-tokenized", n),
        ("d", "workbench, second run (served by the cache)", n),
    ]
    print(
        f"model: 6+6 layers, d 512, 8 heads, FFN 2048, vocab 32000, int8, random weights "
        f"(built in {build_s:.1f}s); ctranslate2 {ctranslate2.__version__}; "
        f"{os.cpu_count()} CPUs; workbench beam {options.beam_size}, intra_threads "
        f"{options.intra_threads}, max_batch_tokens {options.max_batch_tokens}; decoding cap "
        f"{options.decoding_ratio} x source + {options.decoding_extra}; best of {args.rounds} "
        f"rounds; (a), (b), (c) interleaved in {args.slices} slices\n"
    )
    print("| run | what | segments per round | segments/s |")
    print("|---|---|---:|---:|")
    for key, what, count in rows:
        print(f"| {key} | {what} | {count} | {rate[key]:.1f} |")
    print("\n| ratio | measured | target | ok |")
    print("|---|---:|---:|---|")
    for name, value, target in (
        ("b/a", rate["b"] / rate["a"], 5.0),
        ("b/c", rate["b"] / rate["c"], 0.9),
        ("d/b", rate["d"] / rate["b"], 50.0),
    ):
        print(f"| {name} | {value:.2f} | ≥ {target:g} | {'yes' if value >= target else 'NO'} |")


if __name__ == "__main__":
    main()
