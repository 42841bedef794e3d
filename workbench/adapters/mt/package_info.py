"""One installed Argos package as workbench reads it: the ``PackageInfo`` record.

Why a module of its own: ``engine`` loads a package and ``packages`` installs, lists and
removes them, checking a new one with the engine (``verify_package``) and dropping the
engine's cached model of a removed one (``forget_model``); the record lives below both,
so ``engine`` no longer imports ``packages`` back (round 40, layers40).  ``packages``
re-exports it: ``from workbench.adapters.mt.packages import PackageInfo`` keeps working.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from workbench.adapters.mt.base import ARGOS
from workbench.core.labels import ModelRef, pair_name


@dataclass(frozen=True)
class PackageInfo:
    """One installed package (or a broken folder, with ``problem`` saying why)."""

    path: Path
    from_code: str = ""
    to_code: str = ""
    version: str = ""
    from_name: str = ""
    to_name: str = ""
    tokenizer: str = ""  # "sentencepiece" | "bpe"
    target_prefix: str = ""
    source_prefix: str = ""  # a language token some multilingual packages put before the source
    readme: str = ""  # the package's README.md (credits, terms: CC-BY needs attribution)
    license: str = ""  # metadata "license", else the README line that names one
    problem: str | None = None
    demo: bool = False  # a generated demo package (``workbench_demo`` in its metadata)

    @property
    def broken(self) -> bool:
        """True when the folder cannot be used for translation."""
        return self.problem is not None

    @property
    def engine(self) -> str:
        """The engine that loads this package (``adapters.mt.base`` registry)."""
        return ARGOS

    @property
    def model_id(self) -> str:
        """Stable identity of the model, e.g. ``argos:en_de``."""
        return self.ref().model_id

    def ref(self, tag: str = "") -> ModelRef:
        """This package as a ``core.labels`` step (``tag``: non-default decoding, ``~beam1``)."""
        return ModelRef(
            self.engine, pair_name(self.from_code, self.to_code), self.version, tag.lstrip("~")
        )

    @property
    def label(self) -> str:
        """Provenance string stored with translations, e.g. ``argos:en_de@1.0``."""
        return f"{self.model_id}@{self.version}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (``workbench models list --json``, the web API)."""
        data = asdict(self)
        data.update(path=str(self.path), broken=self.broken, model_id=self.model_id)
        return data
