"""MT throughput at identical decoding options: naive Argos, the engine, raw CTranslate2 layouts.

Usage: ``.venv/bin/python benchmarks/mt_throughput.py [--segments 300] [--naive-segments 40]``

The model (``build_stopping_package``) has a real Argos model's cost (6+6
layers, d 512, FFN 2048, 32k vocabulary, int8) and *stops like a trained
model*: it copies its input and emits end-of-sentence right after it, so
batches are not padded out to a decoding cap.  Every run decodes with the
same options, Argos's: beam 4, length penalty 0.2, ``replace_unknowns``,
CTranslate2's default cap of 256 pieces.

(a) ``argostranslate.translate.translate()`` once per segment (its own
    translator, MiniSBD splitting, default threads);
(b) ``workbench.services.translate.translate_texts`` on an empty cache: the
    engine with its default layout for this machine;
(c) raw CTranslate2, text in and text out: the package's tokenizer, then
    ``Translator.translate_batch`` on length-sorted batches, then detokenizing
    (no cache, no database), swept over layouts: one translator with 2
    intra-op threads (sync), replicas via ``inter_threads`` with asynchronous
    submission, two separate translators fed from two threads, batch budgets
    512-2,048 tokens;
(d) (b) again: every segment is served by the translation cache.

(a), (b) and every (c) layout run interleaved slice by slice (the CPU is
shared; interleaving gives each the same conditions), and each figure is the
segments/s over all rounds (not a best round: a lucky slice would favour
whichever side it fell on).  Every model is loaded and warmed before timing.
The table states the load average, because this machine is shared.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="wb-mt-bench-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)  # leave nothing in /tmp
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
from workbench.testing.argos_models import build_stopping_package  # noqa: E402


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
    """(a): argostranslate's own path, one ``translate()`` per segment, its defaults."""

    def __init__(self, archive: Path) -> None:
        import argostranslate.package as argos_package
        import argostranslate.translate as argos_translate

        argos_package.install_from_path(archive)
        argos_translate.get_installed_languages.cache_clear()
        self.translate = argos_translate.translate

    def run(self, texts: list[str]) -> float:
        start = time.perf_counter()
        for text in texts:
            self.translate(text, "en", "de")
        return time.perf_counter() - start


@dataclass(frozen=True)
class Layout:
    """One raw CTranslate2 configuration of the sweep."""

    translators: int  # separate Translator objects (fed from that many threads)
    inter: int  # inter_threads of each
    intra: int  # intra_threads of each
    tokens: int  # batch budget (padded tokens)
    asynchronous: bool

    @property
    def name(self) -> str:
        mode = "async" if self.asynchronous else "sync"
        return (
            f"{self.translators} translator(s) x inter {self.inter} x intra {self.intra}, "
            f"{self.tokens}-token batches, {mode}"
        )


LAYOUTS = (
    Layout(1, 1, 2, 1024, False),  # one translator, both cores on each batch
    Layout(1, 2, 1, 512, True),
    Layout(1, 2, 1, 1024, True),  # two replicas of one translator, async (the engine's default)
    Layout(1, 2, 1, 2048, True),
    Layout(2, 1, 1, 1024, False),  # two translators fed from two threads
)


_TRANSLATORS: dict[tuple[str, int, int, int], object] = {}


def _translator(path: str, inter: int, intra: int, k: int) -> object:
    """Layouts with the same threads share their translators (memory, load time)."""
    import ctranslate2

    key = (path, inter, intra, k)
    if key not in _TRANSLATORS:
        _TRANSLATORS[key] = ctranslate2.Translator(
            path, device="cpu", inter_threads=inter, intra_threads=intra
        )
    return _TRANSLATORS[key]


