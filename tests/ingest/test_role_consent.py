"""A consent box's ``other`` stands whatever the learned role layer says.

The consent rule (``core.page_consent``) reads the box's words; the layer reads shape, and a
consent paragraph has a story paragraph's shape (dev batch 17 ladepeche: 306 characters of
"En cliquant sur « J'accepte » …" turned back into ``body``).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import rules_only
from tests.ingest.test_page_consent import STORY, TAIL
from workbench.core import role_model as rm
from workbench.core.page_consent import consent_kept, consent_lines
from workbench.core.roles import ROLES, assign_roles
from workbench.core.segment import segment_text

_LINES = st.lists(
    st.sampled_from(["We use cookies to improve the site.", "Manage cookies", "It rained.",
                     "You can change this at any time.", "The road reopened on Thursday.",
                     "Cookies were set, the regulator said.", "Accept all",
                     "Heavy rain flooded the road to the border crossing, the police said."]),
    min_size=1, max_size=12,
)  # fmt: skip
_CORRECTIONS = st.builds(
    rm.Correction,
    scope=st.sampled_from([("body", "other"), ("body", "other", "link_residue")]),
    own_words=st.booleans(),
    threshold=st.sampled_from([0.0, 0.5, 0.7]),
    headline=st.sampled_from([0.0, 0.6, 1.01]),
)


def _model(push: str, c: rm.Correction) -> rm.RoleModel:
    """A model sure of ``push`` on every segment."""
    k, n = len(rm.ROLES), len(rm.FEATURES)
    weights = np.zeros((n + 1, k))
    weights[n, rm.ROLES.index(push)] = 9.0
    return rm.RoleModel(rm.FEATURES, rm.ROLES, np.zeros(n), np.ones(n), weights, c)


@settings(max_examples=80, deadline=None)
@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=20, max_size=20),
       st.sampled_from(ROLES), _CORRECTIONS, st.booleans())  # fmt: skip
def test_a_consent_line_the_rules_call_other_stays_other(lines, labels, push, c, html) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = consent_lines(segs, labels[: len(segs)])  # the rules' last pass
    share = [0.0] * len(segs) if html else None
    out = rm.correct_roles(segs, roles, [None] * len(segs), model=_model(push, c),
                           link_share=share)  # fmt: skip
    for kept, before, after in zip(consent_kept(segs, roles), roles, out, strict=True):
        assert not kept or before == after == "other"


@given(_LINES, st.lists(st.sampled_from(ROLES), min_size=20, max_size=20))
def test_every_body_line_the_consent_box_takes_is_kept(lines, labels) -> None:
    _, segs = segment_text("\n".join(lines), "en")
    roles = labels[: len(segs)]
    out = consent_lines(segs, roles)
    kept = consent_kept(segs, out)
    for before, after, k in zip(roles, out, kept, strict=True):
        assert not k or after == "other"
        assert k or (before, after) != ("body", "other")


def test_an_other_line_the_box_only_runs_through_is_not_kept() -> None:
    _, segs = segment_text("We use cookies to improve the site.\nIt rained.\nAccept all", "en")
    assert consent_kept(segs, ["other", "other", "other"]) == [True, False, True]
    _, told = segment_text("Cookies were set, the regulator said.\nAccept all", "en")
    assert consent_kept(told, ["other", "other"]) == [False, False]  # no box: a story's line


def test_a_layer_sure_of_body_takes_the_box_back_only_when_the_switch_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = STORY.format(mid="", end=TAIL)
    segs = segment_text(page, "en")[1]
    with rules_only():
        roles = assign_roles(segs)
    box = [i for i, s in enumerate(segs) if "cookies" in s.text or "withdraw" in s.text]
    assert box and all(roles[i] == "other" for i in box)
    model = _model("body", rm.Correction(threshold=0.5, own_words=True))
    kept = rm.correct_roles(segs, roles, [None] * len(segs), model=model)
    assert all(kept[i] == "other" for i in box)
    monkeypatch.setattr(rm, "KEEP_CONSENT", False)
    monkeypatch.setattr(rm, "KEEP_FOOTER", False)  # below the story, the box speaks as the site
    free = rm.correct_roles(segs, roles, [None] * len(segs), model=model)
    assert all(free[i] == "body" for i in box)
