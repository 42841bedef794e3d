"""Body lines under the site's footer (core.page_footer, round 35 roles35): a rights note, a
syndication note or a consent banner printed under "© 2027 …" or "Impressum  AGB  Datenschutz"
is the site's, not the story's.  The pages are written for the repository, in the shapes of
batch 124 (hohenrieder_kurier_de, podilskyi_visnyk_ukrinform_uk) and 40 (rheintalexpress)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_footer import footer_line, footer_tail
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, footer_tail=True)
OFF = replace(DEFAULT_PARAMS, footer_tail=False)

STORY = (
    "Linie 417: Busse fahren ab Mai seltener\n\n"
    "Die Buslinie 417 von Kirchwald nach Obersteinach fährt ab Mai nur noch alle zwei Stunden.\n"
    "Am Wochenende gibt es gar keinen Bus mehr.\n"
    "Grund ist laut Landratsamt eine Finanzlücke von 1,2 Millionen Euro.\n"
    "Viele Eltern in Kirchwald sind trotzdem sauer und haben eine Petition gestartet.\n\n"
)
FOOTER = "Hohenrieder Kurier – Ihre Heimatzeitung seit 1949 Impressum AGB Datenschutz\n"
NOTE = "Alle Inhalte sind urheberrechtlich geschützt.\n"


def _segs(text: str) -> list:
    return list(segment_text(text, "de")[1])


def _roles(segs: list) -> list[str]:
    """The story's title, its sentences body, the footer other, the note body (as the tool)."""
    out = []
    for s in segs:
        if s.text.startswith("Linie 417"):
            out.append("headline")
        elif footer_line(s.text):
            out.append("other")
        else:
            out.append("body")
    return out


def test_the_footer_lines() -> None:
    assert footer_line("© 2027 Подільський вісник.")
    assert footer_line("Copyright 2027 Vilstal Welle Hörfunk GmbH & Co. KG.")
    assert footer_line("Impressum Datenschutz")
    assert footer_line(FOOTER.strip())
    assert footer_line("Усі права захищено.")
    assert not footer_line("Impressum")  # one link: a crosshead could say it
    assert not footer_line("Foto: © dpa")  # a credit, no year
    assert not footer_line("Der Datenschutz und das Impressum der Stadt wurden im Mai 2027 neu "
                           "gefasst, sagte der Bürgermeister am Dienstag.")  # fmt: skip


def test_the_note_under_the_footer_is_chrome_only_with_the_switch() -> None:
    segs = _segs(STORY + FOOTER + NOTE)
    roles = _roles(segs)
    on, off = footer_tail(segs, roles, ON), footer_tail(segs, roles, OFF)
    assert off == roles
    assert on[-1] == "other" and on[:-1] == roles[:-1]


def test_a_footer_above_the_story_or_a_story_below_a_short_one_stay() -> None:
    segs = _segs(FOOTER + STORY)  # the footer line printed above the story
    roles = _roles(segs)
    assert footer_tail(segs, roles, ON) == roles
    segs = _segs("Kurz.\n\nImpressum  Datenschutz\n\n" + STORY)  # more story below than above
    roles = _roles(segs)
    assert footer_tail(segs, roles, ON) == roles


def test_through_assign_roles() -> None:
    text = STORY + "Artikel teilen\n\n" + FOOTER + "\n" + NOTE
    on = roles_with(text, "de", footer_tail=True)
    off = roles_with(text, "de", footer_tail=False)
    assert on[NOTE.strip()] == "other"
    assert {k: v for k, v in on.items() if k != NOTE.strip()} == {
        k: v for k, v in off.items() if k != NOTE.strip()
    }


_PARTS = [STORY, FOOTER, NOTE, "Am Wochenende gibt es gar keinen Bus mehr.\n", "© 2027 Verlag\n"]


@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=6))
def test_only_body_below_a_footer_line_turns_other(parts: list[str]) -> None:
    segs = _segs("".join(parts))
    roles = _roles(segs)
    on = footer_tail(segs, roles, ON)
    assert footer_tail(segs, roles, OFF) == roles
    assert footer_tail(segs, on, ON) == on  # once is enough
    moved = [k for k, (a, b) in enumerate(zip(roles, on, strict=True)) if a != b]
    for k in moved:
        assert roles[k] == "body" and on[k] == "other"
        assert any(footer_line(segs[m].text) and roles[m] == "other" for m in range(k))
