"""A menu row above the title is never the title (``RoleParams.nav_title_words``).

"SWR Aktuell Baden-Württemberg Rheinland-Pfalz Wetter Verkehr" shares place names with
the story, so it passed for a title; but every word is capitalised and the story writes
none of them in lower case.  A Title Case title ("Kharkiv Opens Its Seventh Underground
School") capitalises words the story writes in lower case, and stays the title.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_shapes import lowered_words, nav_row, shapes
from workbench.core.segment import segment_text

_NAV = "SWR Aktuell Baden-Württemberg Rheinland-Pfalz Wetter Verkehr"
_TITLE = "Streik bei Rheintal-Express: Zugchaos am Oberrhein erwartet"
_PAGE = (
    "Navigation überspringen\n"
    f"{_NAV}\n"
    "Südbaden\n"
    "STAND 25.11.2026, 17:55 Uhr\n"
    f"{_TITLE}\n"
    "Wer am Wochenende mit dem Zug zwischen Freiburg und Straßburg unterwegs sein will, "
    "braucht Geduld.\n"
    "Die Gewerkschaft ruft in Baden-Württemberg von Freitag bis Sonntag zum Streik auf.\n"
    "Laut dem Unternehmen fährt im Verkehr am Oberrhein nur etwa jeder vierte Zug.\n"
    "Ersatzbusse pendeln stündlich zwischen Offenburg und Straßburg.\n"
)


def test_a_menu_row_naming_the_storys_places_is_not_the_title() -> None:
    roles = roles_by_text(_PAGE, "de")
    assert roles[_TITLE] == "headline"
    assert roles[_NAV] == "other"
    off = roles_with(_PAGE, "de", nav_title_words=0, title_slot_stems=0)  # this rule alone
    assert off[_NAV] == "headline"
    slot = roles_with(_PAGE, "de", nav_title_words=0)  # round 33's title slot gives it back
    assert (slot[_NAV], slot[_TITLE]) == ("other", "headline")


def test_a_title_case_title_stays_the_title() -> None:
    title = "Kharkiv Opens Its Seventh Underground School"
    text = (
        "UkraineWorld\n"
        f"{title}\n"
        "1 December 2026\n"
        "Kharkiv has opened its seventh underground school, the city council said on Monday.\n"
        "The school sits six metres below ground and can take 900 pupils in two shifts.\n"
        "Lessons in the city have been held online or in metro stations since 2022.\n"
    )
    assert roles_by_text(text)[title] == "headline"


_CAPS = ("Wetter", "Verkehr", "Sport", "Politik", "Freiburg", "Kultur", "Video")


@given(
    words=st.lists(st.sampled_from(_CAPS), min_size=1, max_size=9),
    lower=st.lists(st.sampled_from([w.lower() for w in _CAPS]), max_size=3),
    least=st.integers(min_value=0, max_value=9),
)
def test_a_menu_row_is_all_capitals_the_story_never_lowers(
    words: list[str], lower: list[str], least: int
) -> None:
    text = " ".join(words)
    _, segs = segment_text(text + "\n", "de")
    shape = shapes(segs)[0]
    story = lowered_words([" ".join(["der", *lower]) + "."])
    found = nav_row(text, shape, story, least)
    assert found == (
        least > 0 and len(words) >= least and not any(w.lower() in lower for w in words)
    )
    assert not found or nav_row(text, shape, story, max(1, least - 1))
