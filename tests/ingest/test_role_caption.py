"""Round 35's study column ``under_byline`` (core.role_features): a caption's place.

Off in the shipped layer (``FEATURES`` keeps its columns); ``benchmarks/role_caption_cv.py``
scores a refit reading it.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import rules_only
from workbench.core import role_model as rm
from workbench.core.role_features import OPTIONAL, under_byline
from workbench.core.roles import assign_roles
from workbench.core.segment import Seg, segment_text

_ROLES = st.sampled_from(rm.ROLES)
_TEXTS = st.sampled_from(["By Tom Harrington  Sunday, 29 November 2026", "29.11.2026 12:31",
                          "A caption of a photo", "Title", "A sentence of the story."])  # fmt: skip


def _segs(texts: list[str]) -> list[Seg]:
    return segment_text("\n".join(texts), "en")[1]


def test_a_caption_under_the_byline_below_the_title_is_marked() -> None:
    """batch 17's insidethegames_en: title, byline, caption, story; the caption alone is 1.
    A title under a date line with no headline above it is 0 (the page's own title)."""
    texts = ["Biathlon", "Derevianko stuns favourites for maiden World Cup victory",
             "By Tom Harrington  Sunday, 29 November 2026",
             "Yuliia Derevianko shot clean to win in Kontiolahti IBU",
             "Yuliia Derevianko became the first Ukrainian woman to win a race.",
             "By the way, she said nothing."]  # fmt: skip
    segs = _segs(texts)
    roles = ["other", "headline", "other", "other", "body", "body"]
    assert under_byline(segs, roles).tolist() == [0, 0, 0, 1, 0, 0]
    dated = _segs(["29.11.2026 12:31", "Storm closes the port", "The port closed on Sunday."])
    assert under_byline(dated, ["other", "headline", "body"]).tolist() == [0, 0, 0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _ROLES), min_size=1, max_size=10))
def test_the_column_is_zero_from_the_story_on_and_without_a_headline_above(lines) -> None:
    """Only a line above the rules' first body line, with a rules' headline above it and a
    byline or date line right above it, can be 1."""
    segs = _segs([t for t, _ in lines])
    if len(segs) != len(lines):
        return
    roles = [r for _, r in lines]
    col = under_byline(segs, roles)
    first_body = roles.index("body") if "body" in roles else len(roles)
    for i, v in enumerate(col):
        if i >= first_body or "headline" not in roles[:i]:
            assert v == 0.0, i


def test_the_shipped_features_are_unchanged_and_the_study_adds_one_column() -> None:
    segs = _segs(["Title", "By Jo Bloggs  29.11.2026", "A caption", "The story said so."])
    with rules_only():
        roles = assign_roles(segs)
    fixed = [None] * len(segs)
    x = rm.page_features(segs, roles, fixed)
    assert x.shape == (len(segs), len(rm.FEATURES)) and "under_byline" not in rm.FEATURES
    y = rm.page_features(segs, roles, fixed, optional=OPTIONAL)
    assert y.shape == (len(segs), len(rm.FEATURES) + 1)
    assert np.array_equal(y[:, :-1], x)
    assert np.array_equal(y[:, -1], under_byline(segs, roles))
