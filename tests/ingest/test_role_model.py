"""The learned role correction (core.role_model): properties; the shipped weights on fixtures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.page_roles import rules_only
from workbench.core import role_model as rm
from workbench.core.role_runs import whole_runs
from workbench.core.roles import (
    ROLES,
    _fixed_roles,
    assign_roles,
    lines_as_paragraphs,
    menu_buttons,
)
from workbench.core.segment import segment_text
from workbench.testing.page_gold import (
    Score,
    load_annotated,
    load_pages,
    mapped_roles,
    score_page,
)

ROLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "role-pages"
STORY_PAIRS = Path(__file__).resolve().parents[1] / "data" / "story-pairs"
HISTORY = Path(__file__).resolve().parents[2] / "benchmarks" / "role_history.json"

_WORDS = st.sampled_from(
    ["Kyiv", "said", "the", "Read", "more", "Foto:", "AFP", "12:30", "Support", "us", "soldiers",
     "www.site.com", "|", "Комментарии", "(3)", "Alle", "akzeptieren", "drone", "crashed"]
)  # fmt: skip
_LINE = st.tuples(st.lists(_WORDS, min_size=1, max_size=14), st.sampled_from(["", ".", ":", "!"]))
_PAGES = st.lists(_LINE, min_size=1, max_size=12).map(
    lambda lines: "\n".join(" ".join(words) + end for words, end in lines)
)


def _rule_roles(segs, langs=None) -> list[str]:
    with rules_only():
        return assign_roles(segs, langs=langs)


def _page(text: str):
    segs = segment_text(text, "en")[1]
    fixed = [None] * len(segs)
    return segs, _rule_roles(segs), fixed


def _model(
    threshold: float, bias: dict[str, float] | None = None, correction: rm.Correction | None = None
) -> rm.RoleModel:
    """A hand-made model: each role's logit is a bias plus a vote for the rule's own label."""
    k, n = len(rm.ROLES), len(rm.FEATURES)
    weights = np.zeros((n + 1, k))
    for j, role in enumerate(rm.ROLES):
        weights[rm.FEATURES.index(f"rule_{role}"), j] = 2.0
        weights[n, j] = (bias or {}).get(role, 0.0)
    correction = correction or rm.Correction(threshold=threshold)
    return rm.RoleModel(rm.FEATURES, rm.ROLES, np.zeros(n), np.ones(n), weights, correction)


@settings(max_examples=60, deadline=None)
@given(_PAGES)
def test_features_are_one_finite_row_per_segment(text: str) -> None:
    segs, roles, fixed = _page(text)
    x = rm.page_features(segs, roles, fixed, langs=["en"] * len(segs))
    assert x.shape == (len(segs), len(rm.FEATURES))
    assert np.isfinite(x).all()


@settings(max_examples=40, deadline=None)
@given(_PAGES)
def test_features_read_the_labels_one_and_two_segments_away(text: str) -> None:
    """A lone line between two others of a kind is read with its wider run (round 17): each
    row carries the rule labels one and two segments up and down, none past the page's ends."""
    segs, roles, fixed = _page(text)
    x = rm.page_features(segs, roles, fixed)
    col = {name: k for k, name in enumerate(rm.FEATURES)}
    for i in range(len(segs)):
        for key, j in (("prev", i - 1), ("next", i + 1), ("prev2", i - 2), ("next2", i + 2)):
            got = [x[i, col[f"{key}_{r}"]] for r in rm.ROLES]
            want = [float(0 <= j < len(segs) and roles[j] == r) for r in rm.ROLES]
            assert got == want, (key, i)


