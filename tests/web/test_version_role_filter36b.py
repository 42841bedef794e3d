"""The version page's ``?role=`` refuses a value it cannot read (round 36, webb36).

web36 made an unknown ``?role=``/``?status=`` a 422 on the compare view, its twin and its
export; the version page read ``?role=`` with its own reader and showed "0 of 12" for
``?role=bodyy``, as if the version had no body.  One rule now (``filters.role_filter``).
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus


@pytest.fixture
def version(settings: Settings) -> int:
    return next(r.version_id for r in ingest_sample_corpus(settings))


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_unknown_role_is_a_422(client: FlaskClient, version: int, prefix: str) -> None:
    response = client.get(f"{prefix}/versions/{version}?role=bodyy")
    assert response.status_code == 422
    assert "bodyy" in response.get_data(as_text=True)
    if prefix:
        assert response.get_json()["ok"] is False


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_known_roles_still_filter(client: FlaskClient, version: int, prefix: str) -> None:
    response = client.get(f"{prefix}/versions/{version}?role=headline&filtered=1")
    assert response.status_code == 200
    if prefix:
        roles = {s["role"] for s in response.get_json()["version"]["segments"]}
        assert roles == {"headline"}
