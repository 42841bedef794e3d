"""JSON twins under /api and the one error shape for every status."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import Api, Corpus
from workbench.config import Settings
from workbench.web import create_app


def assert_error(response, status: int, needle: str = "") -> None:  # type: ignore[no-untyped-def]
    body = response.get_json()
    assert response.status_code == status
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and needle.lower() in body["error"].lower()


def test_articles_and_versions_json(client: FlaskClient, corpus: Corpus) -> None:
    articles = client.get("/api/articles").get_json()
    assert articles["ok"] is True
    [article] = articles["articles"]
    assert [v["outlet"] for v in article["versions"]] == ["moscow-times", "moscow-times", "dpa"]
    assert [v["language"] for v in article["versions"]] == ["en", "en", "de"]
    assert article["versions"][0]["captured_at"].startswith("2025-02-07T12:00:00")
    assert len(client.get("/api/versions").get_json()["versions"]) == 3


def test_version_json_has_segments_and_translations(client: FlaskClient, corpus: Corpus) -> None:
    body = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()
    segments = body["version"]["segments"]
    assert [s["role"] for s in segments][:2] == ["headline", "body"]
    soldiers = next(s for s in segments if s["id"] == corpus.segments["soldiers"])
    assert soldiers["translations"]["de"]["mt_text"] == "Mehr als 10.000 Soldaten."
    assert soldiers["translations"]["de"]["revision"] == 1


def test_alignment_json_and_filters(client: FlaskClient, corpus: Corpus) -> None:
    body = client.get(f"/api/alignments/{corpus.alignment}").get_json()
    pairs = body["alignment"]["pairs"]
    assert [p["status"] for p in pairs][:3] == ["unchanged", "moved", "changed"]
    assert pairs[2]["diff_ops"][1] == [-1, "10,000"] and pairs[1]["move_to"] == 3
    assert pairs[7]["roles"] == ["appeal"]  # the API shows everything unless filtered
    only = client.get(f"/api/alignments/{corpus.alignment}?status=added").get_json()
    assert [p["position"] for p in only["alignment"]["pairs"]] == [5]
    listed = client.get(f"/api/alignments?version={corpus.v_de}").get_json()["alignments"]
    assert [a["id"] for a in listed] == [corpus.cross_alignment]


def test_post_edit_api_saves_and_conflicts(api: Api, corpus: Corpus) -> None:
    url = f"/api/translations/{corpus.segments['soldiers']}/de"
    first = api.post(
        url, {"text": "Über 10.000 Soldaten.", "base_revision": 1, "status": "approved"}
    )
    assert first.status_code == 200
    saved = first.get_json()["translation"]
    assert (
        saved["revision"] == 2 and saved["status"] == "approved" and saved["edit"]["distance"] > 0
    )
    stale = api.post(url, {"text": "Andere Fassung.", "base_revision": 1})
    assert_error(stale, 409, "revision")
    assert stale.get_json()["current"]["text"] == "Über 10.000 Soldaten."


def test_missing_csrf_token_is_rejected(client: FlaskClient, corpus: Corpus) -> None:
    url = f"/api/translations/{corpus.segments['soldiers']}/de"
    assert_error(client.post(url, json={"text": "x", "base_revision": 1}), 400, "csrf")
    assert_error(
        client.post(url, json={"text": "x"}, headers={"X-CSRFToken": "bogus"}), 400, "csrf"
    )
    page = client.post("/compare", data={"left": corpus.v_en1, "right": corpus.v_en2})
    assert page.status_code == 400 and "CSRF" in page.get_data(as_text=True)
    assert client.post("/upload", data={}).status_code == 400


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ("{not json", 400, "malformed"),
        ("[1, 2]", 400, "object"),
        ('{"base_revision": 1}', 422, "text"),
        ('{"text": "x", "base_revision": "one"}', 422, "integer"),
        ('{"text": "x", "base_revision": 1, "status": "final"}', 422, "status"),
    ],
)
def test_bad_json_bodies(api: Api, corpus: Corpus, body: str, status: int, needle: str) -> None:
    url = f"/api/translations/{corpus.segments['soldiers']}/de"
    response = api.post(url, data=body, headers={"Content-Type": "application/json"})
    assert_error(response, status, needle)


def test_not_found_and_method_not_allowed(api: Api, client: FlaskClient, corpus: Corpus) -> None:
    assert_error(client.get("/api/versions/999999"), 404, "not found")
    assert_error(client.get("/api/alignments/999999"), 404, "not found")
    assert_error(client.get("/api/no-such-thing"), 404)
    assert_error(api.post("/api/translations/999999/de", {"text": "x", "base_revision": 3}), 404)
    response = client.get("/api/compare")
    assert_error(response, 405)
    assert "POST" in response.headers["Allow"]
    assert_error(client.delete("/api/articles"), 405)


def test_unknown_export_format_and_role(api: Api, client: FlaskClient, corpus: Corpus) -> None:
    assert_error(client.get(f"/api/alignments/{corpus.alignment}/export?format=pdf"), 422, "format")
    response = api.post(
        "/api/compare", {"left": corpus.v_en1, "right": corpus.v_en2, "roles": ["x"]}
    )
    assert_error(response, 422, "role")
    assert_error(api.post(f"/api/versions/{corpus.v_en1}/translate", {"target": "xx"}), 422)
    assert_error(api.post("/api/versions/999999/translate", {"target": "de"}), 404)


def test_upload_errors(api: Api, client: FlaskClient) -> None:
    def upload(data: bytes, name: str = "page.txt"):  # type: ignore[no-untyped-def]
        form = {"outlet": "x", "file": (io.BytesIO(data), name)}
        return api.post("/api/ingest", data=form, content_type="multipart/form-data")

    assert_error(upload(b""), 422, "empty")
    no_file = api.post("/api/ingest", data={"outlet": "x"}, content_type="multipart/form-data")
    assert_error(no_file, 422, "no file")


def test_oversized_upload_is_413(settings: Settings) -> None:
    app = create_app(settings.with_(max_upload_bytes=1000))
    app.config["WTF_CSRF_ENABLED"] = False  # this test is about the size limit only
    client = app.test_client()
    form = {"outlet": "x", "file": (io.BytesIO(b"a" * 5000), "big.txt")}
    response = client.post("/api/ingest", data=form, content_type="multipart/form-data")
    assert_error(response, 413, "1000")
    page = client.post(
        "/upload", data={"outlet": "x", "file": (io.BytesIO(b"a" * 5000), "big.txt")}
    )
    assert page.status_code == 413 and "1000" in page.get_data(as_text=True)


def test_unexpected_error_is_500_without_traceback(app: Flask) -> None:
    def boom() -> str:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_url_rule("/api/boom", "boom", boom)
    app.add_url_rule("/boom", "boom_page", boom)
    client = app.test_client()
    response = client.get("/api/boom")
    assert_error(response, 500, "internal server error")
    assert "secret" not in response.get_data(as_text=True)
    page = client.get("/boom")
    assert page.status_code == 500 and "secret" not in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)


def test_csrf_endpoint_and_i18n(client: FlaskClient) -> None:
    assert len(client.get("/api/csrf").get_json()["csrf_token"]) > 20
    body = client.get("/api/i18n", headers={"Accept-Language": "uk"}).get_json()
    assert body["locale"] == "uk" and set(body["available"]) == {"en", "de", "ru", "uk"}


def test_json_is_utf8_not_ascii_escaped(client: FlaskClient) -> None:
    raw = client.get("/api/i18n").get_data(as_text=True)
    assert "Українська" in raw