def test_features_read_the_site_speaking_and_its_name() -> None:
    """A bio, a self-description or a promotion speaks as the site or names it (round 18):
    the site's "we" / "you" outside quotations, a line opening with the masthead's name and
    a line printing it anywhere are columns of their own; a story sentence carries none."""
    text = (
        "Kyiv Post\n\nDrone crashes near the border\n\n"
        "A drone crashed near the border on Sunday night, officials said.\n\n"
        "Kyiv Post is an independent English-language newspaper.\n\n"
        "Subscribe to our newsletter and support us.\n\n"
        "Read the Kyiv Post app for the latest news.\n"
    )
    segs, roles, fixed = _page(text)
    x = rm.page_features(segs, roles, fixed)
    names = ("site_voice", "opens_site", "names_site")
    col = {name: x[:, rm.FEATURES.index(name)] for name in names}
    row = {seg.text.strip(): k for k, seg in enumerate(segs)}
    story = row["A drone crashed near the border on Sunday night, officials said."]
    bio = row["Kyiv Post is an independent English-language newspaper."]
    promo = row["Subscribe to our newsletter and support us."]
    app = row["Read the Kyiv Post app for the latest news."]
    assert [col[c][story] for c in col] == [0.0, 0.0, 0.0]
    assert [col[c][bio] for c in col] == [0.0, 1.0, 1.0]
    assert col["site_voice"][promo] == 1.0 and col["names_site"][promo] == 0.0
    assert col["opens_site"][app] == 0.0 and col["names_site"][app] == 1.0
    quoted = rm.page_features(*_page('Kyiv Post\n\n"We will stay," he said.\n')[:2], [None] * 2)
    assert quoted[:, rm.FEATURES.index("site_voice")].tolist() == [0.0, 0.0]


def test_features_read_a_box_the_rules_ran_over_the_resumed_story() -> None:
    """Round 20's box columns: inside an appeal the rules found, a line shaped like a story
    sentence and sharing the story's words is told apart from the appeal's own line, and
    the appeal's line knows story-shaped lines follow it in its run; outside a box all zero."""
    text = (
        "Drone crashes near the border\n\n"
        "Kyiv said the drone crashed near the border village on Sunday night.\n\n"
        "Support independent journalism: donate today!\n\n"
        "Officials said the drone wreckage was found in a field near the border village.\n\n"
        "Share this article\n"
    )
    segs = segment_text(text, "en")[1]
    roles = ["headline", "body", "appeal", "appeal", "other"]
    x = rm.page_features(segs, roles, [None] * len(segs))
    box = x[:, [rm.FEATURES.index(f) for f in ("box_cohesion", "box_sentence", "box_follow")]]
    assert box[[0, 1, 4]].tolist() == [[0.0] * 3] * 3
    assert box[2].tolist() == [0.0, 0.0, 1.0]  # the appeal: short, a story line follows
    assert box[3, 0] > 0.3 and box[3, 1:].tolist() == [1.0, 0.0]  # the resumed story
    flat = rm.page_features(segs, ["headline", "body", "body", "body", "other"], [None] * 5)
    assert not flat[:, -3:].any()


_CORRECTIONS = st.builds(
    rm.Correction,
    scope=st.sampled_from([("body", "other"), ("body", "other", "link_residue")]),
    own_words=st.booleans(),
    threshold=st.floats(0.0, 1.5),
    headline=st.floats(0.0, 1.5),
    story_neutral=st.booleans(),
    headline_neutral=st.booleans(),
    headline_way=st.sampled_from(["", "in", "out"]),
    leave=st.sampled_from([0.0, 0.7, 0.9, 1.01]),
    inside=st.booleans(),
    boxes=st.sampled_from([(), ("appeal",), ("appeal", "comment_form")]),
    middle=st.sampled_from([0.0, 0.8, 1.01]),
    enter=st.sampled_from([0.0, 0.8, 1.01]),
    lone=st.sampled_from([0.0, 0.6, 0.9, 1.01]),
)


