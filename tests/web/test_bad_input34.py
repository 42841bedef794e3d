"""Round 34's leftovers of the web walk: one rule for form integers and row numbers.

Why: a JSON integer field takes a JSON integer only (round 33), while a form or
query string still read `` +3 `` (spaces, a plus sign) as 3; and ``?at=`` (the
compare view's "window holding row N") clamped a row that does not exist while
``offset=-5`` was a 422.
"""

from __future__ import annotations

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
