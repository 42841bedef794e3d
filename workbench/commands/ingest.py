"""CLI for the ingest area: ``init``, ``ingest``, ``versions``, ``show``.

Thin wrappers: every command calls ``workbench.services`` and only formats.
Commands create/upgrade the schema on first use, so ``workbench init`` is
optional.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from workbench.commands.common import ID, Choice, NamedPath, database_settings, dump_json, one_line
from workbench.core.roles import ROLES
from workbench.errors import PARTIAL_EXIT_CODE, WorkbenchError
from workbench.formats import INGEST_FORMAT_NAMES

if TYPE_CHECKING:  # the service pulls in lingua etc.; keep `workbench --help` fast
    from workbench.config import Settings
    from workbench.services.ingest import IngestResult


def _line(result: IngestResult) -> str:
    state = "created " if result.created else "existing"
    return one_line(
        f"{state} version {result.version_id}: {result.segments} segments, "
        f"{result.encoding}, language {result.language or '?'}, outlet {result.outlet!r}, "
        f"article {result.article} ({result.filename or '-'})"
        + (f"; {_story_line(result)}" if result.match else "")
    )


def _story_line(result: IngestResult) -> str:
    from workbench.services.story_match import describe_dict

    return describe_dict(result.match or {})


@click.command("init")
@click.pass_context
def init_cmd(ctx: click.Context) -> None:
    """Create or upgrade the database schema."""
    settings = database_settings(ctx)
    click.echo(f"Database ready: {settings.database_url}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=NamedPath(path_type=Path))
@click.option(
    "--outlet",
    default="",
    help="Publisher of every file. Without it each file names its own: a JSON "
    "file's 'outlet' field, else a name <outlet>_<lang>.txt (ostro_org_uk.txt: ostro_org).",
)
@click.option(
    "--article",
    default=None,
    help="Story (article slug) of every file. Without it each capture joins the "
    "stored story it resembles (see docs/stories.md), else starts one.",
)
@click.option("--url", default=None, help="Source URL of the capture.")
@click.option("--captured-at", default=None, help="Capture time, ISO 8601 (default: now).")
@click.option(
    "--format",
    "fmt",
    type=Choice(INGEST_FORMAT_NAMES),
    default=None,
    help="Input format (default: from the file extension).",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read files behind symbolic links (never links leading out of a folder given).",
)
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.pass_context
def ingest_cmd(
    ctx: click.Context,
    paths: tuple[Path, ...],
    outlet: str,
    article: str | None,
    url: str | None,
    captured_at: str | None,
    fmt: str | None,
    follow_symlinks: bool,
    as_json: bool,
) -> None:
    """Ingest PATH... (.txt, .html, .json files or folders) as versions.

    A folder of captures from several outlets needs no --outlet when its files
    are named <outlet>_<lang>.txt (or .html): each file is stored under the
    outlet its name gives, e.g. pages/ferry/ostro_org_uk.txt under ostro_org.
    Each file is its own transaction: a bad file is reported and skipped, the
    others are stored.  Only regular files are read (no FIFOs or devices), and
    symbolic links only with --follow-symlinks.  Exit code 12 when some files
    were stored and others refused; the refusing error's code when none was.
    workbench fetches no page: a web address as PATH is refused (save the page,
    ingest the file, and let --url record its address).
    """
    from workbench.services.ingest_checks import check_given_options
    from workbench.services.ingest_files import expand_paths

    check_given_options(article, url, captured_at)
    settings = database_settings(ctx)
    files = expand_paths(paths, follow_symlinks=follow_symlinks)
    common: dict[str, Any] = dict(
        outlet=outlet, article=article, url=url, captured_at=captured_at, fmt=fmt,
        follow_symlinks=follow_symlinks, match_story=article is None,
    )  # fmt: skip
    results, errors = _ingest_with_progress(settings, list(paths), len(files), common)
    if as_json:
        dump_json([r.__dict__ for r in results])
    else:
        for result in results:
            click.echo(_line(result))
    if errors and len(files) == 1:
        raise errors[0]
    if errors:
        click.echo(f"Error: {len(errors)} of {len(files)} files failed", err=True)
        sys.exit(PARTIAL_EXIT_CODE if results else errors[0].exit_code)


def _ingest_with_progress(
    settings: Settings, paths: list[Path], count: int, common: dict[str, Any]
) -> tuple[list[IngestResult], list[WorkbenchError]]:
    """Ingest every file, one transaction each, with a progress bar for several."""
    from workbench.services.ingest_files import ingest_paths

    results: list[IngestResult] = []
    errors: list[WorkbenchError] = []

    def report(path: Path, outcome: IngestResult | WorkbenchError) -> None:
        if isinstance(outcome, WorkbenchError):
            errors.append(outcome)
            if count > 1:
                click.echo(f"\nError: {one_line(outcome.message)}", err=True)
        else:
            results.append(outcome)

    if count <= 1:
        ingest_paths(settings, paths, progress=report, keep_going=True, **common)
        return results, errors
    with click.progressbar(length=count, label="Ingesting", file=sys.stderr, show_pos=True) as bar:

        def tick(path: Path, outcome: IngestResult | WorkbenchError) -> None:
            report(path, outcome)
            bar.update(1)

        ingest_paths(settings, paths, progress=tick, keep_going=True, **common)
    return results, errors


@click.command("versions")
@click.option("--article", default=None, help="Only versions of this article slug.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def versions_cmd(ctx: click.Context, article: str | None, as_json: bool) -> None:
    """List stored versions (id, article, outlet, language, capture time)."""
    from workbench.services.browse import list_versions

    settings = database_settings(ctx)
    rows = list_versions(settings, article)
    if as_json:
        dump_json(rows)
        return
    if not rows:
        click.echo("No versions yet: try `workbench ingest FILE --outlet NAME`.")
        return
    click.echo(
        f"{'id':>4}  {'article':<28} {'outlet':<22} {'lang':<4} {'captured_at':<20} segs  title"
    )
    for r in rows:
        click.echo(
            f"{r['id']:>4}  {r['article'][:28]:<28} {r['outlet'][:22]:<22} "
            f"{r['language'] or '?':<4} {r['captured_at'][:20]:<20} {r['segments']:>4}  "
            f"{r['title'][:60]}"
        )


@click.command("show")
@click.argument("version_id", type=ID)
@click.option("--to", "target", default=None, help="Also show translations into this language.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=Choice(ROLES),
    help="Only segments with this role (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def show_cmd(
    ctx: click.Context, version_id: int, target: str | None, roles: tuple[str, ...], as_json: bool
) -> None:
    """Show one version's segments with row, role, language and confidence.

    Rows count from 1, as on the pages (--json keeps the 0-based position)."""
    from workbench.services.browse import version_detail
    from workbench.services.languages import check_target

    settings = database_settings(ctx)
    detail = version_detail(settings, version_id, check_target(settings, target))
    if roles:
        detail["segments"] = [s for s in detail["segments"] if s["role"] in roles]
    if as_json:
        dump_json(detail)
        return
    click.echo(
        f"Version {detail['id']} of {detail['article']!r} at {detail['outlet']}, "
        f"captured {detail['captured_at']}, {detail['source_format']} in {detail['encoding']}, "
        f"language {detail['language'] or '?'}"
    )
    if detail["title"]:
        click.echo(f"Title: {detail['title']}")
    # round 37 (webc37): the row a person reads, as every page counts it (position + 1)
    click.echo(f"{'row':>4}  {'role':<12} {'lang':<4} {'conf':>4}  text")
    for s in detail["segments"]:
        text = " ".join(s["text"].split())
        click.echo(
            f"{s['position'] + 1:>4}  {s['role']:<12} {s['lang'] or '?':<4} "
            f"{s['lang_confidence']:>4.2f}  {text}"
        )
        done = s["translations"].get(target) if target else None
        if done:
            click.echo(f"{'':>4}  {'→ ' + target:<12} {done['status']:<9}  {done['text']}")


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    for command in (init_cmd, ingest_cmd, versions_cmd, show_cmd):
        group.add_command(command)
