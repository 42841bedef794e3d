"""The newsletter box at the story's end (core.page_newsletter, round 34 roles34): a body
line at the story's tail opening with the "Newsletter" label is the sign-up box; a story
sentence about a newsletter, a line above the story's last sentence, a bare label stay.  The
pages are written for the repository, in the shapes of batches 76, 113 and 119."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.page_roles import roles_with
from workbench.core.page_newsletter import newsletter_tail
from workbench.core.page_shapes import DEFAULT_PARAMS
from workbench.core.segment import segment_text

ON = replace(DEFAULT_PARAMS, newsletter_tail=True)
OFF = replace(DEFAULT_PARAMS, newsletter_tail=False)

STORY = (
    "Un incendie a détruit un entrepôt de batteries à Hollerbeck\n"
    "Un violent incendie a ravagé jeudi un entrepôt de batteries au lithium à Hollerbeck.\n"
    "Deux pompiers ont été légèrement blessés, selon la préfecture.\n"
)
BOX = "Newsletter Faits divers Recevez chaque soir l'essentiel de l'actualité.\n"
TAIL = "Je m'inscris\n"


def _segs(text: str) -> list:
    return list(segment_text(text, "fr")[1])


def _roles(segs: list) -> list[str]:
    return ["headline"] + ["body"] * (len(segs) - 1)


def test_the_box_at_the_story_end_is_chrome_only_with_the_switch() -> None:
    segs = _segs(STORY + BOX)
    roles = _roles(segs)
    out = newsletter_tail(segs, roles, ON)
    assert out[-1] == "other" and out[:-1] == roles[:-1]
    assert newsletter_tail(segs, roles, OFF) == roles


def test_a_box_above_the_story_end_or_a_sentence_about_a_newsletter_stays() -> None:
    segs = _segs(STORY.replace("Deux pompiers", BOX + "Deux pompiers"))
    assert any(s.text.startswith("Newsletter") for s in segs[:-1])
    roles = _roles(segs)
    assert newsletter_tail(segs, roles, ON) == roles
    about = STORY + "La newsletter du club a annoncé la fermeture du site.\n"
    segs = _segs(about)
    assert newsletter_tail(segs, _roles(segs), ON) == _roles(segs)
    bare = STORY + "Newsletter\n"
    segs = _segs(bare)
    assert newsletter_tail(segs, _roles(segs), ON) == _roles(segs)


def test_through_assign_roles_off_by_default_and_on_when_asked() -> None:
    text = STORY + BOX + TAIL
    on, off = (
        roles_with(text, "fr", newsletter_tail=True),
        roles_with(text, "fr", newsletter_tail=False),
    )
    box = BOX.strip()
    assert off[box] == "body" and on[box] == "other"
    assert {k: v for k, v in on.items() if k != box} == {k: v for k, v in off.items() if k != box}


@given(st.lists(st.sampled_from(["body", "other", "headline", "link_residue"]), min_size=5,
                max_size=5), st.booleans())  # fmt: skip
def test_only_newsletter_body_lines_at_the_tail_move_to_other(drawn, on) -> None:
    segs = _segs(STORY + BOX + BOX.replace("Faits divers", "Économie"))
    roles = (drawn * 2)[: len(segs)]
    params = replace(DEFAULT_PARAMS, newsletter_tail=on)
    out = newsletter_tail(segs, roles, params)
    moved = [k for k in range(len(roles)) if out[k] != roles[k]]
    if not on:
        assert not moved
    for k in moved:
        assert (roles[k], out[k]) == ("body", "other")
        assert segs[k].text.startswith("Newsletter")
        assert all(roles[j] != "body" or segs[j].text.startswith("Newsletter")
                   for j in range(k, len(segs)))  # fmt: skip
    assert newsletter_tail(segs, out, params) == out
