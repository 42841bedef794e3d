"""``workbench translation export|import``: a version's translation as a deliverable file.

Thin wrappers over ``workbench.services.deliverables`` and
``workbench.services.xliff_import``; the rules (best text per segment,
boilerplate, revision checks) live there.
"""

from __future__ import annotations

from pathlib import Path

import click

from workbench.commands.common import (
    ID,
    Choice,
    NamedPath,
    check_output_file,
    database_settings,
    dump_json,
    write_output,
)
from workbench.errors import ConflictError

FORMAT_NAMES = ["txt", "html", "xliff", "tmx"]  # = services.deliverables.FORMATS (a test checks)


@click.group("translation")
def translation_group() -> None:
    """Export a version's translation (txt, html, xliff, tmx) and import edited XLIFF."""


@translation_group.command("export")
@click.argument("version_id", type=ID)
@click.option("--to", "target", required=True, help="Target language code, e.g. de.")
@click.option("--format", "fmt", default="txt", show_default=True,
              type=Choice(FORMAT_NAMES), help="Deliverable format.")  # fmt: skip
@click.option("--approved-only/--any-status", default=None,
              help="Only approved translations (default: on for tmx, off otherwise).")  # fmt: skip
@click.option("--include-boilerplate", is_flag=True,
              help="Keep appeal, link residue and comment form segments.")  # fmt: skip
@click.option("-o", "--output", type=NamedPath(path_type=Path, dir_okay=False), default=None,
              help="Write here instead of standard output.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
def export_cmd(
    version_id: int,
    target: str,
    fmt: str,
    approved_only: bool | None,
    include_boilerplate: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Write VERSION_ID's translation into --to LANG as a file.

    txt/html keep the source order and paragraphs with the best text per
    segment (approved > draft > machine); segments without a translation keep
    their source text (html marks them).  xliff is XLIFF 1.2 for CAT tools and
    can be re-imported with `workbench translation import`.  tmx holds approved
    translations only unless --any-status; with none to hold it is not written
    and the error says why (nothing approved or nothing translated yet).
    Segment counts go to stderr; translations --approved-only leaves out are
    counted as "not approved", not as untranslated.
    """
    from workbench.services.deliverables import export_translation

    if output is not None:
        check_output_file(output, force=force)  # before any work
    body, _format, deliverable = export_translation(
        database_settings(),
        version_id,
        target,
        fmt,
        approved_only=approved_only,
        include_boilerplate=include_boilerplate,
    )
    if output is None:
        click.echo(body, nl=False)
    else:
        write_output(output, body, force=force)
        click.echo(f"Wrote {output} ({len(deliverable.units)} segments)")
    click.echo(f"Segments: {deliverable.report()}", err=True)


@translation_group.command("import")
@click.argument("file", type=NamedPath(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def import_cmd(file: Path, as_json: bool) -> None:
    """Read an XLIFF 1.2 FILE edited in a CAT tool back into the translations.

    Units are matched by segment id; a segment changed in the workbench since
    the export is reported as a conflict (exit code 4) and not overwritten.
    A malformed or foreign file changes nothing.
    """
    from workbench.services.files import read_named
    from workbench.services.xliff_import import import_xliff

    settings = database_settings()
    report = import_xliff(settings, read_named(file, settings.max_upload_bytes * 20), str(file))
    if as_json:
        dump_json(report.to_json())
    else:
        click.echo(
            f"{report.units} units: updated {report.updated} (approved {report.approved}), "
            f"unchanged {report.unchanged}, untranslated {report.untranslated}, "
            f"same language {report.skipped_same_language}, conflicts {len(report.conflicts)}"
        )
        for c in report.conflicts:
            row = c["position"] + 1  # rows count from 1 for a reader (round 37)
            where = f"version {c['version_id']} row {row} (XLIFF unit {c['segment_id']})"
            click.echo(f"  conflict: {where}: {c['message']}")
            click.echo(f"    your text: {c['file_text']}")
    if report.conflicts:
        raise ConflictError(
            f"{len(report.conflicts)} segment(s) changed in the workbench since the export "
            "were not overwritten; re-export, merge and import again"
        )


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(translation_group)
