"""Display-only query parameters follow the strict rule of every other one (round 34b).

Why: ``?inline=`` (the deliverable shown in the browser), ``?edit=`` (the glossary
row with its editor open) and ``?job=`` (the no-JavaScript redirect's job) were
read loosely while every other query integer and flag is strict since round 34:
``?job=١`` or ``?edit=١`` (an Arabic-Indic one, which ``str.isdigit`` and
``int()`` accept) showed job / term 1, ``?inline=yes`` downloaded the file and
``?edit=abc`` silently opened nothing.  Now an integer is ASCII digits
(``web.common.int_field``) and a flag the checkbox words (``form_flag``), else a
422 naming the parameter; an id that names nothing (a job or term since deleted)
is still no editor / no job box, not an error.
"""

from __future__ import annotations

import pytest

from tests.web.conftest import Api, Corpus


def _disposition(api: Api, corpus: Corpus, extra: str) -> tuple[int, str]:
    answer = api.client.get(f"/versions/{corpus.v_en1}/translation?to=de{extra}")
    return answer.status_code, answer.headers.get("Content-Disposition", "")


def test_inline_is_a_yes_or_no(api: Api, corpus: Corpus) -> None:
    for extra in ("&inline=1", "&inline=yes", "&inline=true", "&inline=on"):
        status, disposition = _disposition(api, corpus, extra)
        assert status == 200 and disposition.startswith("inline;"), extra
    for extra in ("", "&inline=", "&inline=0", "&inline=no", "&inline=off"):
        status, disposition = _disposition(api, corpus, extra)
        assert status == 200 and disposition.startswith("attachment;"), extra
    refused = api.client.get(f"/versions/{corpus.v_en1}/translation?to=de&inline=maybe")
    assert refused.status_code == 422
    assert "inline must be 1 or 0" in refused.get_data(as_text=True)


@pytest.mark.parametrize("bad", ["١", "²", " 1", "+1", "abc", "1.0"], ids=repr)
def test_edit_is_an_integer(api: Api, bad: str) -> None:
    form = {"csrf_token": api.token, "source_term": "troop", "target_term": "Truppe"}
    api.client.post("/glossary?source=en&target=de", data=form)
    term_id = api.client.get("/api/glossary?source=en&target=de").get_json()["terms"][0]["id"]
    assert term_id == 1
    page = api.client.get("/glossary", query_string={"source": "en", "target": "de", "edit": bad})
    assert page.status_code == 422, bad
    assert "field &#39;edit&#39; must be an integer" in page.get_data(as_text=True)
    gone = api.client.get("/glossary?source=en&target=de&edit=99")
    assert gone.status_code == 200 and 'class="inline term-edit"' not in gone.get_data(as_text=True)


@pytest.mark.parametrize("bad", ["١", "²", " 1", "abc", "-"], ids=repr)
def test_job_is_an_integer(api: Api, corpus: Corpus, bad: str) -> None:
    for url in ("/", f"/versions/{corpus.v_en1}"):
        page = api.client.get(url, query_string={"job": bad})
        assert page.status_code == 422, (url, bad)
        assert "field &#39;job&#39; must be an integer" in page.get_data(as_text=True)
        unknown = api.client.get(url, query_string={"job": "999"})
        assert unknown.status_code == 200, url
