"""Crossheads between story sentences (core.page_crossheads): the story's, whatever their
capitals or figures; a credit, a name card, a label repeated on the page or a line the
fixed rules decided keeps its role.  The pages here are written for the repository."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_crossheads import crosshead_lines
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, crosshead_between=6, crosshead_stems=1)
OFF = replace(DEFAULT_PARAMS, crosshead_between=0)

STORY = (
    "Maul- und Klauenseuche im Kreis Uelzen\n\n"
    "In einem Rinderbetrieb im Kreis Uelzen ist die Maul- und Klauenseuche ausgebrochen, "
    "teilte das Landwirtschaftsministerium am Donnerstag mit.\n\n"
    "Alle 240 Tiere des Betriebs sollen getötet werden, der Hof ist seit dem Abend gesperrt.\n\n"
    "{mid}\n\n"
    "Mehrere Nachbarländer stoppten am Freitag die Einfuhr von Rindfleisch aus Deutschland, "
    "die Exportstopps gelten zunächst für drei Monate.\n\n"
    "Der Bauernverband sprach von einem schweren Schlag für die Betriebe in der Region.\n"
)


def _segs(text: str) -> list:
    return list(segment_text(text, "de")[1])


def test_a_capitalised_crosshead_between_story_sentences_is_the_storys() -> None:
    text = STORY.format(mid="Erste Exportstopps")
    before = roles_with(text, "de", crosshead_between=0)
    after = roles_with(text, "de", crosshead_between=6, crosshead_stems=1)
    assert before["Erste Exportstopps"] == "other"  # read as a name line (German capitals)
    assert after["Erste Exportstopps"] == "body"
    line = "Der Bauernverband sprach von einem schweren Schlag für die Betriebe in der Region."
    assert before[line] == after[line] == "body"


def _roles_of(segs: list, mid: int) -> list[str]:
    roles = ["headline"] + ["body"] * (len(segs) - 1)
    roles[mid] = "other"
    return roles


def _mid(segs: list, text: str) -> int:
    return next(i for i, s in enumerate(segs) if s.text == text)


def test_the_shape_credits_name_cards_and_repeated_labels_stay_chrome() -> None:
    for mid, flips in (
        ("Erste Exportstopps", True),
        ("Bis zu 28 Exportstopps", True),  # one figure: no stamp
        ("Foto: Exportstopps AFP", False),  # a label's colon: a credit
        ("Exportstopps 12.11.2026, 11:47", False),  # two figures: a stamp
        ("Hof Exportstopps - Landpost", False),  # a credit after a spaced dash
        ("Anna Berg, Exportstopps", False),  # a name and a role
        ("erste Exportstopps", False),  # lower-case: a sentence's fragment
        ("Erste Exportstopps;", False),  # a list item
        ("Neue Meldungen", False),  # no stem the story tells
    ):
        segs = _segs(STORY.format(mid=mid))
        i = _mid(segs, mid)
        out = crosshead_lines(segs, _roles_of(segs, i), None, ON)
        assert (out[i] == "body") is flips, mid
        assert crosshead_lines(segs, _roles_of(segs, i), None, OFF)[i] == "other"


def test_a_label_printed_twice_a_fixed_role_or_the_layers_call_stays() -> None:
    text = STORY.format(mid="Erste Exportstopps") + "\nErste Exportstopps\n"
    segs = _segs(text)
    i = _mid(segs, "Erste Exportstopps")
    assert crosshead_lines(segs, _roles_of(segs, i), None, ON)[i] == "other"  # printed twice
    segs = _segs(STORY.format(mid="Erste Exportstopps"))
    i = _mid(segs, "Erste Exportstopps")
    fixed: list[str | None] = [None] * len(segs)
    fixed[i] = "other"
    assert crosshead_lines(segs, _roles_of(segs, i), fixed, ON)[i] == "other"
    rules = ["body"] * len(segs)  # the rules said body, the learned layer other: its call
    assert crosshead_lines(segs, _roles_of(segs, i), None, ON, rules=rules)[i] == "other"


LINES = st.sampled_from([
    "Erste Exportstopps", "Foto: AFP", "Anzeige", "Tierärztin bemerkte Blasen im Maul",
    "Der Hof ist gesperrt, teilte der Kreis mit.", "Die Exportstopps gelten drei Monate.",
    "Mehr zum Thema", "12:40 Uhr", "Bis zu 28 Patienten pro Pflegekraft",
])  # fmt: skip


@given(st.lists(LINES, min_size=1, max_size=10), st.lists(st.sampled_from(
    ["body", "other", "headline", "link_residue"]), min_size=10, max_size=10), st.integers(0, 8))
def test_only_unended_other_lines_between_story_sentences_turn_body(
    lines: list[str], pool: list[str], words: int
) -> None:
    segs = _segs("\n\n".join(lines))
    roles = (pool * 2)[: len(segs)]
    out = crosshead_lines(segs, roles, None, replace(ON, crosshead_between=words))
    sh = shapes(segs)
    for i, (a, b) in enumerate(zip(roles, out, strict=True)):
        if a == b:
            continue
        assert (a, b) == ("other", "body") and words > 0
        assert not sh[i].terminal and sh[i].words <= words
        assert sh[i].starts_line and sh[i].ends_line
        assert out[i + 1] == "body" and sh[i + 1].terminal  # a story sentence below
