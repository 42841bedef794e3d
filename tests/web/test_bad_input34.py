"""Round 34's leftovers of the web walk: one rule for form integers and row numbers.

Why: a JSON integer field takes a JSON integer only (round 33), while a form or
query string still read `` +3 `` (spaces, a plus sign) as 3; and ``?at=`` (the
compare view's "window holding row N") clamped a row that does not exist while
``offset=-5`` was a 422.
"""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Api, Corpus


@pytest.mark.parametrize("bad", [" +3 ", "+3", " 3", "3 ", "\t3", "3\n", "- 3", "--3"], ids=repr)
def test_a_form_integer_is_digits_only(
    api: Api, client: FlaskClient, corpus: Corpus, bad: str
) -> None:
    """The integer of a form or query string is its JSON twin's: an optional minus sign
    and ASCII digits, nothing around them."""
    left = bad.replace("3", str(corpus.v_en1))
    refused = client.post(
        "/compare", data={"left": left, "right": str(corpus.v_en2), "csrf_token": api.token}
    )
    assert refused.status_code == 422, bad
    assert "must be an integer" in refused.get_data(as_text=True)
    for url in (f"/api/alignments/{corpus.alignment}", f"/alignments/{corpus.alignment}"):
        answer = client.get(url, query_string={"limit": bad})
        assert answer.status_code == 422, (url, bad)


def test_a_form_integer_still_takes_digits_and_a_minus(
    api: Api, client: FlaskClient, corpus: Corpus
) -> None:
    fine = client.get(f"/api/alignments/{corpus.alignment}", query_string={"limit": "03"})
    assert fine.status_code == 200 and fine.get_json()["alignment"]["page"]["limit"] == 3
    negative = client.get(f"/api/alignments/{corpus.alignment}", query_string={"offset": "-5"})
    assert negative.status_code == 422 and "offset" in negative.get_json()["error"]


def _pairs(client: FlaskClient, alignment: int) -> int:
    page = client.get(f"/api/alignments/{alignment}").get_json()["alignment"]["page"]
    return int(page["total"])


@pytest.mark.parametrize("name", ["at", "offset"])
def test_a_row_that_does_not_exist_is_a_422_for_at_and_offset(
    client: FlaskClient, corpus: Corpus, name: str
) -> None:
    """``?at=`` (the window holding row N) and ``?offset=`` follow one rule: a row
    number from 0 to the last row; ``at=-5`` and ``at=99999`` were clamped, ``offset``
    past the end answered an empty window ("Rows 51–50 of 50")."""
    total = _pairs(client, corpus.alignment)
    assert total > 1
    for url in (f"/api/alignments/{corpus.alignment}", f"/alignments/{corpus.alignment}"):
        for bad in (-5, total, 99999):
            answer = client.get(url, query_string={name: str(bad)})
            assert answer.status_code == 422, (url, name, bad)
            text = answer.get_data(as_text=True)
            last = total - 1 if url.startswith("/api") else r"\d+"  # the page hides boilerplate
            assert re.search(f"{name} must be between 0 and {last}, not {bad}", text), text[:300]
        for fine in (0, total - 1) if url.startswith("/api") or name == "at" else (0,):
            assert client.get(url, query_string={name: str(fine)}).status_code == 200


def test_at_names_a_row_of_the_alignment_even_when_filtered_out(
    client: FlaskClient, corpus: Corpus
) -> None:
    """A "moved to row N" link keeps the filters: row N may be hidden by them, so ``at``
    is checked against every row and opens the window holding the next shown one."""
    url = f"/api/alignments/{corpus.alignment}"
    rows = client.get(url).get_json()["alignment"]["pairs"]
    last = rows[-1]
    other = next(p["status"] for p in rows if p["status"] != last["status"])
    answer = client.get(url, query_string={"at": str(last["position"]), "status": other})
    assert answer.status_code == 200
    nothing = client.get(url, query_string={"status": "nonexistent-status-xyz"})
    if nothing.status_code == 200:  # no rows match: offset 0 is still the (empty) first window
        assert (
            client.get(
                url, query_string={"status": "nonexistent-status-xyz", "offset": "0"}
            ).status_code
            == 200
        )


def test_the_memory_export_reads_drafts_as_a_yes_or_no(api: Api, corpus: Corpus) -> None:
    """``?drafts=0`` (or ``no``, ``false``) exported the drafts: any non-empty value was yes."""
    from workbench.services.postedit import save_translation

    settings = api.client.application.config["WORKBENCH_SETTINGS"]
    save_translation(settings, corpus.segments["headline"], "de", "Entwurfstitel", base_revision=0)
    url = "/api/tm/export.tmx?source=en&target=de"
    assert "Entwurfstitel" in api.client.get(url + "&drafts=1").get_data(as_text=True)
    for no in ("", "&drafts=", "&drafts=0", "&drafts=no", "&drafts=false", "&drafts=off"):
        answer = api.client.get(url + no)
        assert answer.status_code == 200 and "Entwurfstitel" not in answer.get_data(as_text=True), (
            no
        )
    refused = api.client.get(url + "&drafts=maybe")
    assert refused.status_code == 422 and "drafts must be 1 or 0" in refused.get_json()["error"]


@pytest.mark.parametrize("url", ["/api/compare", "/api/glossary", "/api/jobs"])
def test_a_json_body_nested_too_deeply_is_a_400(api: Api, url: str) -> None:
    """A body of 100,000 nested brackets made the JSON parser raise ``RecursionError``:
    a 500 "Internal server error." instead of the malformed-body answer."""
    deep = "[" * 100_000 + "]" * 100_000
    headers = {"X-CSRFToken": api.token, "Content-Type": "application/json"}
    answer = api.client.post(url, data=deep, headers=headers)
    body = answer.get_json()
    assert answer.status_code == 400, body
    assert body["ok"] is False and body["error"] == "malformed JSON body: nested too deeply"
    shallow = api.client.post(url, data="[" * 50 + "]" * 50, headers=headers)
    assert shallow.status_code == 400 and "must be an object" in shallow.get_json()["error"]