@settings(max_examples=80, deadline=None)
@given(_PAGES, _CORRECTIONS, st.sampled_from(rm.ROLES), st.booleans())
def test_corrections_only_where_the_model_is_sure(
    text: str, c: rm.Correction, push: str, own_words_fixed: bool
) -> None:
    segs, roles, _ = _page(text)
    fixed = [r if r not in c.scope and own_words_fixed else None for r in roles]
    model = _model(c.threshold, bias={push: 3.0}, correction=c)
    out = rm.correct_roles(segs, roles, fixed, model=model)
    prob = model.probabilities(rm.page_features(segs, roles, fixed))
    opened = set(c.scope) | ({"headline"} if c.headline <= 1 else set())
    assert len(out) == len(roles) and set(out) <= set(ROLES)
    for i, (before, after) in enumerate(zip(roles, out, strict=True)):
        if before == after:
            continue  # changed: an opened label, to the likeliest opened one, sure enough
        assert (fixed[i] is None or c.own_words) and after in opened  # never into a box
        assert before in opened or (before in c.boxes and after in {"headline", "body"})
        story = {"headline", "body"}
        assert not c.story_neutral or (before in story) == (after in story)
        heads = "headline" in (before, after)
        way = {"in": after, "out": before}.get(c.headline_way) == "headline"  # the open way
        assert not (c.headline_neutral and heads) or (before in story) == (after in story) or way
        need = c.headline if "headline" in (before, after) else c.threshold
        if before in story and after not in story:  # out of the story: the form's caution
            need = max(need, c.leave)
            inside = 0 < i < len(roles) - 1 and {roles[i - 1], roles[i + 1]} <= story
            assert not (c.inside and inside)
        if (before in story) != (after in story):  # across the story line mid-body: a margin
            mid = 0 < i < len(roles) - 1 and {roles[i - 1], roles[i + 1]} <= story
            need = max(need, c.middle) if mid else need
        if before not in story and after in story:  # into the story: its own margin
            need = max(need, c.enter)
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(roles)]
            if not any(roles[j] not in story and out[j] in story for j in near):
                need = max(need, c.lone)  # let in alone: the round-25 margin
        p = prob[i][rm.ROLES.index(after)]
        assert p >= need and p == max(prob[i][rm.ROLES.index(r)] for r in opened)


_TITLED = (
    "Drone crashes near the border\n\n"
    "Kyiv said the drone crashed near the border on Sunday night.\n"
)


def test_an_html_page_keeps_what_its_zones_or_words_decided() -> None:
    segs, roles, _ = _page(_TITLED)
    assert roles == ["headline", "body"]
    c = rm.Correction(threshold=0.5, own_words=True)
    model = _model(0.5, {"other": 6.0}, c)
    fixed = [None, "body"]
    assert rm.correct_roles(segs, roles, fixed, model=model) == ["headline", "other"]
    html = rm.correct_roles(segs, roles, fixed, model=model, link_share=[0.0, 0.0])
    assert html == ["headline", "body"]


@settings(max_examples=30, deadline=None)
@given(_PAGES)
def test_a_threshold_above_one_never_overrules_the_rules(text: str) -> None:
    segs, roles, fixed = _page(text)
    assert rm.correct_roles(segs, roles, fixed, model=_model(1.01, {"other": 9.0})) == roles


def test_a_story_neutral_correction_never_crosses_the_story_line() -> None:
    """Shipped since round 8: a headline may become body (or back), never chrome."""
    segs, roles, fixed = _page(_TITLED)
    neutral = rm.Correction(threshold=0.5, headline=0.5, story_neutral=True)
    to_other, to_body = _model(0.5, {"other": 6.0}, neutral), _model(0.5, {"body": 6.0}, neutral)
    assert rm.correct_roles(segs, roles, fixed, model=to_other) == roles
    assert rm.correct_roles(segs, roles, fixed, model=to_body) == ["body", "body"]


def test_a_headline_neutral_correction_moves_body_lines_but_never_a_headline_out() -> None:
    """Shipped since round 14: body <-> other may cross the story line, a headline may not."""
    segs, roles, fixed = _page(_TITLED)
    c = rm.Correction(threshold=0.5, headline=0.5, headline_neutral=True)
    assert rm.correct_roles(segs, roles, fixed, model=_model(0.5, {"other": 6.0}, c)) == [
        "headline", "other"]  # fmt: skip
    assert rm.RoleModel.from_json(_model(0.5, None, c).to_json()).correction == c


