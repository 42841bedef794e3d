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


@dataclass(frozen=True)
class EngineOptions:
    """Decoding and threading knobs (defaults suit a 2-core machine)."""

    beam_size: int = 2
    inter_threads: int = 1
    intra_threads: int = 2
    max_batch_tokens: int = 2048
    decoding_ratio: float = 1.3  # max output pieces = ratio * source pieces + extra
    decoding_extra: int = 5
    length_penalty: float = 0.2  # what Argos uses for its models
    compute_type: str = "default"  # keep the package's quantization (int8 for Argos)
    replace_unknowns: bool = False  # copies source pieces for <unk>; halves speed on 2 cores

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> EngineOptions:
        """Options from ``Settings``: ``mt_threads`` 0 means min(4, CPU count)."""
        threads = settings.mt_threads or min(4, os.cpu_count() or 1)
        base = cls(
            beam_size=max(1, settings.mt_beam_size),
            intra_threads=threads,
            max_batch_tokens=max(64, settings.mt_max_batch_tokens),
        )
        return replace(base, **overrides)

    def translate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``Translator.translate_batch`` (shared with the benchmark)."""
        return {
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "return_scores": True,
            "replace_unknowns": self.replace_unknowns,
            "max_batch_size": 0,
        }

    def max_decoding_length(self, source_pieces: int) -> int:
        """The decoding cap for a batch whose longest source has ``source_pieces`` pieces."""
        return math.ceil(self.decoding_ratio * source_pieces) + self.decoding_extra


@dataclass(frozen=True)
class MTResult:
    """One translated input: text and the model's log-probability score."""

    text: str
    score: float


@dataclass
class EngineStats:
    """Process-wide counters of real model work (tests spy on them; no timing)."""

    calls: int = 0
    segments: int = 0
    batches: int = 0

    def reset(self) -> None:
        """Zero the counters."""
        self.calls = self.segments = self.batches = 0


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
    """The package tokenizer: SentencePiece directly, BPE via argostranslate's Moses+BPE."""

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
            return str(self._sp.decode_pieces(pieces))
        return str(self._bpe.decode(pieces))


class LoadedModel:
    """A package's tokenizer and translator, loaded once and reused by every caller."""

    def __init__(self, package: PackageInfo, options: EngineOptions) -> None:
        import ctranslate2

        self.package = package
        self.options = options
        try:
            self.tokenizer = _Tokenizer(package)
            self.translator = ctranslate2.Translator(
                str(package.path / "model"),
                device="cpu",
                compute_type=options.compute_type,
                inter_threads=options.inter_threads,
                intra_threads=options.intra_threads,
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(f"cannot load model {package.label}: {exc}") from exc

    def translate(
        self, texts: Sequence[str], prefixes: Sequence[str | None] | None = None
    ) -> list[MTResult]:
        """Translate ``texts`` (already stripped, non-empty); results in input order.

        ``prefixes[i]``, if given, is text the translation of ``texts[i]`` must start with.
        """
        owners, chunks = self._chunk([self.tokenizer.encode(t) for t in texts])
        prefix_pieces = self._prefix_pieces(prefixes, owners)
        outputs: list[list[str]] = [[] for _ in texts]
        scores = [0.0] * len(texts)
        for batch in plan_batches([len(c) for c in chunks], self.options.max_batch_tokens):
            results = self._run([chunks[i] for i in batch], [prefix_pieces[i] for i in batch])
            for i, (pieces, score) in zip(batch, results, strict=True):
                outputs[owners[i]].extend(pieces)
                scores[owners[i]] += score
        STATS.calls += 1
        STATS.segments += len(texts)
        return [
            MTResult(self.tokenizer.decode(p).strip(), s)
            for p, s in zip(outputs, scores, strict=True)
        ]

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

    def _run(
        self, batch: list[list[str]], prefixes: list[list[str]]
    ) -> list[tuple[list[str], float]]:
        longest = max(len(x) for x in batch) + max(len(p) for p in prefixes)
        results = self.translator.translate_batch(
            batch,
            target_prefix=prefixes if any(prefixes) else None,
            max_decoding_length=self.options.max_decoding_length(longest),
            **self.options.translate_kwargs(),
        )
        STATS.batches += 1
        drop = 1 if self.package.target_prefix else 0
        return [(list(r.hypotheses[0][drop:]), float(r.scores[0])) for r in results]


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
