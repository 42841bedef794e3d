"""Turn a pair's diff ops into the pieces a template renders.

The ops are ``[op, text]`` with op -1 (only on the left/compared side), 0 (both)
or 1 (only on the right).  Which texts they were computed on is found out by
rebuilding: same-language pairs rebuild both originals; cross-language pairs
rebuild the MT of one side and the other original.  Templates render every
piece with autoescaping, so input text never becomes markup.
"""

from __future__ import annotations

from typing import Any

Parts = list[tuple[int, str]]


def _side(ops: list[Any], keep: int) -> Parts:
    return [(int(op), str(text)) for op, text in ops if op in (0, keep)]


def _join(parts: Parts) -> str:
    return "".join(text for _, text in parts)


MARK = 2  # a piece to highlight as a fact that differs (number, name, quotation)


def mark_facts(text: str, needles: list[str]) -> Parts:
    """``text`` cut into plain pieces and ``MARK`` pieces at each needle's first free match."""
    spans: list[tuple[int, int]] = []
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        start = 0
        while (found := text.find(needle, start)) >= 0:
            end = found + len(needle)
            if all(end <= a or found >= b for a, b in spans):
                spans.append((found, end))
                break
            start = found + 1
    parts: Parts = []
    cursor = 0
    for a, b in sorted(spans):
        if a > cursor:
            parts.append((0, text[cursor:a]))
        parts.append((MARK, text[a:b]))
        cursor = b
    if cursor < len(text):
        parts.append((0, text[cursor:]))
    return parts


def _fact_needles(flags: dict[str, Any] | None, side: str) -> list[str]:
    return [
        str(item)
        for value in (flags or {}).values()
        if isinstance(value, dict)
        for item in value.get(side, [])
    ]


def render_pair(pair: dict[str, Any]) -> dict[str, Any]:
    """Pieces for both columns: ``left``, ``right`` and optionally ``mt`` under one side.

    Across languages both originals are shown as plain text with the facts that
    differ marked, and the MT of the left side underneath as plain text: words
    of two languages are never diffed.  Same language: the word diff.
    """
    left_text, right_text = pair["left_text"], pair["right_text"]
    compared = pair.get("compared_text") or ""
    if pair.get("cross_language"):
        flags = pair.get("flags")
        return {
            "left": mark_facts(left_text, _fact_needles(flags, "left_only")),
            "right": mark_facts(right_text, _fact_needles(flags, "right_only")),
            "mt": [(0, compared)] if compared else None,
            "mt_side": "left" if compared else None,
            "mt_label": "MT",
        }
    ops = [
        op
        for op in pair.get("diff_ops") or []
        if isinstance(op, list | tuple) and len(op) == 2 and op[0] in (-1, 0, 1)
    ]  # an op that is not one of the three kinds is skipped, like one of the wrong shape
    dels, ins = _side(ops, -1), _side(ops, 1)
    plain_left: Parts = [(0, left_text)] if left_text else []
    plain_right: Parts = [(0, right_text)] if right_text else []
    view: dict[str, Any] = {
        "left": plain_left,
        "right": plain_right,
        "mt": None,
        "mt_side": None,
        "mt_label": "MT",
    }
    if not ops or (pair.get("status") == "moved" and not (left_text and right_text)):
        return view  # a move's origin marker: the text went elsewhere, its landing shows the diff
    if _join(dels) == left_text and _join(ins) == right_text:
        view.update(left=dels, right=ins)
    elif compared and _join(dels) == compared and _join(ins) == right_text:
        view.update(mt=dels, mt_side="left", right=ins)
    elif compared and _join(dels) == left_text and _join(ins) == compared:
        view.update(left=dels, mt=ins, mt_side="right")
    else:  # unknown basis: show both originals plus the inline diff
        view.update(mt=[(int(op), str(text)) for op, text in ops], mt_side="left", mt_label="diff")
    return view


def _flag_text(value: Any) -> str:
    if value is None:  # one side says nothing (round 36: it read "None ≠ 4.5")
        return ""
    for left, right in (("left", "right"), ("left_only", "right_only")):
        if isinstance(value, dict) and value and set(value) <= {left, right}:
            # what each side says, without the English words "left"/"right" ("left only"
            # was shown as is on a German or Russian page: keys are no UI strings)
            return f"{_flag_text(value.get(left)) or '—'} ≠ {_flag_text(value.get(right)) or '—'}"
    if isinstance(value, dict):
        return "; ".join(
            f"{str(k).replace('_', ' ')}: {_flag_text(v)}"
            for k, v in value.items()
            if v not in (None, [], "")
        )
    if isinstance(value, list | tuple | set):
        return ", ".join(_flag_text(v) for v in value)
    return str(value)


def flag_items(flags: dict[str, Any] | None) -> list[tuple[str, str]]:
    """Non-empty check flags as (name, readable text), e.g. ("numbers", "10,000 ≠ 11 000")."""
    items = []
    for name, value in (flags or {}).items():
        if value in (None, False, [], {}, ""):
            continue
        text = "" if value is True else _flag_text(value)
        items.append((str(name), text))
    return items