def test_a_one_way_headline_correction_lifts_chrome_into_a_headline_but_keeps_a_kicker() -> None:
    """Round 26 (``Correction.headline_way``): with headlines kept on their side, "in" still
    lets a header line the rules left in chrome (or a box) become a headline, while a kicker
    the header rules took for part of the headline is never taken for chrome; "out" the
    reverse; without ``headline_neutral`` both ways are open."""
    roles = ("headline", "body", "appeal", "other")
    rules = np.array([3, 0, 0, 2, 1, 1])  # other, kicker, title, appeal, body, body
    prob = np.full((6, 4), 0.02)
    prob[:, 1] = 0.94  # the model agrees with the body ...
    prob[[0, 2, 3]] = [0.94, 0.02, 0.02, 0.02]  # ... takes a chrome and a box line for title,
    prob[1] = [0.02, 0.02, 0.02, 0.94]  # and the kicker for chrome
    fixed = np.zeros(6, dtype=bool)
    base = rm.Correction(threshold=0.5, headline=0.6, headline_neutral=True, boxes=("appeal",))
    cases = [(base, [3, 0, 0, 2, 1, 1]), (replace(base, headline_way="in"), [0, 0, 0, 0, 1, 1]),
             (replace(base, headline_way="out"), [3, 3, 0, 2, 1, 1]),
             (replace(base, headline_neutral=False), [0, 3, 0, 0, 1, 1])]  # fmt: skip
    for c, want in cases:
        assert rm.corrected(prob, rules, fixed, c, roles).tolist() == want
        assert rm.RoleModel.from_json(_model(0.5, None, c).to_json()).correction == c
    assert "headline_way" not in _model(0.5, None, base).to_json()  # older files unchanged
    assert "but into them" in replace(base, headline_way="in").describe()


_THREE = _TITLED + (
    "Officials said the wreckage was found in a field near the village.\n"
    "The army said it would investigate the crash on Monday morning.\n"
)


def test_a_cautious_form_keeps_story_lines_the_model_is_unsure_of_or_inside_the_story() -> None:
    """Round 19's forms (``Correction.leave``, ``Correction.inside``): leaving the story needs
    its own probability, and a story line between two story lines never leaves."""
    segs, roles, fixed = _page(_THREE)
    assert roles == ["headline", "body", "body", "body"]
    base = rm.Correction(threshold=0.5, own_words=True, headline_neutral=True)
    p = _model(0.5, {"other": 3.0}, base).probabilities(rm.page_features(segs, roles, fixed))
    sure = float(p[1, rm.ROLES.index("other")])
    assert 0.5 <= sure < 0.99
    out, edge = ["headline", "other", "other", "other"], ["headline", "body", "body", "other"]
    cases = [(base, out), (replace(base, leave=0.99), roles), (replace(base, leave=sure), out),
             (replace(base, inside=True), edge)]  # fmt: skip
    for c, want in cases:
        assert rm.correct_roles(segs, roles, fixed, model=_model(0.5, {"other": 3.0}, c)) == want
    again = replace(base, leave=0.8, inside=True)
    assert rm.RoleModel.from_json(_model(0.5, None, again).to_json()).correction == again
    assert "leave_threshold" not in _model(0.5, None, base).to_json()  # older files unchanged


def test_a_box_may_be_left_for_the_story_but_never_entered() -> None:
    """Round 20 (``Correction.boxes``): an appeal the rules ran over the resumed story may give
    a line back to the story; a box line never becomes chrome and no line ever becomes an
    appeal; off by default."""
    roles = ("headline", "body", "appeal", "other")
    rules = np.array([1, 2, 2, 2, 1, 3])  # body, appeal x3, body, other
    prob = np.full((6, 4), 0.02)
    prob[:, 1] = 0.94  # the model is sure of body everywhere ...
    prob[1] = [0.02, 0.02, 0.94, 0.02]  # ... but the box's first line,
    prob[3] = [0.02, 0.02, 0.02, 0.94]  # a box line it takes for chrome
    prob[5] = [0.02, 0.02, 0.94, 0.02]  # and the other line it takes for an appeal
    fixed = np.ones(6, dtype=bool)
    c = rm.Correction(threshold=0.5, own_words=True)
    assert rm.corrected(prob, rules, fixed, c, roles).tolist() == [1, 2, 2, 2, 1, 3]
    boxed = replace(c, boxes=("appeal",))
    assert rm.corrected(prob, rules, fixed, boxed, roles).tolist() == [1, 2, 1, 2, 1, 3]
    assert rm.RoleModel.from_json(_model(0.5, None, boxed).to_json()).correction == boxed
    assert "from_boxes" not in _model(0.5, None, c).to_json()  # older files unchanged
    assert "out of appeal into the story too" in boxed.describe()


