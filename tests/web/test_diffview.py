"""How a pair's diff ops become column pieces (pure functions)."""

from __future__ import annotations

from workbench.web.diffview import flag_items, render_pair


def pair(left: str, right: str, ops: list, compared: str = "", **extra: object) -> dict:
    return {
        "left_text": left,
        "right_text": right,
        "compared_text": compared,
        "diff_ops": ops,
        **extra,
    }


def test_same_language_ops_split_into_columns() -> None:
    ops = [[0, "About "], [-1, "42"], [1, "45"], [0, ",000 cars"]]
    view = render_pair(pair("About 42,000 cars", "About 45,000 cars", ops))
    assert view["left"] == [(0, "About "), (-1, "42"), (0, ",000 cars")]
    assert view["right"] == [(0, "About "), (1, "45"), (0, ",000 cars")]
    assert view["mt"] is None


def test_cross_language_mt_of_left_goes_under_left() -> None:
    ops = [[0, "Die "], [-1, "Brücke"], [1, "Hafenbrücke"], [0, " ist zu"]]
    view = render_pair(
        pair("The bridge is shut", "Die Hafenbrücke ist zu", ops, "Die Brücke ist zu")
    )
    assert view["left"] == [(0, "The bridge is shut")]  # original untouched
    assert view["mt_side"] == "left" and (-1, "Brücke") in view["mt"]
    assert view["right"] == [(0, "Die "), (1, "Hafenbrücke"), (0, " ist zu")]


def test_cross_language_mt_of_right_goes_under_right() -> None:
    ops = [[0, "The "], [-1, "bridge"], [1, "harbour bridge"], [0, " is shut"]]
    view = render_pair(
        pair("The bridge is shut", "Die Hafenbrücke ist zu", ops, "The harbour bridge is shut")
    )
    assert view["mt_side"] == "right" and view["right"] == [(0, "Die Hafenbrücke ist zu")]
    assert view["left"] == [(0, "The "), (-1, "bridge"), (0, " is shut")]


def test_moved_rows_and_unknown_basis() -> None:
    moved = render_pair(pair("", "Built in 1974.", [[1, "Built in 1974."]], status="moved"))
    assert moved["right"] == [(0, "Built in 1974.")] and moved["mt"] is None
    odd = render_pair(pair("a", "b", [[-1, "x"], [1, "y"]]))
    assert (
        odd["left"] == [(0, "a")]
        and odd["mt_label"] == "diff"
        and odd["mt"] == [(-1, "x"), (1, "y")]
    )


def test_flag_items_are_readable() -> None:
    items = flag_items(
        {"numbers": {"left_only": ["42,000"], "right_only": ["45,000"]}, "names": []}
    )
    # no English key words ("left only") on a page in another language: each side's figures
    assert items == [("numbers", "42,000 ≠ 45,000")]
    one_side = flag_items({"numbers": {"left_only": ["12"], "right_only": []}})
    assert one_side == [("numbers", "12 ≠ —")]
    assert flag_items({"names": True}) == [("names", "")]
    assert flag_items(None) == []


def test_cross_language_rows_are_plain_text_with_facts_marked() -> None:
    """Issue 16: both originals and the MT, no strike-through, differing facts marked."""
    row = pair(
        "Der Rat billigte 11.000 Euro für Kyjiw.",
        "The council approved 10,000 euros for Kyiv.",
        [],
        "The council approved 11,000 euros for Kyiv.",
        cross_language=True,
        status="differs",
        flags={"numbers": {"left_only": ["11.000"], "right_only": ["10,000"]}},
    )
    view = render_pair(row)
    assert view["left"] == [(0, "Der Rat billigte "), (2, "11.000"), (0, " Euro für Kyjiw.")]
    assert view["right"] == [(0, "The council approved "), (2, "10,000"), (0, " euros for Kyiv.")]
    assert view["mt"] == [(0, "The council approved 11,000 euros for Kyiv.")]
    assert view["mt_side"] == "left"
    pieces = view["left"] + view["right"] + view["mt"]
    assert all(op in (0, 2) for op, _ in pieces)  # never an insertion or a deletion


def test_mark_facts_keeps_the_text_and_marks_each_needle_once() -> None:
    from workbench.web.diffview import mark_facts

    parts = mark_facts("Kyiv said Kyiv", ["Kyiv", "", "absent"])
    assert "".join(t for _, t in parts) == "Kyiv said Kyiv"
    assert parts[0] == (2, "Kyiv") and [op for op, _ in parts].count(2) == 1
    assert mark_facts("", ["x"]) == []
