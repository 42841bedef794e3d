"""Page roles: rules on the seed page, HTML zones, repetition across an outlet."""

from __future__ import annotations

from pathlib import Path

from tests.ingest.page_roles import roles_by_text
from workbench.config import Settings
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text
from workbench.services.browse import version_detail
from workbench.services.ingest import ingest_bytes


def _by_text(detail: dict) -> dict[str, tuple[str, str | None]]:
    return {s["text"]: (s["role"], s["lang"]) for s in detail["segments"]}


def test_seed_article_roles_and_languages(settings: Settings, seed_article: Path) -> None:
    result = ingest_bytes(
        settings, seed_article.read_bytes(), filename=seed_article.name, outlet="Seed outlet"
    )
    detail = version_detail(settings, result.version_id)
    segs = detail["segments"]
    texts = [s["text"] for s in segs]
    title = "Zelensky Says North Korean Troops Back on Russian Front Line"
    # the duplicated title line at the top
    assert [(s["role"], s["lang"]) for s in segs[:2]] == [("headline", "en")] * 2
    assert texts[:2] == [title, title] and detail["title"] == title
    # body paragraphs up to the appeal
    appeal_start = texts.index("A Message from The Moscow Times:")
    body = segs[2:appeal_start]
    assert len(body) == 9
    assert {(s["role"], s["lang"]) for s in body} == {("body", "en")}
    # the publisher's appeal, through "Remind me later."
    appeal_end = texts.index("Remind me later.")
    appeal = segs[appeal_start : appeal_end + 1]
    assert {(s["role"], s["lang"]) for s in appeal} == {("appeal", "en")}
    assert {"Dear readers,", "Continue", "Not ready to support today?"} <= {
        s["text"] for s in appeal
    }
    by_text = _by_text(detail)
    assert by_text["Source link"] == ("link_residue", "en")
    assert by_text["Schreibe einen Kommentar"] == ("comment_form", "de")
    tail = [s for s in segs if s["position"] > texts.index("Schreibe einen Kommentar")]
    assert "".join(s["text"] for s in tail).startswith("Deine E-Mail-Adresse")
    assert {(s["role"], s["lang"]) for s in tail} == {("comment_form", "de")}
    assert detail["language"] == "en"


def test_generic_rules_in_other_languages() -> None:
    text = (
        "Мост закрыт на ремонт\n\nГородские власти закрыли мост в понедельник.\n\n\n"
        "Читать далее\n\n\nОставьте комментарий\n\nВаш адрес email не будет опубликован.\n\n"
        "Имя *\n\n\nДорогие читатели,\n\nнаша редакция существует на ваши пожертвования.\n\n"
        "Поддержите нас"
    )
    roles = roles_by_text(text, "ru")
    assert roles["Мост закрыт на ремонт"] == "headline"
    assert roles["Городские власти закрыли мост в понедельник."] == "body"
    assert roles["Читать далее"] == "link_residue"
    assert roles["Оставьте комментарий"] == "comment_form"
    assert roles["Ваш адрес email не будет опубликован."] == "comment_form"
    assert roles["Имя *"] == "comment_form"
    assert roles["Дорогие читатели,"] == "appeal"
    assert roles["наша редакция существует на ваши пожертвования."] == "appeal"
    assert roles["Поддержите нас"] == "appeal"


def _page(story: str, unique: str, footer: str) -> bytes:
    return f"{story}\n\n{unique}\n\n\n{footer}\n".encode()


