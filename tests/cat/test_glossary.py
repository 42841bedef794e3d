"""Glossary: service, CSV/TBX import (bad files change nothing), CLI, pages and JSON twins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cat.conftest import Api, Corpus
from workbench.config import Settings
from workbench.errors import ConflictError, InputError
from workbench.services import glossary

TBX = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <langSet xml:lang="en"><tig><term>front line</term></tig></langSet>
    <langSet xml:lang="de"><tig><term>Frontlinie</term></tig>
      <tig><term>Kampflinie</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="en-GB"><tig><term>soldier</term></tig></langSet>
    <langSet xml:lang="fr"><tig><term>soldat</term></tig></langSet>
  </termEntry>
</body></text></martif>"""

TBX3 = b"""<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" xml:lang="en">
<text><body><conceptEntry id="c1">
<langSec xml:lang="en"><termSec><term>troop</term></termSec></langSec>
<langSec xml:lang="de"><termSec><term>Truppe</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""

BAD_FILES = {
    "empty.csv": b"",
    "binary.csv": b"\x00\x01\x02troop,Truppe",
    "latin1.csv": "troop,Trüppe\n".encode("latin-1"),
    "one-column.csv": b"troop\n",
    "malformed.tbx": b"<martif><text><body><termEntry>",
    "bomb.tbx": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    b"<martif><text>&b;</text></martif>",
    "external.tbx": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b"<martif><text>&e;</text></martif>",
    "not-tbx.xml": b"<html><body>hi</body></html>",
    "other-pair.tbx": TBX.replace(b'xml:lang="de"', b'xml:lang="it"'),
    "glossary.docx": b"PK\x03\x04 not a glossary",
}


def test_add_edit_delete_and_conflicts(settings: Settings) -> None:
    term = glossary.add_term(settings, "en", "de", " troop ", "Truppe", note="army")
    assert term["source_term"] == "troop" and not term["forbidden"]
    with pytest.raises(ConflictError):
        glossary.add_term(settings, "en", "de", "troop", "Truppe")
    edited = glossary.update_term(
        settings, term["id"], source_term="troop", target_term="Soldateska", forbidden=True
    )
    assert edited["forbidden"] and edited["target_term"] == "Soldateska"
    assert [t.target for t in glossary.terms_for(settings, "en", "de")] == ["Soldateska"]
    glossary.delete_term(settings, term["id"])
    assert glossary.list_terms(settings, "en", "de") == []
    with pytest.raises(InputError):
        glossary.add_term(settings, "en", "xx", "troop", "Truppe")
    with pytest.raises(InputError):
        glossary.add_term(settings, "en", "de", "troop", "  ")


def test_csv_import_with_header_and_update(settings: Settings) -> None:
    data = b"en;de;forbidden;note\ntroop;Truppe;;army\nsoldier;Krieger;yes;\n"
    assert glossary.import_glossary(settings, data, "g.csv", "en", "de") == {
        "added": 2,
        "updated": 0,
    }
    again = glossary.import_glossary(settings, b"troop,Truppe,,new note\n", "g.csv", "en", "de")
    assert again == {"added": 0, "updated": 1}
    rows = {t["source_term"]: t for t in glossary.list_terms(settings, "en", "de")}
    assert rows["soldier"]["forbidden"] and rows["troop"]["note"] == "new note"


def test_tbx_v2_and_v3_import(settings: Settings) -> None:
    assert glossary.import_glossary(settings, TBX, "g.tbx", "en", "de") == {
        "added": 2,
        "updated": 0,
    }
    rows = {t["target_term"]: t for t in glossary.list_terms(settings, "en", "de")}
    assert rows["Frontlinie"]["source_term"] == "front line" and not rows["Frontlinie"]["forbidden"]
    assert rows["Kampflinie"]["forbidden"]
    assert glossary.import_glossary(settings, TBX, "g.tbx", "en", "fr")["added"] == 1
    assert glossary.import_glossary(settings, TBX3, "g.tbx", "en", "de")["added"] == 1


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_get_a_clear_error_and_change_nothing(settings: Settings, name: str) -> None:
    glossary.add_term(settings, "en", "de", "keep", "behalten")
    before = glossary.list_terms(settings, "en", "de")
    with pytest.raises(InputError) as info:
        glossary.import_glossary(settings, BAD_FILES[name], name, "en", "de")
    assert info.value.message
    assert glossary.list_terms(settings, "en", "de") == before


def test_cli_import_list_add_delete(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "terms.csv"
    path.write_text("troop,Truppe\n", encoding="utf-8")
    result = run("glossary", "import", str(path), "--from", "en", "--to", "de")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert (
        run(
            "glossary", "add", "soldier", "Krieger", "--from", "en", "--to", "de", "--forbidden"
        ).exit_code
        == 0
    )
    listed = run("glossary", "list", "--from", "en", "--to", "de")
    assert "Truppe" in listed.output and "Krieger  (forbidden)" in listed.output
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(BAD_FILES["bomb.tbx"])
    result = run("glossary", "import", str(bad), "--from", "en", "--to", "de")
    assert result.exit_code == 2 and result.output.startswith("Error: ")
    assert (
        run(
            "glossary", "import", str(tmp_path / "missing.csv"), "--from", "en", "--to", "de"
        ).exit_code
        == 2
    )
    term_id = listed.output.split("\t", 1)[0]
    assert run("glossary", "delete", term_id).exit_code == 0
    assert run("glossary", "delete", "999").exit_code == 3


def test_json_twins(api: Api, settings: Settings) -> None:
    created = api.post(
        "/api/glossary",
        json={"source": "en", "target": "de", "source_term": "troop", "target_term": "Truppe"},
    )
    assert created.status_code == 201
    term_id = created.get_json()["term"]["id"]
    listed = api.client.get("/api/glossary?source=en&target=de").get_json()
    assert [t["target_term"] for t in listed["terms"]] == ["Truppe"]
    headers = {"X-CSRFToken": api.token}
    edited = api.client.put(
        f"/api/glossary/{term_id}",
        json={"source_term": "troop", "target_term": "Einheit"},
        headers=headers,
    )
    assert edited.get_json()["term"]["target_term"] == "Einheit"
    duplicate = api.post(
        "/api/glossary",
        json={"source": "en", "target": "de", "source_term": "troop", "target_term": "Einheit"},
    )
    assert duplicate.status_code == 409 and duplicate.get_json()["ok"] is False
    bad = api.post(
        "/api/glossary/import",
        data={
            "source": "en",
            "target": "de",
            "file": (__import__("io").BytesIO(b"\x00\x01"), "x.csv"),
        },
    )
    assert bad.status_code == 422 and "binary" in bad.get_json()["error"]
    assert api.client.delete(f"/api/glossary/{term_id}", headers=headers).get_json()["ok"]
    assert api.client.get("/api/glossary?source=en&target=en").status_code == 422


def test_pages_add_edit_delete_and_import(api: Api) -> None:
    client = api.client
    page = client.get("/glossary?source=en&target=de")
    assert page.status_code == 200 and "No terms yet." in page.get_data(as_text=True)
    form = {"csrf_token": api.token, "source_term": "troop", "target_term": "Truppe"}
    response = client.post("/glossary?source=en&target=de", data=form, follow_redirects=True)
    assert "Term added." in response.get_data(as_text=True)
    term_id = client.get("/api/glossary?source=en&target=de").get_json()["terms"][0]["id"]
    edit = client.get(f"/glossary?source=en&target=de&edit={term_id}").get_data(as_text=True)
    assert 'class="inline term-edit"' in edit
    form = {
        "csrf_token": api.token,
        "source_term": "troop",
        "target_term": "Einheit",
        "forbidden": "1",
    }
    response = client.post(f"/glossary/{term_id}", data=form, follow_redirects=True)
    assert "<s>Einheit</s>" in response.get_data(as_text=True)
    upload = {
        "csrf_token": api.token,
        "file": (__import__("io").BytesIO(b"soldier,Soldat\n"), "g.csv"),
    }
    response = client.post(
        "/glossary/import?source=en&target=de", data=upload, follow_redirects=True
    )
    assert "1 added" in response.get_data(as_text=True)
    upload = {
        "csrf_token": api.token,
        "file": (__import__("io").BytesIO(BAD_FILES["bomb.tbx"]), "g.tbx"),
    }
    response = client.post(
        "/glossary/import?source=en&target=de", data=upload, follow_redirects=True
    )
    assert "entities" in response.get_data(as_text=True)
    response = client.post(
        f"/glossary/{term_id}/delete", data={"csrf_token": api.token}, follow_redirects=True
    )
    assert "Term deleted." in response.get_data(as_text=True)
    assert len(client.get("/api/glossary?source=en&target=de").get_json()["terms"]) == 1


def test_version_page_marks_terms_and_warns(api: Api, settings: Settings, corpus: Corpus) -> None:
    glossary.add_term(settings, "en", "de", "soldier", "Krieger")
    html = api.client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert 'data-target="Krieger"' in html  # the term, for the source highlight
    assert 'data-check="glossary_missing"' in html  # "Soldaten" is not "Krieger"
