"""Progress counts (service, version page, article list, JSON twins), status filter,
jump links and the no-JavaScript POST editor."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.deliverables.conftest import approve
from tests.web.conftest import Corpus
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.progress import (
    articles_with_progress,
    default_target,
    story_progress,
    version_progress,
    version_with_progress,
)
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Translation


def test_counts_per_state_exclude_boilerplate(settings: Settings, corpus: Corpus) -> None:
    approve(settings, corpus)  # headline draft, soldiers approved
    progress = version_progress(settings, {corpus.v_en1: "de", corpus.v_de: "de"})
    en = progress[corpus.v_en1]
    assert (en["approved"], en["draft"], en["machine"], en["untranslated"]) == (1, 1, 0, 3)
    assert en["total"] == 5 and en["to_translate"] == 5  # the appeal is not counted
    assert en["percent_approved"] == 20.0 and en["percent_translated"] == 40.0
    de = progress[corpus.v_de]
    assert de["same_language"] == 2 and de["to_translate"] == 0 and de["percent_approved"] == 100.0
    everything = version_progress(settings, {corpus.v_en1: "de"}, include_boilerplate=True)
    assert everything[corpus.v_en1]["untranslated"] == 4


def test_machine_and_identity_rows(settings: Settings, corpus: Corpus) -> None:
    with session_scope(get_engine(settings.database_url)) as session:
        session.add(
            Translation(
                segment_id=corpus.segments["de_headline"],
                target_lang="en",
                text="Troops again at the front",
                mt_text="x",
                status="machine",
            )
        )
    progress = version_progress(settings, {corpus.v_en1: "de", corpus.v_de: "en"})
    assert progress[corpus.v_en1]["machine"] == 1
    assert progress[corpus.v_de]["machine"] == 1 and progress[corpus.v_de]["untranslated"] == 1


def test_default_target_is_the_first_other_language() -> None:
    assert default_target(("en", "de", "ru"), "en") == "de"
    assert default_target(("en", "de", "ru"), "de") == "en"
    assert default_target(("en", "de", "ru"), None) == "en"


def test_article_and_version_twins_carry_progress(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    approve(settings, corpus)
    (article,) = client.get("/api/articles").get_json()["articles"]
    by_id = {v["id"]: v["progress"] for v in article["versions"]}
    assert by_id[corpus.v_en1]["target"] == "de" and by_id[corpus.v_en1]["approved"] == 1
    assert by_id[corpus.v_de]["target"] == "en"
    assert article["progress"]["approved"] == 1
    assert articles_with_progress(settings, "ru")[0]["versions"][0]["progress"]["target"] == "ru"
    version = client.get(f"/api/versions/{corpus.v_en1}?target=de").get_json()["version"]
    assert version["progress"]["draft"] == 1
    states = {s["id"]: s["state"] for s in version["segments"]}
    assert states[corpus.segments["soldiers"]] == "approved"
    only = client.get(f"/api/versions/{corpus.v_en1}?target=de&state=untranslated").get_json()
    assert {s["state"] for s in only["version"]["segments"]} == {"untranslated"}
    bad = client.get(f"/api/versions/{corpus.v_en1}?target=de&state=finished")
    assert bad.status_code == 422
    assert version_with_progress(settings, corpus.v_en1)["progress"]["target"] == "de"


def test_pages_show_progress_filter_and_jumps(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    approve(settings, corpus)
    home = client.get("/").get_data(as_text=True)
    assert home.count('class="progress-cell"') == 3  # one per version
    page = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    assert re.search(r'id="count-approved">1<', page) and re.search(
        r'id="count-untranslated">3<', page
    )
    assert 'id="progress-approved"' in page
    first_untranslated = re.search(r'id="next-untranslated"[^>]*href="#seg-(\d+)"', page)
    assert first_untranslated and int(first_untranslated.group(1)) != corpus.segments["headline"]
    filtered = client.get(f"/versions/{corpus.v_en1}?target=de&state=approved").get_data(
        as_text=True
    )
    rows = re.findall(r'<tr id="seg-(\d+)"', filtered)
    assert rows == [str(corpus.segments["soldiers"])]


def test_no_javascript_editor_posts_and_keeps_text_on_conflict(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    page = client.get(f"/versions/{corpus.v_en1}?target=de").get_data(as_text=True)
    forms = re.findall(r'<form class="postedit" method="post" action="([^"]+)"', page)
    assert forms and all("/segments/" in f for f in forms)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    seg = corpus.segments["soldiers"]
    url = f"/versions/{corpus.v_en1}/segments/{seg}/translation"
    form = {
        "csrf_token": token,
        "lang": "de",
        "base_revision": "1",
        "status": "approved",
        "text": "Über 10.000 Soldaten.",
    }
    saved = client.post(url, data=form)
    assert saved.status_code == 302 and saved.headers["Location"].endswith(f"#seg-{seg}")
    assert "Soldaten" not in saved.headers["Location"]  # the text is never in a URL
    stale = client.post(url, data={**form, "text": "Veraltet."}, follow_redirects=True)
    body = stale.get_data(as_text=True)
    assert "Veraltet." in body and "revision 1" in body  # your text comes back with the conflict
    assert client.get(url).status_code == 405  # no GET that could save or log text
    no_token = client.post(url, data={k: v for k, v in form.items() if k != "csrf_token"})
    assert no_token.status_code == 400


def test_story_desk_shows_progress_and_translate_all(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    approve(settings, corpus)
    progress = story_progress(settings, list_versions(settings, "north-korean-troops"))
    rows = {row["version_id"]: row for row in progress["versions"]}
    assert rows[corpus.v_en1]["approved"] == 1 and rows[corpus.v_de]["target"] == "en"
    assert progress["total"]["approved"] == 1
    page = client.get("/stories/north-korean-troops").get_data(as_text=True)
    assert f'action="/articles/{corpus.article}/translate"' in page
    assert 'name="next" value="/stories/north-korean-troops"' in page
    assert page.count('class="progress-cell"') == 0 and page.count("<progress max") >= 3


def test_translate_form_works_without_the_jobs_service(mt_settings: Settings) -> None:
    """Until services.jobs is installed the form translates in the request (the fallback)."""
    import importlib.util

    if importlib.util.find_spec("workbench.services.jobs") is not None:
        import pytest

        pytest.skip("the jobs service is installed: tests/deliverables/test_translate_jobs.py")
    from tests.deliverables.conftest import PAGE
    from workbench.services.ingest import ingest_bytes
    from workbench.web import create_app

    version = ingest_bytes(mt_settings, PAGE, filename="s.txt", outlet="wire").version_id
    client = create_app(mt_settings).test_client()
    page = client.get(f"/versions/{version}?target=de").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    done = client.post(f"/versions/{version}/translate", data={"csrf_token": token, "target": "de"},
                       follow_redirects=True)  # fmt: skip
    assert 'id="count-machine">5<' in done.get_data(as_text=True)


def test_story_json_twin_and_cli_carry_progress(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    """``/api/stories/<slug>`` has the per-version progress the page shows, and the
    CLI's ``story --json`` is the same JSON (progress included)."""
    import json

    from click.testing import CliRunner

    from workbench.cli import main

    approve(settings, corpus)
    body = client.get("/api/stories/north-korean-troops?compute=all").get_json()
    progress = body["story"]["progress"]
    rows = {row["version_id"]: row for row in progress["versions"]}
    assert rows[corpus.v_en1]["approved"] == 1 and progress["total"]["approved"] == 1
    assert set(rows) == {v["id"] for v in body["story"]["versions"]}
    assert {"machine", "draft", "approved", "untranslated"} <= set(rows[corpus.v_de])
    printed = CliRunner().invoke(
        main, ["--database-url", settings.database_url, "story", "north-korean-troops", "--json"]
    )
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout) == body
