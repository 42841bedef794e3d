"""The package index on loopback (404 vs offline, newest version) and Argos variant codes."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.adapters.mt import find_route, install_from_index, install_package
from workbench.adapters.mt.index import OFFLINE_HINT
from workbench.errors import ModelError, OfflineError

Packages = dict[tuple[str, str], Path]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output clean."""


def _relabel(src: Path, out: Path, **meta: str) -> Path:
    """A copy of a package archive with metadata fields changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith("metadata.json"):
                data = json.dumps({**json.loads(data), **meta}).encode()
            zout.writestr(item, data)
    return out


@pytest.fixture
def index(tmp_path: Path, argos_packages: Packages) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()
    src = argos_packages[("uk", "en")]
    _relabel(src, root / "uk_en-1.9.argosmodel", package_version="1.9")
    _relabel(src, root / "uk_en-1.10.argosmodel", package_version="1.10")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_port}"

    def entry(version: str, link: str, frm: str = "uk") -> dict[str, object]:
        return {"from_code": frm, "to_code": "en", "package_version": version, "links": [link]}

    entries = [
        entry("1.10", f"{base}/uk_en-1.10.argosmodel"),
        entry("1.9", f"{base}/uk_en-1.9.argosmodel"),  # listed last, older
        entry("2.0", f"{base}/missing.argosmodel", frm="de"),  # a dead link: 404
        entry("1.0", "http://127.0.0.1:9/x.argosmodel", frm="ru"),  # nobody listens
    ]
    (root / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base}/index.json", tmp_path / "models"
    server.shutdown()


def test_newest_version_wins_wherever_listed(index: tuple[str, Path]) -> None:
    url, models = index
    assert install_from_index(models, "uk", "en", url=url).version == "1.10"


def test_404_is_not_offline_and_the_hint_comes_once(index: tuple[str, Path]) -> None:
    url, models = index
    with pytest.raises(ModelError, match="HTTP 404") as dead:
        install_from_index(models, "de", "en", url=url)
    assert not isinstance(dead.value, OfflineError) and OFFLINE_HINT not in dead.value.message
    with pytest.raises(OfflineError) as offline:
        install_from_index(models, "ru", "en", url=url, timeout=2)
    assert offline.value.message.count(OFFLINE_HINT) == 1
    with pytest.raises(ModelError, match="HTTP 404"):
        install_from_index(models, "uk", "en", url=url.replace("index.json", "nope.json"))


def test_lingua_codes_route_to_argos_variant_packages(
    tmp_path: Path, argos_packages: Packages
) -> None:
    models = tmp_path / "models"
    src = argos_packages[("uk", "en")]
    install_package(models, _relabel(src, tmp_path / "zt.argosmodel", from_code="zt"))
    install_package(models, _relabel(src, tmp_path / "pb.argosmodel", to_code="pb", from_code="en"))
    assert [p.from_code for p in find_route(models, "zh", "en")] == ["zt"]
    assert [p.to_code for p in find_route(models, "en", "pt")] == ["pb"]
    assert [(p.from_code, p.to_code) for p in find_route(models, "zh", "pt")] == [
        ("zt", "en"),
        ("en", "pb"),
    ]
