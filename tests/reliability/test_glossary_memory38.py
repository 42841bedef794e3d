"""A large glossary import holds bounded memory, same result, all or nothing (round 38).

Why: round 37's walk measured a 100,000-row glossary CSV import at 525 MB: every
row became an ORM object held by the session (and every existing term of the
pair was loaded as one) until the commit.  Terms are now written in batches
with plain statements inside the one transaction, so the memory does not grow
with the rows; a bad row anywhere (the last one too) still leaves the glossary
as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.reliability.conftest import cli_peak_mb
from workbench.cli import main
from workbench.config import Settings
from workbench.services import glossary


def _csv(path: Path, rows: int, bad_at: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("source,target,forbidden,note\n")
        for i in range(rows):
            flag = "maybe" if i == bad_at else "no"
            out.write(f"term number {i},Begriff Nummer {i},{flag},a note about term {i}\n")
    return path


def _peak_mb(settings: Settings, path: Path) -> float:
    return cli_peak_mb(settings, ["glossary", "import", str(path), "--from", "en", "--to", "de"])


def _terms(settings: Settings) -> dict[tuple[str, str], dict]:
    return {(t["source_term"], t["target_term"]): t
            for t in glossary.list_terms(settings, "en", "de")}  # fmt: skip


@pytest.mark.slow
def test_eight_times_the_rows_cost_no_more_memory(settings: Settings, tmp_path: Path) -> None:
    small = _peak_mb(settings, _csv(tmp_path / "small.csv", 4_000))
    large = _peak_mb(settings, _csv(tmp_path / "large.csv", 32_000))
    assert large - small < 40, (small, large)  # START: ~120 MB more


def test_the_same_terms_and_counts_with_repeats_and_updates(settings: Settings) -> None:
    rows = [f"t{i},T{i},no,n{i}" for i in range(2_500)]
    data = ("\n".join(rows + ["t7,T7,yes,again", "t2400,T2400,no,last wins"]) + "\n").encode()
    assert glossary.import_glossary(settings, data, "g.csv", "en", "de") == {
        "added": 2_500, "updated": 2}  # fmt: skip
    terms = _terms(settings)
    assert len(terms) == 2_500
    assert terms[("t7", "T7")]["forbidden"] and terms[("t7", "T7")]["note"] == "again"
    assert terms[("t2400", "T2400")]["note"] == "last wins"
    again = glossary.import_glossary(settings, b"t1,T1,no,changed\nnew,Neu,no,\n", "g.csv", "en",
                                     "de")  # fmt: skip
    assert again == {"added": 1, "updated": 1}
    terms = _terms(settings)
    assert terms[("t1", "T1")]["note"] == "changed" and len(terms) == 2_501


@pytest.mark.bad_input
def test_a_bad_last_row_leaves_the_glossary_as_it_was(settings: Settings, tmp_path: Path) -> None:
    env = {"WORKBENCH_HOME": str(settings.home), "WORKBENCH_DATABASE_URL": settings.database_url}
    glossary.import_glossary(settings, b"keep,Behalten,no,\n", "g.csv", "en", "de")
    before = glossary.list_terms(settings, "en", "de")
    path = _csv(tmp_path / "bad.csv", 5_000, bad_at=4_999)
    result = CliRunner().invoke(main, ["glossary", "import", str(path), "--from", "en", "--to",
                                       "de"], env=env)  # fmt: skip
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: CSV row 5001: forbidden"), result.output
    assert glossary.list_terms(settings, "en", "de") == before
