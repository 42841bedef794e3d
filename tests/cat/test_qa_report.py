"""QA on save and as a per-version report (service, CLI exit codes, page and JSON twin)."""

from __future__ import annotations

import json

from tests.cat.conftest import Api, Corpus
from workbench.config import Settings
from workbench.services.postedit import save_translation
from workbench.services.qa import version_report


def test_report_lists_warnings_and_approved_segments_with_warnings(
    settings: Settings, corpus: Corpus
) -> None:
    soldiers = corpus.segments["soldiers"]
    save_translation(
        settings,
        soldiers,
        "de",
        "Mehr als 11.000 Soldaten wurden geschickt.",
        base_revision=1,
        status="approved",
    )
    headline = corpus.segments["headline"]
    save_translation(
        settings, headline, "de", "Truppen wieder an der Front", base_revision=0, status="draft"
    )
    report = version_report(settings, corpus.v_en1, "de")
    rows = {r["segment_id"]: r for r in report["segments"]}
    assert [w["check"] for w in rows[soldiers]["warnings"]] == ["numbers"]
    assert rows[soldiers]["warnings"][0]["detail"] == {"missing": ["10,000"], "extra": ["11.000"]}
    assert rows[headline]["warnings"] == []
    assert report["approved_with_warnings"] == [soldiers]
    assert corpus.segments["appeal"] not in rows  # untranslated boilerplate is not checked
    assert report["counts"]["empty"] == 3  # three body segments still untranslated
    assert not report["clean"]


def test_cli_exit_codes_and_json(run, settings: Settings, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    result = run("qa", str(corpus.v_de), "--to", "en")
    assert result.exit_code == 1 and "empty" in result.output  # nothing translated yet
    for seg_id, text in ((corpus.segments["de_headline"], "Troops back at the front"),):
        save_translation(settings, seg_id, "en", text, base_revision=0)
    from sqlmodel import Session, select

    from workbench.store.db import get_engine
    from workbench.store.models import Segment

    with Session(get_engine(settings.database_url)) as session:
        others = session.exec(
            select(Segment).where(Segment.version_id == corpus.v_de, Segment.position > 0)
        ).all()
        ids = [s.id for s in others]
    for seg_id in ids:
        save_translation(
            settings, seg_id, "en", "More than 10,000 soldiers were sent.", base_revision=0
        )
    result = run("qa", str(corpus.v_de), "--to", "en", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["clean"] and data["warnings"] == 0 and data["checked"] == 2
    assert run("qa", "999", "--to", "en").exit_code == 3
    assert run("qa", str(corpus.v_de), "--to", "xx").exit_code == 2


def test_save_answers_qa_warnings_but_saves(api: Api, corpus: Corpus) -> None:
    seg = corpus.segments["soldiers"]
    response = api.post(
        f"/api/translations/{seg}/de",
        json={
            "text": "Mehr als 12.000 Soldaten Soldaten",
            "base_revision": 1,
            "status": "approved",
        },
    )
    body = response.get_json()
    assert response.status_code == 200 and body["translation"]["revision"] == 2
    assert {w["check"] for w in body["qa"]} == {"numbers", "doubled_word", "punctuation"}


def test_report_page_and_json_twin(api: Api, settings: Settings, corpus: Corpus) -> None:
    seg = corpus.segments["soldiers"]
    save_translation(
        settings, seg, "de", "Mehr als 11.000 Soldaten.", base_revision=1, status="approved"
    )
    page = api.client.get(f"/versions/{corpus.v_en1}/qa?target=de")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and f'href="#qa-{seg}"' in html and "Numbers differ" in html
    twin = api.client.get(f"/api/versions/{corpus.v_en1}/qa?target=de").get_json()
    assert twin["report"]["approved_with_warnings"] == [seg]
    german = api.client.get(f"/versions/{corpus.v_en1}/qa?target=de&lang=de").get_data(as_text=True)
    assert "QA-Bericht" in german
    assert api.client.get("/api/versions/999/qa?target=de").status_code == 404
    assert api.client.get(f"/api/versions/{corpus.v_en1}/qa?target=xx").status_code == 422
