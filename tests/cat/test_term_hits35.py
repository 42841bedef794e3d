"""Glossary hits on a huge segment: linear in the hits, same answer (round 35).

Why: ``term_hits`` checked each new hit against every hit taken before
(``any(... for s, e in taken)``), so a 426 kB paragraph in which a glossary term
occurs 6,000 times took 110 s to mark on the version page (the JSON twin 0.02 s),
enough for a proxy to time the request out.  Taken hits never overlap unless
they are the same span (two entries with one source term), so sorted by start
only the nearest ones can overlap a new hit: a binary search finds them.  The
answer is the rule of before, checked against its old code on random texts.
"""

from __future__ import annotations

import sys
from types import FrameType

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import terms as terms_module
from workbench.core.terms import Term, TermHit, find, term_hits

WORDS = ["bridge", "harbour", "harbour bridge", "storm", "bridges", "old harbour"]


def _reference(source: str, terms: list[Term], lang: str | None) -> list[TermHit]:
    """``term_hits`` as it was at START (quadratic), the rule to keep."""
    hits: list[TermHit] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted((t for t in terms if t.source.strip()), key=lambda t: -len(t.source))
    for term in ordered:
        for start, end in find(source, term.source, lang):
            if any(start < e and s < end and (s, e) != (start, end) for s, e in taken):
                continue
            taken.append((start, end))
            hits.append(TermHit(term, start, end))
    return sorted(hits, key=lambda h: h.start)


@given(
    st.lists(st.sampled_from(WORDS + ["the", "a"]), max_size=30),
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["Brücke", "Hafen", "x"])),
             max_size=6),
)  # fmt: skip
def test_the_same_hits_as_before(words: list[str], entries: list[tuple[str, str]]) -> None:
    text = " ".join(words)
    terms = [Term(source, target) for source, target in entries]
    assert term_hits(text, terms, "en") == _reference(text, terms, "en")


def _lines_run(text: str, terms: list[Term]) -> int:
    """Lines of ``workbench.core.terms`` executed to mark ``text`` (a count, not a clock)."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> object:
        nonlocal count
        count += event == "line"
        return local

    def calls(frame: FrameType, event: str, arg: object) -> object:
        return local if frame.f_code.co_filename == terms_module.__file__ else None

    before = sys.gettrace()
    sys.settrace(calls)
    try:
        term_hits(text, terms, "en")
    finally:
        sys.settrace(before)
    return count


def test_sixty_thousand_hits_are_marked_in_linear_work() -> None:
    """Four times the hits run about four times the lines (START's quadratic check: ~16x).

    Counted, not timed (round 42): a wall-clock bound fails on a loaded CI machine and
    says nothing on a fast one; the line count is the same everywhere.
    """
    terms = [Term("harbour", "Hafen"), Term("harbour", "Hafenanlage"), Term("storm", "Sturm")]
    text = " ".join(["the harbour", "a storm"] * 20_000)
    assert len(term_hits(text, terms, "en")) == 60_000  # both "harbour" entries mark every harbour
    small, large = (" ".join(["the harbour", "a storm"] * n) for n in (1_000, 4_000))
    ratio = _lines_run(large, terms) / _lines_run(small, terms)
    assert 3.5 < ratio < 5, ratio
