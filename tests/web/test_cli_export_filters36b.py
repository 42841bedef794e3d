"""``workbench export --status/--role``: the CLI exports what the page exports (round 36, webb36).

web36 made the compare view's export follow its filters (``alignment.filter``, schema 1.2);
the CLI export had no filter at all.  Both now read the filters through one service rule
(``export_stream.row_filter``): the same rows, the same ``alignment.filter``, and the one
error shape for a value neither knows.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from workbench.cli import main
from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.ingest_files import ingest_sample_corpus


@pytest.fixture
def alignment(settings: Settings) -> int:
    ids = {r.filename: r.version_id for r in ingest_sample_corpus(settings)}
    pair = compare_versions(settings, ids["northwire-v1.txt"], ids["northwire-v2.json"])
    return pair.alignment_id


def _export(settings: Settings, alignment: int, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["--database-url", settings.database_url, "export", str(alignment), *args]
    )
    return result.exit_code, result.output


def test_cli_export_keeps_the_rows_the_page_keeps(
    settings: Settings, client: FlaskClient, alignment: int
) -> None:
    code, out = _export(settings, alignment, "--status", "changed")
    assert code == 0, out
    document = json.loads(out)
    page = client.get(f"/api/alignments/{alignment}/export?format=json&status=changed").get_json()
    assert document["pairs"] == page["pairs"] and len(document["pairs"]) == 3
    assert document["alignment"]["filter"] == page["alignment"]["filter"]
    assert document["alignment"]["filter"]["statuses"] == ["changed"]


def test_cli_export_roles_and_jsonl(settings: Settings, alignment: int) -> None:
    code, out = _export(settings, alignment, "--format", "jsonl", "--role", "headline",
                        "--status", "changed", "--status", "unchanged")  # fmt: skip
    assert code == 0, out
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["alignment"]["filter"]["roles"] == ["headline"]
    assert records[1:] and all("headline" in r["roles"] for r in records[1:])


def test_cli_export_without_filters_is_every_row(settings: Settings, alignment: int) -> None:
    code, out = _export(settings, alignment)
    assert code == 0, out
    document = json.loads(out)
    assert len(document["pairs"]) == 16 and document["alignment"]["filter"] is None


def test_cli_export_refuses_an_unknown_value(settings: Settings, alignment: int) -> None:
    for args, word in ((["--status", "chnged"], "chnged"), (["--role", "bodyy"], "bodyy")):
        code, out = _export(settings, alignment, *args)
        assert code == 2, out
        assert out.startswith("Error: unknown role or change: ") and word in out


def test_cli_help_names_every_value_the_rule_accepts() -> None:
    """The help lists the values; it must not drift from the service's rule."""
    from workbench.services.export_stream import ROW_ROLES, ROW_STATUSES

    text = " ".join(CliRunner().invoke(main, ["export", "--help"]).output.split())
    for value in ROW_ROLES + ROW_STATUSES:
        assert value in text, value
