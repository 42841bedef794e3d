"""Runtime settings, read from the environment once and passed down explicitly.

Why a plain dataclass: the CLI, the web app and tests each build one and hand it
to services, so nothing reads ``os.environ`` deep inside the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "de", "ru", "uk", "fr")
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
    max_input_chars: int = 2_000_000
    max_segments: int = 50_000  # per version: bounds ingest time on markup-only pages
    mt_threads: int = 0  # 0 = choose from the CPU count
    mt_beam_size: int = 2
    mt_max_batch_tokens: int = 2048
    trusted_hosts: tuple[str, ...] = ()  # extra Host names for the web UI ("*": any)

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
            langs = [x.strip() for x in env["WORKBENCH_LANGUAGES"].split(",") if x.strip()]
            kwargs["languages"] = tuple(langs)
        if env.get("WORKBENCH_TRUSTED_HOSTS"):
            hosts = [x.strip() for x in env["WORKBENCH_TRUSTED_HOSTS"].split(",") if x.strip()]
            kwargs["trusted_hosts"] = tuple(hosts)
        if env.get("WORKBENCH_MT_THREADS"):
            kwargs["mt_threads"] = int(env["WORKBENCH_MT_THREADS"])
        kwargs.update(overrides)
        return cls(**kwargs)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (frozen dataclass helper)."""
        return replace(self, **changes)  # type: ignore[arg-type]
