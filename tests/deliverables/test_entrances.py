"""The CLI (`workbench translation export|import`) and the web downloads/upload."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.deliverables.conftest import approve
from tests.web.conftest import Api, Corpus
from workbench.cli import main
from workbench.config import Settings
from workbench.services.deliverables import export_translation
from workbench.services.postedit import save_translation


def _run(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--database-url", settings.database_url, *args])


def test_cli_export_to_file_and_stdout(settings, corpus: Corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    out = tmp_path / "job.xlf"
    result = _run(settings, "translation", "export", str(corpus.v_en1), "--to", "de",
                  "--format", "xliff", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "<xliff" in out.read_text(encoding="utf-8")
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # a deliverable others may read
    txt = _run(settings, "translation", "export", str(corpus.v_en1), "--to", "de")
    assert txt.exit_code == 0 and "Über 10.000 Soldaten." in txt.stdout
    tmx = _run(settings, "translation", "export", str(corpus.v_en1), "--to", "de",
               "--format", "tmx", "--any-status")  # fmt: skip
    assert tmx.stdout.count("<tu ") == 2


def test_cli_import_reports_counts_and_conflicts(settings, corpus: Corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    path = tmp_path / "job.xlf"
    mt = ">Mehr als 10.000 Soldaten.<"
    path.write_text(body.replace(mt, ">Mehr als 10.000 Soldaten kamen.<", 1))
    result = _run(settings, "translation", "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["updated"] == 1
    save_translation(settings, corpus.segments["soldiers"], "de", "Browser.", base_revision=2)
    path.write_text(body.replace(">Mehr als 10.000 Soldaten.<", ">CAT.<", 1))
    conflict = _run(settings, "translation", "import", str(path))
    assert conflict.exit_code == 4
    assert "conflicts 1" in conflict.stdout and "your text: CAT." in conflict.stdout
    assert conflict.stderr.startswith("Error: 1 segment(s) changed")


def test_cli_bad_input_is_a_clear_error(settings, corpus: Corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(b"<xliff")
    for args, code in (
        (["import", str(bad)], 2),
        (["import", str(tmp_path / "missing.xlf")], 2),
        (["export", "999999", "--to", "de"], 3),
        (["export", str(corpus.v_en1), "--to", "xx"], 2),
        (["export", str(corpus.v_en1), "--to", "de", "-o", str(tmp_path / "no" / "x.txt")], 2),
    ):
        result = _run(settings, "translation", *args)
        assert result.exit_code == code, (args, result.output)
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.output


def test_web_download_headers_and_formats(client: FlaskClient, settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    approve(settings, corpus)
    url = f"/versions/{corpus.v_en1}/translation?to=de&format=xliff"
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/x-xliff+xml"
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="version-{corpus.v_en1}.de.xlf"'
    api = client.get(f"/api/versions/{corpus.v_en1}/translation?to=de&format=tmx")
    assert api.get_data(as_text=True).count("<tu ") == 1
    html = client.get(f"/versions/{corpus.v_en1}/translation?to=de&format=html&approved_only=1")
    assert "Über 10.000 Soldaten." in html.get_data(as_text=True)
    assert "Truppen zurück" not in html.get_data(as_text=True)  # a draft
    bad = client.get(f"/api/versions/{corpus.v_en1}/translation?to=de&format=pdf")
    assert bad.status_code == 422 and bad.get_json()["ok"] is False


def test_version_page_offers_the_deliverables(client: FlaskClient, corpus: Corpus) -> None:
    page = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert f'action="/versions/{corpus.v_en1}/translation"' in page
    assert re.search(r'<option value="xliff">', page)
    assert f'action="/versions/{corpus.v_en1}/translation/import"' in page


def test_web_import_api_and_form(client: FlaskClient, api: Api, settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    edited = body.replace(">Mehr als 10.000 Soldaten.<", ">Mehr als 10.000 Soldaten kamen.<", 1)
    data = {"file": (io.BytesIO(edited.encode()), "job.xlf")}
    response = api.post("/api/translations/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 200 and response.get_json()["report"]["updated"] == 1
    data = {"file": (io.BytesIO(edited.encode()), "job.xlf")}  # stale now: revision 1 in file
    again = api.post("/api/translations/import", data=data, content_type="multipart/form-data")
    assert again.status_code == 200 and again.get_json()["report"]["unchanged"] == 1
    stale = edited.replace("kamen.<", "gingen.<", 1)
    data = {"file": (io.BytesIO(stale.encode()), "job.xlf")}
    conflict = api.post("/api/translations/import", data=data, content_type="multipart/form-data")
    assert conflict.status_code == 409 and conflict.get_json()["report"]["conflict_count"] == 1
    body = conflict.get_json()  # an error in the one error shape (at START: "ok": true)
    assert body["ok"] is False and body["status"] == 409 and "1 conflicts" in body["error"]
    data = {"file": (io.BytesIO(b"not xml"), "x.xlf"), "csrf_token": api.token}
    form = client.post(f"/versions/{corpus.v_en1}/translation/import", data=data,
                       content_type="multipart/form-data", follow_redirects=True)  # fmt: skip
    assert form.status_code == 200 and "not well-formed" in form.get_data(as_text=True)
