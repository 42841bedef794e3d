"""The story CSV carries ``previous_capture`` as its JSON twin does (round 36, webb36).

web36 gave each later capture of an outlet its previous one in the story's JSON (the desk's
"Changes since #N"); the CSV, one row per version, did not say it, so a spreadsheet of the
day could not order an outlet's captures into a timeline.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from tests.story.test_since_previous36 import _third
from workbench.cli import main
from workbench.config import Settings
from workbench.services.story_export import CSV_COLUMNS


def test_csv_has_the_previous_capture_of_the_json(settings: Settings, tmp_path: Path) -> None:
    v1, v2, v3 = _third(settings)
    base = ["--database-url", settings.database_url, "story", "harbour-bridge-closure"]
    out = tmp_path / "story.csv"
    result = CliRunner().invoke(main, [*base, "--export", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert "previous_capture" in CSV_COLUMNS
    previous = {int(r["version_id"]): r["previous_capture"] for r in rows}
    assert (previous[v1], previous[v2], previous[v3]) == ("", str(v1), str(v2))
    as_json = CliRunner().invoke(main, [*base, "--json"])
    story = json.loads(as_json.output)["story"]
    for version in story["versions"]:
        assert previous[version["id"]] == str(version["previous_capture"] or "")
