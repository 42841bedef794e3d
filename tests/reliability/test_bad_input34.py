"""Round 34's CLI walk: bad input earlier rounds did not try, each a clear ``Error:``.

Why: a glossary CSV with an unterminated quote was imported as one term whose
target swallowed the rest of the file (``b\\nc,d``), with "1 added" and no word
said; every term after the quote was lost to the user.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.config import Settings
from workbench.services import glossary

pytestmark = [pytest.mark.bad_input]


@pytest.mark.parametrize("data", [b'a,"b\nc,d\ne,f\n', b'a;b\nc;"d\n'], ids=["comma", "semicolon"])
def test_a_csv_with_a_broken_quote_is_refused(
    settings: Settings, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "terms.csv"
    path.write_bytes(data)
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    result = CliRunner().invoke(
        main, ["glossary", "import", str(path), "--from", "en", "--to", "de"], env=env
    )
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: malformed CSV"), result.output
    assert glossary.list_terms(settings, "en", "de") == []


def test_quotes_used_right_still_import(settings: Settings) -> None:
    data = b'a,"b ""x"" c"\n"line, front","Front\nLinie"\nd,e\n'
    assert glossary.import_glossary(settings, data, "t.csv", "en", "de")["added"] == 3
    terms = {t["source_term"]: t["target_term"] for t in glossary.list_terms(settings, "en", "de")}
    assert terms == {"a": 'b "x" c', "line, front": "Front\nLinie", "d": "e"}
