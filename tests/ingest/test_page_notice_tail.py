"""A site's own notice that is the story: its first-person close is story, not a footer.

``RoleParams.notice_tail`` (``core.page_prose.tail_run``): where the story kept itself speaks
as the site (a retailer's "Den Käse haben wir … entfernt"), the footer sentences in the
site's voice that run on from its last sentence (the very next lines, no blank line between)
are the notice's close ("Wir bedauern die Unannehmlichkeiten …"); below a story told in the
third person, or after a break, such a line stays the site's.  Measured in round 19 and
shipped off (only dev batch 44 moves, so leave one set out shows no gain: docs/ingest.md);
the tests switch it on.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.page_prose import speaks_as_site, tail_run
from workbench.core.page_shapes import shapes
from workbench.core.segment import segment_text

_CLOSE = "Wir bedauern die Unannehmlichkeiten und danken für Ihr Verständnis."
_STORY = (
    "Die Käserei Almblick aus Oberstdorf ruft vorsorglich ihren Bergkäse „Almblick 250 g“ zurück.\n"
    "Betroffen sind die Chargen A2611 und A2614 mit dem Haltbarkeitsdatum 12.12.2026.\n"
    "Bei einer Eigenkontrolle wurden in einer Packung kleine Glassplitter gefunden.\n"
    "Der Käse wurde seit dem 10. November in Bayern und Tirol in vielen Filialen verkauft.\n"
)
_NOTICE = (
    "Marktfrisch – Ihr Supermarkt\n\n"
    "Angebote Sortiment Rezepte Filialen\n\n"
    "Rückruf: Käserei Almblick ruft Bergkäse wegen Glassplittern zurück\n\n"
    "Veröffentlicht am 03.12.2026\n\n"
    f"{_STORY}"
    "Für Rückfragen ist unsere Kundenhotline unter 0800 123 45 67 werktags erreichbar.\n"
    f"{_CLOSE}\n\n"
    "Impressum Datenschutz AGB\n"
)


def test_a_notices_first_person_close_is_the_story() -> None:
    assert roles_with(_NOTICE, "de", notice_tail=True)[_CLOSE] == "body"
    assert roles_by_text(_NOTICE, "de")[_CLOSE] == "other"  # shipped off


def test_a_close_below_a_story_told_in_the_third_person_stays_the_sites() -> None:
    """Nothing in the story says "we" or "you": the line under it is the site's alone."""
    text = _NOTICE.replace(
        "Für Rückfragen ist unsere Kundenhotline unter 0800 123 45 67 werktags erreichbar.\n", ""
    )
    assert roles_with(text, "de", notice_tail=True)[_CLOSE] == "other"


def test_a_close_after_a_break_stays_the_sites() -> None:
    """A blank line parts it from the notice: a box of its own."""
    text = _NOTICE.replace(f"\n{_CLOSE}", f"\n\n\n{_CLOSE}")
    assert roles_with(text, "de", notice_tail=True)[_CLOSE] == "other"


_LINES = (
    "Wir haben den Artikel aus allen Filialen entfernt und informieren unsere Kunden.",
    _CLOSE,
    "Bitte essen Sie den Käse nicht.",
    "Angebote Sortiment Rezepte",
    "Grund ist der Fund von Glassplittern in einer Packung aus Tirol.",
    "Stand: 03.12.2026",
    "",
)


@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=12),
    st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_the_tail_is_the_unbroken_run_of_sentences_right_below_a_voiced_story(
    lines: list[str], in_story: list[bool]
) -> None:
    _, segs = segment_text("\n".join(lines) + "\n", "de")
    sh = shapes(segs)
    flags = in_story[: len(segs)]
    cut = next((i for i, f in enumerate(flags) if not f), len(segs))
    kept, dropped = list(range(cut)), list(range(cut, len(segs)))
    run = tail_run(kept, dropped, segs, sh)
    if not run:
        return
    assert speaks_as_site(segs, kept)
    assert run == list(range(kept[-1] + 1, kept[-1] + 1 + len(run)))
    assert all(sh[k].terminal and sh[k].words >= 3 for k in run)
