"""An XLIFF of 50,000 units naming segments that do not exist (round 37).

Why: the error named the first ten missing segments and stopped, so a file of
50,000 units from another database read as "segment(s) 10, 11, … 19 not found"
— as if ten units were wrong.  It now says how many more there are, as the job
request's unknown ids do (``… (+N)``), and still imports nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings

TEXT = "Der Damm leckt seit Montag.\n\nDie Feuerwehr pumpt Wasser ab.\n"
UNITS = 50_000


@pytest.mark.bad_input
def test_fifty_thousand_unknown_units_are_counted_and_nothing_is_imported(
    settings: Settings, tmp_path: Path
) -> None:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    runner = CliRunner()
    page = tmp_path / "dam.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(page), "--outlet", "W"], env=env).exit_code == 0
    xliff = tmp_path / "v1.xliff"
    args = ["translation", "export", "1", "--to", "en", "--format", "xliff", "-o", str(xliff)]
    assert runner.invoke(main, args, env=env).exit_code == 0
    text = xliff.read_text(encoding="utf-8")
    units = "".join(f'<trans-unit id="{i}"><source>S</source><target>Z</target></trans-unit>'
                    for i in range(1000, 1000 + UNITS))  # fmt: skip
    big = tmp_path / "big.xliff"
    big.write_text(re.sub(r"<body>.*</body>", f"<body>{units}</body>", text, flags=re.S),
                   encoding="utf-8")  # fmt: skip
    result = runner.invoke(main, ["translation", "import", str(big)], env=env)
    assert result.exit_code == 3, result.output
    line = result.output.strip()
    assert "\n" not in line and line.startswith("Error: "), line
    assert "1000, 1001" in line and f"(+{UNITS - 10})" in line, line
    assert "nothing was imported" in line
