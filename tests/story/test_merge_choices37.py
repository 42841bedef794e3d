"""The merge form lists the stories to merge into, cheaply (round 37, webb37).

web37's form took a slug typed by hand: the only list of stories (``browse.list_articles``)
reads every version of every story, too slow for the story page.  ``story_choices`` reads
the slugs, titles and version counts in one query (a count, never the versions), and the
story page offers them in a ``<datalist>`` under the slug field; the JSON twin stays the
CLI's ``story --json`` (the list is the form's, not the story's).
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import event
from sqlmodel import Session

from workbench.config import Settings
from workbench.services.ingest_files import ingest_sample_corpus
from workbench.store.db import get_engine
from workbench.store.models import Article, Outlet, Version
from workbench.web import create_app

MANY = 400


def _many_stories(settings: Settings) -> None:
    """MANY stories of two versions each, written straight to the store (fast)."""
    with Session(get_engine(settings.database_url)) as session:
        outlet = Outlet(name="bulk")
        session.add(outlet)
        arts = [Article(slug=f"story-{i:04d}", title=f"Story «{i}»") for i in range(MANY)]
        session.add_all(arts)
        session.flush()
        assert outlet.id is not None
        session.add_all(
            Version(article_id=a.id, outlet_id=outlet.id, raw=b"x", sha256=f"{a.id}-{k}",
                    encoding="utf-8", source_format="txt", text="x")
            for a in arts for k in range(2))  # type: ignore[arg-type]  # fmt: skip
        session.commit()


def test_choices_one_query_with_counts(settings: Settings) -> None:
    from workbench.services.story_merge import story_choices

    ingest_sample_corpus(settings)
    _many_stories(settings)
    engine = get_engine(settings.database_url)
    statements: list[str] = []

    def _seen(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", _seen)
    try:
        choices = story_choices(settings, exclude="story-0007")
    finally:
        event.remove(engine, "before_cursor_execute", _seen)
    assert len(statements) == 1, statements
    assert "segment" not in statements[0].lower() and "raw" not in statements[0].lower()
    assert len(choices) == MANY  # the sample story plus MANY, less the excluded one
    assert "story-0007" not in {c["slug"] for c in choices}
    first = next(c for c in choices if c["slug"] == "story-0001")
    assert first == {"slug": "story-0001", "title": "Story «1»", "versions": 2}
    assert [c["slug"] for c in choices] == sorted(c["slug"] for c in choices)


def test_story_page_offers_the_choices(settings: Settings) -> None:
    ingest_sample_corpus(settings)
    _many_stories(settings)
    client: FlaskClient = create_app(settings).test_client()
    page = client.get("/stories/story-0003?compute=0").get_data(as_text=True)
    assert 'list="merge-stories"' in page and '<datalist id="merge-stories">' in page
    assert '<option value="harbour-bridge-closure"' in page
    assert '<option value="story-0003"' not in page  # not into itself
    assert page.count('<option value="story-') == MANY - 1
    twin = client.get("/api/stories/story-0003?compute=0").get_json()
    assert "choices" not in twin and "merge_choices" not in twin
