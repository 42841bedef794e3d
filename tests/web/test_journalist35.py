"""The journalist's path through the Flask client (round 35, web35): a new capture of an
article compared from its own page with the previous one."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus


@pytest.fixture
def sample(settings: Settings) -> dict[str, int]:
    return {r.filename: r.version_id for r in ingest_sample_corpus(settings)}


def _version_page_compare(client: FlaskClient, version: int, other: int) -> dict:
    """Post the version page's own "Compare with" form, choosing ``other``; the alignment."""
    html = client.get(f"/versions/{version}").get_data(as_text=True)
    form = re.search(r'<form method="post" action="/compare".*?</form>', html, re.S)
    assert form
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)))
    fields["right"] = str(other)
    response = client.post("/compare", data=fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    alignment = int(response.headers["Location"].rsplit("/", 1)[1])
    return client.get(f"/api/alignments/{alignment}?limit=1").get_json()["alignment"]


def test_compare_from_the_newer_capture_reads_earlier_to_later(
    client: FlaskClient, sample: dict[str, int]
) -> None:
    """At START the page's own version went left: from 11:30's page the 08:00 capture was the
    "after", and its sentences the 11:30 capture added were counted "removed"."""
    old, new = sample["northwire-v1.txt"], sample["northwire-v2.json"]
    from_new = _version_page_compare(client, new, old)
    assert (from_new["left"]["id"], from_new["right"]["id"]) == (old, new)
    from_old = _version_page_compare(client, old, new)
    assert from_old["id"] == from_new["id"]  # one comparison, reused
    assert from_new["summary"]["added"] == 1 and from_new["summary"]["removed"] == 1


def test_the_articles_form_keeps_the_sides_it_names(
    client: FlaskClient, sample: dict[str, int]
) -> None:
    old, new = sample["northwire-v1.txt"], sample["northwire-v2.json"]
    token = form_token(client, "/")
    response = client.post("/compare", data={"csrf_token": token, "left": new, "right": old})
    alignment = int(response.headers["Location"].rsplit("/", 1)[1])
    got = client.get(f"/api/alignments/{alignment}?limit=1").get_json()["alignment"]
    assert (got["left"]["id"], got["right"]["id"]) == (new, old)
    bad = client.post(
        "/compare",
        data={"csrf_token": token, "left": new, "right": old, "earlier_left": "maybe"},
        follow_redirects=True,
    )
    assert "earlier_left must be 1 or 0" in bad.get_data(as_text=True)


def test_compare_with_preselects_the_outlets_previous_capture(
    client: FlaskClient, sample: dict[str, int]
) -> None:
    """At START the list opened on its first version whatever the page; options had no time."""
    v1, v2 = sample["northwire-v1.txt"], sample["northwire-v2.json"]
    html = client.get(f"/versions/{v2}").get_data(as_text=True)
    select = re.search(r'<select name="right">(.*?)</select>', html, re.S).group(1)  # type: ignore[union-attr]
    chosen = re.findall(r'<option value="(\d+)"[^>]*\bselected\b', select)
    assert chosen == [str(v1)]
    assert "2026-03-02 08:00" in select and "2026-03-02 13:15" in select
    first = client.get(f"/versions/{v1}").get_data(as_text=True)  # nothing earlier: no choice
    select = re.search(r'<select name="right">(.*?)</select>', first, re.S).group(1)  # type: ignore[union-attr]
    assert "selected" not in select


def test_the_version_page_leads_to_its_story_and_captures_say_their_time(
    client: FlaskClient, sample: dict[str, int]
) -> None:
    """At START a new capture's page had no way to the story desk, and the desk's and the
    article list's version choosers said only the day: '#1 Northwire (en) 2026-03-02' twice."""
    v2 = sample["northwire-v2.json"]
    html = client.get(f"/versions/{v2}").get_data(as_text=True)
    assert '<a href="/stories/harbour-bridge-closure">' in html
    for url in ("/", "/stories/harbour-bridge-closure"):
        page = client.get(url).get_data(as_text=True)
        assert "(en) 2026-03-02 08:00 UTC</option>" in page, url  # the zone said (round 37)
        assert "(en) 2026-03-02 11:30 UTC" in page, url
