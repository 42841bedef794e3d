"""The JSON twins answer with the services' own read models (the CLI's ``--json``),
and the version page filters segments by role like the compare view."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient

from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.services.browse import list_versions, version_detail
from workbench.services.compare import alignment_detail, list_alignments
from workbench.services.compare_rows import Window, alignment_window
from workbench.services.progress import articles_with_progress, version_with_progress


def _plain(value: Any) -> Any:
    """What a service result looks like after a JSON round trip."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_api_twins_are_the_service_outputs(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    def get(url: str) -> dict[str, Any]:
        return client.get(url).get_json()

    assert get("/api/articles")["articles"] == _plain(articles_with_progress(settings))
    assert get("/api/versions")["versions"] == _plain(list_versions(settings))
    assert get(f"/api/versions/{corpus.v_en1}")["version"] == _plain(
        version_with_progress(settings, corpus.v_en1)
    )
    assert get(f"/api/versions/{corpus.v_en1}?target=de")["version"] == _plain(
        version_with_progress(settings, corpus.v_en1, "de")
    )
    twin = get(f"/api/alignments/{corpus.alignment}")
    window = alignment_window(settings, corpus.alignment, Window(None, None))
    assert twin["counts"] == _plain(window.pop("counts"))
    assert twin["moves"] == window.pop("moves")  # round 36: the banner's move count
    assert twin["alignment"] == _plain(window)
    full = alignment_detail(settings, corpus.alignment)  # a small alignment fits one window
    assert twin["alignment"]["pairs"] == _plain(full["pairs"])
    assert get("/api/alignments")["alignments"] == _plain(list_alignments(settings))


def test_service_reads_carry_what_pages_show(settings: Settings, corpus: Corpus) -> None:
    cross = alignment_detail(settings, corpus.cross_alignment)["pairs"][0]
    assert (cross["left_lang"], cross["right_lang"], cross["cross_language"]) == ("en", "de", True)
    same = alignment_detail(settings, corpus.alignment)["pairs"]
    assert not any(p["cross_language"] for p in same)
    assert same[1]["right_lang"] is None and same[1]["left_lang"] == "en"  # one-sided pair
    (listed,) = list_alignments(settings, corpus.v_de)
    assert listed["left"]["outlet"] == "moscow-times" and listed["right"]["language"] == "de"
    segment = version_detail(settings, corpus.v_en1, "de")["segments"][1]
    assert segment["translations"]["de"]["edit"]["distance"] == 0


def _segment_rows(html: str) -> set[str]:
    return {chunk.split('"', 1)[0] for chunk in html.split('<tr id="seg-')[1:]}


def test_version_page_hides_boilerplate_until_ticked(client: FlaskClient, corpus: Corpus) -> None:
    appeal, body = str(corpus.segments["appeal"]), str(corpus.segments["soldiers"])
    default = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert body in _segment_rows(default) and appeal not in _segment_rows(default)
    assert 'name="role" value="appeal" >' in default  # offered, unticked
    assert 'name="role" value="body" checked>' in default
    assert "5 / 6" in default  # shown / all segments

    ticked = client.get(f"/versions/{corpus.v_en1}?role=appeal&filtered=1")
    rows = _segment_rows(ticked.get_data(as_text=True))
    assert rows == {appeal}

    everything = client.get(f"/versions/{corpus.v_en1}?filtered=1").get_data(as_text=True)
    assert len(_segment_rows(everything)) == 6  # nothing ticked in the form: every role
    assert 'name="target" value="de"' in client.get(
        f"/versions/{corpus.v_en1}?target=de&role=body"
    ).get_data(as_text=True)  # filtering keeps the translation language


def test_version_api_filters_by_role_only_when_asked(client: FlaskClient, corpus: Corpus) -> None:
    url = f"/api/versions/{corpus.v_en1}"
    assert len(client.get(url).get_json()["version"]["segments"]) == 6
    only = client.get(f"{url}?role=appeal&role=headline").get_json()["version"]["segments"]
    assert [s["role"] for s in only] == ["headline", "appeal"]
