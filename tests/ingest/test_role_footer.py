"""The rules' footer lines that speak as the site stand against the learned role layer.

Below the story's last sentence a bio, a self-description or "Get in touch with our team."
has a closing sentence's shape; the rules read it as the site's by its words
(``core.role_footer``), and with ``role_model.KEEP_FOOTER`` the layer may not take it back.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import role_model as rm
from workbench.core.role_footer import footer_kept, rights_kept
from workbench.core.roles import ROLES
from workbench.core.segment import segment_text

PAGE = (
    "Harbour World\n"
    "Crane collapses in the harbour, two workers hurt\n"
    "A crane collapsed in the harbour of Linz on Friday, the fire brigade said.\n"
    "Two workers were taken to hospital with minor injuries.\n"
    "Get in touch with our team.\n"
    "Anna Berger covers transport and industry for Harbour World.\n"
    "What do you think about the new harbour?\n"
    "Inspectors will examine the crane's foundations next week.\n"
)


def _model(push: str) -> rm.RoleModel:
    """A model sure of ``push`` on every segment."""
    k, n = len(rm.ROLES), len(rm.FEATURES)
    weights = np.zeros((n + 1, k))
    weights[n, rm.ROLES.index(push)] = 9.0
    c = rm.Correction(threshold=0.5, own_words=True, min_segments=1)
    return rm.RoleModel(rm.FEATURES, rm.ROLES, np.zeros(n), np.ones(n), weights, c)


def _roles(segs) -> list[str]:
    """The story first, then the footer lines as ``other``, and a stray last sentence."""
    out = []
    for seg in segs:
        story = seg.text.startswith(("Crane", "A crane", "Two workers"))
        out.append("headline" if seg.text.startswith("Crane") else "body" if story else "other")
    return out


def test_site_lines_below_the_story_are_kept_and_others_are_not() -> None:
    segs = segment_text(PAGE, "en")[1]
    kept = dict(zip((s.text for s in segs), footer_kept(segs, _roles(segs)), strict=True))
    assert kept["Get in touch with our team."]  # the site's "we"
    assert kept["Anna Berger covers transport and industry for Harbour World."]  # the masthead
    assert kept["What do you think about the new harbour?"]  # a bare question
    assert not kept["Inspectors will examine the crane's foundations next week."]  # the story's
    assert not kept["Harbour World"]  # above the story: the header rules decide there


def test_the_layer_keeps_them_only_with_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    segs = segment_text(PAGE, "en")[1]
    roles = _roles(segs)
    monkeypatch.setattr(rm, "KEEP_FOOTER", False)
    free = rm.correct_roles(segs, roles, [None] * len(segs), model=_model("body"))
    assert free[segs.index(next(s for s in segs if s.text.startswith("Get in")))] == "body"
    monkeypatch.setattr(rm, "KEEP_FOOTER", True)
    out = dict(zip((s.text for s in segs),
                   rm.correct_roles(segs, roles, [None] * len(segs), model=_model("body")),
                   strict=True))  # fmt: skip
    assert out["Get in touch with our team."] == "other"
    assert out["Anna Berger covers transport and industry for Harbour World."] == "other"
    assert out["Inspectors will examine the crane's foundations next week."] == "body"


_LINES = st.lists(
    st.sampled_from(["Get in touch with our team.", "It rained.", "Subscribe to our news!",
                     "The road reopened on Thursday, the police said.", "Why now?", "World",
                     "“Why now?” she asked.", "You can read more here.", ""]),
    min_size=1, max_size=12,
)  # fmt: skip


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=24, max_size=24))
def test_only_other_lines_below_every_story_line_are_kept(lines, labels) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    told = [i for i, r in enumerate(roles) if r in ("headline", "body")]
    for i, keep in enumerate(footer_kept(segs, roles)):
        if keep:
            assert roles[i] == "other" and told and i > told[-1]


RIGHTS_PAGE = (
    "Harbour World\n"
    "Crane collapses in the harbour, two workers hurt\n"
    "A crane collapsed in the harbour of Linz on Friday, the fire brigade said.\n"
    "© Anna Berger/dpa\n"
    "Two workers were taken to hospital with minor injuries.\n"
    "© 2026 Harbour World\n"
    "This document is subject to copyright.\n"
    "No part may be reproduced without the written permission of the publisher.\n"
)


def _rights_roles(segs) -> list[str]:
    """Story lines as the rules read them; the credit and the footer lines as ``other``."""
    story = ("Crane", "A crane", "Two workers")
    return [
        "headline" if s.text.startswith("Crane")
        else "body" if s.text.startswith(story) else "other"
        for s in segs
    ]  # fmt: skip


def test_lines_under_a_rights_notice_below_the_story_are_kept() -> None:
    segs = segment_text(RIGHTS_PAGE, "en")[1]
    kept = dict(zip((s.text for s in segs), rights_kept(segs, _rights_roles(segs)), strict=True))
    assert kept["No part may be reproduced without the written permission of the publisher."]
    assert kept["This document is subject to copyright."]
    assert not kept["© 2026 Harbour World"]  # the notice itself: the rules' own words decide it
    assert not kept["© Anna Berger/dpa"]  # a photo credit between story paragraphs
    assert not kept["Harbour World"]


def test_the_layer_keeps_the_rights_footer_only_with_the_switch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    segs = segment_text(RIGHTS_PAGE, "en")[1]
    roles = _rights_roles(segs)
    last = "No part may be reproduced without the written permission of the publisher."
    monkeypatch.setattr(rm, "KEEP_RIGHTS", False)
    free = rm.correct_roles(segs, roles, [None] * len(segs), model=_model("body"))
    assert free[[s.text for s in segs].index(last)] == "body"
    monkeypatch.setattr(rm, "KEEP_RIGHTS", True)
    out = rm.correct_roles(segs, roles, [None] * len(segs), model=_model("body"))
    assert out[[s.text for s in segs].index(last)] == "other"


@given(
    st.lists(st.sampled_from(["© 2026 AFP", "It rained.", "Copyright reserved.", "World", ""]),
             min_size=1, max_size=12),
    st.lists(st.sampled_from(ROLES), min_size=24, max_size=24),
)  # fmt: skip
def test_only_other_lines_under_a_notice_below_every_story_line_are_kept(lines, labels) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    told = [i for i, r in enumerate(roles) if r in ("headline", "body")]
    for i, keep in enumerate(rights_kept(segs, roles)):
        if keep:
            assert roles[i] == "other" and told and i > told[-1]
            assert any("©" in segs[k].text or "Copyright" in segs[k].text
                       for k in range(told[-1] + 1, i))  # fmt: skip
