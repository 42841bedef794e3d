"""Capture metadata a story may let in is no figure (core.check_numbers)."""

from __future__ import annotations

from workbench.core.checks import check_pair, quantities


def _flags(left: str, right: str, llang: str, rlang: str) -> dict:
    return check_pair(left, right, left_lang=llang, right_lang=rlang)


def test_reading_time_widgets_and_slashed_iso_dates_are_no_figures() -> None:
    """Capture metadata a page may let into its story (a reading-time widget under the byline
    on pages of ten dev batches; '2026/12/01' dates): seeded into dev stories, meta lines of
    two copies were paired and flagged ('2026', '12', '01', '2')."""
    for text in ("2026/12/01 - 12:40  •  2 min read", "Nov 30, 2026  2 minute read",
                 "2 Min. Lesedauer", "3 min Lesezeit", "Temps de lecture : 2 min",
                 "Reading time: 4 min", "Час читання: 3 хв"):  # fmt: skip
        assert quantities(text, "en") == [], text
    assert [v for _, v in quantities("He ran 2 min faster and read 3 books.", "en")] == ["2", "3"]
    assert _flags("2026/12/01 - 12:40  •  2 min read", "Publié le 01/12/2026 à 13:18  3 min read",
                  "fr", "fr") == {}  # fmt: skip


def test_a_flattened_menu_row_raises_nothing() -> None:
    """Two pages' menus let into their stories and paired (seeded into dev stories: a
    weather widget's '3°C', 'Sign In'); a headline and its kicker are no menu."""
    from workbench.core.check_scope import menu_like

    assert _flags("Luxembourg  Frontaliers  Monde  Sport  People  Ma région",
                  "Luxemburg  3°C  Horoskop  Spiele", "fr", "fr") == {}  # fmt: skip
    assert _flags("News  Technology  Sign In", "Business News  ›  Tech  ›  Technology",
                  "en", "en") == {}  # fmt: skip
    assert not menu_like("Ukraine War Latest: Drones Hit Oil Refinery")
    assert not menu_like("Kyiv  Kharkiv  Odesa: 3 dead.")
    assert not menu_like("Eilmeldung  Beben in Rumänien")
