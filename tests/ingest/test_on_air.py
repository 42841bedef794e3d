"""A station's sign-off naming its broadcast ends the story (round 40 rolesb40).

``RoleParams.on_air`` (a study, shipped off) keeps the first line the footer trim drops
when it names the broadcast ("im Programm", "в ефірі"); these tests pin what it does, on
and off, and that the site's other boxes stay footer.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_on_air import ON_AIR, on_air_sign_off
from workbench.core.role_params import DEFAULT_PARAMS
from workbench.core.segment import segment_text

#: A local radio story in radio_fichtelwelle_de's shape (batch 138), one line a sentence.
STORY = [
    "Felssturz im Steinbruch: Straße gesperrt",
    "Im Steinbruch bei Hohenfirst hat sich am Mittwochmorgen eine große Felsplatte gelöst.",
    "Verletzt wurde niemand, die Arbeiter hatten den Bereich kurz vorher verlassen.",
    "Die Straße zwischen Hohenfirst und Lohmühle ist gesperrt.",
    "Warum sich das Gestein gelöst hat, ist noch unklar.",
]
SIGN_OFF = "Wir halten euch hier und im Programm auf dem Laufenden."
NEWSLETTER = "Newsletter: Das Wichtigste aus der Region jeden Morgen in Ihrem Postfach."
AFTER = ["Teilen", "Schickt uns eure Infos per WhatsApp an die Newsline.", "Impressum Datenschutz"]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_the_switch_keeps_a_stations_sign_off_naming_its_programme() -> None:
    """Off the sign-off is footer; on (shipped) it is the story's; nothing else moves."""
    text = _page(STORY, [SIGN_OFF], AFTER)
    with rules_only():
        off = roles_with(text, "de", on_air=False)
        on = roles_with(text, "de", on_air=True)
    assert off[SIGN_OFF] != "body" and on[SIGN_OFF] == "body"
    assert {k: v for k, v in on.items() if k != SIGN_OFF} == {
        k: v for k, v in off.items() if k != SIGN_OFF
    }
    assert not DEFAULT_PARAMS.on_air  # a study, off (round 40: lost a held-out radio page)


def test_a_newsletter_line_in_its_place_stays_footer() -> None:
    """The site's line that names no broadcast (the inbox, an app) is footer, on or off."""
    text = _page(STORY, [NEWSLETTER], AFTER)
    with rules_only():
        on = roles_with(text, "de", on_air=True)
    assert on[NEWSLETTER] != "body"


def test_the_broadcast_is_named_as_a_whole_word() -> None:
    """A station's service line ("Programmhinweise …") and a podcast plug name no broadcast."""
    assert ON_AIR.search("Ми стежимо за ситуацією і повідомлятимемо в ефірі щопівгодини.")
    assert ON_AIR.search("das ganze Gespräch hören Sie morgen ab 7 Uhr")
    assert not ON_AIR.search("Programmhinweise und Gewinnspielbedingungen finden Sie hier.")
    assert not ON_AIR.search("Listen to our latest podcasts to find out more.")


@given(st.lists(st.sampled_from([*STORY, SIGN_OFF, NEWSLETTER, *AFTER]), min_size=1, max_size=9),
       st.integers(min_value=0, max_value=9))  # fmt: skip
def test_only_the_first_dropped_line_can_come_back(lines: list[str], cut: int) -> None:
    """Property: at most one line comes back, and it is the first the trim dropped."""
    _, segs = segment_text("\n".join(lines) + "\n", "de")
    prose = list(range(len(segs)))
    kept = prose[: min(cut, len(prose))]
    back = on_air_sign_off(prose, kept, segs)
    assert back <= set(prose[len(kept) : len(kept) + 1])
    assert all(ON_AIR.search(segs[i].text) for i in back)