class Raw:
    """(c): one layout of raw ``translate_batch`` on pre-tokenized, length-sorted input."""

    def __init__(self, settings: Settings, layout: Layout) -> None:
        self.layout = layout
        route = find_route(settings.models_dir, "en", "de")  # type: ignore[arg-type]
        self.tokenizer = get_model(route[0], EngineOptions.from_settings(settings)).tokenizer
        self.translators = [
            _translator(str(route[0].path / "model"), layout.inter, layout.intra, k)
            for k in range(layout.translators)
        ]
        self.kwargs = {**EngineOptions().translate_kwargs(), "max_decoding_length": 256}

    def run(self, texts: list[str]) -> float:
        """Text in, text out: tokenize, translate, detokenize (what the engine does too)."""
        start = time.perf_counter()
        tokens = [self.tokenizer.encode(t) for t in texts]
        plan = plan_batches([len(t) for t in tokens], self.layout.tokens)
        batches = [[tokens[i] for i in b] for b in plan]
        results: list[object] = []
        if self.layout.translators > 1:
            from concurrent.futures import ThreadPoolExecutor

            def work(k: int) -> list[object]:
                out: list[object] = []
                for batch in batches[k :: self.layout.translators]:
                    out += self.translators[k].translate_batch(batch, **self.kwargs)
                return out

            with ThreadPoolExecutor(self.layout.translators) as pool:
                results = [
                    r for part in pool.map(work, range(self.layout.translators)) for r in part
                ]
        elif self.layout.asynchronous:
            futures = [
                f
                for batch in batches
                for f in self.translators[0].translate_batch(
                    batch, asynchronous=True, **self.kwargs
                )
            ]
            results = [f.result() for f in futures]
        else:
            for batch in batches:
                results += self.translators[0].translate_batch(batch, **self.kwargs)
        for r in results:
            self.tokenizer.decode(list(r.hypotheses[0]))  # type: ignore[attr-defined]
        return time.perf_counter() - start


def clear_cache(settings: Settings) -> None:
    """Empty the translation cache so that (b) does real model work again."""
    from sqlmodel import delete

    from workbench.store.db import get_engine, session_scope
    from workbench.store.models import TranslationCacheEntry

    with session_scope(get_engine(settings.database_url)) as session:
        session.exec(delete(TranslationCacheEntry))  # type: ignore[call-overload]


