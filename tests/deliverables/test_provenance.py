"""MT provenance (engine, model, version, date) and the DEMO mark: UI, CLI, JSON, XLIFF."""

from __future__ import annotations

import json

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.deliverables.conftest import PAGE
from workbench.adapters.mt import list_packages
from workbench.cli import main
from workbench.config import Settings
from workbench.services.deliverables import export_translation
from workbench.services.ingest import ingest_bytes
from workbench.services.provenance import describe, is_demo_version, provenance
from workbench.services.translate import translate_versions
from workbench.web import create_app


def test_provenance_of_rows() -> None:
    row = {"engine": "argos", "model_id": "argos:en_de", "model_version": "1.9",
           "created_at": "2026-03-02T13:15:00Z", "mt_text": "x"}  # fmt: skip
    assert provenance(row) == {**{k: row[k] for k in ("engine", "model_id", "model_version",
                                                       "created_at")}, "demo": False}  # fmt: skip
    assert describe(row) == "argos argos:en_de 1.9, 2026-03-02T13:15:00Z"
    assert provenance({**row, "engine": "human"}) is None
    assert provenance({**row, "engine": "identity"}) is None
    assert is_demo_version("1.0-demo") and not is_demo_version("1.0") and not is_demo_version(None)
    assert "DEMO" in describe({**row, "model_version": "1.0-demo"})


def test_demo_models_are_marked_everywhere(demo_settings: Settings) -> None:
    settings = demo_settings
    assert settings.models_dir is not None
    assert all(p.demo and p.version == "1.0-demo" for p in list_packages(settings.models_dir))
    runner = CliRunner()
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_MODELS_DIR": str(settings.models_dir)}
    listed = runner.invoke(main, ["models", "list"], env=env)
    assert listed.exit_code == 0 and listed.stdout.count("DEMO") == 2, listed.output
    as_json = json.loads(runner.invoke(main, ["models", "list", "--json"], env=env).stdout)
    assert all(p["demo"] is True for p in as_json)

    version = ingest_bytes(settings, PAGE, filename="storm.txt", outlet="wire").version_id
    translate_versions(settings, "de", version_ids=[version])
    client: FlaskClient = create_app(settings).test_client()
    twin = client.get(f"/api/versions/{version}?target=de").get_json()["version"]
    mt = twin["segments"][0]["translations"]["de"]["mt"]
    assert mt["demo"] is True and mt["model_id"] == "argos:en_de" and mt["engine"] == "argos"
    assert mt["model_version"] == "1.0-demo" and mt["created_at"].endswith("Z")
    page = client.get(f"/versions/{version}?target=de").get_data(as_text=True)
    assert page.count('class="badge demo"') == len(twin["segments"])
    assert "argos:en_de" in page and "1.0-demo" in page
    xliff = export_translation(settings, version, "de", "xliff")[0]
    assert "DEMO model" in xliff


def test_the_demo_installs_marked_packages(settings: Settings) -> None:
    from workbench.services.models import install_demo_models

    labels = install_demo_models(settings.with_(mt_threads=1))
    assert labels and all(label.endswith("-demo") for label in labels)
    assert settings.models_dir is not None
    assert all(p.demo for p in list_packages(settings.models_dir))


def test_models_page_marks_demo_models(demo_settings: Settings) -> None:
    client: FlaskClient = create_app(demo_settings).test_client()
    page = client.get("/models").get_data(as_text=True)
    assert page.count('class="badge demo"') == 2
    assert all(m["demo"] for m in client.get("/api/models").get_json()["models"])
