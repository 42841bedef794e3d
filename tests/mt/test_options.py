"""Device and layout choice for a machine, from what it reports (CPUs, CUDA devices).

There is no GPU where these tests run: the CUDA branch is tested through the
choice it makes for a reported device count and the options it hands to
``ctranslate2.Translator``; a real CUDA run is not part of the suite (docs/mt.md).
"""

from __future__ import annotations

import pytest

from workbench.adapters.mt.options import (
    ARGOS_BEAM_SIZE,
    EngineOptions,
    choose_layout,
    cuda_device_count,
    resolve_device,
)
from workbench.config import Settings
from workbench.errors import InputError

_MT_ENV = ("DEVICE", "DEVICE_INDEX", "COMPUTE_TYPE", "THREADS", "INTER_THREADS", "BEAM_SIZE")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _MT_ENV:
        monkeypatch.delenv(f"WORKBENCH_MT_{name}", raising=False)


def _settings(tmp_path, **env: str) -> Settings:  # type: ignore[no-untyped-def]
    """Settings as the CLI reads them, with ``env`` set for the call only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(tmp_path))
        for name, value in env.items():
            patch.setenv(name, value)
        return Settings.from_env()


@pytest.mark.parametrize(
    ("asked", "gpus", "chosen"),
    [("auto", 0, "cpu"), ("auto", 1, "cuda"), ("auto", 4, "cuda"), ("cpu", 2, "cpu"),
     ("cuda", 0, "cuda")],
)  # fmt: skip
def test_device_for_reported_cuda_count(asked: str, gpus: int, chosen: str) -> None:
    assert resolve_device(asked, lambda: gpus) == chosen


def test_this_machine_reports_no_gpu_and_auto_is_cpu(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cuda_device_count() == 0  # CPU-only CTranslate2 wheel, no driver: not an error
    assert EngineOptions.from_settings(_settings(tmp_path)).device == "cpu"


def test_cuda_layout_one_replica_per_listed_gpu(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"WORKBENCH_MT_DEVICE_INDEX": "0,1", "WORKBENCH_MT_COMPUTE_TYPE": "int8_float16"}
    options = EngineOptions.from_settings(_settings(tmp_path, **env), cpus=8, cuda_count=lambda: 2)
    assert (options.device, options.device_index) == ("cuda", (0, 1))
    assert (options.inter_threads, options.intra_threads) == (2, 1)
    kwargs = options.translator_kwargs()
    assert kwargs == {
        "device": "cuda",
        "device_index": [0, 1],
        "compute_type": "int8_float16",
        "inter_threads": 2,
        "intra_threads": 1,
    }
    assert options.beam_size == ARGOS_BEAM_SIZE and options.tag == ""  # same output as Argos


def test_cpu_layout_from_core_count_and_overrides(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def layout(cpus: int, **env: str) -> tuple[int, int]:
        chosen = choose_layout(_settings(tmp_path, **env), cpus, lambda: 0)
        assert chosen.device == "cpu" and chosen.device_index == (0,)
        return chosen.inter_threads, chosen.intra_threads

    default = EngineOptions()
    assert layout(1) == (1, 1)
    assert layout(2) == (2, 1)  # the default measured by benchmarks/mt_throughput.py
    assert layout(16) == (4, 4)
    assert layout(2, WORKBENCH_MT_THREADS="2") == (1, 2)
    assert layout(8, WORKBENCH_MT_INTER_THREADS="1") == (1, 8)
    assert layout(4, WORKBENCH_MT_DEVICE="cpu", WORKBENCH_MT_DEVICE_INDEX="3") == (4, 1)
    assert default.compute_type == "default"  # the package's own int8, as Argos loads it


def test_draft_mode_is_tagged_and_bad_values_are_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = EngineOptions.from_settings(_settings(tmp_path, WORKBENCH_MT_BEAM_SIZE="1"))
    assert draft.beam_size == 1 and draft.tag == "~beam1"
    with pytest.raises(InputError, match="WORKBENCH_MT_DEVICE"):
        _settings(tmp_path, WORKBENCH_MT_DEVICE="tpu")
    with pytest.raises(InputError, match="WORKBENCH_MT_DEVICE_INDEX"):
        _settings(tmp_path, WORKBENCH_MT_DEVICE_INDEX="first")
