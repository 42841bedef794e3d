"""Compare-time guard: an edge line one page's roles put out of the story is compared when the
aligner links it to a story line of the other page (round 24, ``core.align_partners``)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import align_partners
from workbench.core.align_groups import align_groups, breaks_of, groups_of
from workbench.core.align_inner import compared_lines
from workbench.core.align_partners import Compared, compare_partners, edge_lines, partnered
from workbench.core.align_repair import Bead

STORY = [
    ("Fire in a student dormitory in Bilokamianka", "headline"),
    ("A fire broke out in a student dormitory in Bilokamianka on Sunday night.", "body"),
    ("Forty-two students were evacuated, the emergency service said.", "body"),
    ("Two of them were taken to hospital with smoke poisoning.", "body"),
    ("The cause of the fire is being investigated by the police.", "body"),
    ("The fire was put out at 04:20.", "body"),
    ("This website uses cookies to improve your experience.", "other"),
]


def _split(page: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    return [t for t, _ in page], [r for _, r in page]


def _compare(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> tuple[Compared, int]:
    """The pair compared as ``services.compare`` does it, and how many alignments it took."""
    (lt, lr), (rt, rr) = _split(left), _split(right)
    calls = []

    def run(li: Sequence[int], ri: Sequence[int], lro: Sequence[str], rro: Sequence[str]
            ) -> list[Bead]:  # fmt: skip
        calls.append((list(li), list(ri)))
        return align_groups([lt[k] for k in li], [rt[k] for k in ri], groups_of(lro),
                            groups_of(rro), left_breaks=breaks_of(lro),
                            right_breaks=breaks_of(rro))  # fmt: skip

    done = compare_partners(compared_lines(lt, lr, rt, rr), (lr, rr), run)
    return done, len(calls)


def _linked(done: Compared, left: int) -> list[int]:
    """The right page lines linked with the left page line ``left``."""
    k = done.left.index(left)
    return [done.right[j] for b in done.beads if k in b.left for j in b.right]


def test_a_last_sentence_the_layer_took_out_is_compared_with_its_partner() -> None:
    moved = [(t, "other" if k == 5 else r) for k, (t, r) in enumerate(STORY)]
    done, calls = _compare(moved, STORY)
    assert 5 in done.left and done.left_roles[done.left.index(5)] == "body"
    assert _linked(done, 5) == [5]
    assert 6 not in done.left and 6 not in done.right  # the two cookie notices stay out
    assert calls == 2  # tried with both edge lines, then without the cookie notices


def test_two_cookie_notices_pairing_with_each_other_stay_out() -> None:
    done, calls = _compare(STORY, STORY)
    assert done.left == done.right == [0, 1, 2, 3, 4, 5]
    assert calls == 2


def test_an_edge_line_without_a_partner_stays_out() -> None:
    byline = [*STORY[:6], ("— AFP", "other")]
    rewritten = [(t.replace("04:20", "dawn"), r) for t, r in STORY[:6]]
    done, _ = _compare(byline, rewritten)
    assert 6 not in done.left


def test_the_switch_off_compares_what_compared_lines_selects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(align_partners, "PARTNER_LINES", False)
    moved = [(t, "other" if k == 5 else r) for k, (t, r) in enumerate(STORY)]
    done, calls = _compare(moved, STORY)
    assert (done.left, done.right, calls) == ([0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5], 1)


def test_edge_lines_are_other_lines_at_or_inside_the_body() -> None:
    roles = ["other", "headline", "other", "body", "appeal", "other", "body", "other", "other"]
    assert edge_lines(roles) == [2, 5, 7]
    assert edge_lines(["headline", "other"]) == []


def test_only_a_line_linked_alone_surely_and_closely_to_story_lines_is_partnered() -> None:
    roles = (["body", "other", "other", "other"], ["body", "body", "other"])
    ids = ([0, 1, 2, 3], [0, 1, 2])
    cands = ({1, 2, 3}, {2})
    floor = align_partners.PARTNER_SCORE
    beads = [
        Bead((0, 1), (0,), floor + 0.3, "2-1", confidence=0.9),  # joined with a body line
        Bead((2,), (1,), floor + 0.3, "1-1", confidence=0.9),  # alone, to a story line
        Bead((3,), (2,), floor + 0.5, "1-1", confidence=0.9),  # to the other page's chrome
    ]
    assert partnered(beads, ids, cands, roles) == ({2}, set())
    weak = [Bead((2,), (1,), floor - 0.01, "1-1", confidence=0.9),
            Bead((3,), (0,), floor + 0.3, "1-1", confidence=0.39)]  # fmt: skip
    assert partnered(weak, ids, cands, roles) == (set(), set())


ROLES = st.sampled_from(["headline", "body", "other", "appeal"])
TEXTS = st.sampled_from([t for t, _ in STORY] + ["— AFP", "Kiew."])
LINES = st.lists(st.tuples(TEXTS, ROLES), max_size=8)


@settings(max_examples=40, deadline=None)
@given(LINES, LINES)
def test_the_guard_only_adds_edge_lines_read_as_body(
    left: list[tuple[str, str]], right: list[tuple[str, str]]
) -> None:
    (lt, lr), (rt, rr) = _split(left), _split(right)
    keep = compared_lines(lt, lr, rt, rr)
    done, calls = _compare(left, right)
    assert calls <= 2
    for ids, read, base, roles in ((done.left, done.left_roles, keep[0], lr),
                                   (done.right, done.right_roles, keep[1], rr)):  # fmt: skip
        assert ids == sorted(set(ids)) and set(base) <= set(ids)
        assert set(ids) - set(base) <= set(edge_lines(roles))
        assert all(r == ("body" if k not in base else roles[k])
                   for k, r in zip(ids, read, strict=True))  # fmt: skip
