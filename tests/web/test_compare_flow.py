"""Compare and export through the real services on the bundled sample corpus."""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Api
from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.web import create_app


@pytest.fixture
def sample(settings: Settings) -> dict[str, int]:
    """Version ids of the sample corpus by file name."""
    return {r.filename: r.version_id for r in ingest_sample_corpus(settings)}


def test_compare_button_opens_the_alignment(client: FlaskClient, sample: dict[str, int]) -> None:
    token = form_token(client, "/")
    left, right = sample["northwire-v1.txt"], sample["northwire-v2.json"]
    response = client.post("/compare", data={"csrf_token": token, "left": left, "right": right})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert re.search(r"/alignments/\d+$", location)
    html = client.get(location).get_data(as_text=True)
    # the sample edit: 42,000 -> 45,000 vehicles, a number flag, a moved sentence
    assert "<del>42,000</del>" in html or "<del>42</del>" in html
    assert "<ins>45,000</ins>" in html or "<ins>45</ins>" in html
    assert "numbers differ" in html
    assert 'class="move"' in html and 'data-status="moved"' in html
    assert 'data-status="added"' in html and 'data-status="removed"' in html


def test_cross_language_compare_shows_mt(mt_settings: Settings) -> None:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(mt_settings)}
    api = Api(create_app(mt_settings).test_client())
    left, right = ids["northwire-v1.txt"], ids["abendpost-de.html"]
    response = api.post(
        "/api/compare", {"left": left, "right": right, "roles": ["body", "headline"]}
    )
    assert response.status_code == 201, response.get_json()
    alignment_id = response.get_json()["alignment_id"]
    detail = api.client.get(f"/api/alignments/{alignment_id}").get_json()["alignment"]
    assert detail["left"]["language"] == "en" and detail["right"]["language"] == "de"
    assert any(p["cross_language"] for p in detail["pairs"])
    page = api.client.get(f"/alignments/{alignment_id}").get_data(as_text=True)
    assert 'class="mt"' in page  # MT of the other side shown for cross-language rows
    assert "Machine translation used for aligning" in page


def test_cross_language_without_model_says_so(api: Api, sample: dict[str, int]) -> None:
    left, right = sample["northwire-v1.txt"], sample["visnyk-uk.txt"]
    alignment_id = api.post("/api/compare", {"left": left, "right": right}).get_json()[
        "alignment_id"
    ]
    page = api.client.get(f"/alignments/{alignment_id}").get_data(as_text=True)
    assert "No translation model for this language pair" in page


def test_compare_errors(api: Api, client: FlaskClient, sample: dict[str, int]) -> None:
    missing = api.post("/api/compare", {"left": sample["northwire-v1.txt"], "right": 999999})
    assert missing.status_code == 404 and missing.get_json()["ok"] is False
    bad = api.post("/api/compare", {"left": "one", "right": 2})
    assert bad.status_code == 422
    token = form_token(client, "/")
    page = client.post(
        "/compare", data={"csrf_token": token, "left": 1, "right": 999999}, follow_redirects=True
    )
    assert page.status_code == 200 and "flash-error" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fmt", "mimetype", "check"),
    [
        ("json", "application/json", lambda body: json.loads(body)["schema_version"]),
        (
            "jsonl",
            "application/x-ndjson",
            lambda body: [json.loads(x) for x in body.splitlines() if x],
        ),
        ("tmx", "application/x-tmx+xml", lambda body: "<tmx" in body),
    ],
)
def test_export_downloads(api: Api, sample: dict[str, int], fmt: str, mimetype: str, check) -> None:  # type: ignore[no-untyped-def]
    left, right = sample["northwire-v1.txt"], sample["northwire-v2.json"]
    alignment_id = api.post("/api/compare", {"left": left, "right": right}).get_json()[
        "alignment_id"
    ]
    for url in (f"/alignments/{alignment_id}/export", f"/api/alignments/{alignment_id}/export"):
        response = api.client.get(f"{url}?format={fmt}")
        assert response.status_code == 200
        assert response.mimetype == mimetype
        assert response.headers["Content-Disposition"] == (
            f'attachment; filename="alignment-{alignment_id}.{fmt}"'
        )
        assert check(response.get_data(as_text=True))
    missing = api.client.get(f"/api/alignments/999999/export?format={fmt}")
    assert missing.status_code == 404
