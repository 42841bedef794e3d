"""The translator interface: what the services need from an MT engine, and nothing more.

Why: the services (translate, compare, jobs) must not know which engine made
a translation.  An engine is a *package kind* (``PackageInfo.engine``) plus a
factory that loads one package into a ``Translator``; the services call
``load_translator(package, options)`` and store the translator's ``engine``,
``model_id`` and ``version`` as provenance (``workbench.core.labels``).

Argos Translate (CTranslate2 + the package's tokenizer) is the one engine
today, registered below by name and imported on first use.  Adding an engine
is one module with a factory plus one ``register_engine`` line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Protocol, runtime_checkable

from workbench.errors import N_, ModelError

#: The engine name of Argos Translate packages (the only engine today).
ARGOS = "argos"


class Result(Protocol):
    """One translated input."""

    text: str
    score: float
    truncated: bool


@dataclass(frozen=True)
class MTResult:
    """One translated input: text and the model's log-probability score."""

    text: str
    score: float
    truncated: bool = False  # cut by the engine's decoding cap (the text is incomplete)


@runtime_checkable
class Translator(Protocol):
    """A loaded model for one language pair."""

    @property
    def engine(self) -> str:
        """The engine's name, e.g. ``argos``."""
        ...

    @property
    def model_id(self) -> str:
        """The model's identity, e.g. ``argos:en_de`` (``workbench.core.labels``)."""
        ...

    @property
    def version(self) -> str:
        """The model package's version, stored with every translation it makes."""
        ...

    def translate(
        self, texts: Sequence[str], prefixes: Sequence[str | None] | None = None
    ) -> Sequence[Result]:
        """Translate stripped, non-empty ``texts``; one result per input, in order.

        ``prefixes[i]``, if given, is text the translation of ``texts[i]`` must start with.
        """
        ...


Factory = Callable[[Any, Any], Translator]
_ENGINES: dict[str, str | Factory] = {ARGOS: "workbench.adapters.mt.engine:get_model"}


def register_engine(name: str, factory: str | Factory) -> None:
    """Make packages whose ``engine`` is ``name`` loadable (``"module:function"`` or callable)."""
    _ENGINES[name] = factory


def engines() -> tuple[str, ...]:
    """The registered engine names (rows they made are machine translations)."""
    return tuple(_ENGINES)


def load_translator(package: Any, options: Any) -> Translator:
    """The ``Translator`` for an installed ``package`` (cached by its engine)."""
    engine = getattr(package, "engine", ARGOS)
    factory = _ENGINES.get(engine)
    if factory is None:
        raise ModelError(
            N_("no translation engine %(engine)r (known: %(_ENGINES)s)"),
            engine=engine,
            _ENGINES=", ".join(_ENGINES),
        )
    if isinstance(factory, str):
        module, _, function = factory.partition(":")
        factory = _ENGINES[engine] = getattr(import_module(module), function)
    return factory(package, options)
