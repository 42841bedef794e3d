"""XLIFF conflicts named as the translator sees them (round 36, web36).

At START a conflict said "Conflict on segment 6": the XLIFF ``trans-unit`` id, while the
version page numbers its rows by position ("5") and a CAT tool shows the unit's
``resname`` ("segment-5"): the translator could not find the unit.  Now the row (and the
version, where the page is another's) and the unit id are named, the page's message
links to the row, and the report and the CLI carry both.  Round 37 (webb37): the row a
reader sees counts from 1 (the report's ``position`` stays the 0-based index).
"""

from __future__ import annotations

import io
import re

from click.testing import CliRunner
from flask.testing import FlaskClient

from tests.deliverables.test_import import _edit
from tests.web.conftest import Corpus
from tests.web.test_workflow import form_token
from workbench.cli import main
from workbench.config import Settings
from workbench.services.deliverables import export_translation
from workbench.services.postedit import save_translation
from workbench.services.xliff_import import import_xliff
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment


def _conflicting_file(settings: Settings, corpus: Corpus) -> tuple[bytes, int, int]:
    """An XLIFF whose 'soldiers' unit was edited while the editor saved it too."""
    soldiers = corpus.segments["soldiers"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    save_translation(settings, soldiers, "de", "Im Editor.", base_revision=1)
    with session_scope(get_engine(settings.database_url)) as session:
        position = session.get(Segment, soldiers).position  # type: ignore[union-attr]
    assert position != soldiers  # else the test could not tell them apart
    return _edit(body, {soldiers: ("Vom Prüfer.", "translated")}), soldiers, position


def test_the_report_names_row_and_version(settings: Settings, corpus: Corpus) -> None:
    data, soldiers, position = _conflicting_file(settings, corpus)
    (conflict,) = import_xliff(settings, data, "review.xlf").conflicts
    assert conflict["segment_id"] == soldiers
    assert (conflict["version_id"], conflict["position"]) == (corpus.v_en1, position)


def test_the_page_names_the_row_and_links_to_it(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    data, soldiers, position = _conflicting_file(settings, corpus)
    token = form_token(client, f"/versions/{corpus.v_en1}?target=de")
    response = client.post(
        f"/versions/{corpus.v_en1}/translation/import",
        data={"csrf_token": token, "target": "de", "file": (io.BytesIO(data), "review.xlf")},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    message = re.search(r'<p class="flash flash-error"[^>]*>([^\n]*Vom Prüfer[^\n]*)</p>', page)
    assert message, page[:3000]
    text = re.sub(r"<[^>]+>", "", message.group(1))
    assert f"row {position + 1}" in text and f"XLIFF unit {soldiers}" in text, text
    assert f'href="#seg-{soldiers}"' in message.group(1)
    assert f'id="seg-{soldiers}"' in page  # the link's target is on the page
    # in German too: the words the page uses for a row
    client.get("/?lang=de")
    client.post(
        f"/versions/{corpus.v_en1}/translation/import",
        data={"csrf_token": token, "target": "de", "file": (io.BytesIO(data), "review.xlf")},
    )
    german = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert f"Zeile {position + 1}" in german and f"XLIFF-Einheit {soldiers}" in german


def test_the_cli_names_the_row(settings: Settings, corpus: Corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, soldiers, position = _conflicting_file(settings, corpus)
    path = tmp_path / "review.xlf"
    path.write_bytes(data)
    args = ["--database-url", settings.database_url, "translation", "import", str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4, result.output
    assert f"version {corpus.v_en1} row {position + 1} (XLIFF unit {soldiers})" in result.output
