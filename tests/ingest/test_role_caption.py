"""Rounds 35 and 36's study columns ``under_byline`` and ``above_credit``
(core.role_features): a caption's place.

Off in the shipped layer (``FEATURES`` keeps its columns); ``benchmarks/role_caption_cv.py``
scores a refit reading it.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import rules_only
from workbench.core import role_model as rm
from workbench.core.role_features import OPTIONAL, above_credit, is_credit, under_byline
from workbench.core.roles import assign_roles
from workbench.core.segment import Seg, segment_text

_ROLES = st.sampled_from(rm.ROLES)
_TEXTS = st.sampled_from(["By Tom Harrington  Sunday, 29 November 2026", "29.11.2026 12:31",
                          "A caption of a photo", "Title", "A sentence of the story.",
                          "© Emrah Gurel/AP/dpa"])  # fmt: skip


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
    assert OPTIONAL == ("under_byline", "above_credit")
    assert not set(OPTIONAL) & set(rm.FEATURES)
    y = rm.page_features(segs, roles, fixed, optional=OPTIONAL)
    assert y.shape == (len(segs), len(rm.FEATURES) + 2)
    assert np.array_equal(y[:, :-2], x)
    assert np.array_equal(y[:, -2], under_byline(segs, roles))
    assert np.array_equal(y[:, -1], above_credit(segs, roles))


def test_a_caption_above_its_credit_below_the_title_is_marked() -> None:
    """batch 11's merkur_dpa_de (a gallery counter above the caption) and batch 13's cbc_en
    (a long "Posted: … | Last Updated: …" line above it): the caption's next line is its
    credit.  The credit itself, and a line above a credit with no headline above, are 0."""
    texts = ["Startseite  Welt", "Frachter läuft im Bosporus auf Grund", "1/12",
             "Schlepper versuchen, die „Nordic Halcyon“ freizuschleppen.",
             "© Emrah Gurel/AP/dpa", "Istanbul (dpa) - Der Schiffsverkehr ist eingestellt worden.",
             "Measles is one of the most contagious diseases in the world.",
             "(Jean-Philippe Thériault/Radio-Canada)"]  # fmt: skip
    segs = _segs(texts)
    assert len(segs) == len(texts)
    roles = ["other", "headline", "other", "other", "other", "body", "body", "other"]
    assert above_credit(segs, roles).tolist() == [0, 0, 0, 1, 0, 0, 0, 0]
    assert above_credit(segs, ["other"] * 5 + ["body"] * 3).tolist() == [0] * 8
    head = _segs(
        [
            "Measles closes a school",
            "CBC News  Posted: Nov 30, 2026 7:12 PM EST | Last Updated: 2 hours ago",
            texts[6],
            texts[7],
            "Officials confirmed it.",
        ]
    )
    assert above_credit(head, ["headline", "other", "other", "other", "body"]).tolist() == [
        0, 0, 1, 0, 0]  # fmt: skip


def test_credits_are_read_in_every_form_and_sentences_are_not() -> None:
    for credit in ("© Emrah Gurel/AP/dpa", "(Jean-Philippe Thériault/Radio-Canada)",
                   "Foto: Jonas Wehlert/dpa", "Фото: Emrah Gurel / AP", "PHOTO: Reuters file",
                   "Bergretter im Einsatz im Pitztal (Archivbild) Bild: dpa", "©AFP",
                   "Credit: AFP", "Un pompier sur place (Photo d'archives)"):  # fmt: skip
        assert is_credit(credit), credit
    for line in ("The port closed on Sunday, officials said.", "Frachter läuft auf Grund",
                 "Ukraine says 24/7 power is back (update)", "Live: the 2026 vote"):  # fmt: skip
        assert not is_credit(line), line


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _ROLES), min_size=1, max_size=10))
def test_the_credit_column_is_zero_from_the_story_on_and_without_a_headline_above(lines) -> None:
    """Only a line above the rules' first body line, with a rules' headline above it and a
    credit right under it, can be 1."""
    segs = _segs([t for t, _ in lines])
    if len(segs) != len(lines):
        return
    roles = [r for _, r in lines]
    col = above_credit(segs, roles)
    first_body = roles.index("body") if "body" in roles else len(roles)
    for i, v in enumerate(col):
        if i >= first_body or "headline" not in roles[:i] or i + 1 == len(segs):
            assert v == 0.0, i
        else:
            assert v == float(is_credit(segs[i + 1].text.strip())), i
