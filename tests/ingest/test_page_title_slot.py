"""The title's slot (core.page_title_slot, round 33): a chrome line above the story that holds
the headline (a crumb, a masthead, a kicker telling nothing of the story) gives it to the
told title below it; a slot a told line holds, or a page with no headline, is left alone.
The pages here are written for the repository, in the shapes of batches 27, 53 and 117."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.page_title_slot import title_slot
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, title_slot_stems=2)
OFF = replace(DEFAULT_PARAMS, title_slot_stems=0)

PAGE = (
    "Anmelden Registrieren Abo\n"
    "TALBOTE\n"
    "{chrome}\n"
    "Oberland Verkehr\n"
    "Seilbahn am Gsponer Grat nach Blitzschlag eingestellt\n"
    "Redaktion Talbote 12.03.2027 2 Min. Lesezeit\n"
    "Die Seilbahn auf den Gsponer Grat ist seit Dienstagabend außer Betrieb, nachdem ein "
    "Blitz in die Bergstation eingeschlagen hat.\n"
    "Nach Angaben der Betreibergesellschaft wurde die Steuerung der Seilbahn schwer beschädigt.\n"
    "Rund 40 Gäste mussten mit Bussen ins Tal gebracht werden, verletzt wurde niemand.\n"
    "Schlagwörter: Seilbahn · Oberland\n"
)
TITLE = 4  # the segment index of the title line
STORY = (6, 7, 8)


def _page(chrome: str = "Home / Region / Oberland") -> list:
    return list(segment_text(PAGE.format(chrome=chrome), "de")[1])


def _roles(slot: int | None, n: int, title: str = "other") -> list[str]:
    roles = ["other"] * n
    for k in STORY:
        roles[k] = "body"
    roles[TITLE] = title
    if slot is not None:
        roles[slot] = "headline"
    return roles


def test_a_crumb_holding_the_slot_gives_it_to_the_told_title() -> None:
    segs = _page()
    assert segs[TITLE].text.startswith("Seilbahn am Gsponer") and segs[2].text.startswith("Home")
    roles = _roles(2, len(segs))  # the layer's reading of holzmarkt_report: crumb as headline
    out = title_slot(segs, roles, None, ON)
    assert out[2] == "other" and out[TITLE] == "headline"
    assert [r for k, r in enumerate(out) if k not in (2, TITLE)] == [
        r for k, r in enumerate(roles) if k not in (2, TITLE)
    ]
    assert title_slot(segs, roles, None, OFF) == roles


def test_a_masthead_or_an_untold_kicker_gives_the_slot_too() -> None:
    for chrome in ("Talbote Nachrichten Oberland", "Neues aus der Region"):
        segs = _page(chrome)
        out = title_slot(segs, _roles(2, len(segs)), None, ON)
        assert (out[2], out[TITLE]) == ("other", "headline"), chrome


def test_a_slot_held_by_a_told_line_is_left_alone() -> None:
    segs = _page("Seilbahn: Blitzschlag legt Gsponer Grat lahm")  # a kicker telling the story
    roles = _roles(2, len(segs))
    assert title_slot(segs, roles, None, ON) == roles
    segs = _page()
    right = _roles(None, len(segs), title="headline")  # the title holds it already
    assert title_slot(segs, right, None, ON) == right


def test_a_page_with_no_headline_or_a_fixed_line_is_left_alone() -> None:
    segs = _page()
    none = _roles(None, len(segs))
    assert title_slot(segs, none, None, ON) == none  # the pass moves a slot, never opens one
    roles = _roles(2, len(segs))
    fixed: list[str | None] = [None] * len(segs)
    fixed[2] = "headline"
    assert title_slot(segs, roles, fixed, ON) == roles


def test_a_told_line_above_the_chrome_does_not_take_the_slot() -> None:
    segs = _page("Seilbahn: Blitzschlag legt Gsponer Grat lahm")  # told, but above the chrome
    roles = _roles(3, len(segs), title="link_residue")  # "Oberland Verkehr" holds the slot
    assert title_slot(segs, roles, None, ON) == roles  # the slot moves down, never up


def test_a_page_read_right_keeps_its_roles_with_the_pass_on() -> None:
    text = PAGE.format(chrome="Home / Region / Oberland")
    assert roles_with(text, "de", title_slot_stems=2) == roles_with(text, "de", title_slot_stems=0)


@st.composite
def _drawn(draw: st.DrawFn) -> tuple[list, list[str], list[str | None]]:
    chrome = draw(st.sampled_from(["Home / Region / Oberland", "Talbote Oberland", "Neues"]))
    segs = _page(chrome)
    pool = ["body", "other", "headline", "link_residue"]
    roles = draw(st.lists(st.sampled_from(pool), min_size=len(segs), max_size=len(segs)))
    fixed = draw(st.lists(st.sampled_from([None, None, "other", "headline"]),
                          min_size=len(segs), max_size=len(segs)))  # fmt: skip
    return segs, roles, fixed


@given(_drawn(), st.integers(0, 3))
def test_only_the_slot_above_the_story_moves_and_only_down(page, least: int) -> None:
    segs, roles, fixed = page
    p = replace(DEFAULT_PARAMS, title_slot_stems=least)
    out = title_slot(segs, roles, fixed, p)
    if least == 0 or "body" not in roles:
        assert out == roles
        return
    first = roles.index("body")
    assert out[first:] == roles[first:]  # the story and below never move
    moved = [k for k in range(first) if out[k] != roles[k]]
    up = [k for k in moved if out[k] == "headline"]
    down = [k for k in moved if out[k] != "headline"]
    assert all(fixed[k] is None for k in moved)
    assert all(roles[k] == "other" for k in up) and len(up) <= 1
    assert all((roles[k], out[k]) == ("headline", "other") for k in down)
    assert bool(up) == bool(down)  # a slot is moved, never opened or emptied
    assert all(k < up[0] for k in down)  # the title is below the chrome it replaces