def one_round(
    settings: Settings,
    naive: NaiveArgos,
    raws: list[Raw],
    texts: list[str],
    sample: list[str],
    slices: int,
) -> dict[str, float]:
    """Seconds of every run, the cold ones interleaved slice by slice."""
    clear_cache(settings)
    secs: dict[str, float] = {"a": 0.0, "b": 0.0, "d": 0.0}
    secs.update({f"c{k}": 0.0 for k in range(len(raws))})
    size, naive_size = -(-len(texts) // slices), -(-len(sample) // slices)
    outputs: list[str] = []
    for k in range(slices):
        part = texts[k * size : (k + 1) * size]
        for j, raw in enumerate(raws):
            secs[f"c{j}"] += raw.run(part)
        elapsed, out = timed(translate_texts, settings, part, "en", "de")
        secs["b"] += elapsed
        outputs += out  # type: ignore[arg-type]
        secs["a"] += naive.run(sample[k * naive_size : (k + 1) * naive_size])
    secs["d"], again = timed(translate_texts, settings, texts, "en", "de")
    assert again == outputs, "the cache returned a different output"
    assert outputs == texts, "the stopping model copies its input"
    return secs


def report(
    args: argparse.Namespace,
    build_s: float,
    options: EngineOptions,
    n: int,
    rate: dict[str, float],
    load: tuple[float, float],
) -> None:
    """Print the markdown tables and the ratios against their targets."""
    import ctranslate2

    print(
        f"model: 6+6 layers, d 512, FFN 2048, vocab 32000, int8, copies its input and stops "
        f"(built in {build_s:.1f}s); ctranslate2 {ctranslate2.__version__}; "
        f"{os.cpu_count()} CPUs; load average {load[0]:.1f} before, {load[1]:.1f} after; "
        f"decoding everywhere: beam 4, length penalty 0.2, replace_unknowns, cap 256; engine "
        f"layout: inter_threads {options.inter_threads} x intra_threads "
        f"{options.intra_threads}, {options.max_batch_tokens}-token batches, async; "
        f"segments/s over all {args.rounds} rounds of {args.slices} interleaved slices; "
        f"(b) and (c) both tokenize and detokenize inside the timing\n"
    )
    print("| run | what | segments per round | segments/s |")
    print("|---|---|---:|---:|")
    print(
        f"| a | naive `argostranslate.translate()` per segment | {args.naive_segments} "
        f"| {rate['a']:.1f} |"
    )
    print(f"| b | workbench engine (`translate_texts`, empty cache) | {n} | {rate['b']:.1f} |")
    for k, layout in enumerate(LAYOUTS):
        print(f"| c{k} | raw CTranslate2: {layout.name} | {n} | {rate[f'c{k}']:.1f} |")
    print(f"| d | workbench, second run (served by the cache) | {n} | {rate['d']:.1f} |")
    best = max((k for k in rate if k.startswith("c")), key=lambda k: rate[k])
    engine_layout = Layout(
        1, options.inter_threads, options.intra_threads, options.max_batch_tokens, True
    )
    same = [f"c{k}" for k, lay in enumerate(LAYOUTS) if _same(lay, engine_layout)]
    print("\n| ratio | measured | target | ok |")
    print("|---|---:|---:|---|")
    rows = [("b/a", rate["b"] / rate["a"], 3.0)]
    rows += [(f"b/same layout raw ({k})", rate["b"] / rate[k], 0.9) for k in same]
    rows += [
        (f"b/best raw ({best})", rate["b"] / rate[best], 0.9),
        ("d/b", rate["d"] / rate["b"], 50.0),
    ]
    for name, value, target in rows:
        print(f"| {name} | {value:.2f} | ≥ {target:g} | {'yes' if value >= target else 'NO'} |")


def _same(layout: Layout, engine: Layout) -> bool:
    """Whether a raw layout runs the model as the engine does (threads and batch budget)."""
    if layout.translators != 1 or layout.tokens != engine.tokens:
        return False
    if (layout.inter, layout.intra) != (engine.inter, engine.intra):
        return False
    return layout.asynchronous or layout.inter == 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=300)
    parser.add_argument("--naive-segments", type=int, default=40, help="per round, for (a)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds (figures: all of them)")
    parser.add_argument("--slices", type=int, default=6, help="interleaved slices per round")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    archive = build_stopping_package(_TMP / "en_de-stopping.argosmodel")
    build_s = time.perf_counter() - t0
    settings = Settings(home=_TMP / "home", models_dir=_TMP / "home" / "models")
    upgrade(settings.database_url)
    install_package(settings.models_dir, archive)  # type: ignore[arg-type]
    options = EngineOptions.from_settings(settings)
    texts = make_segments(args.segments + 30)
    warm, texts = texts[:30], texts[30:]
    naive = NaiveArgos(archive)
    raws = [Raw(settings, layout) for layout in LAYOUTS]
    naive.run(warm[:3])  # load models and allocators; not timed
    for raw in raws:
        raw.run(warm)
    translate_texts(settings, warm, "en", "de")

    total: dict[str, float] = {}
    done: dict[str, int] = {}
    for r in range(args.rounds):
        secs = one_round(
            settings,
            naive,
            raws,
            texts,
            texts[r * args.naive_segments :][: args.naive_segments],
            args.slices,
        )
        for key, value in secs.items():
            total[key] = total.get(key, 0.0) + value
            done[key] = done.get(key, 0) + (args.naive_segments if key == "a" else len(texts))
    rate = {key: done[key] / total[key] for key in total}
    report(args, build_s, options, len(texts), rate, (load_before, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
