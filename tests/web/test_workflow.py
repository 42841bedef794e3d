"""Form and API workflows through the real services: upload/ingest and translate."""

from __future__ import annotations

import io
import re
from pathlib import Path

from flask.testing import FlaskClient
from sqlmodel import select

from tests.web.conftest import Api
from workbench.config import Settings
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Translation, Version
from workbench.web import create_app

ENGLISH = b"Troops are back.\n\nThe house is big. The troops are back in the house.\n"


def form_token(client: FlaskClient, url: str) -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def ingest_english(api: Api) -> int:
    """Upload the small English page through the API; its version id."""
    form = {"outlet": "wire", "file": (io.BytesIO(ENGLISH), "en.txt")}
    response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    return int(response.get_json()["result"]["version_id"])


def version_count(settings: Settings) -> int:
    with session_scope(get_engine(settings.database_url)) as session:
        return len(session.exec(select(Version)).all())


def test_upload_form_ingests_the_seed_article(
    client: FlaskClient, settings: Settings, seed_article: Path
) -> None:
    token = form_token(client, "/upload")
    form = {
        "csrf_token": token,
        "outlet": "moscow-times",
        "article": "north-korean-troops",
        "file": (io.BytesIO(seed_article.read_bytes()), "seed-article.txt"),
    }
    response = client.post("/upload", data=form)
    assert response.status_code == 302 and "/versions/" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Kursk" in page and "Stored version" in page
    assert 'data-role="body"' in page
    shown = client.get(response.headers["Location"] + "?filtered=1&role=appeal")
    rows = shown.get_data(as_text=True).split('<tr id="seg-')[1:]
    assert rows and all('data-role="appeal"' in r[: r.index("</tr>")] for r in rows)
    listing = client.get("/api/articles").get_json()["articles"]
    assert listing[0]["slug"] == "north-korean-troops"


def test_upload_form_shows_clear_errors_and_stores_nothing(
    client: FlaskClient, settings: Settings
) -> None:
    token = form_token(client, "/upload")
    for data, name in ((b"\x00\x01\x02\xff" * 200, "image.txt"), (b"", "empty.txt")):
        form = {"csrf_token": token, "outlet": "x", "file": (io.BytesIO(data), name)}
        response = client.post("/upload", data=form)
        assert response.status_code == 422
        assert 'class="error" role="alert"' in response.get_data(as_text=True)
    assert version_count(settings) == 0


def test_api_ingest_cp1251_and_idempotent(api: Api, settings: Settings) -> None:
    text = "Войска снова на фронте.\n\nПрезидент заявил об этом в пятницу вечером.\n"

    def upload():  # type: ignore[no-untyped-def]
        form = {"outlet": "meduza", "file": (io.BytesIO(text.encode("cp1251")), "ru.txt")}
        return api.post("/api/ingest", data=form, content_type="multipart/form-data")

    first = upload()
    assert first.status_code == 201, first.get_json()
    result = first.get_json()["result"]
    assert result["created"] is True and result["language"] == "ru"
    assert result["encoding"].lower().replace("-", "") in ("cp1251", "windows1251")
    again = upload()
    assert (
        again.status_code == 200
        and again.get_json()["result"]["version_id"] == result["version_id"]
    )
    detail = api.client.get(f"/api/versions/{result['version_id']}").get_json()["version"]
    assert detail["segments"][0]["text"] == "Войска снова на фронте."
    assert version_count(settings) == 1


def test_translate_button_and_api(mt_settings: Settings) -> None:
    app = create_app(mt_settings)
    client = app.test_client()
    api = Api(client)
    version_id = ingest_english(api)
    token = form_token(client, f"/versions/{version_id}")
    response = client.post(
        f"/versions/{version_id}/translate", data={"csrf_token": token, "target": "de"}
    )
    location = response.headers["Location"]  # the page with the background job (?job=N)
    assert response.status_code == 302 and "target=de&job=" in location
    from workbench.services.jobs import wait_for

    assert wait_for(mt_settings, int(location.rsplit("=", 1)[1]), timeout=120)["status"] == "done"
    page = client.get(location).get_data(as_text=True)
    with session_scope(get_engine(mt_settings.database_url)) as session:
        rows = session.exec(select(Translation).where(Translation.target_lang == "de")).all()
    assert rows and all(r.mt_text and r.status == "machine" for r in rows)
    assert rows[0].mt_text in page.replace("&#39;", "'")
    again = api.post(f"/api/versions/{version_id}/translate", {"target": "de"})
    assert again.status_code == 200 and again.get_json()["target"] == "de"


def test_translate_without_a_model_is_a_clear_422(api: Api, settings: Settings) -> None:
    version_id = ingest_english(api)
    response = api.post(f"/api/versions/{version_id}/translate", {"target": "ru"})
    body = response.get_json()
    assert response.status_code == 422 and body["ok"] is False and body["error"]


def test_translate_button_without_a_model_flashes_the_reason(client: FlaskClient, api: Api) -> None:
    version_id = ingest_english(api)
    token = form_token(client, f"/versions/{version_id}")
    response = client.post(
        f"/versions/{version_id}/translate", data={"csrf_token": token, "target": "ru"}
    )
    location = response.headers["Location"]  # a background job; the page shows its outcome
    from workbench.services.jobs import wait_for

    wait_for(client.application.config["WORKBENCH_SETTINGS"], int(location.rsplit("=", 1)[1]))
    page = client.get(location).get_data(as_text=True)
    assert "job-error" in page or "no model" in page


def test_upload_form_twice_says_already_stored(client: FlaskClient, settings: Settings) -> None:
    token = form_token(client, "/upload")
    for _ in range(2):
        form = {"csrf_token": token, "outlet": "wire", "file": (io.BytesIO(ENGLISH), "en.txt")}
        response = client.post("/upload", data=form, follow_redirects=True)
    assert "already stored as version" in response.get_data(as_text=True)
    assert version_count(settings) == 1
