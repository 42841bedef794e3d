"""One registry per vocabulary: every entrance reads it, nothing lists it by hand.

Why: "add an export format / a status / an ingest format" must touch one module
plus a registration.  These tests fail when an entrance keeps its own list.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from tests.web.conftest import Corpus
from workbench.adapters.decode import detect_format
from workbench.cli import main
from workbench.config import Settings
from workbench.core import roles as core_roles
from workbench.core.statuses import REGISTRY, STATUSES
from workbench.formats import EXPORT_FORMATS, INGEST_FORMAT_NAMES, INGEST_FORMATS
from workbench.services.compare import compare_versions
from workbench.services.ingest import ingest_bytes
from workbench.web import create_app


def _choices(command: str, option: str) -> list[str]:
    cmd = main.commands[command]
    param = next(p for p in cmd.params if p.name == option)
    assert isinstance(param.type, click.Choice)
    return list(param.type.choices)


def test_cli_choices_come_from_the_registries() -> None:
    assert _choices("export", "fmt") == list(EXPORT_FORMATS)
    assert _choices("ingest", "fmt") == list(INGEST_FORMAT_NAMES)
    assert _choices("show", "roles") == list(core_roles.ROLES)


def test_every_export_format_works_in_the_cli_and_the_web(
    settings: Settings, corpus: Corpus
) -> None:
    client = create_app(settings).test_client()
    for fmt in EXPORT_FORMATS.values():
        response = client.get(f"/alignments/{corpus.alignment}/export?format={fmt.name}")
        assert response.status_code == 200, fmt.name
        assert response.mimetype == fmt.mimetype
        disposition = response.headers["Content-Disposition"]
        assert disposition.endswith(f'alignment-{corpus.alignment}.{fmt.extension}"')
        env = {"WORKBENCH_DATABASE_URL": settings.database_url}
        cli = CliRunner().invoke(main, ["export", str(corpus.alignment), "--format", fmt.name],
                                 env=env)  # fmt: skip
        assert cli.exit_code == 0, cli.output
        assert cli.stdout == response.get_data(as_text=True).replace(
            _exported_at(response.get_data(as_text=True)), _exported_at(cli.stdout)
        )


def _exported_at(text: str) -> str:
    """The export's creation time, the one part that differs between two exports."""
    import re

    found = re.search(r'(exported_at": "|creationdate=")([^"]+)', text)
    return found.group(2) if found else ""


def test_every_ingest_suffix_decodes_as_its_format() -> None:
    for fmt in INGEST_FORMATS:
        for suffix in fmt.suffixes:
            assert detect_format(f"page{suffix}", b"x") == fmt.name


def test_statuses_are_counted_and_labelled_from_the_registry(
    settings: Settings, corpus: Corpus
) -> None:
    v1 = ingest_bytes(settings, b"The bridge opened.\n", filename="a.txt", outlet="W").version_id
    v2 = ingest_bytes(settings, b"The bridge closed.\n", filename="b.txt", outlet="W").version_id
    summary = compare_versions(settings, v1, v2).summary
    assert set(STATUSES) <= set(summary)
    page = create_app(settings).test_client().get(f"/alignments/{corpus.alignment}")
    html = page.get_data(as_text=True)
    for status in REGISTRY:
        assert f'value="{status.name}"' in html, status.name
        assert status.symbol in html, status.name
