"""Bounded compare views: rows come in windows, filters and positions work across them."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.story.conftest import Ingest, bulk_alignment
from workbench.config import Settings
from workbench.web import create_app


def _client(settings: Settings) -> FlaskClient:
    return create_app(settings).test_client()


@pytest.mark.parametrize("roles", [None, "body"], ids=["legacy-rows", "rows-with-roles"])
def test_api_windows_and_filters_across_them(
    settings: Settings, ingest: Ingest, roles: str | None
) -> None:
    aid = bulk_alignment(settings, ingest, 450, roles)
    client = _client(settings)
    first = client.get(f"/api/alignments/{aid}").get_json()
    page = first["alignment"]["page"]
    assert len(first["alignment"]["pairs"]) == 200
    assert page == {"offset": 0, "limit": 200, "total": 450, "next": 200, "previous": None}
    assert first["counts"] == {"unchanged": 387, "changed": 45, "moved": 18}
    last = client.get(f"/api/alignments/{aid}?offset=400").get_json()["alignment"]
    assert [p["position"] for p in last["pairs"]] == list(range(400, 450))
    assert last["page"]["next"] is None and last["page"]["previous"] == 200
    changed = client.get(f"/api/alignments/{aid}?status=changed&limit=20&offset=20").get_json()
    rows = changed["alignment"]["pairs"]
    assert {p["status"] for p in rows} == {"changed"} and len(rows) == 20
    assert rows[0]["position"] == 203 and changed["alignment"]["page"]["total"] == 45
    at = client.get(f"/api/alignments/{aid}?limit=100&at=317").get_json()["alignment"]
    assert at["page"]["offset"] == 300 and 317 in [p["position"] for p in at["pairs"]]
    assert client.get(f"/api/alignments/{aid}?role=appeal").get_json()["alignment"]["page"][
        "total"
    ] == (0 if roles else 450)  # rows without segments have no roles: never hidden
    for bad in ("limit=0", "limit=5000", "offset=-1", "at=x"):
        response = client.get(f"/api/alignments/{aid}?{bad}")
        assert response.status_code == 422, bad
        assert response.get_json()["ok"] is False


def test_page_shows_one_window_with_pager(settings: Settings, ingest: Ingest) -> None:
    aid = bulk_alignment(settings, ingest, 450)
    html = (
        _client(settings).get(f"/alignments/{aid}?status=changed&limit=20").get_data(as_text=True)
    )
    assert html.count('<tr id="pair-') == 20
    assert "Rows 1–20 of 45" in html and 'rel="next"' in html and 'rel="prev"' not in html
    assert "status=changed" in html.split('data-next="', 1)[1].split('"', 1)[0]
    assert "offset=20" in html and "#first-change" in html


def test_role_filter_reads_the_roles_kept_with_each_row(settings: Settings, ingest: Ingest) -> None:
    from sqlmodel import Session, select

    from tests.story.conftest import COPY, WIRE
    from workbench.services.compare import compare_versions
    from workbench.store.db import get_engine
    from workbench.store.models import AlignedPair

    aid = compare_versions(
        settings, ingest(WIRE, "wire"), ingest(COPY, "herald", 2), roles="all"
    ).alignment_id
    with Session(get_engine(settings.database_url)) as session:
        kept = session.exec(select(AlignedPair.roles).where(AlignedPair.alignment_id == aid)).all()
    assert "appeal" in kept and "body" in kept and None not in kept
    client = _client(settings)
    everything = client.get(f"/api/alignments/{aid}").get_json()["alignment"]["pairs"]
    appeals = client.get(f"/api/alignments/{aid}?role=appeal").get_json()["alignment"]["pairs"]
    assert [p["roles"] for p in appeals] == [["appeal"]]
    assert len(everything) > len(appeals)
    page = client.get(f"/alignments/{aid}").get_data(as_text=True)  # boilerplate hidden
    assert "donate today" not in page and "footbridge" in page
