"""The Argos package index (online): list and install models by language pair.

Why not ``argostranslate.package.get_available_packages``: without network it
logs the error and recurses forever, and ``download()`` writes into a global
folder.  Here a failed fetch becomes an ``OfflineError`` that names the offline
alternative, and downloads go through a temporary file into the per-settings
models folder via the same checked installer as offline files.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.adapters.mt.packages import (
    PackageInfo,
    _version_key,
    check_code,
    check_models_dir,
    install_package,
)
from workbench.errors import N_, ModelError, NotFoundError, OfflineError

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
OFFLINE_HINT = (
    "Offline alternative: copy a .argosmodel file to this machine and run "
    "`workbench models install PATH.argosmodel`."
)


@dataclass(frozen=True)
class IndexEntry:
    """One package offered by the index."""

    from_code: str
    to_code: str
    version: str
    from_name: str = ""
    to_name: str = ""
    links: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {**self.__dict__, "links": list(self.links)}


def index_url() -> str:
    """``WORKBENCH_ARGOS_INDEX_URL``, else ``ARGOS_PACKAGE_INDEX``/index.json, else Argos's."""
    if os.environ.get("WORKBENCH_ARGOS_INDEX_URL"):
        return os.environ["WORKBENCH_ARGOS_INDEX_URL"]
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    return base.rstrip("/") + "/index.json" if base else DEFAULT_INDEX_URL


class _Unreachable(Exception):
    """No answer at all (offline, DNS, refused, timeout): the offline hint applies."""


def _fetch(url: str, timeout: float) -> bytes:
    """The body at ``url``; an HTTP error status is a ``ModelError`` (the server answered),
    no answer at all is ``_Unreachable`` (the caller adds the offline hint once)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise ModelError(
            N_("%(url)s answered HTTP %(code)s %(reason)s"),
            url=url,
            code=exc.code,
            reason=exc.reason,
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _Unreachable(f"cannot reach {url} ({reason})") from exc


def available_packages(url: str | None = None, timeout: float = 15.0) -> list[IndexEntry]:
    """Translation packages listed by the Argos index; ``OfflineError`` without network."""
    url = url or index_url()
    try:
        data = json.loads(_fetch(url, timeout).decode("utf-8"))
    except _Unreachable as exc:
        raise OfflineError(
            N_(
                "%(reason)s. Offline alternative: copy a .argosmodel file to this machine "
                "and run `workbench models install PATH.argosmodel`."
            ),
            reason=exc,
        ) from exc
    except ModelError as exc:
        raise ModelError(N_("the package index is not available: %(reason)s"), reason=exc) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(
            N_("the package index at %(url)s is not valid JSON: %(exc)s"), url=url, exc=exc
        ) from exc
    entries: list[IndexEntry] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        if not item.get("from_code") or not item.get("to_code"):
            continue
        entries.append(
            IndexEntry(
                from_code=str(item["from_code"]),
                to_code=str(item["to_code"]),
                version=str(item.get("package_version", "")),
                from_name=str(item.get("from_name", "")),
                to_name=str(item.get("to_name", "")),
                links=tuple(str(x) for x in item.get("links") or []),
            )
        )
    return sorted(entries, key=lambda e: (e.from_code, e.to_code))


def install_from_index(
    models_dir: Path, from_code: str, to_code: str, *, url: str | None = None, timeout: float = 60.0
) -> PackageInfo:
    """Download the index's package for a pair and install it (checked like a file)."""
    from_code, to_code = check_code(from_code), check_code(to_code)
    entries = [
        e for e in available_packages(url) if (e.from_code, e.to_code) == (from_code, to_code)
    ]
    if not entries:
        raise NotFoundError(
            N_(
                "the Argos index has no %(from_code)s → %(to_code)s package (a pivot "
                "through English needs two packages: X → en and en → Y)"
            ),
            from_code=from_code,
            to_code=to_code,
        )
    entry = max(entries, key=lambda e: _version_key(e.version))  # the newest, wherever listed
    errors: list[str] = []
    unreachable = False
    check_models_dir(models_dir).mkdir(parents=True, exist_ok=True)
    for link in entry.links:
        try:
            data = _fetch(link, timeout)
        except _Unreachable as exc:
            errors.append(str(exc))
            unreachable = True
            continue
        except ModelError as exc:
            errors.append(exc.message)
            continue
        with tempfile.TemporaryDirectory(dir=models_dir, prefix=".download-") as tmp:
            archive = Path(tmp) / f"{from_code}_{to_code}.argosmodel"
            archive.write_bytes(data)
            return install_package(models_dir, archive)
    message = f"could not download {from_code} → {to_code} {entry.version}: " + (
        "; ".join(errors) or "the index lists no links"
    )
    if unreachable:
        raise OfflineError(
            N_(
                "%(reason)s. Offline alternative: copy a .argosmodel file to this machine "
                "and run `workbench models install PATH.argosmodel`."
            ),
            reason=message,
        )
    raise ModelError(
        N_("%(message)s. The index entry looks stale; try again later or install a file."),
        message=message,
    )
