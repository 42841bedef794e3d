"""Page roles on real-site chrome shapes: repository fixtures, the shared dev pages, properties.

The chrome placed around one fixed story (footers, appeals, bios, sign-offs, blind
batches 3-5) is ``test_roles_around_story.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from tests.ingest.page_roles import roles_by_text
from workbench.core.roles import ROLES, assign_roles
from workbench.core.segment import segment_text
from workbench.testing.page_gold import Score, load_annotated, load_pages, predict, score_page

ROLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "role-pages"
STORIES_DEV = SHARED / "data" / "stories-dev"


@pytest.mark.parametrize("path", sorted(ROLE_PAGES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_page_roles(path: Path) -> None:
    page = load_annotated(path)
    for span in page.spans:  # the fixture's own gold is consistent
        assert page.text[span["start"] : span["end"]] == span["text"]
    score = score_page(page, predict(page))
    assert score.roles >= 0.85 and score.story >= 0.85, score.confusion


@pytest.mark.parametrize("folder", ["", "blind3", "blind4", "blind5", "blind6", "blind7"])
def test_fixture_pages_meet_the_goals_overall(folder: str) -> None:
    """The issue's goals (0.95 right role, 0.97 right story decision) over each fixture set.

    ``blind3`` .. ``blind7`` are blind batches kept after their first runs
    (0.858/0.879, 0.909/0.931, 0.931/0.957, 0.813/0.891 and 0.911/0.934, see their
    READMEs); over them the rules are in-sample now.
    """
    total = Score()
    for path in sorted((ROLE_PAGES / folder).glob("*.txt")):
        page = load_annotated(path)
        total.add(score_page(page, predict(page)))
    assert total.roles >= 0.95 and total.story >= 0.97, total.confusion


@pytest.mark.skipif(
    not STORIES_DEV.is_dir(), reason=f"shared real-page dev set absent: {STORIES_DEV}"
)
def test_shared_dev_pages_roles() -> None:
    total = Score()
    for page in load_pages(STORIES_DEV):
        total.add(score_page(page, predict(page)))
    assert total.roles >= 0.97 and total.story >= 0.98, total.confusion


def test_nav_labels_are_passed_over_for_the_headline() -> None:
    roles = roles_by_text(
        "India\nLeft Menu\nShort Url\n"
        "Council approves tram line to the harbour\n"
        "Follow\n\n"
        "The city council approved a new tram line to the harbour on Tuesday after a dispute.\n"
        "The tram line will cost 240 million euros, the council said in a statement.\n"
    )
    assert roles["India"] == roles["Left Menu"] == roles["Short Url"] == "other"
    assert roles["Follow"] == "other"
    assert roles["Council approves tram line to the harbour"] == "headline"


def test_teasers_captions_and_credits() -> None:
    roles = roles_by_text(
        "Council approves tram line\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n"
        "Read moreWhy the old tram network was closed in 1961\n"
        "A tram passes the harbour station in a file photo. (Photo: Reuters)\n"
        "Pop singer cancels summer tour over vocal cord surgery\n"
        "The tram line will cost 240 million euros, the council said on Tuesday.\n"
        "Karin Olsen Mayor\n"
        "Construction of the tram line starts in the autumn, the council said.\n"
        "News.Az\n"
    )
    assert roles["Read moreWhy the old tram network was closed in 1961"] == "link_residue"
    assert roles["Pop singer cancels summer tour over vocal cord surgery"] == "other"
    assert roles["Karin Olsen Mayor"] == "other"
    assert roles["News.Az"] == "other"  # a site name with a dot stays one segment
    assert roles["A tram passes the harbour station in a file photo."] == "other"  # caption
    assert roles["(Photo: Reuters)"] == "other"
    story = {k: v for k, v in roles.items() if "tram line" in k and k.endswith(".")}
    assert len(story) == 3 and set(story.values()) == {"body"}


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Storm hits the coast", "Related: Storm hits the coast",
        "Lesen Sie auch: Sturm an der Küste", "Lire aussi | La tempête frappe la côte",
        "Читайте также: Шторм на побережье", "Читайте також: Шторм на узбережжі",
        "Διαβάστε επίσης: Καταιγίδα στην ακτή", "Source: AFP", "Quelle: dpa",
        "Джерело: Укрінформ", "Источник: ТАСС", "Πηγή: ΑΠΕ-ΜΠΕ", "Source link", "Поділитися",
    ],
)  # fmt: skip
def test_link_residue_in_every_supported_language(line: str) -> None:
    text = f"Storm hits the coast\n\nA storm hit the coast on Monday, officials said.\n{line}\n"
    assert roles_by_text(text)[line] == "link_residue"


def test_a_sentence_starting_like_a_label_stays_body() -> None:
    text = "Storm hits\n\nRelated measures were taken on Monday, officials said in the town.\n"
    assert roles_by_text(text)[
        "Related measures were taken on Monday, officials said in the town."
    ] == ("body")


PROSE = [
    "The city council approved a new tram line to the harbour on Tuesday evening.",
    "Councillors voted 31 to 24 in favour of the plan after a long debate.",
    "Opponents had argued that the tram line would damage the old market square.",
    "The regional government will pay most of the cost of the tram line, officials said.",
    "Construction of the tram line is due to start in the autumn, the mayor said.",
]
CHROME = [
    "Follow", "Short Url", "By Anna Berger", "12 January 2026, 10:45", "© AFP", "Share",
    "Photo: Reuters", "Read more: Harbour district gets new housing", "Advertisement",
    "Updated 3 March 2026", "(Reporting by Maria Lund; Editing by Tom Berg)",
]  # fmt: skip


#: Lines of CHROME shaped like a photo credit closing a caption (page_deck.photo_credit).
CREDITS = {"© AFP", "Photo: Reuters", "(Reporting by Maria Lund; Editing by Tom Berg)"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(CHROME), max_size=6),
    st.lists(st.integers(0, len(PROSE)), min_size=6, max_size=6),
    st.booleans(),
)
# two date stamps between story sentences once read as a forum's post headers
@example(chrome=["12 January 2026, 10:45"] * 2, where=[4, 3, 0, 0, 0, 0], blank=False)
# a repeated 'Updated <date>' line once read as two posts by 'Updated' (fresh-clone CI, round 5)
@example(chrome=["Updated 3 March 2026"] * 2, where=[4, 3, 0, 0, 0, 0], blank=False)
# a sentence right above "© AFP" reads as a photo caption, the line above it as the deck (round 7)
@example(chrome=["© AFP", "Updated 3 March 2026"], where=[2, 3, 0, 0, 0, 0], blank=False)
@example(chrome=["By Anna Berger", "© AFP"], where=[2, 2, 0, 0, 0, 0], blank=False)
@example(chrome=["By Anna Berger", "Photo: Reuters"], where=[2, 2, 0, 0, 0, 0], blank=False)
# a widget between the deck and the caption above "© AFP" (round 8)
@example(
    chrome=["Follow", "Follow", "By Anna Berger", "© AFP", "Follow", "Follow"],
    where=[2, 4, 2, 2, 0, 2],
    blank=False,
)
def test_chrome_anywhere_never_enters_the_story(
    chrome: list[str], where: list[int], blank: bool
) -> None:
    lines = list(PROSE)
    for line, pos in zip(chrome, where, strict=False):
        lines.insert(pos, line)
    sep = "\n\n" if blank else "\n"
    roles = roles_by_text("Council approves harbour tram line" + sep + sep.join(lines) + "\n")
    assert roles["Council approves harbour tram line"] == "headline"
    for sentence in PROSE:
        assert roles[sentence] in ("body", "headline")  # in the story either way
    decks = [s for s in PROSE if roles[s] == "headline"]
    if decks:  # by position a deck: the one full line between the title and a byline/stamp,
        # or the line above a photo's caption (a full line closed by a credit: page_deck.captioned),
        # widgets ("Follow") between them or not
        between = lines[lines.index(decks[0]) + 1 : lines.index(PROSE[1])]
        assert decks == [PROSE[0]]
        credit = lines[lines.index(PROSE[1]) + 1 : lines.index(PROSE[1]) + 2]
        assert {"By Anna Berger", "12 January 2026, 10:45", "Updated 3 March 2026"} & set(
            between
        ) or set(credit) & CREDITS
    for line in chrome:
        assert roles[line] not in ("body", "headline"), line


@given(st.text(max_size=300))
def test_every_segment_gets_a_known_role(text: str) -> None:
    segs = segment_text(text, "en")[1]
    roles = assign_roles(segs)
    assert len(roles) == len(segs) and set(roles) <= set(ROLES)
    assert assign_roles(segs) == roles  # deterministic


def test_short_sentences_around_the_story_stay_body() -> None:
    roles = roles_by_text(
        "The mayor spoke.\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n\n"
        "The bridge reopened.\n"
    )
    assert set(roles.values()) == {"body"}


def test_headline_of_short_words_and_a_cookie_notice_above_the_story() -> None:
    roles = roles_by_text(
        "We use cookies to improve your experience on this website.\n"
        "Menu\n"
        "Kyiv hit again\n"
        "By Anna Berger\n\n"
        "Russian drones struck the capital overnight, the city administration said on Sunday.\n"
        "Air defence units shot down most of the drones over the western districts.\n"
    )
    assert roles["Kyiv hit again"] == "headline"
    assert roles["We use cookies to improve your experience on this website."] == "other"
    assert roles["Menu"] == roles["By Anna Berger"] == "other"


def test_a_question_headline_above_the_story() -> None:
    roles = roles_by_text(
        "Menu\n"
        "Will the new tram line to the harbour ever be built by the city council?\n\n"
        "The city council approved a new tram line to the harbour on Tuesday evening.\n"
        "Councillors voted 31 to 24 in favour of the tram line after a long debate.\n"
    )
    assert roles["Will the new tram line to the harbour ever be built by the city council?"] == (
        "headline"
    )
    assert roles["Menu"] == "other"


@pytest.mark.parametrize(
    "label",
    ["Κοινοποιήστε αυτό το άρθρο", "Share this story", "Diesen Artikel teilen",
     "Partager cet article", "Ähnliche Inhalte", "Σχετικά", "По этой теме",
     "You may also be interested in the news:", "Вас може зацікавити:"],
)  # fmt: skip
def test_share_and_related_labels(label: str) -> None:
    text = f"Storm hits the coast\n\nA storm hit the coast on Monday, officials said.\n{label}\n"
    assert roles_by_text(text)[label] == "link_residue"


def test_share_verbs_in_a_headline_or_sentence_are_not_labels() -> None:
    roles = roles_by_text(
        "Share prices fall\n\nShare prices fell sharply on Monday, traders said.\n"
    )
    assert roles["Share prices fall"] == "headline"
    assert roles["Share prices fell sharply on Monday, traders said."] == "body"


def test_a_dateline_opening_the_lead_line_is_story() -> None:
    """ "РИМ, 30 ноября. /ТАСС/. Более 4 тыс. …": the dateline pieces are the lead's (body)."""
    lead = ("Более 4 тыс. человек эвакуированы в регионе Эмилия-Романья на севере Италии "
            "из-за наводнения, вызванного проливными дождями.")  # fmt: skip
    lines = ["Тeги  Италия", "В Италии из-за наводнения эвакуировали более 4 тыс. человек",
             f"РИМ, 30 ноября. /ТАСС/. {lead} Об этом сообщила служба гражданской защиты.",
             "По ее данным, из берегов вышли более 20 рек в регионе за двое суток.",
             "Школы в 40 населенных пунктах региона будут закрыты в понедельник."]  # fmt: skip
    roles = roles_by_text("\n".join(lines) + "\n", "ru")
    assert roles["РИМ, 30 ноября."] == roles["/ТАСС/."] == "body"
    assert roles["Об этом сообщила служба гражданской защиты."] == "body"
