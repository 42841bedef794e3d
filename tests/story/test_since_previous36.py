"""The story desk's timeline of changes (round 36, web36).

Following the demo story over a day (Northwire at 08:00, 11:30, 16:05 and the next
morning), the desk compared every capture with the reference only: the 16:05 row said
"42,000 → 47,000", and nothing on the desk led to what changed since 11:30 (when it
already said 45,000).  Each later capture of an outlet now names its previous one
(``previous_capture`` in the twin) and the page has a button comparing the two.
"""

from __future__ import annotations

import json
import re

import pytest
from flask.testing import FlaskClient

from tests.web.test_workflow import form_token
from workbench.assets import PACKAGE_DIR
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.web import create_app


@pytest.fixture
def client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


def _third(settings: Settings) -> tuple[int, int, int]:
    """v1, v2 of the sample corpus and a 16:05 capture of the same story."""
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    capture = json.loads((PACKAGE_DIR / "sample_corpus" / "northwire-v2.json").read_text("utf-8"))
    capture["text"] = capture["text"].replace("45,000", "47,000")
    capture["captured_at"] = "2026-03-02T16:05:00Z"
    third = ingest_bytes(
        settings, json.dumps(capture).encode(), filename="v3.json", outlet="",
        article="harbour-bridge-closure",
    ).version_id  # fmt: skip
    return ids["northwire-v1.txt"], ids["northwire-v2.json"], third


def test_each_capture_names_its_previous(client: FlaskClient, settings: Settings) -> None:
    v1, v2, v3 = _third(settings)
    story = client.get("/api/stories/harbour-bridge-closure").get_json()["story"]
    previous = {v["id"]: v["previous_capture"] for v in story["versions"]}
    assert (previous[v1], previous[v2], previous[v3]) == (None, v1, v2)
    assert all(p is None for v, p in previous.items() if v not in (v1, v2, v3))  # one capture


def test_the_desk_compares_a_capture_with_its_previous(
    client: FlaskClient, settings: Settings
) -> None:
    v1, v2, v3 = _third(settings)
    page = client.get("/stories/harbour-bridge-closure").get_data(as_text=True)
    row = re.search(rf'<tr id="version-{v3}".*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    form = re.search(r'<form[^>]*action="/compare".*?</form>', row, re.S)
    assert form, row
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0)))
    assert (fields["left"], fields["right"]) == (str(v2), str(v3))
    assert f"#{v2}" in re.sub(r"<[^>]+>", "", form.group(0))
    first = re.search(rf'<tr id="version-{v1}".*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    assert 'action="/compare"' not in first
    fields["csrf_token"] = form_token(client, "/stories/harbour-bridge-closure")
    response = client.post("/compare", data=fields)
    alignment = int(response.headers["Location"].rsplit("/", 1)[1])
    got = client.get(f"/api/alignments/{alignment}").get_json()["alignment"]
    assert (got["left"]["id"], got["right"]["id"]) == (v2, v3)
    changed = [p for p in got["pairs"] if p["status"] == "changed"]
    assert [p["flags"]["numbers"] for p in changed] == [
        {"left_only": ["45,000"], "right_only": ["47,000"]}
    ]
