"""A TMX with nothing approved: each entrance says a remedy that entrance has (round 35).

Why: the page flashed the service's message, "approve them in the editor, or export
every status (--any-status, or approved_only=0)": a command-line option and an API
parameter that the page's form cannot send (an unticked "approved only" box sends
nothing, and a TMX is approved-only unless told otherwise).  The rule now: the CLI
prints ``Error:`` and exits 2, the twin answers 422 with the service's message (the
one that names ``--any-status`` / ``approved_only=0``), and the page, where a
translator clicked a download, goes back to the version with a message naming what
the page offers: approve in the editor, or download XLIFF, which carries every status.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.web.conftest import Corpus


def _flash(client: FlaskClient, corpus: Corpus, lang: str) -> str:
    url = f"/versions/{corpus.v_en1}/translation?to=de&format=tmx&lang={lang}"
    response = client.get(url)
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_page_names_what_the_page_offers(client: FlaskClient, corpus: Corpus) -> None:
    page = _flash(client, corpus, "en")
    assert "nothing approved into de" in page
    assert "--any-status" not in page and "approved_only=0" not in page
    assert "approve them in the editor" in page
    assert "with Statuses set to &#34;every status&#34;" in page  # the form's choice (35b)
    german = _flash(client, corpus, "de")
    assert "ist noch nichts nach de freigegeben" in german and "--any-status" not in german


def test_the_twin_keeps_the_scripts_remedy(client: FlaskClient, corpus: Corpus) -> None:
    api = client.get(f"/api/versions/{corpus.v_en1}/translation?to=de&format=tmx")
    assert api.status_code == 422 and api.get_json()["ok"] is False
    assert "approved_only=0" in api.get_json()["error"]


def test_the_form_says_the_default_and_can_send_every_status(
    client: FlaskClient, corpus: Corpus
) -> None:
    """Round 35b: the unticked "approved only" box still gave an approved-only TMX (the
    format's default) and the form said nothing of it, nor could it ask for every
    status.  The box is now a choice of three: the format's default (named), approved
    only, every status; the last sends ``approved_only=0``."""
    page = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert '<select name="approved_only">' in page
    assert "TMX: approved only" in page and '<option value="0">every status' in page
    url = f"/versions/{corpus.v_en1}/translation?to=de&format=tmx&approved_only=0"
    response = client.get(url)
    assert response.status_code == 200 and b"<tu" in response.data
