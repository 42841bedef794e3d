"""Runtime settings, read from the environment once and passed down explicitly.

Why a plain dataclass: the CLI, the web app and tests each build one and hand it
to services, so nothing reads ``os.environ`` deep inside the code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.core.languages import DEFAULT_LANGUAGES as DEFAULT_LANGUAGES
from workbench.errors import N_

#: Host names a local server always answers to (see ``workbench.web.trusted_hosts``).
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1", "[::1]")


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "workbench"


@dataclass(frozen=True)
class Settings:
    """Everything configurable; ``Settings.from_env()`` is the usual constructor."""

    home: Path = field(default_factory=_default_home)
    database_url: str = ""
    models_dir: Path | None = None
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_upload_bytes: int = 5 * 1024 * 1024
    # Per version: 1,000,000 characters and 10,000 segments are far past any article
    # (a long read has a few hundred sentences) and keep the worst accepted page's
    # ingest to seconds on a busy 2-core machine (benchmarks/ingest_pathological.py).
    max_input_chars: int = 1_000_000
    max_segments: int = 10_000
    mt_threads: int = 0  # intra-op threads per translator; 0 = choose from the CPU count
    mt_inter_threads: int = 0  # translators run in parallel; 0 = choose (see engine)
    mt_beam_size: int = 4  # what Argos uses, so output equals Argos's; 1 = greedy draft
    mt_max_batch_tokens: int = 1024
    mt_device: str = "auto"  # auto | cpu | cuda (auto = CUDA when CTranslate2 sees a GPU)
    mt_device_index: tuple[int, ...] = (0,)
    mt_compute_type: str = "default"  # default keeps the package's (int8); int8_float16, ...
    trusted_hosts: tuple[str, ...] = ()  # extra Host names for the web UI ("*": any)
    # A running translation job whose progress has not moved this long is shown STALLED
    # (``services.job_status``); a module constant until round 41 (reliab41), now an
    # operator's choice: a slow CPU-only worker or a long lock wait may need more.  A
    # background comparison with no heartbeat (before migration 0011) reads it too, to be
    # listed stalled and taken over (``services.compare_jobs``; its own 10 minutes before 42).
    job_stall_seconds: int = 600

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.home / 'workbench.db'}")
        if self.models_dir is None:
            object.__setattr__(self, "models_dir", self.home / "models")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Build settings from ``WORKBENCH_*`` variables, then apply ``overrides``."""
        env = os.environ
        kwargs: dict[str, object] = {}
        if env.get("WORKBENCH_HOME"):
            kwargs["home"] = Path(env["WORKBENCH_HOME"])
        if env.get("WORKBENCH_DATABASE_URL"):
            kwargs["database_url"] = env["WORKBENCH_DATABASE_URL"]
        if env.get("WORKBENCH_MODELS_DIR"):
            kwargs["models_dir"] = Path(env["WORKBENCH_MODELS_DIR"])
        if env.get("WORKBENCH_LANGUAGES"):
            kwargs["languages"] = content_languages(env["WORKBENCH_LANGUAGES"])
        if env.get("WORKBENCH_TRUSTED_HOSTS"):
            hosts = [x.strip() for x in env["WORKBENCH_TRUSTED_HOSTS"].split(",") if x.strip()]
            kwargs["trusted_hosts"] = tuple(hosts)
        kwargs.update(_mt_from_env(env))
        kwargs.update(overrides)
        return cls(**kwargs)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (frozen dataclass helper)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def content_languages(value: str) -> tuple[str, ...]:
    """``WORKBENCH_LANGUAGES`` read and checked against the content-language registry.

    Why here: an unsupported code ("sv", "Deutsch") would otherwise surface deep
    in the detector; at the entrance it is one ``Error:`` naming what is supported.
    """
    from workbench.core.languages import LANGUAGES, base_code, unsupported
    from workbench.errors import LanguageCodeError

    langs = tuple(dict.fromkeys(base_code(x) or "" for x in value.split(",") if x.strip()))
    bad = unsupported(list(langs))
    if bad or len(langs) < 2:
        raise LanguageCodeError(
            N_(
                "WORKBENCH_LANGUAGES must name at least two supported content languages "
                "(%(supported)s), not %(value)r"
            ),
            supported=", ".join(LANGUAGES),
            value=value,
        )
    return langs


#: variable -> (field, least value).  Why a least: ``-3`` threads was taken without a word
#: by commands that do not translate and silently read as one thread by those that do
#: (reliabc38); 0 threads or replicas means "choose from the CPU count" (docs/mt.md).
_MT_INTS = {
    "WORKBENCH_MT_THREADS": ("mt_threads", 0),
    "WORKBENCH_MT_INTER_THREADS": ("mt_inter_threads", 0),
    "WORKBENCH_MT_BEAM_SIZE": ("mt_beam_size", 1),
    "WORKBENCH_MT_BATCH_TOKENS": ("mt_max_batch_tokens", 64),  # options.py's floor
    "WORKBENCH_MAX_INPUT_CHARS": ("max_input_chars", 1),  # raise for book-length documents
    "WORKBENCH_MAX_SEGMENTS": ("max_segments", 1),
    "WORKBENCH_JOB_STALL_SECONDS": ("job_stall_seconds", 1),  # reliab41; docs/operations.md
}


def _mt_from_env(env: Mapping[str, str]) -> dict[str, object]:
    """The MT device and speed settings (``WORKBENCH_MT_*``); bad values are a clear error."""
    from workbench.errors import InputError

    out: dict[str, object] = {}
    for name, (key, least) in _MT_INTS.items():
        if env.get(name):
            try:
                out[key] = value = int(env[name])
            except ValueError as exc:
                raise InputError(
                    N_("%(name)s must be an integer, not %(value)r"), name=name, value=env[name]
                ) from exc
            if value < least:
                raise InputError(
                    N_("%(name)s must be an integer of at least %(least)s, not %(value)r"),
                    name=name, least=least, value=env[name],
                )  # fmt: skip
    device = env.get("WORKBENCH_MT_DEVICE", "").strip().lower()
    if device:
        if device not in ("auto", "cpu", "cuda"):
            raise InputError(
                N_("WORKBENCH_MT_DEVICE must be auto, cpu or cuda, not %(device)r"), device=device
            )
        out["mt_device"] = device
    if env.get("WORKBENCH_MT_COMPUTE_TYPE"):
        out["mt_compute_type"] = env["WORKBENCH_MT_COMPUTE_TYPE"].strip()
    if env.get("WORKBENCH_MT_DEVICE_INDEX"):
        try:
            indexes = tuple(
                int(x) for x in env["WORKBENCH_MT_DEVICE_INDEX"].split(",") if x.strip()
            )
        except ValueError as exc:
            raise InputError(
                N_("WORKBENCH_MT_DEVICE_INDEX must be integers like 0 or 0,1")
            ) from exc
        for index in indexes:
            if index < 0:  # reliab39: a GPU index has a least value as the numbers above
                raise InputError(
                    N_("%(name)s must be an integer of at least %(least)s, not %(value)r"),
                    name="WORKBENCH_MT_DEVICE_INDEX", least=0, value=str(index),
                )  # fmt: skip
        out["mt_device_index"] = indexes
    return out
