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
    assert items == [("numbers", "left only: 42,000; right only: 45,000")]
    assert flag_items({"names": True}) == [("names", "")]
    assert flag_items(None) == []
