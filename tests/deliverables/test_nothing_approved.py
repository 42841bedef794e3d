"""A TMX with nothing approved: refused with the reason, never counted as "untranslated"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from lxml import etree

from tests.deliverables.conftest import approve
from tests.web.conftest import Corpus
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import NothingToExportError
from workbench.services.deliverables import build, export_translation


def _run(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--database-url", settings.database_url, *args])


def test_machine_rows_are_not_approved_not_untranslated(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    """The corpus has one machine translation into de and nothing approved."""
    deliverable = build(settings, corpus.v_en1, "de", approved_only=True)
    assert deliverable.withheld == {"machine": 1}
    assert "machine" not in deliverable.counts and deliverable.counts["untranslated"] == 4
    assert deliverable.report() == "untranslated 4; not approved, left out: machine 1"
    everything = build(settings, corpus.v_en1, "de")
    assert everything.withheld == {} and everything.counts == {"machine": 1, "untranslated": 4}


def test_tmx_with_nothing_approved_is_refused_with_the_reason(settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NothingToExportError) as raised:
        export_translation(settings, corpus.v_en1, "de", "tmx")
    message = raised.value.message
    assert message.startswith(f"nothing approved into de in version {corpus.v_en1} yet")
    assert "1 machine and 0 draft translations await approval" in message
    assert "--any-status" in message
    any_status = export_translation(settings, corpus.v_en1, "de", "tmx", approved_only=False)[0]
    assert len(etree.fromstring(any_status.encode()).findall(".//tu")) == 1
    approve(settings, corpus)  # one approved, one draft: a TMX of one unit, the draft left out
    body, _fmt, deliverable = export_translation(settings, corpus.v_en1, "de", "tmx")
    assert len(etree.fromstring(body.encode()).findall(".//tu")) == 1
    assert deliverable.withheld == {"draft": 1} and deliverable.counts["approved"] == 1


def test_tmx_of_an_untranslated_version_says_translate_first(settings, page_version: int) -> None:  # type: ignore[no-untyped-def]
    for approved_only in (True, False):
        with pytest.raises(NothingToExportError, match="nothing translated into de"):
            export_translation(settings, page_version, "de", "tmx", approved_only=approved_only)
    txt = export_translation(settings, page_version, "de", "txt")[0]  # still a whole document
    assert txt.startswith("Storm shuts the harbour bridge")


def test_cli_refuses_and_writes_nothing(settings, corpus: Corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "approved.tmx"
    result = _run(settings, "translation", "export", str(corpus.v_en1), "--to", "de",
                  "--format", "tmx", "-o", str(out))  # fmt: skip
    assert result.exit_code == 2 and not out.exists()
    assert (
        result.stderr.startswith("Error: nothing approved into de")
        and "Traceback" not in result.output
    )
    txt = _run(
        settings, "translation", "export", str(corpus.v_en1), "--to", "de", "--approved-only"
    )
    assert txt.exit_code == 0
    assert "Segments: untranslated 4; not approved, left out: machine 1" in txt.stderr


def test_web_sends_the_translator_back_with_the_reason(client: FlaskClient, corpus: Corpus) -> None:
    url = f"/versions/{corpus.v_en1}/translation?to=de&format=tmx&lang=de"
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/versions/{corpus.v_en1}?target=de")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "ist noch nichts nach de freigegeben" in page  # in the UI language
    api = client.get(f"/api/versions/{corpus.v_en1}/translation?to=de&format=tmx&lang=en")
    assert api.status_code == 422 and api.get_json()["ok"] is False
    assert "nothing approved" in api.get_json()["error"]
    txt = client.get(f"/api/versions/{corpus.v_en1}/translation?to=de&approved_only=1")
    assert txt.status_code == 200 and txt.headers["X-Workbench-Not-Approved"] == "machine=1"
