"""The merge form finds the story to merge into by title, slug or outlet (round 38, web38).

webb37 gave the slug field a ``<datalist>`` of every other story: with hundreds of stories
a journalist scrolls a list of slugs, and nothing finds a story by the outlet that filed
it.  ``?find=WORDS`` on the story page (a GET form beside the merge form: no JavaScript
needed) lists the stories whose slug, title or outlets hold every word (case folded, so
"міст" finds "Міст"), at most ``FIND_SHOWN`` of them with the total, each a radio button
of the merge form.  The page computes it once: the twin carries the same list as
``merge_find`` when asked (``?find=``), and stays the CLI's ``story --json`` otherwise.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlmodel import Session, select

from tests.web.test_workflow import form_token
from workbench.config import Settings
from workbench.services.browse import list_versions
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.store.db import get_engine
from workbench.store.models import Article, Outlet, Version
from workbench.web import create_app

MANY, DEMO = 300, "harbour-bridge-closure"


def _many_stories(settings: Settings) -> None:
    """MANY stories filed by three outlets; story 7's title is Ukrainian."""
    with Session(get_engine(settings.database_url)) as session:
        outlets = [Outlet(name=n) for n in ("Hafenkurier", "Kyiv Wire", "bulk")]
        session.add_all(outlets)
        titles = {7: "Міст у Порт-Елдені закрито"}
        arts = [Article(slug=f"story-{i:04d}", title=titles.get(i, f"Story «{i}»"))
                for i in range(MANY)]  # fmt: skip
        session.add_all(arts)
        session.flush()
        session.add_all(
            Version(article_id=a.id, outlet_id=outlets[i % 3].id, raw=b"x", sha256=f"{a.id}",
                    encoding="utf-8", source_format="txt", text="x")
            for i, a in enumerate(arts))  # type: ignore[arg-type]  # fmt: skip
        session.commit()


def test_find_by_title_slug_and_outlet(settings: Settings) -> None:
    from workbench.services.story_merge import FIND_SHOWN, find_stories

    ingest_sample_corpus(settings)
    _many_stories(settings)
    found = find_stories(settings, "МІСТ", exclude="story-0001")
    assert found["total"] == 1 and [s["slug"] for s in found["stories"]] == ["story-0007"]
    assert found["stories"][0]["outlets"] == ["Kyiv Wire"]
    by_outlet = find_stories(settings, "abendpost", exclude="story-0001")
    assert [s["slug"] for s in by_outlet["stories"]] == [DEMO]
    assert "Rheinische Abendpost" in by_outlet["stories"][0]["outlets"]
    both = find_stories(settings, "hafenkurier «12»", exclude="story-0001")
    assert [s["slug"] for s in both["stories"]] == ["story-0012"]
    by_slug = find_stories(settings, "story-029", exclude="story-0291")
    assert by_slug["total"] == 9 and "story-0291" not in {s["slug"] for s in by_slug["stories"]}
    every = find_stories(settings, "story", exclude="story-0001")
    assert every["total"] == MANY - 1 and len(every["stories"]) == FIND_SHOWN
    assert find_stories(settings, "zzz-nothing", exclude=None) == {
        "find": "zzz-nothing", "total": 0, "stories": []}  # fmt: skip


def test_the_page_lists_the_matches_as_choices_of_the_merge_form(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    _many_stories(settings)
    client: FlaskClient = create_app(settings).test_client()
    page = client.get("/stories/story-0003?compute=0&find=abendpost").get_data(as_text=True)
    assert '<details class="merge-story" id="merge-story" open>' in page
    assert 'name="find"' in page and 'value="abendpost"' in page
    assert f'type="radio" name="into" value="{DEMO}"' in page
    assert 'id="merge-into"' not in page  # one field named "into": the radio buttons
    assert "Stories matching “abendpost”: 1" in page
    many = client.get("/stories/story-0003?compute=0&find=story").get_data(as_text=True)
    assert many.count('type="radio" name="into"') == 50
    assert "Showing the first 50 of 299 stories; add a word to narrow the search." in many
    none = client.get("/stories/story-0003?compute=0&find=zzz").get_data(as_text=True)
    assert "No story matches" in none and 'id="merge-into"' in none
    plain = client.get("/stories/story-0003?compute=0").get_data(as_text=True)
    assert '<details class="merge-story" id="merge-story">' in plain
    assert 'name="find"' in plain


def test_a_found_story_merges(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    _many_stories(settings)
    client: FlaskClient = create_app(settings).test_client()
    token = form_token(client, "/stories/story-0003?compute=0&find=%D0%BC%D1%96%D1%81%D1%82")
    mine = [v["id"] for v in list_versions(settings, "story-0003")]
    answer = client.post("/stories/story-0003/merge",
                         data={"csrf_token": token, "into": "story-0007",
                               "versions": ",".join(map(str, mine))})  # fmt: skip
    assert answer.headers["Location"].endswith("/stories/story-0007")
    assert mine[0] in {v["id"] for v in list_versions(settings, "story-0007")}


def test_the_twin_carries_the_same_list(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    _many_stories(settings)
    client: FlaskClient = create_app(settings).test_client()
    twin = client.get("/api/stories/story-0003?compute=0&find=Kyiv Wire").get_json()
    found = twin["merge_find"]
    assert found["find"] == "Kyiv Wire" and found["total"] == 100
    assert len(found["stories"]) == 50 and found["stories"][0] == {
        "slug": "story-0001", "title": "Story «1»", "versions": 1, "outlets": ["Kyiv Wire"],
        "language": None}
    plain = client.get("/api/stories/story-0003?compute=0").get_json()
    assert "merge_find" not in plain
    long = client.get("/api/stories/story-0003?compute=0&find=" + "x" * 201)
    assert long.status_code == 422 and long.get_json()["ok"] is False


def test_the_datalist_carries_lang_as_the_search_does(settings: Settings) -> None:
    """reliabc38: the search results (webb38) mark each title's language; the datalist
    shown with no search gave its titles none, so a screen reader read the Ukrainian
    headline with the page's voice.  Each option carries the same ``lang`` as its
    search result; a story whose language is unknown carries none."""
    from workbench.services.story_merge import find_stories

    ingest_sample_corpus(settings)
    _many_stories(settings)
    with Session(get_engine(settings.database_url)) as session:
        art = session.exec(select(Article).where(Article.slug == "story-0007")).one()
        for v in session.exec(select(Version).where(Version.article_id == art.id)):
            v.language = "uk"
            session.add(v)
        session.commit()
    demo = find_stories(settings, "harbour", exclude="story-0003")["stories"][0]["language"]
    assert demo
    client: FlaskClient = create_app(settings).test_client()
    page = client.get("/stories/story-0003?compute=0").get_data(as_text=True)
    assert '<option value="story-0007" lang="uk">Міст у Порт-Елдені закрито' in page
    assert f'<option value="{DEMO}" lang="{demo}">' in page
    assert '<option value="story-0001">Story «1»' in page
