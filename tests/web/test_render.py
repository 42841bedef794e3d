"""The page seam (``workbench.web.render``): one view function, HTML or its JSON twin.

Why: a page and its ``/api`` twin used to be two handlers that could drift.
These tests pin the seam's contract on a throw-away blueprint (the view runs
once per request, HTML-only extras are never computed for JSON, errors keep
the one error shape) and check that every page of the real app has a twin.
"""

from __future__ import annotations

from flask import Blueprint, Flask
from flask.testing import FlaskClient

from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.errors import NotFoundError
from workbench.web import create_app
from workbench.web.render import View, page, wants_json

#: GET pages that are forms or downloads, not data views (they need no JSON twin).
NOT_DATA_PAGES = {"upload.form", "export.download", "static"}


def _app(settings: Settings, calls: list[str]) -> Flask:
    bp = Blueprint("demo_seam", __name__)

    @page(bp, "/seam/<int:item>", template="error.html")
    def item_page(item: int) -> View:
        calls.append("view")
        if item == 404:
            raise NotFoundError(f"item {item} not found")

        def html() -> dict[str, object]:
            calls.append("html")
            return {"message": f"item {item}, json={wants_json()}", "status": 200}

        return View({"item": item, "name": "Grüße"}, html)

    app = create_app(settings)
    app.register_blueprint(bp)
    return app


def test_one_view_serves_html_and_json(settings: Settings) -> None:
    calls: list[str] = []
    client = _app(settings, calls).test_client()
    html = client.get("/seam/7")
    assert html.status_code == 200 and "item 7, json=False" in html.get_data(as_text=True)
    assert calls == ["view", "html"]
    calls.clear()
    twin = client.get("/api/seam/7")
    assert twin.get_json() == {"ok": True, "item": 7, "name": "Grüße"}
    assert "Grüße" in twin.get_data(as_text=True)  # ensure_ascii=False
    assert calls == ["view"], "HTML-only extras must not be computed for the JSON twin"


def test_errors_keep_the_one_shape_in_both_renderings(settings: Settings) -> None:
    client = _app(settings, []).test_client()
    assert client.get("/api/seam/404").get_json() == {
        "ok": False, "error": "item 404 not found", "status": 404,
    }  # fmt: skip
    page_404 = client.get("/seam/404")
    assert page_404.status_code == 404 and "item 404 not found" in page_404.get_data(as_text=True)


def test_every_page_of_the_app_has_a_json_twin(app: Flask) -> None:
    endpoints = set(app.view_functions)
    missing = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.rule.startswith("/api"):
            continue
        if rule.endpoint in NOT_DATA_PAGES:
            continue
        blueprint, _, name = rule.endpoint.rpartition(".")
        if f"{blueprint}.api_{name}" not in endpoints:
            missing.append(f"{rule.rule} ({rule.endpoint})")
    assert not missing, f"pages without a JSON twin (use workbench.web.render.page): {missing}"


def test_twins_carry_what_the_pages_show(client: FlaskClient, corpus: Corpus) -> None:
    twin = client.get(f"/api/versions/{corpus.v_en1}?role=body").get_json()
    page_html = client.get(f"/versions/{corpus.v_en1}?role=body").get_data(as_text=True)
    shown = page_html.count('<tr id="seg-')
    assert shown == len(twin["version"]["segments"]) > 0
    assert sum(twin["role_counts"].values()) >= shown
    alignment = client.get(f"/api/alignments/{corpus.alignment}?role=body").get_json()
    compare_html = client.get(f"/alignments/{corpus.alignment}?role=body").get_data(as_text=True)
    assert alignment["alignment"]["pairs"] and sum(alignment["counts"].values()) >= len(
        alignment["alignment"]["pairs"]
    )
    assert all(str(p["position"]) in compare_html for p in alignment["alignment"]["pairs"])
