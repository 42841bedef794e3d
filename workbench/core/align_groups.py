"""Alignment within groups: headlines with headlines, running text with running text.

Why: a monotonic aligner pairs whatever comes first.  When one outlet prints a
two-sentence standfirst under its title and the other prints none, the first
body sentence of one side is linked to the other side's standfirst, and every
later pairing shifts.  Sentences of different groups (page roles) never
correspond in the story sense, so each group is aligned on its own and the
results are concatenated in the order the groups first appear.  Within a group
``left_breaks``/``right_breaks`` (role changes) still apply.  Only done when the
alignment of the whole documents links sentences of different groups: a short
group alone gives a noisy chance level (a six-sentence body lost a verbatim
move that way), so the whole alignment is kept whenever it respects the groups.
Two copies may disagree on what is deck and what is story (one page's lead sentences
read as its deck, a crosshead set as a headline line on one side only): a sure link
of the whole alignment between such a line (a headline line under the title) and
the other side's text, surer than what grouping made of its sentences, moves those
lines into the text group (``AlignParams.deck_link_confidence``).
Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from workbench.core.align import align
from workbench.core.align_params import AlignParams
from workbench.core.align_repair import Bead

#: the group of running text (``services.compare.role_groups``): its first sentence is the lead
TEXT = "text"


def groups_of(roles: Sequence[str]) -> list[str]:
    """Each line's group by its page role: headlines with headlines, everything else together."""
    return ["headline" if role == "headline" else TEXT for role in roles]


def breaks_of(roles: Sequence[str]) -> list[int]:
    """Where the page role changes (headline -> body): the aligner never joins across it."""
    return [k for k in range(1, len(roles)) if roles[k] != roles[k - 1]]


def align_groups(
    left: Sequence[str],
    right: Sequence[str],
    left_groups: Sequence[str],
    right_groups: Sequence[str],
    *,
    left_mt: Sequence[str] | None = None,
    left_breaks: Sequence[int] = (),
    right_breaks: Sequence[int] = (),
    **options: Any,
) -> list[Bead]:
    """``align`` run once per group label; indices and ``move_to`` mapped to the whole lists."""
    if len(left_groups) != len(left) or len(right_groups) != len(right):
        raise ValueError("one group label per sentence is needed on each side")
    whole = align(left, right, left_mt=left_mt, left_breaks=left_breaks,
                  right_breaks=right_breaks, leads=_leads(left_groups, right_groups),
                  **options)  # fmt: skip
    if all(
        len({left_groups[k] for k in b.left} | {right_groups[k] for k in b.right}) <= 1
        for b in _links(whole)
    ):
        return whole  # nothing crosses a group: the whole documents calibrate chance better
    grouped = _grouped(left, right, left_groups, right_groups, left_mt, left_breaks,
                       right_breaks, options)  # fmt: skip
    params = options.get("params") or AlignParams()
    if params.deck_link_confidence < 0:
        return grouped
    moved = _told_apart(whole, grouped, left_groups, right_groups, params.deck_link_confidence)
    if not moved[0] and not moved[1]:
        return grouped
    lg = ["text" if k in moved[0] else g for k, g in enumerate(left_groups)]
    rg = ["text" if k in moved[1] else g for k, g in enumerate(right_groups)]
    return _grouped(left, right, lg, rg, left_mt, left_breaks, right_breaks, options)


def _told_apart(
    whole: list[Bead], grouped: list[Bead], left_groups: Sequence[str],
    right_groups: Sequence[str], floor: float,
) -> tuple[set[int], set[int]]:  # fmt: skip
    """Headline-group lines of confident cross-group links that grouping links less surely.

    A sentence the grouped alignment leaves unmatched holds at confidence 0 here, so a
    cross-group link wins it whenever it is surer than what grouping made of each of its
    sentences.
    """
    held: tuple[dict[int, float], dict[int, float]] = ({}, {})
    for b in grouped:
        linked = b.confidence if b.left and b.right else 0.0
        if b.move_to is not None:
            linked = 1.0  # a move is a link too: leave it
        held[0].update(dict.fromkeys(b.left, linked))
        held[1].update(dict.fromkeys(b.right, linked))
    titles = tuple({groups.index(g) for g in groups if g != "text"}
                   for groups in (left_groups, right_groups))  # fmt: skip
    moved: tuple[set[int], set[int]] = (set(), set())
    for b in whole:
        if not b.left or not b.right or b.confidence < floor:
            continue
        if titles[0] & set(b.left) or titles[1] & set(b.right):
            continue  # a title is a title: only the lines under it (decks, crossheads) move
        labels = {left_groups[k] for k in b.left} | {right_groups[k] for k in b.right}
        surer = all(held[0].get(k, 0.0) < b.confidence for k in b.left) and all(
            held[1].get(k, 0.0) < b.confidence for k in b.right
        )
        if len(labels) < 2 or not surer:
            continue
        moved[0].update(k for k in b.left if left_groups[k] != "text")
        moved[1].update(k for k in b.right if right_groups[k] != "text")
    return moved


def _grouped(
    left: Sequence[str], right: Sequence[str], left_groups: Sequence[str],
    right_groups: Sequence[str], left_mt: Sequence[str] | None, left_breaks: Sequence[int],
    right_breaks: Sequence[int], options: dict[str, Any],
) -> list[Bead]:  # fmt: skip
    """``align`` run once per group label, concatenated in the order groups first appear."""
    out: list[Bead] = []
    order = list(dict.fromkeys([*left_groups, *right_groups]))
    for label in order:
        li = [k for k, g in enumerate(left_groups) if g == label]
        ri = [k for k, g in enumerate(right_groups) if g == label]
        beads = align(
            [left[k] for k in li], [right[k] for k in ri],
            left_mt=[left_mt[k] for k in li] if left_mt is not None else None,
            left_breaks=_local(left_breaks, li), right_breaks=_local(right_breaks, ri),
            leads=(0, 0) if label == TEXT else None, **options,
        )  # fmt: skip
        offset = len(out)
        for bead in beads:
            out.append(replace(
                bead,
                left=tuple(li[k] for k in bead.left), right=tuple(ri[k] for k in bead.right),
                move_to=None if bead.move_to is None else bead.move_to + offset,
            ))  # fmt: skip
    return out


def _leads(left_groups: Sequence[str], right_groups: Sequence[str]) -> tuple[int, int] | None:
    """Each side's first running-text sentence (its lead, ``core.align_leads``), if both have."""
    left = next((k for k, g in enumerate(left_groups) if g == TEXT), None)
    right = next((k for k, g in enumerate(right_groups) if g == TEXT), None)
    return None if left is None or right is None else (left, right)


def _links(beads: list[Bead]) -> list[Bead]:
    """Every bead, and each move as the link of its two halves (a move joins two sentences)."""
    out = list(beads)
    for bead in beads:
        if bead.move_to is not None and 0 <= bead.move_to < len(beads):
            other = beads[bead.move_to]
            out.append(Bead(bead.left + other.left, bead.right + other.right, 0.0, ""))
    return out


def _local(breaks: Sequence[int], ids: list[int]) -> list[int]:
    """Breaks of the whole list as positions in the group's sub-list (a skipped run counts)."""
    return [n for n in range(1, len(ids)) if any(ids[n - 1] < b <= ids[n] for b in breaks)]
