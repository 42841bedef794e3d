"""Package management: offline install, listing with broken folders, removal, the index."""

from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.adapters.mt import (
    available_packages,
    install_from_index,
    install_package,
    list_packages,
    remove_package,
)
from workbench.errors import InputError, ModelError, NotFoundError, OfflineError

Packages = dict[tuple[str, str], Path]


def test_install_and_list(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    info = install_package(models, argos_packages[("en", "de")])
    assert (info.from_code, info.to_code, info.version) == ("en", "de", "1.0")
    assert info.label == "argos:en_de@1.0" and info.tokenizer == "sentencepiece"
    assert info.path == models / "translate-en_de"
    install_package(models, argos_packages[("ru", "en")])
    listed = list_packages(models)
    assert [(p.from_code, p.to_code) for p in listed] == [("en", "de"), ("ru", "en")]
    assert not any(p.broken for p in listed)
    assert not [p for p in models.iterdir() if p.name.startswith(".")]  # no staging left


def test_reinstall_replaces_same_pair(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    install_package(models, argos_packages[("en", "de")])
    install_package(models, argos_packages[("en", "de")])
    assert [p.name for p in models.iterdir()] == ["translate-en_de"]


def test_broken_folders_are_listed_not_fatal(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    install_package(models, argos_packages[("de", "en")])
    (models / "empty-folder").mkdir()
    bad_json = models / "bad-json"
    bad_json.mkdir()
    (bad_json / "metadata.json").write_text("{not json", encoding="utf-8")
    no_model = models / "no-model"
    no_model.mkdir()
    meta = {"from_code": "en", "to_code": "uk", "package_version": "2.0"}
    (no_model / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    (no_model / "sentencepiece.model").write_bytes(b"x")
    listed = {p.path.name: p for p in list_packages(models)}
    assert not listed["translate-de_en"].broken
    assert listed["empty-folder"].problem == "no metadata.json"
    assert "bad metadata.json" in (listed["bad-json"].problem or "")
    assert listed["no-model"].problem == "no model/model.bin"
    assert listed["no-model"].to_json()["broken"] is True


def test_corrupt_archives_raise_model_error(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    garbage = tmp_path / "garbage.argosmodel"
    garbage.write_bytes(b"\x00\x01not a zip at all" * 50)
    truncated = tmp_path / "truncated.argosmodel"
    data = argos_packages[("en", "de")].read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    no_meta = tmp_path / "no-meta.argosmodel"
    with zipfile.ZipFile(no_meta, "w") as zf:
        zf.writestr("pkg/model/model.bin", b"123")
    for archive in (garbage, truncated, no_meta):
        with pytest.raises(ModelError):
            install_package(models, archive)
    assert list_packages(models) == []
    with pytest.raises(InputError, match="no such package file"):  # bad input: exit code 2
        install_package(models, tmp_path / "missing.argosmodel")


@pytest.mark.parametrize("evil", ["../escaped.txt", "pkg/../../escaped.txt", "{tmp}/escaped.txt"])
def test_path_traversal_is_rejected(tmp_path: Path, evil: str) -> None:
    # The absolute member names this test's own folder, not a fixed /tmp file: two runs on
    # one machine must not see each other's files (docs/operations.md, "Tests in parallel").
    target = tmp_path / "outside"
    archive = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "en", "to_code": "de"}')
        zf.writestr(evil.format(tmp=target), "owned")
    with pytest.raises(ModelError, match="unsafe path"):
        install_package(target / "models", archive)
    assert not (target / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()


def test_remove(tmp_path: Path, argos_packages: Packages) -> None:
    models = tmp_path / "models"
    install_package(models, argos_packages[("en", "fr")])
    assert remove_package(models, "en", "fr").model_id == "argos:en_fr"
    assert list_packages(models) == []
    with pytest.raises(NotFoundError):
        remove_package(models, "en", "fr")


def test_index_offline_names_the_file_alternative(tmp_path: Path) -> None:
    closed = "http://127.0.0.1:9/index.json"  # discard port: connection refused at once
    with pytest.raises(OfflineError, match="workbench models install PATH.argosmodel"):
        available_packages(closed, timeout=2)
    with pytest.raises(OfflineError):
        install_from_index(tmp_path / "models", "en", "de", url=closed)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output clean."""


@pytest.fixture
def local_index(tmp_path: Path, argos_packages: Packages) -> Iterator[str]:
    """An Argos-style index and package served on loopback (no outside network)."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "uk_en.argosmodel").write_bytes(argos_packages[("uk", "en")].read_bytes())
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_port}"
    index = [
        {
            "type": "translate",
            "from_code": "uk",
            "to_code": "en",
            "package_version": "1.0",
            "from_name": "Ukrainian",
            "to_name": "English",
            "links": [f"{base}/uk_en.argosmodel"],
        },
        {"type": "sbd", "from_code": "uk", "to_code": "uk", "links": []},
    ]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base}/index.json"
    server.shutdown()


def test_index_online_install(tmp_path: Path, local_index: str) -> None:
    entries = available_packages(local_index)
    assert [(e.from_code, e.to_code, e.version) for e in entries] == [("uk", "en", "1.0")]
    info = install_from_index(tmp_path / "models", "uk", "en", url=local_index)
    assert info.label == "argos:uk_en@1.0"
    with pytest.raises(NotFoundError, match="no de → en package"):
        install_from_index(tmp_path / "models", "de", "en", url=local_index)
