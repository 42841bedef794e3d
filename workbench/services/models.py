"""Model management: the use cases behind ``workbench models ...``, the demo and the models page.

Why a service: the CLI, the web and the demo must list, install and remove
models the same way (one models folder per ``Settings``, the same checks, the
same "how to get one" hint), so they call these functions and never the
package adapters directly.  Offline installs read a ``.argosmodel`` file;
online ones go through the Argos index and fail with ``OfflineError`` (exit
code 7) naming the offline alternative.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from workbench.adapters.mt.index import IndexEntry, available_packages, install_from_index
from workbench.adapters.mt.packages import (
    PackageInfo,
    check_code,
    find_package,
    install_package,
    list_packages,
    remove_package,
)
from workbench.config import Settings
from workbench.errors import N_, NotFoundError
from workbench.services.files import check_named


def _folder(settings: Settings) -> Path:
    assert settings.models_dir is not None  # Settings fills it in
    return settings.models_dir


def installed(settings: Settings) -> list[PackageInfo]:
    """Every installed package; broken folders are listed with their problem, not fatal."""
    return list_packages(_folder(settings))


def usable(settings: Settings) -> list[PackageInfo]:
    """The installed packages that can translate (broken folders left out)."""
    return [p for p in installed(settings) if not p.broken]


def find(settings: Settings, source: str, target: str) -> PackageInfo:
    """The installed model of ``source -> target``, or ``NotFoundError`` saying how to get one."""
    src, dst = check_code(source), check_code(target)
    info = find_package(_folder(settings), src, dst)
    if info is None:
        raise NotFoundError(
            N_(
                "no installed model for %(source)s → %(target)s. Install one with "
                "`workbench models install %(source)s %(target)s` (online) or "
                "`workbench models install PATH.argosmodel` (offline)."
            ),
            source=src,
            target=dst,
        )
    return info


def install_file(settings: Settings, archive: Path | str) -> PackageInfo:
    """Install a ``.argosmodel`` file (offline); replaces the pair's installed package.

    A name as typed (``str``) is checked first (round 44): ``''`` was ``.`` ("is not
    a regular file") and ``-`` "no such package file".
    """
    if isinstance(archive, str):
        archive = check_named(archive, "PATH.argosmodel", folder_ok=True)  # its own message
    return install_package(_folder(settings), Path(archive))


def install_online(settings: Settings, source: str, target: str) -> PackageInfo:
    """Download and install ``source -> target`` from the Argos index (needs the network)."""
    return install_from_index(_folder(settings), source, target)


def available(settings: Settings) -> list[IndexEntry]:
    """What the Argos index offers (needs the network)."""
    del settings  # the index URL comes from WORKBENCH_ARGOS_INDEX_URL, not the settings
    return available_packages()


def remove(settings: Settings, source: str, target: str) -> PackageInfo:
    """Delete the installed model of a pair (``NotFoundError`` when there is none)."""
    return remove_package(_folder(settings), source, target)


def install_demo_models(settings: Settings) -> list[str]:
    """Install generated demo packages when no usable model is installed; their labels.

    They are word-dictionary and copy models built on the spot
    (``workbench.testing.argos_models``): the real install and CTranslate2 path,
    not real translation.  Nothing is installed when a usable model exists.
    """
    if usable(settings):
        return []
    from workbench.testing.argos_models import build_test_packages

    with tempfile.TemporaryDirectory(prefix="workbench-demo-models-") as tmp:
        built = build_test_packages(Path(tmp), demo=True)  # marked DEMO everywhere
        return [install_file(settings, path).label for path in built.values()]
