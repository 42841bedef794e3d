"""A work bound for over-long segments in comparisons (pure).

Why: one "sentence" of a megabyte (a page without punctuation, a paste of a
whole book) made a compare take minutes: similarity profiles, name keys and
word diffs all grow with the text.  No real sentence comes near
``LONG_SEGMENT_CHARS``; past it the aligner and the checks see the segment's
head and tail (where an edit of a pasted text usually shows), the diff is a
character-level prefix/suffix diff, and the row carries a ``partial`` flag so
the reader knows the middle was not checked word by word.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.diff import DELETE, EQUAL, INSERT, DiffResult

#: Past this many characters a segment is compared by its head and tail only.
LONG_SEGMENT_CHARS = 20_000
#: Flag name of a row compared in part (``flags[PARTIAL]`` says how much was read).
PARTIAL = "partial"


def is_long(*texts: str | None) -> bool:
    """Whether any of ``texts`` is past the bound."""
    return any(t is not None and len(t) > LONG_SEGMENT_CHARS for t in texts)


def clip(text: str, limit: int = LONG_SEGMENT_CHARS) -> str:
    """``text`` itself, or its first and last ``limit // 2`` characters."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} {text[-half:]}"


def clip_all(texts: Sequence[str] | None) -> list[str] | None:
    """Every text clipped (``None`` stays ``None``: e.g. no MT)."""
    return None if texts is None else [clip(t) for t in texts]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving (slice comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def cheap_diff(a: str, b: str) -> DiffResult:
    """Common head, one replaced middle, common tail: linear; the ratio bounds the edits.

    ``edit_ratio`` is the replaced middle's length over the longer text, so it
    never understates the character edits.  The ops rebuild both texts exactly.
    """
    head = _common_prefix(a, b)
    tail = _common_prefix(a[head:][::-1], b[head:][::-1])
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    ops = [[EQUAL, a[:head]], [DELETE, mid_a], [INSERT, mid_b], [EQUAL, a[len(a) - tail :]]]
    ratio = max(len(mid_a), len(mid_b)) / max(len(a), len(b), 1)
    return DiffResult([op for op in ops if op[1]], round(min(1.0, ratio), 4))


def partial_flag(*texts: str) -> dict[str, list[str]]:
    """The ``partial`` flag's value: how many characters each side has and was checked."""
    longest = max(len(t) for t in texts)
    return {"checked_chars": [f"{LONG_SEGMENT_CHARS:,}"], "chars": [f"{longest:,}"]}