def _assert_margin(
    prob: np.ndarray, rules: np.ndarray, c: rm.Correction, field: str, cases: tuple, key: str
) -> None:
    """A margin ``field`` of ``Correction`` at each value gives its roles, survives the JSON
    round trip, and is left out of a file that does not set it (older files unchanged)."""
    roles = ("headline", "body", "appeal", "other")
    fixed = np.zeros(len(rules), dtype=bool)
    for value, want in cases:
        guarded = replace(c, **{field: value})
        assert rm.corrected(prob, rules, fixed, guarded, roles).tolist() == want
        assert rm.RoleModel.from_json(_model(0.5, None, guarded).to_json()).correction == guarded
    assert key not in _model(0.5, None, c).to_json()


def test_a_move_across_the_story_in_the_middle_of_the_body_needs_the_margin() -> None:
    """Round 21 (``Correction.middle``): a line whose neighbours above and below are story
    lines crosses the story line (out of it or into it) only at ``middle``; at the story's
    edges the threshold alone decides; off by default, written to JSON only when set."""
    roles = ("headline", "body", "appeal", "other")
    rules = np.array([0, 1, 1, 1, 3, 1, 1])  # headline, body x3, other, body x2
    prob = np.tile([0.02, 0.94, 0.02, 0.02], (7, 1))
    prob[2] = [0.02, 0.1, 0.02, 0.86]  # a mid-body line the model takes for chrome
    prob[4] = [0.02, 0.86, 0.02, 0.1]  # mid-body chrome it takes for story
    prob[6] = [0.02, 0.1, 0.02, 0.86]  # the story's last line it takes for chrome
    fixed = np.zeros(7, dtype=bool)
    c = rm.Correction(threshold=0.5)
    assert rm.corrected(prob, rules, fixed, c, roles).tolist() == [0, 1, 3, 1, 1, 1, 3]
    cases = ((0.9, [0, 1, 1, 1, 3, 1, 3]), (0.8, [0, 1, 3, 1, 1, 1, 3]))
    _assert_margin(prob, rules, c, "middle", cases, "middle_threshold")
    assert "mid-body p >= 0.9" in replace(c, middle=0.9).describe()


def test_a_move_into_the_story_needs_its_own_margin() -> None:
    """Round 22 (``Correction.enter``): a chrome line (or a box line) goes into the story only
    at ``enter``; lines leaving the story and headline <-> body moves keep the threshold alone;
    off by default, written to JSON only when set."""
    roles = ("headline", "body", "appeal", "other")
    rules = np.array([0, 1, 3, 1, 1, 2, 3])  # headline, body, other, body x2, appeal, other
    prob = np.tile([0.02, 0.94, 0.02, 0.02], (7, 1))
    prob[2] = [0.02, 0.86, 0.02, 0.1]  # chrome the model takes for story, fairly sure
    prob[4] = [0.02, 0.1, 0.02, 0.86]  # a story line it takes for chrome
    prob[5] = [0.02, 0.86, 0.1, 0.02]  # an appeal line it takes for story
    prob[6] = [0.02, 0.96, 0.01, 0.01]  # chrome it is very sure is story
    fixed = np.zeros(7, dtype=bool)
    c = rm.Correction(threshold=0.5, boxes=("appeal",))
    assert rm.corrected(prob, rules, fixed, c, roles).tolist() == [0, 1, 1, 1, 3, 1, 1]
    cases = ((0.9, [0, 1, 3, 1, 3, 2, 1]), (1.01, [0, 1, 3, 1, 3, 2, 3]))
    _assert_margin(prob, rules, c, "enter", cases, "enter_threshold")
    assert "into the story p >= 0.9" in replace(c, enter=0.9).describe()


