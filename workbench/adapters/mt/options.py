"""Device, layout and decoding options of an MT engine, chosen from ``Settings``.

Why a module of its own: the services need the options (the decoding tag of
a draft is part of the provenance label) without loading an engine, and the
device/layout choice is a pure function of what the machine reports (CPU
count, CUDA device count), so it is tested without a GPU
(``choose_layout``); only ``cuda_device_count`` asks CTranslate2.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from workbench.config import Settings

ARGOS_BEAM_SIZE = 4  # argostranslate's default (ARGOS_BEAM_SIZE)
ARGOS_MAX_DECODING = 256  # CTranslate2's default cap, which Argos keeps


@functools.lru_cache(maxsize=1)
def cuda_device_count() -> int:
    """How many CUDA devices CTranslate2 sees (0 for a CPU-only build or no driver)."""
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:  # a CUDA build without a driver
        return 0


def resolve_device(device: str, cuda_count: Callable[[], int] = cuda_device_count) -> str:
    """``auto`` becomes ``cuda`` when CTranslate2 sees a GPU, else ``cpu``."""
    if device != "auto":
        return device
    return "cuda" if cuda_count() > 0 else "cpu"


@dataclass(frozen=True)
class Layout:
    """Where and how a model runs: device, devices, replicas and threads per replica."""

    device: str
    device_index: tuple[int, ...]
    inter_threads: int
    intra_threads: int


def choose_layout(settings: Settings, cpus: int, cuda_count: Callable[[], int]) -> Layout:
    """The layout for a machine with ``cpus`` cores and ``cuda_count()`` GPUs.

    CUDA: one replica per listed GPU (``inter_threads`` = number of device
    indices), one CPU thread each.  CPU: the default measured fastest by
    ``benchmarks/mt_throughput.py`` (README): one replica per core, each
    single-threaded, fed asynchronously; ``WORKBENCH_MT_THREADS`` /
    ``WORKBENCH_MT_INTER_THREADS`` override either number.
    """
    device = resolve_device(settings.mt_device, cuda_count)
    indexes = tuple(settings.mt_device_index) or (0,)
    if device == "cuda":
        inter = settings.mt_inter_threads or len(indexes)
        intra = settings.mt_threads or 1
    else:
        indexes = (0,)
        threads = max(1, settings.mt_threads or 1)
        inter = settings.mt_inter_threads or max(1, min(4, cpus // threads))
        intra = settings.mt_threads or max(1, cpus // inter)
    return Layout(device, indexes, max(1, inter), max(1, intra))


@dataclass(frozen=True)
class EngineOptions:
    """Device, layout and decoding knobs.

    Defaults decode exactly as Argos does (beam 4, length penalty 0.2, unknown
    pieces replaced by the source token, CTranslate2's default compute type,
    i.e. the package's int8) and feed the translator length-sorted batches of
    about 1,024 tokens, all submitted asynchronously so every replica is busy.
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
    def from_settings(
        cls,
        settings: Settings,
        *,
        cpus: int | None = None,
        cuda_count: Callable[[], int] = cuda_device_count,
        **overrides: Any,
    ) -> EngineOptions:
        """Options from ``Settings`` (``WORKBENCH_MT_*``); 0 threads = choose from the machine."""
        layout = choose_layout(settings, cpus or os.cpu_count() or 1, cuda_count)
        base = cls(
            beam_size=max(1, settings.mt_beam_size),
            device=layout.device,
            device_index=layout.device_index,
            compute_type=settings.mt_compute_type or "default",
            inter_threads=layout.inter_threads,
            intra_threads=layout.intra_threads,
            max_batch_tokens=max(64, settings.mt_max_batch_tokens),
        )
        return replace(base, **overrides)

    @property
    def tag(self) -> str:
        """Suffix of the model version label when decoding differs from Argos (drafts)."""
        return "" if self.beam_size == ARGOS_BEAM_SIZE else f"~beam{self.beam_size}"

    def translator_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``ctranslate2.Translator`` (shared with the benchmark)."""
        return {
            "device": self.device,
            "device_index": list(self.device_index),
            "compute_type": self.compute_type,
            "inter_threads": self.inter_threads,
            "intra_threads": self.intra_threads,
        }

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
