"""Round 33's walk with bad input: the leftovers of round 32 and what the walk found.

Why these: each answered a typo or an odd value with something other than a
clear error, or let a page and its JSON twin disagree — ``"1"`` read as row 1 by
one endpoint and refused by the next, ``version_ids: []`` blamed on a story
nobody named, ``"propagate": "no"`` propagating, the story desk's twin ignoring
``?target=`` that its page honours.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Api, Corpus

STORY = "north-korean-troops"
NOT_INTEGERS: list[Any] = ["1", True, 1.5, 1.0, [1], {"id": 1}, "1e0"]


def _integer_fields(corpus: Corpus) -> list[tuple[str, dict[str, Any], str]]:
    """Every JSON endpoint taking an integer: (url, a body it accepts, the field)."""
    seg = corpus.segments["soldiers"]
    return [
        ("/api/compare", {"left": corpus.v_en1, "right": corpus.v_en2}, "left"),
        ("/api/compare", {"left": corpus.v_en1, "right": corpus.v_en2}, "right"),
        (f"/api/translations/{seg}/de", {"text": "Neu.", "base_revision": 1}, "base_revision"),
        (f"/api/segments/{seg}/history/de/revert", {"revision": 1, "base_revision": 1}, "revision"),
        (
            f"/api/segments/{seg}/history/de/revert",
            {"revision": 1, "base_revision": 1},
            "base_revision",
        ),
        (f"/api/stories/{STORY}/wire", {"version": corpus.v_en1}, "version"),
        (f"/api/stories/{STORY}/compute", {"reference": corpus.v_en1}, "reference"),
        ("/api/jobs", {"target": "de", "story": corpus.article}, "story"),
    ]


@pytest.mark.parametrize("bad", NOT_INTEGERS, ids=repr)
def test_a_json_integer_field_takes_only_a_json_integer(api: Api, corpus: Corpus, bad: Any) -> None:
    """Round 32 left ``/api/compare`` reading ``"1"`` as version 1 while ``/api/jobs``
    refused ``"story": "1"``: now every endpoint refuses a string, bool or float."""
    for url, body, name in _integer_fields(corpus):
        response = api.post(url, {**body, name: bad})
        answer = response.get_json()
        assert response.status_code == 422, (url, name, bad, answer)
        assert answer["ok"] is False and name in answer["error"], (url, answer)


def test_the_same_fields_still_take_digits_from_a_form(
    api: Api, client: FlaskClient, corpus: Corpus
) -> None:
    """A form carries only text: ``left=1`` is the integer 1; ``1_000`` or ``1e3`` is not."""
    token = api.token
    fine = client.post(
        "/compare",
        data={"left": str(corpus.v_en1), "right": str(corpus.v_en2), "csrf_token": token},
    )
    assert fine.status_code == 302, fine.get_data(as_text=True)[:300]
    for bad in ("1_0", "1e0", "1.0", "٣", "x"):
        refused = client.post(
            "/compare", data={"left": bad, "right": str(corpus.v_en2), "csrf_token": token}
        )
        assert refused.status_code == 422, bad
        assert "must be an integer" in refused.get_data(as_text=True)


def test_an_empty_version_list_says_what_is_wanted(api: Api, corpus: Corpus) -> None:
    """``version_ids: []`` said "the story has no versions" though no story was named."""
    response = api.post("/api/jobs", {"target": "de", "version_ids": []})
    body = response.get_json()
    assert response.status_code == 422, body
    assert "'version_ids' is empty" in body["error"] and "story" not in body["error"]
    # ids that are not in the named story: said so, not "the story has no versions"
    other = api.post(
        "/api/jobs", {"target": "de", "story": corpus.article, "version_ids": [999]}
    ).get_json()
    assert other["status"] == 422 and "not in story" in other["error"], other


@pytest.mark.parametrize("name", ["include_boilerplate", "retranslate", "all"])
def test_job_flags_are_json_booleans(api: Api, corpus: Corpus, name: str) -> None:
    response = api.post("/api/jobs", {"target": "de", "version_ids": [corpus.v_en1], name: "no"})
    assert response.status_code == 422 and name in response.get_json()["error"]


def test_propagate_no_as_a_string_is_refused_before_saving(
    api: Api, client: FlaskClient, corpus: Corpus
) -> None:
    """``"propagate": "no"`` was read as "yes" (anything but ``false`` propagated)."""
    seg = corpus.segments["soldiers"]
    body = {"text": "Neu.", "base_revision": 1, "status": "approved", "propagate": "no"}
    response = api.post(f"/api/translations/{seg}/de", body)
    assert response.status_code == 422 and "propagate" in response.get_json()["error"]
    version = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()["version"]
    saved = [s for s in version["segments"] if s["id"] == seg][0]["translations"]["de"]
    assert saved["text"] == "Mehr als 10.000 Soldaten." and saved["revision"] == 1  # not saved


def test_compare_background_must_be_a_boolean(api: Api, corpus: Corpus) -> None:
    body = {"left": corpus.v_en1, "right": corpus.v_en2, "background": "true"}
    response = api.post("/api/compare", body)
    assert response.status_code == 422 and "background" in response.get_json()["error"]


def test_the_story_twin_carries_the_pages_target(client: FlaskClient, corpus: Corpus) -> None:
    """The page re-measured progress into ``?target=``; its twin ignored it."""
    plain = client.get(f"/api/stories/{STORY}").get_json()["story"]["progress"]
    into_en = client.get(f"/api/stories/{STORY}?target=en").get_json()["story"]["progress"]
    assert {row["target"] for row in into_en["versions"]} == {"en"}
    assert {row["target"] for row in plain["versions"]} != {"en"}  # each version's default
    page = client.get(f"/stories/{STORY}?target=en").get_data(as_text=True)
    for row in into_en["versions"]:
        assert f"/versions/{row['version_id']}?target=en" in page
    for url in (f"/stories/{STORY}?target=xx", f"/api/stories/{STORY}?target=xx"):
        response = client.get(url)
        assert response.status_code == 422, url
        assert "unknown target language" in response.get_data(as_text=True)


def test_the_save_form_refuses_a_segment_of_another_version(
    api: Api, client: FlaskClient, corpus: Corpus
) -> None:
    """Round 32 left it: the no-JavaScript form saved a segment of another version."""
    seg = corpus.segments["soldiers"]  # a segment of v_en1
    form = {"lang": "de", "text": "Falsch.", "base_revision": "1", "csrf_token": api.token}
    response = client.post(
        f"/versions/{corpus.v_en2}/segments/{seg}/translation", data=form, follow_redirects=True
    )
    assert f"segment {seg} is not in version {corpus.v_en2}" in response.get_data(as_text=True)
    version = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()["version"]
    saved = [s for s in version["segments"] if s["id"] == seg][0]["translations"]["de"]
    assert saved["text"] == "Mehr als 10.000 Soldaten." and saved["revision"] == 1
    right = client.post(f"/versions/{corpus.v_en1}/segments/{seg}/translation", data=form)
    assert right.status_code == 302  # the right version still saves
    version = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()["version"]
    assert [s for s in version["segments"] if s["id"] == seg][0]["translations"]["de"][
        "revision"
    ] == 2


def test_reference_zero_is_no_version(api: Api, client: FlaskClient, corpus: Corpus) -> None:
    """``reference: 0`` was read as "the default reference" (as ``0`` once unmarked the wire)."""
    compute = api.post(f"/api/stories/{STORY}/compute", {"reference": 0})
    assert compute.status_code == 422 and "reference" in compute.get_json()["error"]
    for url in (f"/api/stories/{STORY}?reference=0", f"/stories/{STORY}?reference=-1"):
        assert client.get(url).status_code == 422, url
    assert client.get(f"/api/stories/{STORY}?reference=").status_code == 200  # empty: default


def test_the_story_pages_json_link_keeps_its_target(client: FlaskClient, corpus: Corpus) -> None:
    page = client.get(f"/stories/{STORY}?target=en").get_data(as_text=True)
    assert f"/api/stories/{STORY}?target=en" in page


XLIFF = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- from a CAT tool -->\n'
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>'
)
TMX = b'<?xml version="1.0"?><tmx version="1.4"><header/><body/></tmx>'


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("job.xlf", XLIFF, "XLIFF"),
        ("job.html", XLIFF, "XLIFF"),  # by content, whatever the name
        ("memory.tmx", TMX, "TMX"),
        ("memory.txt", TMX, "TMX"),
    ],
)
def test_an_xliff_or_tmx_file_is_no_page(
    api: Api, client: FlaskClient, name: str, data: bytes, what: str
) -> None:
    """Round 32 left it: a ``.xlf`` uploaded as a page became a story of one markup segment."""
    response = api.client.post(
        "/api/ingest",
        data={"file": (io.BytesIO(data), name)},
        headers={"X-CSRFToken": api.token},
        content_type="multipart/form-data",
    )
    body = response.get_json()
    assert response.status_code == 422, body
    assert (
        f"is {'an' if what == 'XLIFF' else 'a'} {what}" in body["error"]
        and "import" in body["error"]
    )
    form = client.post(
        "/upload",
        data={"csrf_token": api.token, "file": (io.BytesIO(data), name), "outlet": "wire"},
        content_type="multipart/form-data",
    )
    assert form.status_code == 422 and "not a page" in form.get_data(as_text=True)
    assert client.get("/api/versions").get_json()["versions"] == []  # nothing stored


def test_a_page_mentioning_xliff_is_still_a_page(api: Api, client: FlaskClient) -> None:
    page = b"<html><body><p>The &lt;xliff&gt; format is XML.</p><p>So is TMX.</p></body></html>"
    response = api.client.post(
        "/api/ingest",
        data={"file": (io.BytesIO(page), "about_en.html"), "outlet": "wire"},
        headers={"X-CSRFToken": api.token},
        content_type="multipart/form-data",
    )
    assert response.status_code in (200, 201), response.get_json()


def test_many_unknown_version_ids_make_a_short_message(api: Api, corpus: Corpus) -> None:
    response = api.post("/api/jobs", {"target": "de", "version_ids": list(range(1, 20_001))})
    body = response.get_json()
    assert response.status_code == 404 and len(body["error"]) < 200, len(body["error"])
    assert body["error"].startswith("no such version: 4, 5, 6") and "(+19987)" in body["error"]
