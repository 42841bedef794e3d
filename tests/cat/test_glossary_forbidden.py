"""The glossary's ``forbidden`` field: one rule, never lax truthiness (round 34).

Why: the form and the JSON twin shared a helper that read ``"yes"``/``"1"``/``"on"``
as true and anything else as false, so ``{"forbidden": "false"}`` was false by luck,
``{"forbidden": 2}`` or ``"ja"`` false silently, and a CSV cell ``maybe`` or ``2``
an allowed term.  Now: a JSON ``true``/``false`` on the API, the checkbox's words on
the form, an explicit yes/no (or a TBX-like status) in a CSV; anything else is a
clear 422 / ``Error:`` and nothing is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cat.conftest import Api
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services import glossary


def _body(forbidden: Any) -> dict[str, Any]:
    return {
        "source": "en", "target": "de", "source_term": "troop", "target_term": "Truppe",
        "forbidden": forbidden,
    }  # fmt: skip


@pytest.mark.parametrize("bad", ["false", "true", "0", "1", 0, 1, 2, None, "", [], {}], ids=repr)
def test_the_api_takes_a_json_bool_only(api: Api, settings: Settings, bad: Any) -> None:
    response = api.post("/api/glossary", _body(bad))
    answer = response.get_json()
    assert response.status_code == 422, answer
    assert answer["ok"] is False and "'forbidden' must be true or false" in answer["error"]
    assert glossary.list_terms(settings, "en", "de") == []  # nothing saved


def test_the_api_reads_true_false_and_an_absent_field(api: Api) -> None:
    yes = api.post("/api/glossary", _body(True)).get_json()["term"]
    assert yes["forbidden"] is True
    body = _body(False) | {"source_term": "unit", "target_term": "Einheit"}
    assert api.post("/api/glossary", body).get_json()["term"]["forbidden"] is False
    body = {k: v for k, v in _body(None).items() if k != "forbidden"} | {"target_term": "Heer"}
    assert api.post("/api/glossary", body).get_json()["term"]["forbidden"] is False
    edited = api.client.put(
        f"/api/glossary/{yes['id']}",
        json={"source_term": "troop", "target_term": "Truppe", "forbidden": "no"},
        headers={"X-CSRFToken": api.token},
    )
    assert edited.status_code == 422  # the edit too; the term stays forbidden
    terms = api.client.get("/api/glossary?source=en&target=de").get_json()["terms"]
    assert [t["forbidden"] for t in terms if t["id"] == yes["id"]] == [True]


def test_the_form_takes_the_checkbox_words_and_refuses_others(api: Api, settings: Settings) -> None:
    def add(term: str, forbidden: str | None) -> str:
        form = {"csrf_token": api.token, "source_term": "troop", "target_term": term}
        if forbidden is not None:
            form["forbidden"] = forbidden
        page = api.client.post("/glossary?source=en&target=de", data=form, follow_redirects=True)
        return page.get_data(as_text=True)

    assert "Term added." in add("Truppe", "1")  # what the checkbox sends
    assert "Term added." in add("Einheit", None)  # unticked: absent
    assert "forbidden must be 1 or 0, not &#39;2&#39;" in add("Heer", "2")
    assert "must be 1 or 0" in add("Armee", "ja")
    terms = {t["target_term"]: t["forbidden"] for t in glossary.list_terms(settings, "en", "de")}
    assert terms == {"Truppe": True, "Einheit": False}


def test_a_csv_cell_must_say_yes_or_no(settings: Settings, tmp_path: Path) -> None:
    good = b"en;de;forbidden\ntroop;Truppe;no\nsoldier;Krieger;yes\nunit;Einheit;\nhost;Heer;0\n"
    good += b"army;Armee;deprecatedTerm-admn-sts\nforce;Kraft;preferred\n"
    good += b"band;Bande;notRecommended\n"
    glossary.import_glossary(settings, good, "g.csv", "en", "de")
    terms = {t["target_term"]: t["forbidden"] for t in glossary.list_terms(settings, "en", "de")}
    assert terms == {
        "Truppe": False, "Krieger": True, "Einheit": False, "Heer": False, "Armee": True,
        "Kraft": False, "Bande": True,
    }  # fmt: skip
    for cell in ("maybe", "2", "forbiden"):
        data = b"en;de;forbidden\nline;Linie;no\nfront;Front;" + cell.encode() + b"\n"
        expected = f"CSV row 3: forbidden must be yes or no, not '{cell}'"
        with pytest.raises(InputError, match=expected):
            glossary.import_glossary(settings, data, "g.csv", "en", "de")
    assert "Linie" not in {t["target_term"] for t in glossary.list_terms(settings, "en", "de")}
