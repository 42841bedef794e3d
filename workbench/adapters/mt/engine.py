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

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.adapters.mt.base import MTResult
from workbench.adapters.mt.options import (
    ARGOS_BEAM_SIZE,
    ARGOS_MAX_DECODING,
    EngineOptions,
    resolve_device,
)
from workbench.adapters.mt.package_info import PackageInfo
from workbench.errors import N_, ModelError

__all__ = [
    "ARGOS_BEAM_SIZE",
    "ARGOS_MAX_DECODING",
    "STATS",
    "EngineOptions",
    "LoadedModel",
    "MTResult",
    "get_model",
    "plan_batches",
    "resolve_device",
]

MAX_SOURCE_PIECES = 250  # longer inputs are translated in chunks (position limits)


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
                str(package.path / "model"), **options.translator_kwargs()
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(
                N_("cannot load model %(label)s: %(exc)s"), label=package.label, exc=exc
            ) from exc

    @property
    def engine(self) -> str:
        """The engine's name (``Translator`` protocol): the package's."""
        return self.package.engine

    @property
    def model_id(self) -> str:
        """``argos:en_de`` (``Translator`` protocol)."""
        return self.package.model_id

    @property
    def version(self) -> str:
        """The package version (``Translator`` protocol)."""
        return self.package.version

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
        raise ModelError(
            N_("model files of %(label)s are missing: %(exc)s"), label=package.label, exc=exc
        ) from exc
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
