"""Model labels: built and parsed in ONE place.

A translation's provenance is stored as text (the ``Translation.model_id`` /
``model_version`` columns, an alignment's ``mt_model``) and read back by the
export, the compare view and the deliverables, so the format lives here:

* a model id: ``ENGINE:NAME``, e.g. ``argos:en_de`` (``NAME`` = ``FROM_TO``);
* a step: ``ENGINE:NAME@VERSION`` with an optional ``~TAG`` for non-default
  decoding, e.g. ``argos:en_de@1.9`` or ``argos:en_de@1.9~beam1``;
* a route: steps joined by ``+`` (a pivot: ``argos:ru_en@1.0+argos:en_de@1.0``),
  or ``identity`` when nothing was translated;
* a listing: routes joined by ``, ``, each optionally followed by `` (STATUS)``
  (``argos:en_de@1.0 (approved)``) for post-edited rows.

Pure string functions: no engine, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

IDENTITY = "identity"
#: The mark a generated demo package's version ends with (``1.0-demo``); it is stored
#: in every translation row such a package made.  Here (not in ``services.provenance``)
#: because the package builder ``testing.argos_models`` stamps it and sits below the
#: services (layersb40).
DEMO_SUFFIX = "-demo"
_ENGINE, _VERSION, _TAG, _ROUTE, _LIST = ":", "@", "~", "+", ", "


@dataclass(frozen=True)
class ModelRef:
    """One model of a route: engine, name, version and optional decoding tag."""

    engine: str
    name: str
    version: str = ""
    tag: str = ""

    @property
    def model_id(self) -> str:
        """``argos:en_de``: the model's identity, whatever its version."""
        return f"{self.engine}{_ENGINE}{self.name}" if self.engine else self.name

    @property
    def label(self) -> str:
        """``argos:en_de@1.9`` (``~tag`` appended when decoding was not the default)."""
        version = f"{_VERSION}{self.version}" if self.version else ""
        tag = f"{_TAG}{self.tag}" if self.tag else ""
        return self.model_id + version + tag


def pair_name(source: str, target: str) -> str:
    """The name of a model for one language pair: ``en_de``."""
    return f"{source}_{target}"


def model_id(engine: str, source: str, target: str) -> str:
    """``argos:en_de``."""
    return ModelRef(engine, pair_name(source, target)).model_id


def route_label(route: Iterable[ModelRef]) -> str:
    """``argos:ru_en@1.0+argos:en_de@1.0``, or ``identity`` for an empty route."""
    return _ROUTE.join(ref.label for ref in route) or IDENTITY


def parse_step(text: str) -> ModelRef:
    """``argos:en_de@1.9~beam1`` -> ``ModelRef("argos", "en_de", "1.9", "beam1")``."""
    head, _, tag = text.strip().partition(_TAG)
    ident, _, version = head.partition(_VERSION)
    engine, sep, name = ident.partition(_ENGINE)
    if not sep:
        engine, name = "", ident
    return ModelRef(engine, name, version, tag)


def parse_route(label: str) -> list[ModelRef]:
    """The steps of a route label (``identity`` and the empty label have none)."""
    label = label.strip()
    if not label or label == IDENTITY:
        return []
    return [parse_step(step) for step in label.split(_ROUTE)]


def route_columns(route: Sequence[ModelRef]) -> tuple[str, str]:
    """What a ``Translation`` row stores: (``"a+b"`` model ids, ``"1.0+1.0"`` versions)."""
    if not route:
        return IDENTITY, ""
    ids = _ROUTE.join(ref.model_id for ref in route)
    versions = _ROUTE.join(ref.version + (f"{_TAG}{ref.tag}" if ref.tag else "") for ref in route)
    return ids, versions


def from_columns(model_ids: str, versions: str) -> list[ModelRef]:
    """A stored row's route back from its ``model_id`` and ``model_version`` columns."""
    if not model_ids or model_ids == IDENTITY:
        return []
    ids = model_ids.split(_ROUTE)
    vers = versions.split(_ROUTE) if versions else []
    vers += [""] * (len(ids) - len(vers))
    refs = []
    for ident, version in zip(ids, vers, strict=False):
        base = parse_step(ident)
        plain, _, tag = version.partition(_TAG)
        refs.append(ModelRef(base.engine, base.name, plain, tag))
    return refs


def row_label(model_ids: str, versions: str, status: str = "machine") -> str:
    """A row's listing entry: ``argos:en_de@1.0``, post-edited ones ``... (approved)``."""
    label = route_label(from_columns(model_ids, versions))
    return label + (f" ({status})" if status and status != "machine" else "")


def join_labels(labels: Iterable[str]) -> str:
    """Several row labels as one listing, sorted and without repeats."""
    return _LIST.join(sorted(set(labels)))


def models_in(listing: str) -> list[ModelRef]:
    """Every distinct model (id and version) in a listing, in order of appearance."""
    seen: list[ModelRef] = []
    for entry in filter(None, (part.strip() for part in listing.split(_LIST.strip()))):
        for ref in parse_route(entry.split(" (")[0]):
            if ref not in seen:
                seen.append(ref)
    return seen


def is_demo_version(version: str | None) -> bool:
    """Whether a package or stored ``model_version`` comes from a generated demo package."""
    return bool(version) and str(version).endswith(DEMO_SUFFIX)
