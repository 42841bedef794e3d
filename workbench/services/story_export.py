"""The story view as files: JSON (exactly the API's body) and a per-version CSV summary.

The CSV says what the JSON says about each version's place in the day: ``capture`` of
``captures`` and ``previous_capture`` (the outlet's capture before it, empty for the
first; round 36), so a spreadsheet can order an outlet's captures into a timeline.
A text cell a spreadsheet would run as a formula is written as text (``csv_cell``).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from workbench.core.story import BUCKETS
from workbench.services.stories import WRAPPER_ROLES

CSV_COLUMNS: tuple[str, ...] = (
    ("version_id", "outlet", "language", "captured_at", "capture", "captures",
     "previous_capture", "reference", "state", "relation", "alignment_id")
    + BUCKETS
    + tuple(f"wrapper_{role}" for role in WRAPPER_ROLES)
    + ("facts", "url")
)  # fmt: skip


def story_json(story: dict[str, Any], merge_find: dict[str, Any] | None = None) -> str:
    """``{"ok": true, "story": ...}``: byte for byte what ``/api/stories/<slug>`` answers;
    with ``merge_find`` (``workbench story --find``, webb38) what it answers to ``?find=``."""
    body = {"ok": True, "story": story, **({"merge_find": merge_find} if merge_find else {})}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


#: What a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value``, with a leading apostrophe when it is text a spreadsheet would run
    as a formula (an outlet named ``@SUM(1+1)``, round 37); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_row(v: dict[str, Any]) -> list[Any]:
    c = v.get("comparison") or {}
    counts = c.get("counts") or {}
    done = c.get("state") == "done" and c.get("relation") != "unrelated"
    return [
        v["id"], v["outlet"], v["language"] or "", v["captured_at"], v["capture"],
        v["captures"], v.get("previous_capture") or "", "yes" if v["reference"] else "",
        c.get("state", "reference"), c.get("relation", ""), c.get("alignment_id") or "",
        *[counts.get(b, "") if done else "" for b in BUCKETS],
        *[v["wrapper"].get(role, 0) for role in WRAPPER_ROLES],
        len(c.get("facts") or []) if done else "", v.get("url") or "",
    ]  # fmt: skip


def story_csv(story: dict[str, Any]) -> str:
    """One row per version: provenance, counts against the reference, wrapper, facts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for version in story["versions"]:
        writer.writerow([csv_cell(cell) for cell in _csv_row(version)])
    return out.getvalue()
