"""The compare view's ``?rows=`` is read by one strict rule, as every display parameter (round 35b).

Why: ``?rows=all`` shows the rows of a pair judged unrelated; any other value
(``?rows=yes``, ``?rows=1``, a typo) was silently "hide", and the twin ignored the
parameter altogether: a script or a hand-edited URL was told nothing.  Now the view
reads it before computing (page and twin alike): absent or empty is the default,
``all`` shows, anything else is a 422 naming the one value it takes.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.web.conftest import Corpus


@pytest.mark.parametrize("bad", ["yes", "1", "ALL", "al", "١"])
def test_rows_takes_all_or_nothing(client: FlaskClient, corpus: Corpus, bad: str) -> None:
    for url in (f"/alignments/{corpus.alignment}", f"/api/alignments/{corpus.alignment}"):
        response = client.get(url, query_string={"rows": bad})
        assert response.status_code == 422, (url, bad)
        assert "rows" in response.get_data(as_text=True)


@pytest.mark.parametrize("good", ["", "all"])
def test_rows_default_and_all_are_read(client: FlaskClient, corpus: Corpus, good: str) -> None:
    for url in (f"/alignments/{corpus.alignment}", f"/api/alignments/{corpus.alignment}"):
        assert client.get(url, query_string={"rows": good}).status_code == 200, (url, good)
