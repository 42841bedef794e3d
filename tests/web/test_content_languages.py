"""Content languages in the UI and the CLI: one registry, names in the reader's UI language."""

from __future__ import annotations

import json

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.web.conftest import Corpus
from workbench.cli import main
from workbench.config import Settings
from workbench.web.i18n import language_name


def test_content_language_names_follow_the_ui_language() -> None:
    assert language_name("el", "en") == "Greek"
    assert language_name("el", "de") == "Griechisch"
    assert language_name("el", "uk").casefold() == "грецька"
    assert language_name("xx-!", "de") == "xx-!"  # no name: the code itself


def test_pages_and_api_offer_greek_by_name(client: FlaskClient, corpus: Corpus) -> None:
    body = client.get("/api/i18n", headers={"Accept-Language": "de"}).get_json()
    assert body["content_languages"]["el"] == "Griechisch"
    assert set(body["available"]) == {"en", "de", "ru", "uk"}  # the UI's own languages
    html = client.get(f"/versions/{corpus.v_en1}?lang=de").get_data(as_text=True)
    assert '<option value="el"' in html and "el · Griechisch" in html
    glossary = client.get("/glossary?source=en&target=el").get_data(as_text=True)
    assert '<option value="el" selected' in glossary


def test_cli_lists_the_content_languages(settings: Settings) -> None:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(main, ["languages", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = {r["code"]: r for r in json.loads(result.output)}
    assert rows["el"]["configured"] and rows["el"]["script"] == "greek"
    assert rows["el"]["native"] == "Ελληνικά" and not rows["es"]["configured"]
    env["WORKBENCH_LANGUAGES"] = "en,es"
    rows = {r["code"]: r for r in json.loads(CliRunner().invoke(main, ["languages", "--json"],
                                                                env=env).output)}  # fmt: skip
    assert rows["es"]["configured"] and not rows["el"]["configured"]


def test_show_with_an_unknown_target_is_an_error(settings: Settings, corpus: Corpus) -> None:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    result = CliRunner().invoke(main, ["show", str(corpus.v_en1), "--to", "xx"], env=env)
    assert result.exit_code == 2 and "Error: unknown target language 'xx'" in result.output
    assert "Traceback" not in result.output
    ok = CliRunner().invoke(main, ["show", str(corpus.v_en1), "--to", "el"], env=env)
    assert ok.exit_code == 0, ok.output


def test_flask_entry_with_bad_languages_is_an_error_not_a_traceback(tmp_path) -> None:
    """``flask --app workbench.web`` builds its settings from the environment itself."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path), "WORKBENCH_LANGUAGES": "en,xx"}
    env.pop("WORKBENCH_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "workbench.web", "routes"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: WORKBENCH_LANGUAGES must name at least two")
    assert "Traceback" not in done.stderr + done.stdout
