"""A page and its JSON twin take the same parameters and refuse the same bad ones (round 35).

Why: a page is computed once (``web.render``) but a parameter read only in the
page's HTML extras was checked only there: ``/glossary?edit=abc`` was a 422 and
``/api/glossary?edit=abc`` a 200, and so for ``?job=`` on the article list, the
version page and the story desk.  A script testing its URL on the twin then got a
page that refused it.  Every parameter a page reads is now read by the view,
before the data is computed, so both renderings answer alike.  This walks every
GET page with a twin and every parameter any page reads, with values that are
bad for an integer, a language, a flag or a choice.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Corpus

PARAMS = ["edit", "job", "target", "to", "role", "state", "status", "offset", "limit", "at",
          "reference", "compute", "filtered", "q", "source", "lang", "rows"]  # fmt: skip
BAD = ["١", "abc", "-1", "xx"]


def _pages(corpus: Corpus) -> list[str]:
    return [
        "/", f"/versions/{corpus.v_en1}", f"/versions/{corpus.v_en1}/qa",
        "/glossary", "/tm", "/stories/north-korean-troops", f"/alignments/{corpus.alignment}",
        f"/segments/{corpus.segments['soldiers']}/history/de", "/login",
    ]  # fmt: skip


@pytest.mark.parametrize("bad", BAD)
def test_the_twin_answers_as_its_page(client: FlaskClient, corpus: Corpus, bad: str) -> None:
    differ = []
    for url in _pages(corpus):
        twin = "/api" if url == "/" else "/api" + url
        twin = "/api/articles" if url == "/" else twin
        for name in PARAMS:
            page = client.get(url, query_string={name: bad}).status_code
            answer = client.get(twin, query_string={name: bad}).status_code
            if page != answer:
                differ.append(f"{url}?{name}={bad}: page {page}, twin {answer}")
    assert not differ, "\n".join(differ)


def test_an_id_naming_nothing_is_no_error_on_either(client: FlaskClient, corpus: Corpus) -> None:
    for url in ("/glossary?edit=99", "/?job=99", f"/versions/{corpus.v_en1}?job=99"):
        twin = url.replace("/?", "/api/articles?") if url.startswith("/?") else "/api" + url
        assert client.get(url).status_code == 200, url
        assert client.get(twin).status_code == 200, twin
