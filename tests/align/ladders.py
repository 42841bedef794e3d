"""A hypothesis strategy shared by the relink tests (quote relink, anchor relink and its
like-size reading): their properties are about order and sentence bookkeeping, so they
draw the same ladders and differ only in the sentence texts."""

from __future__ import annotations

from hypothesis import strategies as st

from workbench.core.align_repair import Bead


@st.composite
def ladders(
    draw: st.DrawFn, texts: st.SearchStrategy[str],
) -> tuple[list[Bead], tuple[list[str], list[str]]]:  # fmt: skip
    """A monotonic ladder of 1-1 links and one-sided sentences, each sentence from ``texts``."""
    beads: list[Bead] = []
    i = j = 0
    for kind in draw(st.lists(st.sampled_from(["1-1", "1-0", "0-1"]), max_size=12)):
        left = (i,) if kind[0] == "1" else ()
        right = (j,) if kind[2] == "1" else ()
        beads.append(Bead(left, right, 0.5 if left and right else 0.0, kind))
        i, j = i + len(left), j + len(right)
    return beads, ([draw(texts) for _ in range(i)], [draw(texts) for _ in range(j)])