def test_a_line_let_into_the_story_alone_needs_its_own_margin() -> None:
    """Round 25 (``Correction.lone``): a chrome line the model lets into the story with no
    neighbour let in beside it needs ``lone``; two lines let in together, lines leaving the
    story and headline <-> body moves keep the threshold alone; neighbours on another page do
    not count; off by default, written to JSON only when set."""
    roles = ("headline", "body", "appeal", "other")
    rules = np.array([0, 1, 3, 1, 1, 3, 3, 1, 3])  # the last line is page 1's first
    prob = np.tile([0.02, 0.94, 0.02, 0.02], (9, 1))
    prob[2] = [0.02, 0.64, 0.02, 0.32]  # chrome let in alone, fairly sure
    prob[4] = [0.02, 0.32, 0.02, 0.64]  # a story line taken out, as sure
    prob[5] = prob[6] = prob[2]  # two chrome lines let in together, as sure
    prob[7] = [0.02, 0.32, 0.02, 0.64]
    prob[8] = prob[2]  # page 1: its neighbour above is page 0's last line
    fixed = np.zeros(9, dtype=bool)
    page = np.array([0] * 8 + [1])
    c = rm.Correction(threshold=0.5)
    base = [0, 1, 1, 1, 3, 1, 1, 3, 1]
    assert rm.corrected(prob, rules, fixed, c, roles, page=page).tolist() == base
    for value, want in ((0.6, base), (0.7, [0, 1, 3, 1, 3, 1, 1, 3, 3])):
        guarded = replace(c, lone=value)
        assert rm.corrected(prob, rules, fixed, guarded, roles, page=page).tolist() == want
        assert rm.RoleModel.from_json(_model(0.5, None, guarded).to_json()).correction == guarded
    assert "lone_threshold" not in _model(0.5, None, c).to_json()
    assert "alone into the story p >= 0.7" in replace(c, lone=0.7).describe()


def test_a_confident_model_overrules_and_an_unsure_one_does_not() -> None:
    segs, roles, fixed = _page(_TITLED)
    assert roles == ["headline", "body"]
    sure, unsure = _model(0.9, {"other": 6.0}), _model(0.9, {"other": 1.0})
    assert rm.correct_roles(segs, roles, fixed, model=sure) == ["headline", "other"]
    assert rm.correct_roles(segs, roles, fixed, model=unsure) == ["headline", "body"]


def test_the_model_round_trips_through_json() -> None:
    model = _model(0.8, {"body": 0.5})
    again = rm.RoleModel.from_json(model.to_json())
    x = np.random.default_rng(1).normal(size=(4, len(rm.FEATURES)))
    assert np.allclose(again.probabilities(x), model.probabilities(x))
    assert again.threshold == 0.8 and again.correction == model.correction


def test_the_weights_ship_inside_the_package() -> None:
    model = rm.shipped_model()
    assert model is not None, "workbench/core/role_model.json missing or stale"
    assert model.features == rm.FEATURES and model.roles == rm.ROLES
    assert model.weights.shape == (len(rm.FEATURES) + 1, len(rm.ROLES))
    assert 0.5 <= model.threshold <= 1.01


def _fixed(segs) -> list[str | None]:
    """The labels the segments' own words decided, as ``assign_roles`` passes them on."""
    segs = lines_as_paragraphs(segs)
    fixed = menu_buttons(segs, _fixed_roles(segs, [None] * len(segs), [False] * len(segs)))
    return [None if r == "headline" else r for r in fixed]


def _gold_role(page, seg) -> str:
    """The gold role of most of the segment's characters."""
    votes: dict[str, int] = {}
    for span in page.spans:
        overlap = min(seg.end, span["end"]) - max(seg.start, span["start"])
        if overlap > 0:
            votes[span["role"]] = votes.get(span["role"], 0) + overlap
    return max(votes, key=votes.__getitem__)


#: What the learned layer may cost on pages the rules were written on.  Since round 15 the layer
#: is chosen by first-run leave-one-out (docs/heldout.md): it is meant to overrule rules on
#: pages of shapes they were not written for, and on pages they *were* written for (the
#: fixture pages, in-sample for every rule) each change it makes overrules a label fit to the
#: page.  Round 15's study measured that cost left out on the dev sets where today's rules are
#: in-sample (stories-dev, batches 3-21): roles .9893 -> .9846, story .9944 -> .9906 (-.0047,
#: -.0038), for +.0057 / +.0071 on every dev set's first run.  The guard allows that much and
#: no more; the fixture pages cost the shipped weights (round 20) -.0021 / -.0020.
IN_SAMPLE_COST = 0.005


