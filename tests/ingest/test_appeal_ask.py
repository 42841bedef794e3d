"""An appeal box its ask opened ends at its own button, whatever the button says (round 22)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_by_text, roles_with
from workbench.core.appeal_box import after_ask, ask_lead_in, box_goes_on
from workbench.core.page_shapes import DEFAULT_PARAMS, shapes
from workbench.core.roles import _fixed_roles
from workbench.core.segment import lines_as_paragraphs, segment_text

STORY_FR = [
    "France: le grand orgue de la cathédrale de Vérennes endommagé par un incendie",
    "Le grand orgue baroque de la cathédrale de Vérennes a été fortement endommagé par un "
    "incendie dans la nuit de jeudi à vendredi.",
    "Le feu a pris dans la toiture du transept nord, en travaux depuis l'automne.",
    "L'évêque a invité les fidèles à se rassembler samedi soir pour une veillée de prière.",
]
BOX_FR = ["Soutenez une information religieuse de qualité.", "Je fais un don"]
AFTER_FR = [
    "Mots-clés: Cathédrale France Incendie Orgue",
    "Articles en relation Notre-Dame de Paris: cinq ans après la réouverture",
    "Ce site utilise des cookies afin de vous offrir une meilleure expérience de navigation.",
]


def _page(*parts: list[str]) -> str:
    """A page read line by line: no blank line anywhere (batch 71's captures)."""
    return "\n".join(line for part in parts for line in part) + "\n"


def test_a_button_in_the_sites_own_words_ends_the_box_its_ask_opened() -> None:
    """ "Je fais un don" is in no phrase list: the box ran on over the tags, the related links
    and the cookie banner to the page's end (cath_ch_fr, 329 characters read as the appeal)."""
    text = _page(STORY_FR, BOX_FR, AFTER_FR)
    roles = roles_by_text(text, "fr")
    assert {roles[b] for b in BOX_FR} == {"appeal"}
    assert "appeal" not in {roles[a] for a in AFTER_FR}
    off = roles_with(text, "fr", ask_ends=False)
    assert {off[a] for a in AFTER_FR} == {"appeal"}  # the rule, not another one, ends the box


def test_the_sites_sentence_about_itself_above_the_ask_opens_the_box() -> None:
    """ "cath.ch est un média indépendant." shares no word with the story: the box's first line."""
    lead = "cath.ch est un média indépendant."
    text = _page(STORY_FR, ["(cath.ch/afp/kna/rz)", lead], BOX_FR, AFTER_FR)
    assert roles_by_text(text, "fr")[lead] == "appeal"
    assert roles_with(text, "fr", ask_lead_words=0)[lead] != "appeal"


def test_a_story_sentence_above_the_ask_stays_story() -> None:
    """A story line above an ask shares the story's words (batch 47: "La station entend …")."""
    last = "Le feu a pris dans la toiture de la cathédrale, ont précisé les pompiers."
    roles = roles_by_text(_page(STORY_FR, [last], BOX_FR), "fr")
    assert roles[last] == "body"
    assert roles[BOX_FR[0]] == "appeal"


def test_a_box_with_no_button_ends_at_a_sign_up_form() -> None:
    """Rubryka's box: an ask, no button, then a newsletter form and the cookie banner."""
    box = ["Support our work on Patreon or with a one-time donation."]
    after = ["Subscribe to our newsletter Email Subscribe",
             "We use cookies to improve your experience on our site."]  # fmt: skip
    story = [
        "City fails to pass its 2027 budget",
        "The city council failed on Monday to adopt the budget for next year, its chairman said.",
        "Only 17 of the 34 councillors voted for the draft, one short of the 18 needed.",
    ]
    roles = roles_by_text(_page(story, ["Tags: budget council"], box, after))
    assert roles[box[0]] == "appeal"
    assert "appeal" not in {roles[a] for a in after}


def test_the_box_goes_on_over_its_sentences_and_its_last_cut_line() -> None:
    """Sentences of the box stay the box, a quoted sentence end too; the page's last line may
    be cut mid-word by the capture, so its shape does not end the box."""
    box = ["Support Our Journalism",
           "We were labelled a „foreign agent.“",
           "India needs fair and questioning journalism, packed with on-ground reporting.",
           "ThePrint – with exceptional reporters, columnists and editors – is do"]  # fmt: skip
    roles = roles_by_text(_page(STORY_FR[:1], ["Harbour story text ends here today."], box))
    assert {roles[b] for b in box} == {"appeal"}


def test_after_ask_reads_a_lines_shape() -> None:
    assert after_ask("Je m'abonne") == "button"
    assert after_ask("Dans la même rubrique") == "button"  # short: the box ends after it
    assert after_ask("Sign up for our weekly newsletter Email address Subscribe") == "chrome"
    assert after_ask("Sign up for our weekly newsletter Email address Subscribe", True) == "box"
    assert after_ask("Your donation keeps our reporters in the field") == "box"
    assert box_goes_on("This follows our earlier labelling as a „foreign agent.“")


_LINES = [
    "Support our work with a small donation.", "Je fais un don", "Dear readers,",
    "Sign up for our weekly newsletter Email address Subscribe", "Mots-clés: Orgue Feu",
    STORY_FR[1], "Tags: courts housing", "Remind me later", "© 2026 Harbour Watch.", "",
]  # fmt: skip


@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=12), st.booleans())
def test_an_ask_only_ends_a_box_it_never_opens_or_widens_one(lines: list[str], flat: bool) -> None:
    """Property: with ``ask_ends`` every line it leaves out of a box comes after an appeal line,
    and a line it adds to one shares its paragraph with a later short appeal button (a button
    after the box it ended opens its own small box, ``roles._backfill_appeal``)."""
    text = ("\n" if flat else "\n\n").join(lines) + "\n"
    _, segs = segment_text(text, "en")
    segs = lines_as_paragraphs(segs)
    none = [None] * len(segs)
    off = _fixed_roles(segs, none, [False] * len(segs), replace(DEFAULT_PARAMS, ask_ends=False))
    on = _fixed_roles(segs, none, [False] * len(segs), DEFAULT_PARAMS)
    for k, (a, b) in enumerate(zip(off, on, strict=True)):
        if b == "appeal" and a != "appeal":
            later = range(k + 1, len(segs))
            assert any(on[j] == "appeal" and segs[j].paragraph == segs[k].paragraph
                       and len(segs[j].text.split()) <= 5 for j in later)  # fmt: skip
        elif a != b:
            assert any(on[j] == "appeal" for j in range(k))


@given(st.lists(st.sampled_from([*_LINES, *STORY_FR, "Rubryka is an independent media outlet."]),
                min_size=1, max_size=12),
       st.lists(st.sampled_from(["body", "other", "headline", "appeal"]), min_size=12,
                max_size=12))  # fmt: skip
def test_the_lead_in_only_takes_the_line_right_above_an_ask(
    lines: list[str], given_roles: list[str]
) -> None:
    """Property: ``ask_lead_in`` turns only lines into ``appeal``, each an open line right
    above a fixed appeal line longer than a button, and leaves every other role as it was."""
    _, segs = segment_text("\n".join(lines) + "\n", "en")
    segs = lines_as_paragraphs(segs)
    none = [None] * len(segs)
    fixed = _fixed_roles(segs, none, [False] * len(segs), DEFAULT_PARAMS)
    roles = [r or given_roles[k % 12] for k, r in enumerate(fixed)]
    out = ask_lead_in(segs, shapes(segs), fixed, roles, list(range(len(segs))), 16)
    for k, (a, b) in enumerate(zip(roles, out, strict=True)):
        if a != b:
            assert b == "appeal" and fixed[k] is None
            assert fixed[k + 1] == "appeal" and len(segs[k + 1].text.split()) > 5
