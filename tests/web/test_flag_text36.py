"""A number on one side only, as the compare view writes it (round 36, web36).

Walking the demo story with a fourth capture (a new figure, 4.5 million euros; 'ten days'
dropped from a quote), the compare view said "numbers differ: None ≠ 4.5" and
"ten ≠ None": Python's None, where the story desk writes '–' for the same fact.
"""

from __future__ import annotations

from workbench.web.diffview import flag_items


def test_a_number_on_one_side_only_reads_as_a_dash() -> None:
    assert flag_items({"numbers": {"right_only": ["4.5"]}}) == [("numbers", "— ≠ 4.5")]
    assert flag_items({"numbers": {"left_only": ["ten"], "right_only": None}}) == [
        ("numbers", "ten ≠ —")
    ]
    assert flag_items({"names": {"left": ["Kovalenko"], "right": []}}) == [
        ("names", "Kovalenko ≠ —")
    ]
