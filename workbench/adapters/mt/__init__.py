"""Offline machine translation with Argos Translate packages and CTranslate2.

* ``packages`` — install/list/remove packages in a models folder (offline).
* ``index`` — the Argos package index (online only).
* ``engine`` — batched translation through one cached translator per model.
* ``routing`` — direct or English-pivot routes between languages.
* ``cache`` — the database translation cache.
"""

from __future__ import annotations

from workbench.adapters.mt.engine import STATS, EngineOptions, MTResult, get_model
from workbench.adapters.mt.index import IndexEntry, available_packages, install_from_index
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
    "available_packages",
    "find_route",
    "get_model",
    "install_from_index",
    "install_package",
    "list_packages",
    "remove_package",
    "route_label",
]
