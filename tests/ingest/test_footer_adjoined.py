"""A reader-addressed sign-off printed on with the story's last sentence (round 39 rolesb39).

The study's switch ``RoleParams.footer_adjoined`` (off as shipped) lets the footer trim
stop at such a line as it stops at a "we" line; these tests pin what it does, on and off,
with round 40's ``on_air`` (which keeps this sign-off for naming the programme) off.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with, rules_only
from workbench.core.page_tail import trim_footer
from workbench.core.role_params import DEFAULT_PARAMS
from workbench.core.segment import lines_as_paragraphs, segment_text

#: A local radio story in radio_fichtelwelle_de's shape (batch 138), one line a sentence.
STORY = [
    "Felssturz im Steinbruch: Straße gesperrt",
    "Im Steinbruch bei Hohenfirst hat sich am Mittwochmorgen eine große Felsplatte gelöst.",
    "Verletzt wurde niemand, die Arbeiter hatten den Bereich kurz vorher verlassen.",
    "Die Straße zwischen Hohenfirst und Lohmühle ist gesperrt.",
    "Warum sich das Gestein gelöst hat, ist noch unklar.",
]
SIGN_OFF = "Wir halten euch hier und im Programm auf dem Laufenden."
AFTER = ["Teilen", "Ihr habt etwas beobachtet?", "Impressum Datenschutz"]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_the_switch_keeps_a_radios_sign_off_printed_on_with_the_story() -> None:
    """Off (shipped) the sign-off is footer; on it stays the story's; nothing else moves."""
    text = _page(STORY, [SIGN_OFF], AFTER)
    with rules_only():
        off = roles_with(text, "de", footer_adjoined=False, on_air=False)
        on = roles_with(text, "de", footer_adjoined=True, on_air=False)
    assert off[SIGN_OFF] != "body" and on[SIGN_OFF] == "body"
    assert {k: v for k, v in on.items() if k != SIGN_OFF} == {
        k: v for k, v in off.items() if k != SIGN_OFF
    }
    assert not DEFAULT_PARAMS.footer_adjoined  # a study, shipped off (round 39)


def test_a_sign_off_after_a_break_is_footer_either_way() -> None:
    """Printed after page chrome, the reader-addressed line is the site's, on or off."""
    text = _page(STORY, ["Teilen"], [SIGN_OFF], AFTER[1:])
    with rules_only():
        on = roles_with(text, "de", footer_adjoined=True, on_air=False)
    assert on[SIGN_OFF] != "body"


_LINES = [*STORY, SIGN_OFF, *AFTER, "Schreibt uns!", "Was meint ihr?"]


@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=10))
def test_the_switch_only_keeps_more_of_the_prose(lines: list[str]) -> None:
    """Property: on, the trim keeps a prefix of the prose at least as long as off."""
    _, segs = segment_text("\n".join(lines) + "\n", "de")
    segs = lines_as_paragraphs(segs)
    prose = list(range(len(segs)))

    def cohesion_of(i: int, others: object) -> float:
        return 0.0

    off = trim_footer(prose, segs, cohesion_of, 0.34)
    on = trim_footer(prose, segs, cohesion_of, 0.34, keep_addressed=True)
    assert on[: len(off)] == off and on == prose[: len(on)]
