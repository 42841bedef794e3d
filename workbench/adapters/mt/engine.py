"""Batched translation of segments through one Argos package (tokenizer + CTranslate2).

Why not ``argostranslate.translate``: it sentence-splits again (MiniSBD, which
downloads a model when the package has none), translates one paragraph per
call and builds a translator per language object.  Workbench segments are
already sentences, so this module tokenizes them with the package's own
SentencePiece/BPE model and feeds *all* of them to one cached
``ctranslate2.Translator`` in length-sorted, token-bounded batches, with the
decoding length capped relative to the source (runaway outputs cost time and
are wrong anyway).  Results come back per input, in input order, with scores.
"""

from __future__ import annotations

import functools
import math
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.adapters.mt.packages import PackageInfo
from workbench.config import Settings
from workbench.errors import ModelError

MAX_SOURCE_PIECES = 250  # longer inputs are translated in chunks (position limits)
ARGOS_BEAM_SIZE = 4  # argostranslate's default (ARGOS_BEAM_SIZE)
ARGOS_MAX_DECODING = 256  # CTranslate2's default cap, which Argos keeps


def resolve_device(device: str) -> str:
    """``auto`` becomes ``cuda`` when CTranslate2 sees a GPU, else ``cpu``."""
    return device if device != "auto" else _auto_device()


@functools.lru_cache(maxsize=1)
def _auto_device() -> str:
    import ctranslate2

    try:
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except RuntimeError:  # a CUDA build without a driver
        return "cpu"


