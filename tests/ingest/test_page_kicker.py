"""The kicker above the title (core.page_kicker, round 33 roles_b, a study, off): a short
unended label right above the headline that tells the story joins it; a section label that
tells nothing of the story, a line not right above the headline, a fixed line stay.  The
pages are written for the repository, in the shapes of batches 14 and 53."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_kicker import kicker_line
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, kicker_stems=1, kicker_words=3)
OFF = replace(DEFAULT_PARAMS, kicker_stems=0)

PAGE = (
    "Startseite Region Wirtschaft\n"
    "{kicker}\n"
    "Seilbahn am Gsponer Grat nach Blitzschlag eingestellt\n"
    "Die Seilbahn auf den Gsponer Grat ist seit Dienstagabend außer Betrieb, nachdem ein "
    "Blitz in die Bergstation eingeschlagen hat.\n"
    "Nach Angaben der Betreibergesellschaft wurde die Steuerung der Seilbahn schwer beschädigt.\n"
    "Rund 40 Gäste mussten mit Bussen ins Tal gebracht werden, verletzt wurde niemand.\n"
)
KICKER, TITLE, STORY = 1, 2, (3, 4, 5)


def _page(kicker: str = "Seilbahnen") -> list:
    return list(segment_text(PAGE.format(kicker=kicker), "de")[1])


def _roles(n: int, title: int | None = TITLE) -> list[str]:
    roles = ["other"] * n
    for k in STORY:
        roles[k] = "body"
    if title is not None:
        roles[title] = "headline"
    return roles


def test_a_told_kicker_right_above_the_title_joins_it() -> None:
    segs = _page()
    assert segs[KICKER].text == "Seilbahnen" and segs[TITLE].text.startswith("Seilbahn am")
    roles = _roles(len(segs))
    out = kicker_line(segs, roles, None, ON)
    assert out[KICKER] == "headline"
    assert [r for k, r in enumerate(out) if k != KICKER] == [
        r for k, r in enumerate(roles) if k != KICKER
    ]
    assert kicker_line(segs, roles, None, OFF) == roles


def test_a_section_label_telling_nothing_of_the_story_stays_other() -> None:
    for label in ("Panorama", "Wirtschaft Region", "Neues"):
        segs = _page(label)
        roles = _roles(len(segs))
        assert kicker_line(segs, roles, None, ON) == roles, label


def test_a_long_line_a_sentence_a_fixed_line_or_no_headline_stay() -> None:
    for line in ("Seilbahn Gsponer Grat Blitzschlag Betrieb", "Seilbahn steht."):
        segs = _page(line)
        roles = _roles(len(segs))
        assert kicker_line(segs, roles, None, ON) == roles, line
    segs = _page()
    roles = _roles(len(segs))
    fixed: list[str | None] = [None] * len(segs)
    fixed[KICKER] = "other"
    assert kicker_line(segs, roles, fixed, ON) == roles
    none = _roles(len(segs), title=None)
    assert kicker_line(segs, none, None, ON) == none  # a kicker of no headline: left alone


def test_the_pass_is_off_by_default_through_assign_roles() -> None:
    text = PAGE.format(kicker="Seilbahnen")
    assert DEFAULT_PARAMS.kicker_stems == 0
    assert roles_with(text, "de") == roles_with(text, "de", kicker_stems=0)


@st.composite
def _drawn(draw: st.DrawFn) -> tuple[list, list[str], list[str | None]]:
    kicker = draw(st.sampled_from(["Seilbahnen", "Panorama", "Blitzschlag im Oberland", "Neu."]))
    segs = _page(kicker)
    pool = ["body", "other", "headline", "link_residue"]
    roles = draw(st.lists(st.sampled_from(pool), min_size=len(segs), max_size=len(segs)))
    fixed = draw(st.lists(st.sampled_from([None, None, "other", "headline"]),
                          min_size=len(segs), max_size=len(segs)))  # fmt: skip
    return segs, roles, fixed


@given(_drawn(), st.integers(0, 3), st.integers(1, 4))
def test_at_most_one_other_line_right_above_the_headline_turns_headline(
    page, least: int, words: int
) -> None:
    segs, roles, fixed = page
    out = kicker_line(segs, roles, fixed, replace(DEFAULT_PARAMS, kicker_stems=least,
                                                  kicker_words=words))  # fmt: skip
    moved = [k for k in range(len(roles)) if out[k] != roles[k]]
    if least == 0 or "body" not in roles:
        assert not moved
        return
    assert len(moved) <= 1
    for k in moved:
        first = roles.index("body")
        assert k < first and fixed[k] is None  # above the story, never a fixed line
        assert (roles[k], out[k]) == ("other", "headline")
        head = roles.index("headline")
        assert k < head and all(not segs[j].text.strip() for j in range(k + 1, head))