def test_text_recurring_in_other_articles_of_an_outlet_is_boilerplate(settings: Settings) -> None:
    footer = "Follow the Daily Gull on the radio every weekday at noon."
    ids = []
    for i, topic in enumerate(["Harbour reopens", "Council elects mayor", "Festival starts"]):
        result = ingest_bytes(
            settings, _page(topic, f"Details of story {i} follow in full.", footer),
            filename=f"{i}.txt", outlet="Daily Gull", article=f"story-{i}",
        )  # fmt: skip
        ids.append(result.version_id)
    details = [_by_text(version_detail(settings, vid)) for vid in ids]
    # seen in two other articles: boilerplate, also relabelled in the older versions
    assert [d[footer][0] for d in details] == ["appeal", "appeal", "appeal"]
    # what is unique to each article keeps its role
    assert [d[f"Details of story {i} follow in full."][0] for i, d in enumerate(details)] == [
        "body"
    ] * 3
    # another outlet's page with the same sentence is unaffected
    other = ingest_bytes(
        settings, _page("Storm hits coast", "Waves were high.", footer), filename="x.txt",
        outlet="Other Paper",
    )  # fmt: skip
    assert _by_text(version_detail(settings, other.version_id))[footer][0] == "body"


def test_two_other_articles_are_needed(settings: Settings) -> None:
    footer = "Follow the Daily Gull on the radio every weekday at noon."
    first = ingest_bytes(
        settings, _page("A", "One.", footer), filename="a.txt", outlet="Gull", article="a"
    )
    second = ingest_bytes(
        settings, _page("B", "Two.", footer), filename="b.txt", outlet="Gull", article="b"
    )
    for vid in (first.version_id, second.version_id):
        assert _by_text(version_detail(settings, vid))[footer][0] == "body"


def test_versions_of_the_same_article_do_not_make_boilerplate(settings: Settings) -> None:
    sentence = "The bridge stays closed for ten days, officials said on Monday."
    results = [
        ingest_bytes(
            settings,
            f"Bridge closed\n\n{sentence}\n\nUpdate number {i}.".encode(),
            filename=f"v{i}.txt",
            outlet="Wire",
            article="bridge",
        )  # fmt: skip
        for i in range(3)
    ]
    for result in results:
        assert _by_text(version_detail(settings, result.version_id))[sentence][0] == "body"


def test_appeal_block_ends_at_its_closing_button() -> None:
    text = (
        "Dear readers,\n\nPlease give what you can to keep our newsroom open.\n\n"
        "Maybe later\n\nThe ferry service will continue until the bridge reopens."
    )
    _, segs = segment_text(text, "en")
    assert assign_roles(segs) == ["appeal", "appeal", "appeal", "body"]


def test_html_link_density_reaches_the_role_model(settings: Settings) -> None:
    """A short main-zone block that is all link text is a teaser, not story (Zone.link_share).

    The teaser shares the story's words (a related story), so only its link
    density tells it from a crosshead.
    """
    from workbench.adapters.html_text import extract_page

    story = (
        "<p>Ferry operators halted all crossings between Sweden and Finland on Monday as a "
        "storm swept across the Baltic Sea, the maritime administration said.</p>"
        "<p>More than 40,000 passengers were affected, and about 15,000 homes lost power after "
        "falling trees brought down lines in the south-west.</p>"
    )
    html = (
        "<html><head><title>Storm halts ferries</title></head><body><article>"
        "<h1>Storm halts ferries across the Baltic</h1>" + story
        + '<p><a href="/baltic/2">Baltic storm: ferry passengers stranded at the Helsinki '
        "terminal</a></p>"
        "<p>Forecasters said winds would ease by Tuesday evening, and <a href=/f>crossings</a> "
        "would resume on Wednesday morning.</p></article></body></html>"
    )  # fmt: skip
    shares = {b.text[:12]: b.link_share for b in extract_page(html).blocks}
    assert shares["Baltic storm"] == 1.0 and 0 < shares["Forecasters "] < 0.2
    assert shares["Ferry operat"] == 0.0
    result = ingest_bytes(settings, html.encode(), filename="storm.html", outlet="Herald")
    detail = version_detail(settings, result.version_id)
    roles = {t[:12]: r for t, (r, _) in _by_text(detail).items()}
    assert roles["Baltic storm"] == "other"
    assert roles["Forecasters "] == roles["Ferry operat"] == "body"