@dataclass(frozen=True)
class EngineOptions:
    """Device, layout and decoding knobs.

    Defaults decode exactly as Argos does (beam 4, length penalty 0.2, unknown
    pieces replaced by the source token) and lay the CPU out as the fastest
    layout measured by ``benchmarks/mt_throughput.py``: one single-threaded
    translator replica per core (``inter_threads``) fed asynchronously with
    length-sorted batches of about 1,024 tokens.
    """

    beam_size: int = ARGOS_BEAM_SIZE
    device: str = "cpu"
    device_index: tuple[int, ...] = (0,)
    compute_type: str = "default"  # keep the package's quantization (int8 for Argos)
    inter_threads: int = 1
    intra_threads: int = 1
    max_batch_tokens: int = 1024
    length_penalty: float = 0.2  # what Argos uses
    replace_unknowns: bool = True  # what Argos does: unknown characters come from the source
    decoding_slack: float = 2.0  # first cap = slack * expected ratio * source pieces + extra
    decoding_extra: int = 10

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> EngineOptions:
        """Options from ``Settings`` (``WORKBENCH_MT_*``); 0 threads = choose from the machine."""
        device = resolve_device(settings.mt_device)
        cores = os.cpu_count() or 1
        if device == "cuda":
            inter = settings.mt_inter_threads or len(settings.mt_device_index)
            intra = settings.mt_threads or 1
        else:
            inter = settings.mt_inter_threads or max(
                1, min(4, cores // max(1, settings.mt_threads or 1))
            )
            intra = settings.mt_threads or max(1, cores // inter)
        base = cls(
            beam_size=max(1, settings.mt_beam_size),
            device=device,
            device_index=tuple(settings.mt_device_index) or (0,),
            compute_type=settings.mt_compute_type or "default",
            inter_threads=max(1, inter),
            intra_threads=max(1, intra),
            max_batch_tokens=max(64, settings.mt_max_batch_tokens),
        )
        return replace(base, **overrides)

    @property
    def tag(self) -> str:
        """Suffix of the model version label when decoding differs from Argos (drafts)."""
        return "" if self.beam_size == ARGOS_BEAM_SIZE else f"~beam{self.beam_size}"

    def translate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``Translator.translate_batch`` (shared with the benchmark)."""
        return {
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "return_scores": True,
            "replace_unknowns": self.replace_unknowns,
            "max_batch_size": 0,
        }

    def max_decoding_length(self, source_pieces: int, ratio: float = 1.0) -> int:
        """The first-pass cap for a batch whose longest source has ``source_pieces`` pieces.

        Relative to the pair's expected length ratio; never above Argos's cap.
        Outputs that reach it are decoded again with Argos's cap (``LoadedModel``).
        """
        cap = math.ceil(self.decoding_slack * max(ratio, 0.5) * source_pieces) + self.decoding_extra
        return min(ARGOS_MAX_DECODING, cap)


@dataclass(frozen=True)
class MTResult:
    """One translated input: text and the model's log-probability score."""

    text: str
    score: float
    truncated: bool = False  # cut by Argos's decoding cap too (the text is incomplete)


@dataclass
class EngineStats:
    """Process-wide counters of real model work (tests spy on them; no timing)."""

    calls: int = 0
    segments: int = 0
    batches: int = 0
    redecoded: int = 0  # outputs that reached the first cap and were decoded again
    truncated: int = 0  # outputs cut by Argos's cap as well

    def reset(self) -> None:
        """Zero the counters."""
        self.calls = self.segments = self.batches = self.redecoded = self.truncated = 0


STATS = EngineStats()


def plan_batches(lengths: Sequence[int], max_batch_tokens: int) -> list[list[int]]:
    """Group input indices into batches of similar length with padded size <= the budget.

    Sorting by length (longest first) keeps padding small; the padded size of
    a batch is ``len(batch) * longest``.  One over-long input forms its own batch.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = lengths[current[0]] if current else lengths[i]
        if current and (len(current) + 1) * max(longest, 1) > max_batch_tokens:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


class _Tokenizer:
    """The package tokenizer, decoding exactly as ``argostranslate.tokenizer`` does.

    SentencePiece: ``decode_pieces`` keeps pieces the model does not know
    verbatim (OPUS packages whose joint vocabulary holds target pieces the
    source model lacks, or source characters copied for an unknown piece), so
    Argos then turns every ``▁`` (and ``_``) into a space; so does this.  BPE:
    argostranslate's own Moses + BPE tokenizer.
    """

    def __init__(self, package: PackageInfo) -> None:
        if package.tokenizer == "sentencepiece":
            import sentencepiece as spm

            self._sp: Any = spm.SentencePieceProcessor(
                model_file=str(package.path / "sentencepiece.model")
            )
            self._bpe: Any = None
        else:
            from argostranslate.tokenizer import BPETokenizer

            self._sp = None
            self._bpe = BPETokenizer(package.path / "bpe.model", package.from_code, package.to_code)

    def encode(self, text: str) -> list[str]:
        if self._sp is not None:
            return list(self._sp.encode(text, out_type=str))
        return list(self._bpe.encode(text))

    def decode(self, pieces: list[str]) -> str:
        if self._sp is not None:
            text = str(self._sp.decode_pieces(pieces)).replace("\u2581", " ").replace("_", " ")
        else:
            text = str(self._bpe.decode(pieces))
        return text[1:] if text.startswith(" ") else text  # Argos drops one leading space


class LoadedModel:
    """A package's tokenizer and translator, loaded once and reused by every caller."""

    def __init__(self, package: PackageInfo, options: EngineOptions) -> None:
        import ctranslate2

        self.package = package
        self.options = options
        self._lengths = [0, 0]  # source and output pieces of finished outputs (length ratio)
        try:
            self.tokenizer = _Tokenizer(package)
            self.translator = ctranslate2.Translator(
                str(package.path / "model"),
                device=options.device,
                device_index=list(options.device_index),
                compute_type=options.compute_type,
                inter_threads=options.inter_threads,
                intra_threads=options.intra_threads,
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(f"cannot load model {package.label}: {exc}") from exc

    @property
    def length_ratio(self) -> float:
        """Output/source pieces seen so far for this pair (1.0 before any output)."""
        src, out = self._lengths
        return out / src if src >= 50 else 1.0

    def translate(
        self, texts: Sequence[str], prefixes: Sequence[str | None] | None = None
    ) -> list[MTResult]:
        """Translate ``texts`` (already stripped, non-empty); results in input order.

        ``prefixes[i]``, if given, is text the translation of ``texts[i]`` must start with.
        """
        owners, chunks = self._chunk([self._source(t) for t in texts])
        prefix_pieces = self._prefix_pieces(prefixes, owners)
        outputs: list[list[str]] = [[] for _ in texts]
        scores = [0.0] * len(texts)
        cut = [False] * len(texts)
        results = self._run_all(chunks, prefix_pieces)
        for i, (pieces, score, truncated) in enumerate(results):
            outputs[owners[i]].extend(pieces)
            scores[owners[i]] += score
            cut[owners[i]] |= truncated
        STATS.calls += 1
        STATS.segments += len(texts)
        return [
            MTResult(self.tokenizer.decode(p), s, c)
            for p, s, c in zip(outputs, scores, cut, strict=True)
        ]

    def _source(self, text: str) -> list[str]:
        pieces = self.tokenizer.encode(text)
        prefix = self.package.source_prefix
        return [prefix, *pieces] if prefix else pieces

    def _chunk(self, tokenized: list[list[str]]) -> tuple[list[int], list[list[str]]]:
        owners: list[int] = []
        chunks: list[list[str]] = []
        for index, pieces in enumerate(tokenized):
            for start in range(0, max(len(pieces), 1), MAX_SOURCE_PIECES):
                owners.append(index)
                chunks.append(pieces[start : start + MAX_SOURCE_PIECES])
        return owners, chunks

    def _prefix_pieces(
        self, prefixes: Sequence[str | None] | None, owners: list[int]
    ) -> list[list[str]]:
        """Per chunk: the package's language token, then (first chunk only) the user prefix."""
        base = [self.package.target_prefix] if self.package.target_prefix else []
        result: list[list[str]] = []
        for k, owner in enumerate(owners):
            first = k == 0 or owners[k - 1] != owner
            text = prefixes[owner] if prefixes is not None and first else None
            result.append(base + (self.tokenizer.encode(text) if text else []))
        return result

    def _run_all(
        self, chunks: list[list[str]], prefixes: list[list[str]]
    ) -> list[tuple[list[str], float, bool]]:
        """All chunks in length-sorted batches submitted at once (every replica busy).

        Outputs that reach the first, ratio-relative cap are decoded again with
        Argos's cap, so the text equals Argos's; those that reach that too are
        flagged ``truncated``.
        """
        out: list[tuple[list[str], float, bool]] = [([], 0.0, False)] * len(chunks)
        plan = plan_batches([len(c) for c in chunks], self.options.max_batch_tokens)
        ratio = self.length_ratio
        pending = [self._submit(batch, chunks, prefixes, ratio=ratio) for batch in plan]
        again: list[int] = []
        for batch, (cap, futures) in zip(plan, pending, strict=True):
            for i, future in zip(batch, futures, strict=True):
                out[i] = self._collect(future.result(), prefixes[i], cap, chunks[i])
                if out[i][2] and cap < ARGOS_MAX_DECODING:
                    again.append(i)
        if again:
            STATS.redecoded += len(again)
            for batch in plan_batches(
                [len(chunks[i]) for i in again], self.options.max_batch_tokens
            ):
                ids = [again[k] for k in batch]
                cap, futures = self._submit(ids, chunks, prefixes, cap=ARGOS_MAX_DECODING)
                for i, future in zip(ids, futures, strict=True):
                    out[i] = self._collect(future.result(), prefixes[i], cap, None)
        STATS.truncated += sum(1 for o in out if o[2])
        return out

    def _submit(
        self,
        batch: list[int],
        chunks: list[list[str]],
        prefixes: list[list[str]],
        *,
        ratio: float = 1.0,
        cap: int | None = None,
    ) -> tuple[int, list[Any]]:
        longest = max(len(chunks[i]) for i in batch)
        extra = max(len(prefixes[i]) for i in batch)
        if cap is None:
            cap = min(ARGOS_MAX_DECODING, self.options.max_decoding_length(longest, ratio) + extra)
        batch_prefixes = [prefixes[i] for i in batch]
        futures = self.translator.translate_batch(
            [chunks[i] for i in batch],
            target_prefix=batch_prefixes if any(batch_prefixes) else None,
            max_decoding_length=cap,
            asynchronous=True,
            **self.options.translate_kwargs(),
        )
        STATS.batches += 1
        return cap, futures

    def _collect(
        self, result: Any, prefix: list[str], cap: int, source: list[str] | None
    ) -> tuple[list[str], float, bool]:
        hypothesis = list(result.hypotheses[0])
        truncated = len(hypothesis) >= cap
        drop = 1 if self.package.target_prefix else 0
        if source is not None and not truncated:
            self._lengths[0] += len(source)
            self._lengths[1] += len(hypothesis) - len(prefix)
        return hypothesis[drop:], float(result.scores[0]), truncated


_MODELS: dict[tuple[str, int, EngineOptions], LoadedModel] = {}
_LOCK = threading.Lock()


def get_model(package: PackageInfo, options: EngineOptions) -> LoadedModel:
    """The process-wide cached model for a package (keyed by path, mtime and options).

    A reinstalled package has a new mtime, so a stale translator is never reused.
    """
    try:
        mtime = (package.path / "model" / "model.bin").stat().st_mtime_ns
    except OSError as exc:
        raise ModelError(f"model files of {package.label} are missing: {exc}") from exc
    key = (str(package.path), mtime, options)
    with _LOCK:
        model = _MODELS.get(key)
        if model is None:
            for stale in [k for k in _MODELS if k[0] == key[0] and k[1] != mtime]:
                del _MODELS[stale]
            model = _MODELS[key] = LoadedModel(package, options)
        return model


def forget_model(path: Path, *, locked: bool = False) -> None:
    """Drop cached translators of a package folder (before removing or replacing it)."""

    def drop() -> None:
        for key in [k for k in _MODELS if k[0] == str(path)]:
            del _MODELS[key]

    if locked:
        drop()
    else:
        with _LOCK:
            drop()
