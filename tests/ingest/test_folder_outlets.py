"""A folder of captures from several outlets: each file's outlet from its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.errors import PARTIAL_EXIT_CODE
from workbench.services.ingest_files import ingest_paths, outlet_from_name

EN = "Storm shuts the harbour bridge\n\nEngineers closed the bridge on Sunday night.\n"
UK = "Шторм закрив міст у гавані\n\nІнженери закрили міст у неділю ввечері.\n"
DE = "Sturm schließt die Hafenbrücke\n\nIngenieure sperrten die Brücke am Sonntagabend.\n"


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("ostro_org_uk.txt", "ostro_org"),
        ("online_ua_en.txt", "online_ua"),
        ("wire_de.html", "wire"),
        ("Rheinische Abendpost_de.txt", "Rheinische Abendpost"),
        ("seed-article.txt", ""),  # no language part: --outlet needed
        ("report_new.txt", ""),  # not a two-letter code
        ("wire_EN.txt", ""),  # codes are lower case
        ("_uk.txt", ""),
        ("wire__uk.txt", ""),
    ],
)
def test_outlet_from_name(name: str, outlet: str) -> None:
    assert outlet_from_name(name) == outlet


def _folder(root: Path) -> Path:
    story = root / "pages" / "bridge"
    story.mkdir(parents=True)
    (story / "wire_en.txt").write_text(EN, encoding="utf-8")
    (story / "ostro_org_uk.txt").write_text(UK, encoding="utf-8")
    (story / "blatt_de.txt").write_text(DE, encoding="utf-8")
    return root / "pages"


def test_each_file_gets_the_outlet_its_name_gives(settings: Settings, tmp_path: Path) -> None:
    results = ingest_paths(settings, [_folder(tmp_path)], outlet="", article="bridge")
    found = {Path(r.filename).name: (r.outlet, r.language) for r in results}
    assert found == {
        "blatt_de.txt": ("blatt", "de"),
        "ostro_org_uk.txt": ("ostro_org", "uk"),
        "wire_en.txt": ("wire", "en"),
    }
    again = ingest_paths(settings, [tmp_path / "pages"], outlet="", article="bridge")
    assert not any(r.created for r in again)  # same bytes at the same outlets: stored once


def test_explicit_and_json_outlets_win_over_the_name(settings: Settings, tmp_path: Path) -> None:
    pages = _folder(tmp_path)
    capture = {"text": EN + "A second line.\n", "outlet": "Northwire", "title": "Storm"}
    (pages / "bridge" / "copy_en.json").write_text(json.dumps(capture), encoding="utf-8")
    named = ingest_paths(settings, [pages / "bridge" / "copy_en.json"], outlet="", article="b")
    assert named[0].outlet == "Northwire"
    results = ingest_paths(settings, [pages], outlet="Everyone", article="bridge")
    assert {r.outlet for r in results} == {"Everyone"}


def test_cli_folder_of_outlets_and_a_file_without_one(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _folder(tmp_path)
    (pages / "bridge" / "notes.txt").write_text(EN + "Notes.\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_HOME", str(settings.home))
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", settings.database_url)
    out = CliRunner().invoke(main, ["ingest", str(pages), "--article", "bridge"])
    assert out.exit_code == PARTIAL_EXIT_CODE, out.output
    assert "outlet 'ostro_org'" in out.stdout and "outlet 'blatt'" in out.stdout
    assert "notes.txt: no outlet given" in out.stderr
    assert "<outlet>_<lang>.txt" in out.stderr and "Traceback" not in out.output


def test_web_upload_with_an_empty_outlet_field_follows_the_same_order(settings: Settings) -> None:
    import io

    from tests.web.conftest import Api
    from workbench.web import create_app

    api = Api(create_app(settings).test_client())

    def upload(data: bytes, name: str) -> str:
        form = {"outlet": "", "article": "bridge", "file": (io.BytesIO(data), name)}
        response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
        assert response.status_code == 201, response.get_json()
        return response.get_json()["result"]["outlet"]

    assert upload(UK.encode(), "ostro_org_uk.txt") == "ostro_org"
    assert upload(DE.encode(), "page.txt") == "upload"
    capture = {"text": EN, "outlet": "Northwire", "title": "Storm"}
    assert upload(json.dumps(capture).encode(), "copy_en.json") == "Northwire"
