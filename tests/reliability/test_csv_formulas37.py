"""A story CSV never hands a spreadsheet a formula (round 37).

Why: the story CSV (``workbench story SLUG --export F --format csv``) wrote an
outlet named ``@SUM(1+1)`` or ``=HYPERLINK("http://…","Click")`` into its cell as
it was; a spreadsheet opening the file runs a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula (CSV injection).  Such a
text cell is now written with a leading apostrophe, which spreadsheets show as
text (OWASP's rule); numbers and every other text are written as before.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services.story_export import csv_cell

TEXT = "Der Damm leckt seit Montag.\n\nDie Feuerwehr pumpt Wasser ab.\n"
OUTLETS = ['=HYPERLINK("http://evil.example","Click")', "@SUM(1+1)", "+1 Wire", "-Radio"]


@pytest.mark.bad_input
def test_an_outlet_that_reads_as_a_formula_is_text_in_the_story_csv(
    settings: Settings, tmp_path: Path
) -> None:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    runner = CliRunner()
    page = tmp_path / "dam.txt"
    page.write_text(TEXT, encoding="utf-8")
    for outlet in [*OUTLETS, "Tauernblick"]:
        result = runner.invoke(main, ["ingest", str(page), "--outlet", outlet, "--article", "dam"],
                               env=env)  # fmt: skip
        assert result.exit_code == 0, result.output
    out = tmp_path / "story.csv"
    result = runner.invoke(main, ["story", "dam", "--export", str(out), "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    outlets = {row["outlet"] for row in rows}
    assert outlets == {"'" + o for o in OUTLETS} | {"Tauernblick"}, outlets
    for row in rows:
        assert row["version_id"].isdigit()  # numbers untouched


def test_csv_cell() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("\tx") == "'\tx" and csv_cell("\rx") == "'\rx"
    assert csv_cell("Wire") == "Wire" and csv_cell("") == "" and csv_cell(-2) == -2
    assert csv_cell("https://a.example/=x") == "https://a.example/=x"
