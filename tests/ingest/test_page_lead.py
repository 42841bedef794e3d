"""The title restates the story's lead (core.page_lead).

The shape was seen on an unseen batch (27: a weather widget and a traffic ticker
above a regional site's title took its place) and in first runs of batches 3, 6
and 12 (a nav label, a site name); the pages here are invented for the repository.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text
from workbench.core.page_lead import lead_title
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.roles import assign_roles
from workbench.core.segment import segment_text

WIDGET_PAGE = (
    "TALBOTE\n"
    "Menü Suche\n"
    "Stadt Seeland Talgau Bergland Welt Sport\n"
    "Kronstett -3° Schneefall\n"
    "Kronstett Blaulicht\n"
    "Lastwagen verunglückt auf B12 bei Auen: 7 Verletzte\n"
    "Ein Lastwagen mit Anhänger ist in der Nacht auf Montag kurz vor Auen von der glatten "
    "Bundesstraße abgekommen.\n"
    "Veröffentlicht: 7. Dezember 2026 08:51\n"
    "Teilen\n"
    "Auf der Bundesstraße B12 bei Auen ist in der Nacht auf Montag ein Lastwagen mit Anhänger "
    "verunglückt. Sieben Menschen wurden verletzt, zwei davon schwer, teilte die Polizei in "
    "Kronstett mit.\n"
    "Gegen fünf Uhr geriet der Lastwagen ins Schleudern und stieß mit einem Kleinbus zusammen.\n"
    "Die Bundesstraße war in beiden Richtungen bis zum Mittag gesperrt, der Verkehr wurde "
    "umgeleitet.\n"
    "Der Fahrer des Kleinbusses wurde mit einem Hubschrauber in ein Krankenhaus geflogen.\n"
    "Die Verletzten kamen in das Klinikum Kronstett.\n"
    "Für die Nacht wird im Raum Kronstett weiterer Schneefall erwartet.\n"
)
TITLE = "Lastwagen verunglückt auf B12 bei Auen: 7 Verletzte"
WIDGET = "Kronstett -3° Schneefall"


def _roles(text: str, lang: str, **params: int) -> dict[str, str]:
    _, segs = segment_text(text, lang)
    roles = assign_roles(segs, params=replace(DEFAULT_PARAMS, **params))
    return dict(zip((s.text for s in segs), roles, strict=True))


def test_a_weather_widget_sharing_place_names_is_not_the_title() -> None:
    """The widget shares the town and the snow with the story, the title its lead."""
    roles = roles_by_text(WIDGET_PAGE, "de")
    assert roles[TITLE] == "headline"
    assert roles[WIDGET] == "other"
    assert roles["Kronstett Blaulicht"] == "other"
    deck = WIDGET_PAGE.splitlines()[6]
    assert roles[deck] == "headline"  # the deck under the title, as before
    assert roles["Gegen fünf Uhr geriet der Lastwagen ins Schleudern und stieß mit einem "
                 "Kleinbus zusammen."] == "body"  # fmt: skip


def test_the_check_switched_off_keeps_the_title_chosen_by_position() -> None:
    """``lead_sentences`` 0 is the baseline: the widget, first of its block, is taken."""
    roles = _roles(WIDGET_PAGE, "de", lead_sentences=0)
    assert roles[WIDGET] == "headline"
    assert roles[TITLE] == "other"


def test_a_wider_margin_than_the_lead_gives_keeps_the_position_choice() -> None:
    """The title shares three lead words, the widget one: a margin of 3 is not met."""
    assert _roles(WIDGET_PAGE, "de", lead_margin=3)[WIDGET] == "headline"
    assert _roles(WIDGET_PAGE, "de", lead_margin=2)[TITLE] == "headline"


def test_a_standfirst_under_the_title_does_not_take_its_place() -> None:
    """A standfirst restates the lead more fully than its title; the pair stays a headline."""
    text = (
        "The Daily Courier - Back to home\n"
        "World  Europe  Americas  Asia\n"
        "Greece\n"
        "Hundreds evacuated as wildfire rages on Greek island\n"
        "Firefighters battle flames near Limni for second day as heatwave pushes temperatures "
        "above 40C\n"
        "Anna Petrou in Athens\n"
        "Tue 22 Jul 2025 11.02 BST\n"
        "\n"
        "Firefighters in Greece were battling for a second day on Tuesday to contain a flames "
        "front near Limni, as the heatwave pushed temperatures above 40C.\n"
        "\n"
        "Residents of two villages received emergency messages before dawn telling them to "
        "leave, and hundreds were evacuated by bus and by boat.\n"
        "\n"
        "The fire service said 200 firefighters, 12 aircraft and dozens of volunteers were "
        "fighting the flames on the island.\n"
    )
    roles = roles_by_text(text)
    assert roles["Hundreds evacuated as wildfire rages on Greek island"] == "headline"
    assert roles["Firefighters battle flames near Limni for second day as heatwave pushes "
                 "temperatures above 40C"] == "headline"  # fmt: skip
    assert roles["Greece"] == "other"


def _shapes(lines: list[str]):
    _, segs = segment_text("\n".join(lines) + "\n", "en")
    return segs, shapes(segs)


LINES = [
    "Portvale weather",
    "Menu",
    "Ferry aground off Portvale harbour",
    "The ferry Aurora ran aground outside Portvale harbour on Saturday night.",
    "Twelve passengers were injured when the ferry hit the sandbank.",
]


@given(
    st.lists(st.lists(st.integers(0, 2), min_size=1, max_size=2), min_size=1, max_size=4),
    st.integers(0, 3),
    st.integers(0, 6),
    st.integers(0, 3),
)
def test_lead_title_returns_a_candidate_sharing_the_margin_more(
    picks: list[list[int]], chosen: int, sentences: int, margin: int
) -> None:
    """Whatever the candidates: None, or one of them, not next to the chosen line,
    sharing at least ``margin`` more lead words than it; never with the check off."""
    segs, sh = _shapes(LINES)
    lines = [sorted(set(p)) for p in picks]
    title = lines[min(chosen, len(lines) - 1)][0]
    told = [3, 4]
    p = replace(DEFAULT_PARAMS, lead_sentences=sentences, lead_margin=margin)
    got = lead_title(lines, title, sh, told, p)
    if sentences == 0:
        assert got is None
    if got is None:
        return
    assert got in lines
    lead = frozenset().union(*(sh[k].stems for k in told[:sentences]))

    def shared(line) -> int:
        return len(frozenset().union(*(sh[k].stems for k in line)) & lead)

    first = next(line for line in lines if line[0] == title)
    assert shared(got) >= shared(first) + margin
    assert got[0] != first[-1] + 1 and first[0] != got[-1] + 1


def test_lead_title_prefers_the_line_that_restates_the_lead() -> None:
    segs, sh = _shapes(LINES)
    p = DEFAULT_PARAMS
    assert lead_title([[0], [1], [2]], 0, sh, [3, 4], p) == [2]  # 4 lead words against 1
    assert lead_title([[1], [2]], 1, sh, [3, 4], p) is None  # right under it: left alone
    assert lead_title([[0], [2]], 2, sh, [3, 4], p) is None  # the title already chosen
    assert lead_title([[0], [2]], 0, sh, [], p) is None  # no story: nothing to restate
