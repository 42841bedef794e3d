"""Round 39 (speedc39): each text's figures read once per ``align`` call, same values.

``align_figures.figures`` keeps a text's values while ``figures_memo`` is open (``align``
opens it for one call); the steps that read figures then read each sentence once.  The memo
must give the values a fresh read gives, hand out lists a caller may change without
changing it, and end with the call, so a ``check_numbers`` switch changed between two calls
is read by the second.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import align_figures
from workbench.core.align import align
from workbench.core.align_figures import figures, figures_memo

_PIECES = ["rund", "40", "45", "Millionen", "Euro", "1,8", "Meter", "2024", "zwölf", "sixty",
           "thousand", "3,000", "-4", "12.5", "%", "am", "Montag", "um", "14:30"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=8))
def test_memo_gives_a_fresh_reads_values(texts: list[str]) -> None:
    fresh = [figures(t) for t in texts]
    with figures_memo():
        first = [figures(t) for t in texts]
        for values in first:
            values.append(-1.0)  # a caller's list: the memo's stays as it is
        again = [figures(t) for t in [*texts, *texts]]
    assert again == fresh + fresh
    assert not align_figures._MEMOS


def test_memo_ends_with_the_call() -> None:
    text = "Die Aktion koste rund 40 Millionen Euro, am Vortag waren es 12,5 Millionen."
    other = "Die Aktion lässt sich der Händler rund 45 Millionen Euro kosten."
    align([text, other], [other, text])
    assert not align_figures._MEMOS  # a later call, or a read outside one, reads afresh
    with figures_memo(), figures_memo():
        assert figures(text) == list(align_figures._read(text))
        assert len(align_figures._MEMOS) == 2
    assert not align_figures._MEMOS