def test_shipped_weights_on_the_fixture_pages() -> None:
    """Over all fixture pages the rules + shipped model lose at most what the study measured
    the layer to cost where rules are in-sample (``IN_SAMPLE_COST``), change only what the
    correction opens, and are what ``assign_roles`` returns (the hook).  Not a gain test: the
    gain is on first-run labels (``benchmarks/role_train.py``; the newest batches' first runs in
    ``test_the_correction_mends_what_rules_got_wrong_on_new_writers_pages``)."""
    model = rm.shipped_model()
    assert model is not None
    opened = set(model.correction.scope) | (
        {"headline"} if model.correction.headline <= 1 else set()
    )
    rules, learned = Score(), Score()
    for path in sorted(ROLE_PAGES.rglob("*.txt")):
        page = load_annotated(path)
        before = _rule_roles(page.segs, page.langs)
        after = rm.correct_roles(page.segs, before, _fixed(page.segs), langs=page.langs)
        after = whole_runs(before, after)  # a headline run decided as one (core.role_runs)
        assert assign_roles(page.segs, langs=page.langs) == after, path.name
        for seg, old, new in zip(page.segs, before, after, strict=True):
            if old != new:
                assert new in opened, seg.text
                assert old in opened or (old in model.correction.boxes and new == "body")
        rules.add(score_page(page, before))
        learned.add(score_page(page, after))
    assert learned.chars == rules.chars > 0
    assert learned.roles >= rules.roles - IN_SAMPLE_COST
    assert learned.story >= rules.story - IN_SAMPLE_COST


def test_a_page_left_without_story_keeps_the_rules_labels() -> None:
    """However sure the model is, it never takes every story line out of a page."""
    segs, roles, fixed = _page("Kyiv said the drone crashed near the border on Sunday night.\n")
    model = _model(0.5, {"other": 9.0})
    assert rm.correct_roles(segs, roles, fixed, model=model) == roles == ["body"]


def test_a_short_page_keeps_the_rules_labels() -> None:
    text = "".join(f"Kyiv said the drone number {k} crashed near the border.\n" for k in range(6))
    segs, roles, fixed = _page(text)
    model = _model(0.5, {"headline": 9.0}, rm.Correction(threshold=0.5, headline=0.5))
    assert "headline" in rm.correct_roles(segs, roles, fixed, model=model)
    short = _model(0.5, {"headline": 9.0}, rm.Correction(threshold=0.5, headline=0.5,
                                                        min_segments=len(segs) + 1))  # fmt: skip
    assert rm.correct_roles(segs, roles, fixed, model=short) == roles


@settings(max_examples=40, deadline=None)
@given(_PAGES)
def test_the_shipped_correction_keeps_its_bounds(text: str) -> None:
    """Whatever the page, the shipped weights change only the labels their correction opens,
    and a page the rules gave a story keeps one (what ``assign_roles`` returns)."""
    model = rm.shipped_model()
    assert model is not None
    segs = segment_text(text, "en")[1]
    rules = _rule_roles(segs)
    out = assign_roles(segs)
    opened = set(model.correction.scope) | (
        {"headline"} if model.correction.headline <= 1 else set()
    )
    assert len(out) == len(rules)
    boxes = set(model.correction.boxes)  # a box line may go back to the story (round 20)
    assert all(b in opened and (a in opened or (a in boxes and b in {"headline", "body"}))
               for a, b in zip(rules, out, strict=True) if a != b)  # fmt: skip
    story = {"headline", "body"}
    assert not (set(rules) & story) or set(out) & story
    if len(segs) < model.correction.min_segments:
        assert out == rules


#: The newest dev batches and their first runs: the main that labelled them before anyone had
#: seen them (``benchmarks/role_train.FIRST_RUN``).
NEWEST_FIRST_RUNS = {"batch40": "a82a352", "batch41": "a82a352", "batch43": "c0de3d8",
                     "batch44": "c0de3d8", "batch47": "7a5d86b", "batch48": "7a5d86b",
                     "batch52": "2990759", "batch53": "2990759", "batch56": "250eeb1",
                     "batch57": "250eeb1", "batch61": "d39d778", "batch62": "d39d778",
                     "batch65": "1fb8f11", "batch66": "1fb8f11"}  # fmt: skip


