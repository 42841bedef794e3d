"""An appeal box printed on one line below the story opens with its lead (round 39)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with, rules_only
from workbench.core.appeal_line_lead import ask_line_lead
from workbench.core.page_shapes import shapes
from workbench.core.role_params import DEFAULT_PARAMS
from workbench.core.segment import lines_as_paragraphs, segment_text

#: A local German story in wendeltal_kurier_de's shape (batch 139): its last line names the
#: costs ("Kosten"), so the box's lead "Lokaljournalismus kostet Geld." shares a stem with it.
STORY_DE = [
    "Fischsterben im Mühlbach: Hunderte tote Forellen",
    "3. August 2027 von Anna Reiter",
    "Oberau. Wer am Sonntag am Mühlbach unterhalb der Kläranlage spazieren ging, dem bot sich "
    "ein trauriges Bild.",
    "Zwischen Oberau und der Talmühle trieben Hunderte toter Forellen und Äschen im Wasser.",
    "Der Bürgermeister kündigte an, die Gemeinde werde sich an den Kosten für den Neubesatz "
    "beteiligen, falls kein Verursacher gefunden wird.",
]
LEAD = "Lokaljournalismus kostet Geld."
ASK = "Unterstützen Sie den Talboten schon ab 3 Euro im Monat."
BOX_LINE = f"{LEAD} {ASK} Jetzt unterstützen"
AFTER = ["Tags: Angelverein, Oberau, Umwelt", "Vorheriger Beitrag: Sommerfest abgesagt"]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_the_sentence_opening_an_asks_line_below_the_story_is_the_box() -> None:
    """Off, the lead shares "kost" with the story and stays body; on, it is the box's lead."""
    text = _page(STORY_DE, [BOX_LINE], AFTER)
    with rules_only():
        off = roles_with(text, "de", ask_line_lead=False)
        on = roles_with(text, "de", ask_line_lead=True)
    assert off[LEAD] == "body" and off[ASK] == "appeal"
    assert on[LEAD] == "appeal" and on[ASK] == "appeal"
    assert {k: v for k, v in on.items() if k != LEAD} == {k: v for k, v in off.items() if k != LEAD}
    assert DEFAULT_PARAMS.ask_line_lead  # shipped on (round 39)
    assert roles_by_text(text, "de")[LEAD] == "appeal"  # the product's path, learned layer on


def test_a_story_sentence_on_the_asks_line_stays_when_the_story_goes_on_below() -> None:
    """A box inside the story (the story resumes under it) is not this rule's."""
    text = _page(STORY_DE[:3], [BOX_LINE], STORY_DE[3:], AFTER)
    with rules_only():
        off = roles_with(text, "de", ask_line_lead=False)
        on = roles_with(text, "de", ask_line_lead=True)
    assert on[LEAD] == off[LEAD]


_LINES = [*STORY_DE, BOX_LINE, *AFTER, "Das ist ein Satz. " + ASK, "Jetzt unterstützen", ""]


@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=10),
       st.lists(st.sampled_from(["body", "other", "headline", "appeal"]), min_size=10,
                max_size=10))  # fmt: skip
def test_the_line_lead_only_takes_a_body_sentence_opening_an_asks_line(
    lines: list[str], given_roles: list[str]
) -> None:
    """Property: ``ask_line_lead`` turns only ``body`` into ``appeal``, each an open segment
    opening its line, the next segment on that line an appeal, and no ``body`` below."""
    _, segs = segment_text("\n".join(lines) + "\n", "de")
    segs = lines_as_paragraphs(segs)
    sh = shapes(segs)
    roles = [given_roles[k % 10] for k in range(len(segs))]
    out = ask_line_lead(segs, sh, [None] * len(segs), roles, 16)
    for k, (a, b) in enumerate(zip(roles, out, strict=True)):
        if a != b:
            assert a == "body" and b == "appeal" and sh[k].starts_line
            assert not sh[k + 1].starts_line and roles[k + 1] == "appeal"
            assert "body" not in out[k + 1 :]


def test_a_comment_form_under_the_box_is_no_story_below_it() -> None:
    """schulpost_mitte_de's shape (batch 119): the comment section, still ``body`` when the
    lead is decided, does not count as the story going on."""
    form = ["Kommentar verfassen", "Melde dich an, um einen Kommentar zu schreiben.",
            "Name (erforderlich) E-Mail (erforderlich)", "Kommentar absenden"]  # fmt: skip
    text = _page(STORY_DE, [BOX_LINE], form)
    with rules_only():
        on = roles_with(text, "de", ask_line_lead=True)
        off = roles_with(text, "de", ask_line_lead=False)
    assert off[LEAD] == "body" and on[LEAD] == "appeal"
