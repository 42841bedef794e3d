"""Round 32's walk of the UI with bad input: each case a page or its twin got wrong.

Why these: every one answered a typo or an odd value with something other than a
clear error — a 500 (an id too big for the column), a silent change of the input
(1.5 read as version 1, ``0`` unmarking the wire copy), a page that hid existing
translations (an unknown ``?target=``), typed fields lost after a refused upload,
or English words on a German page.
"""

from __future__ import annotations

import io

from flask.testing import FlaskClient

from tests.web.conftest import Api, Corpus

HUGE = 10**30


def test_a_story_id_too_big_for_the_column_is_a_422_not_a_500(api: Api, corpus: Corpus) -> None:
    response = api.post("/api/jobs", {"target": "de", "story": HUGE})
    body = response.get_json()
    assert response.status_code == 422, body
    assert body["ok"] is False and "story" in body["error"]


def test_a_fractional_number_is_no_id_or_revision(api: Api, corpus: Corpus) -> None:
    compare = api.post("/api/compare", {"left": corpus.v_en1 + 0.5, "right": corpus.v_en2})
    assert compare.status_code == 422 and "'left'" in compare.get_json()["error"]
    seg = corpus.segments["soldiers"]
    save = api.post(f"/api/translations/{seg}/de", {"text": "Neu.", "base_revision": 1.5})
    assert save.status_code == 422 and "base_revision" in save.get_json()["error"]
    # round 33: one rule for every JSON integer: 1.0 is a float, not the integer 1
    again = api.post(f"/api/translations/{seg}/de", {"text": "Neu.", "base_revision": 1.0})
    assert again.status_code == 422, again.get_json()


def test_wire_version_zero_is_refused_and_keeps_the_wire_copy(
    api: Api, client: FlaskClient, corpus: Corpus
) -> None:
    url = "/api/stories/north-korean-troops/wire"
    assert api.post(url, {"version": corpus.v_en1}).get_json()["wire_version_id"] == corpus.v_en1
    zero = api.post(url, {"version": 0})
    assert zero.status_code == 422, zero.get_json()
    story = client.get("/api/stories/north-korean-troops").get_json()["story"]
    assert story["wire_version_id"] == corpus.v_en1  # not silently unmarked
    assert api.post(url, {"version": None}).get_json()["wire_version_id"] is None  # null unmarks


def test_an_unknown_target_language_is_an_error_on_page_and_twin(
    client: FlaskClient, corpus: Corpus
) -> None:
    """``?target=xx`` kept no translation: the page showed German work as untranslated."""
    for url in (
        f"/versions/{corpus.v_en1}?target=xx",
        f"/api/versions/{corpus.v_en1}?target=xx",
        "/?target=xx",
        "/api/articles?target=xx",
        f"/segments/{corpus.segments['soldiers']}/history/xx",
        f"/api/segments/{corpus.segments['soldiers']}/history/xx",
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        assert "unknown target language &#39;xx&#39;" in response.get_data(
            as_text=True
        ) or "unknown target language 'xx'" in response.get_data(as_text=True)
    ok = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()
    soldiers = [s for s in ok["version"]["segments"] if s["id"] == corpus.segments["soldiers"]]
    assert soldiers[0]["translations"]["de"]["text"] == "Mehr als 10.000 Soldaten."
    assert client.get(f"/versions/{corpus.v_en1}?target=").status_code == 200  # empty: default


def test_a_refused_upload_keeps_the_typed_fields(client: FlaskClient) -> None:
    token = client.get("/api/csrf").get_json()["csrf_token"]
    fields = {
        "outlet": "my-outlet",
        "article": "bridge-story",
        "url": "https://example.org/a?x=1&y=<b>",
        "captured_at": "2025-02-07T12:00:00+00:00",
    }
    data = {"csrf_token": token, "file": (io.BytesIO(bytes(range(256))), "page.txt"), **fields}
    response = client.post("/upload", data=data, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "binary file" in html
    assert 'name="outlet" value="my-outlet"' in html
    assert 'name="article" value="bridge-story"' in html
    assert 'value="https://example.org/a?x=1&amp;y=&lt;b&gt;"' in html  # escaped, not markup
    assert 'value="2025-02-07T12:00:00+00:00"' in html


def test_qa_details_are_in_the_page_language(api: Api, client: FlaskClient, corpus: Corpus) -> None:
    """The punctuation check's place and classes were English codes ("end (period / none)")."""
    seg = corpus.segments["soldiers"]
    saved = api.post(
        f"/api/translations/{seg}/de", {"text": "Mehr als 10.000 Soldaten", "base_revision": 1}
    )
    assert saved.status_code == 200
    html = client.get(f"/versions/{corpus.v_en1}/qa?target=de&lang=de").get_data(as_text=True)
    assert "am Ende (Punkt / keins)" in html
    assert "period" not in html and "(period / none)" not in html
    english = client.get(f"/versions/{corpus.v_en1}/qa?target=de&lang=en").get_data(as_text=True)
    assert "at the end (full stop / none)" in english
    # the version page hands the same words to cat.js, which re-renders after each save
    page = client.get(f"/versions/{corpus.v_en1}?target=de&lang=ru").get_data(as_text=True)
    assert 'data-word-period="точка"' in page and 'data-word-end="в конце"' in page


def test_a_nul_in_a_glossary_term_or_note_is_refused(api: Api, client: FlaskClient) -> None:
    """SQLite stored it ("Term added."); PostgreSQL's driver refused the row with a 500."""
    base = {"source": "en", "target": "de", "source_term": "bridge", "target_term": "Brücke"}
    for field in ("source_term", "target_term", "note"):
        response = api.post("/api/glossary", {**base, field: base.get(field, "") + "a\x00b"})
        body = response.get_json()
        assert response.status_code == 422 and "NUL" in body["error"], (field, body)
    assert client.get("/api/glossary?source=en&target=de").get_json()["terms"] == []
    assert api.post("/api/glossary", base).status_code in (200, 201)  # a clean term still goes in