def test_the_correction_mends_what_rules_got_wrong_on_new_writers_pages() -> None:
    """Batches 40-57's ten dev batches and 61, 62, 65, 66 as the mains of their rounds labelled
    them before anyone had seen them (the errors rules make on a new writer's pages): the
    shipped correction raises roles and the in-story decision, and leaves the pages shorter
    than its least page size alone.  The shipped weights (round 20) were fit on all fourteen
    batches' labels, so this is no held-out figure (that is the study's leave-one-out,
    docs/ingest.md round 20) but a guard that the file and the hook do what the study fit:
    all fourteen pooled .9410 / .9653 -> .9529 / .9751 (round 18's file, never fit on 61-66:
    .9492 / .9708)."""
    history = json.loads(HISTORY.read_text(encoding="utf-8"))
    model = rm.shipped_model()
    assert model is not None
    rules, learned = Score(), Score()
    for batch, commit in NEWEST_FIRST_RUNS.items():
        for page in load_pages(STORY_PAIRS / batch):
            first = mapped_roles(page, history[commit][f"blind{batch[5:]}/{page.name}"])
            after = rm.correct_roles(page.segs, first, _fixed(page.segs), langs=page.langs)
            if len(page.segs) < model.correction.min_segments:
                assert after == first, page.name
            rules.add(score_page(page, first))
            learned.add(score_page(page, after))
    assert learned.roles > rules.roles and learned.story > rules.story


#: Round 33's to 44's history additions (``benchmarks/role_label_history``): each dev batch's
#: first run (the start of the round it was held out in) and the newest main that never saw it.
NEWEST_HISTORY = {
    "batch116": ("51f081f", "af8f8c4"),
    "batch117": ("51f081f", "af8f8c4"),
    "batch119": ("0affcde", "02cd69b"),
    "batch122": ("0affcde", "02cd69b"),
    "batch124": ("30657ff", "e66a51f"),
    "batch126": ("30657ff", "e66a51f"),
    "batch128": ("ac5d499", "8471c64"),
    "batch130": ("ac5d499", "8471c64"),
    "batch132": ("1ef12e5", "a5b92a2"),
    "batch133": ("1ef12e5", "a5b92a2"),
    "batch136": ("135510e", "9dd9bfd"),
    "batch138": ("135510e", "9dd9bfd"),
    "batch139": ("21115cf", "9e25356"),
    "batch141": ("21115cf", "9e25356"),
    "batch145": ("6d4e49a", "e01134b9"),
    "batch146": ("6d4e49a", "e01134b9"),
    "batch148": ("e550e51f", "74bdcbc4"),
    "batch150": ("e550e51f", "74bdcbc4"),
    "batch151": ("f8cb4707", "6f2887b7"),
    "batch152": ("f8cb4707", "6f2887b7"),
    "batch155": ("c76ac023", "b6ffa6dc"),
    "batch157": ("c76ac023", "b6ffa6dc"),
    "batch161": ("c20af012", "1cb805e2"),
    "batch162": ("c20af012", "1cb805e2"),
}
#: Pages whose rule labels changed within the round that held them out: round 34's
#: ``voiced_boxes`` took one line of dnister_daily_ukrinform_en other -> appeal.
CHANGED_WITHIN = {"blind126/b-keramkrai-bilokamianka-2027-04-30__dnister_daily_ukrinform_en"}


def test_the_newest_dev_batches_have_their_first_runs_in_the_history() -> None:
    """Every page of the dev batches 116-162 has the rule labels of the main that first
    met it (model off) and of the newest main that never saw it, covering its text: a batch in
    ``role_train.BATCHES`` without them would train and be scored on today's labels only (in
    sample for the rules, round 14).  Both mains' labels agree except where a rule changed
    within the round (``CHANGED_WITHIN``), so the first run is the one before the change."""
    history = json.loads(HISTORY.read_text(encoding="utf-8"))
    for batch, (first, last) in NEWEST_HISTORY.items():
        pages = load_pages(STORY_PAIRS / batch)
        assert pages, batch
        for page in pages:
            key = f"blind{batch[5:]}/{page.name}"
            runs = history[first][key]
            assert (runs != history[last][key]) == (key in CHANGED_WITHIN), key
            roles = mapped_roles(page, runs)
            assert len(roles) == len(page.segs) and set(roles) <= set(rm.ROLES), key
