"""Which installed packages translate a language pair: direct, or pivoting through English.

Argos ships mostly X<->English models, so de->ru is de->en then en->ru.  The
error for a missing pair names exactly which model(s) to install and how,
online and offline.
"""

from __future__ import annotations

from pathlib import Path

from workbench.adapters.mt.packages import PackageInfo, check_code, find_package
from workbench.core import labels
from workbench.errors import N_, LanguagePairError

PIVOT = "en"


def find_route(models_dir: Path, source: str, target: str) -> list[PackageInfo]:
    """The packages to apply in order (one, or two via English); [] when source == target."""
    source, target = check_code(source), check_code(target)
    if source == target:
        return []
    direct = find_package(models_dir, source, target)
    if direct is not None:
        return [direct]
    if PIVOT not in (source, target):
        first = find_package(models_dir, source, PIVOT)
        second = find_package(models_dir, PIVOT, target)
        if first is not None and second is not None:
            return [first, second]
        missing = [
            f"{a} → {b}"
            for (a, b), pkg in (((source, PIVOT), first), ((PIVOT, target), second))
            if pkg is None
        ]
        raise LanguagePairError(
            N_(
                "no translation model for %(source)s → %(target)s: install %(source)s "
                "→ %(target)s, or %(missing)s to pivot through English. Install one with "
                "`workbench models install %(source)s %(target)s` (online) or "
                "`workbench models install PATH.argosmodel` (offline)."
            ),
            source=source,
            target=target,
            missing=", ".join(missing),
        )
    raise LanguagePairError(
        N_(
            "no translation model for %(source)s → %(target)s. Install one with "
            "`workbench models install %(source)s %(target)s` (online) or "
            "`workbench models install PATH.argosmodel` (offline)."
        ),
        source=source,
        target=target,
    )


def install_hint(source: str, target: str) -> str:
    """How to get a model: from the index when online, from a file when offline."""
    return (
        f"Install one with `workbench models install {source} {target}` (online) "
        "or `workbench models install PATH.argosmodel` (offline)."
    )


def route_label(route: list[PackageInfo], tag: str = "") -> str:
    """Provenance label: ``argos:en_de@1.0``, ``argos:ru_en@1.0+argos:en_de@1.0``, ``identity``.

    ``tag`` marks non-Argos decoding, e.g. ``argos:en_de@1.0~beam1`` for a greedy draft.
    """
    return labels.route_label([p.ref(tag) for p in route])
