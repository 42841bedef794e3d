"""The compare view's exports and the filters the user set (round 36, web36).

A journalist who filtered the rows to "changed" and exports expects those rows; at START
every export link was of the whole alignment whatever the filters, with nothing on the
page saying so.  Now the page offers both, each named: the rows shown, and every row.
"""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus


@pytest.fixture
def alignment(settings: Settings) -> int:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    pair = compare_versions(settings, ids["northwire-v1.txt"], ids["northwire-v2.json"])
    return pair.alignment_id


def _links(page: str) -> dict[str, list[str]]:
    """The page's export links, grouped by the paragraph they sit in."""
    found: dict[str, list[str]] = {}
    for block in re.findall(r'<span class="export[^"]*"[^>]*>(.*?)</span>', page, re.S):
        hrefs = [htmllib.unescape(h) for h in re.findall(r'href="([^"]+/export[^"]*)"', block)]
        found[re.sub(r"<[^>]+>|\s+", " ", block).strip()[:40]] = hrefs
    return found


def test_filtered_view_exports_the_rows_shown_and_offers_every_row(
    client: FlaskClient, alignment: int
) -> None:
    page = client.get(f"/alignments/{alignment}?filtered=1&status=changed").get_data(as_text=True)
    hrefs = [h for links in _links(page).values() for h in links]
    shown = [h for h in hrefs if "status=changed" in h]
    whole = [h for h in hrefs if "status=" not in h]
    assert len(shown) == 3 and len(whole) == 3, hrefs  # JSON, JSONL, TMX each way
    document = client.get(next(h for h in shown if "format=json" in h)).get_json()
    assert {p["status"] for p in document["pairs"]} == {"changed"}
    assert len(document["pairs"]) == 3
    assert document["alignment"]["filter"] == {
        "roles": sorted(document["alignment"]["filter"]["roles"]),
        "statuses": ["changed"],
        "rows": 3,
    }
    everything = client.get(next(h for h in whole if "format=json" in h)).get_json()
    assert len(everything["pairs"]) == 16 and everything["alignment"]["filter"] is None
    download = client.get(next(h for h in shown if "format=jsonl" in h))
    disposition = download.headers["Content-Disposition"]
    assert f'filename="alignment-{alignment}-shown.jsonl"' in disposition
    lines = download.get_data(as_text=True)
    records = [json.loads(line) for line in lines.splitlines()]
    assert [r["status"] for r in records[1:]] == ["changed"] * 3
    tmx = client.get(next(h for h in shown if "format=tmx" in h)).get_data(as_text=True)
    assert tmx.count("<tu ") == 3


def test_unfiltered_view_offers_one_set_of_links(client: FlaskClient, alignment: int) -> None:
    """Nothing hidden (the demo pair has no boilerplate rows): one choice, no 'rows shown'."""
    page = client.get(f"/alignments/{alignment}").get_data(as_text=True)
    hrefs = [h for links in _links(page).values() for h in links]
    assert len(hrefs) == 3 and all("status=" not in h and "role=" not in h for h in hrefs)


def test_export_refuses_filters_it_cannot_read(client: FlaskClient, alignment: int) -> None:
    for query in ("status=chnged", "role=bodyy"):
        response = client.get(f"/api/alignments/{alignment}/export?format=json&{query}")
        assert response.status_code == 422, query
        assert response.get_json()["ok"] is False


def test_the_page_and_its_twin_refuse_them_too(client: FlaskClient, alignment: int) -> None:
    """At START ``?status=chnged`` showed "No rows match the filters", silently."""
    for url in (f"/alignments/{alignment}", f"/api/alignments/{alignment}"):
        for query in ("status=chnged", "role=bodyy", "filtered=1&role=body&status=moved,added"):
            response = client.get(f"{url}?{query}")
            assert response.status_code == 422, (url, query)
    assert client.get(f"/alignments/{alignment}?status=moved&status=added").status_code == 200
