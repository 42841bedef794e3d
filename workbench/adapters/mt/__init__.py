"""Offline machine translation with Argos Translate packages and CTranslate2.

* ``base`` — the ``Translator`` interface and the engine registry (``load_translator``):
  the services load models only through it, so a second engine is one module
  plus one ``register_engine`` line.
* ``options`` — device, layout and decoding options from ``Settings``.
* ``packages`` — install/list/remove packages in a models folder (offline).
* ``index`` — the Argos package index (online only).
* ``engine`` — the Argos engine: batched translation through one cached translator per model.
* ``routing`` — direct or English-pivot routes between languages.
* ``cache`` — the database translation cache.
"""

from __future__ import annotations

from workbench.adapters.mt.base import MTResult, Translator, load_translator, register_engine
from workbench.adapters.mt.engine import STATS, get_model
from workbench.adapters.mt.index import IndexEntry, available_packages, install_from_index
from workbench.adapters.mt.options import EngineOptions
from workbench.adapters.mt.packages import (
    PackageInfo,
    install_package,
    list_packages,
    remove_package,
)
from workbench.adapters.mt.routing import find_route, route_label

__all__ = [
    "STATS",
    "EngineOptions",
    "IndexEntry",
    "MTResult",
    "PackageInfo",
    "Translator",
    "available_packages",
    "find_route",
    "get_model",
    "install_from_index",
    "install_package",
    "load_translator",
    "register_engine",
    "list_packages",
    "remove_package",
    "route_label",
]
