"""CLI for the CAT area: ``qa``, ``glossary``, ``tm``, ``users``.

Thin wrappers on ``services.qa``/``glossary``/``tm``/``accounts``.  The CLI is
run by whoever holds the database, so it acts as the local administrator.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import (
    INT,
    Choice,
    NamedPath,
    check_output_file,
    database_settings,
    dump_json,
)
from workbench.config import Settings
from workbench.errors import InputError


def _dump(data: Any) -> None:
    dump_json(data)


def _ready(ctx: click.Context) -> Settings:
    return database_settings(ctx)


def read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, with clear errors for folders, FIFOs, missing and huge files."""
    from workbench.services.files import read_named

    return read_named(path, limit)


@click.command("qa")
@click.argument("version_id", type=INT)
@click.option("--to", "target", required=True, help="Target language of the translations.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def qa_cmd(ctx: click.Context, version_id: int, target: str, as_json: bool) -> None:
    """Check a version's translations: numbers, names, glossary, punctuation...

    Exit code 0 when clean, 1 when any warning exists.
    """
    from workbench.services.qa import version_report

    report = version_report(_ready(ctx), version_id, target)
    if as_json:
        _dump(report)
    else:
        _print_report(report)
    sys.exit(0 if report["clean"] else 1)


def _print_report(report: dict[str, Any]) -> None:
    click.echo(
        f"Version {report['version_id']} -> {report['target_lang']}: "
        f"{report['checked']} segments checked, {report['with_warnings']} with warnings, "
        f"{report['warnings']} warnings"
    )
    for row in report["segments"]:
        for warning in row["warnings"]:  # rows count from 1 for a reader (round 37)
            check = f"{warning['check']}: {warning['message']}"
            click.echo(f"  #{row['position'] + 1} [{row['status']}] {check}")
    approved = report["approved_with_warnings"]
    if approved:
        click.echo(f"Approved segments with open warnings: {', '.join(map(str, approved))}")


@click.group("glossary")
def glossary_group() -> None:
    """Glossaries per language pair: import, list, add, delete terms."""


@glossary_group.command("import")
@click.argument("path", type=NamedPath(path_type=Path, dir_okay=False))
@click.option("--from", "source", required=True, help="Source language of the terms.")
@click.option("--to", "target", required=True, help="Target language of the terms.")
@click.pass_context
def glossary_import(ctx: click.Context, path: Path, source: str, target: str) -> None:
    """Import a CSV (source,target[,forbidden][,note]) or TBX file; a bad file changes nothing."""
    from workbench.services.glossary import import_glossary

    settings = _ready(ctx)
    data = read_file(path, settings.max_upload_bytes)
    counts = import_glossary(settings, data, path.name, source, target)
    click.echo(f"Imported {path.name}: {counts['added']} added, {counts['updated']} updated")


@glossary_group.command("list")
@click.option("--from", "source", required=True)
@click.option("--to", "target", required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def glossary_list(ctx: click.Context, source: str, target: str, as_json: bool) -> None:
    """List a language pair's terms."""
    from workbench.services.glossary import list_terms

    terms = list_terms(_ready(ctx), source, target)
    if as_json:
        _dump(terms)
        return
    for t in terms:
        mark = "  (forbidden)" if t["forbidden"] else ""
        click.echo(f"{t['id']}\t{t['source_term'] or '*'}\t{t['target_term']}{mark}")


@glossary_group.command("add")
@click.argument("source_term")
@click.argument("target_term")
@click.option("--from", "source", required=True)
@click.option("--to", "target", required=True)
@click.option("--forbidden", is_flag=True, help="TARGET_TERM must not be used.")
@click.option("--note", default="")
@click.pass_context
def glossary_add(
    ctx: click.Context, source_term: str, target_term: str, source: str, target: str,
    forbidden: bool, note: str,
) -> None:  # fmt: skip
    """Add one term."""
    from workbench.services.glossary import add_term

    term = add_term(
        _ready(ctx), source, target, source_term, target_term, forbidden=forbidden, note=note
    )
    click.echo(f"Added term {term['id']}")


@glossary_group.command("delete")
@click.argument("term_id", type=INT)
@click.pass_context
def glossary_delete(ctx: click.Context, term_id: int) -> None:
    """Delete one term by id."""
    from workbench.services.glossary import delete_term

    delete_term(_ready(ctx), term_id)
    click.echo(f"Deleted term {term_id}")


@click.group("tm")
def tm_group() -> None:
    """Translation memory: approved translations plus imported TMX units."""


@tm_group.command("import")
@click.argument("path", type=NamedPath(path_type=Path, dir_okay=False))
@click.option("--from", "source", default=None, help="Source language (default: header srclang).")
@click.option("--to", "target", default=None, help="Only this target language (default: all).")
@click.pass_context
def tm_import(ctx: click.Context, path: Path, source: str | None, target: str | None) -> None:
    """Import a TMX file into the memory; a bad file changes nothing."""
    from workbench.services.tm import import_tmx

    settings = _ready(ctx)
    data = read_file(path, settings.max_upload_bytes * 20)
    result = import_tmx(settings, data, path.name, source, target)
    pairs = ", ".join(f"{k}: {v}" for k, v in result["pairs"].items()) or "none"
    ignored = ", ".join(f"{k}: {v}" for k, v in result["ignored"].items())
    click.echo(f"Imported {path.name}: {result['added']} added, {result['skipped']} already "
               f"present ({pairs})" + (f"; ignored, not configured languages: {ignored}"
                                       if ignored else ""))  # fmt: skip


@tm_group.command("export")
@click.option("--from", "source", required=True)
@click.option("--to", "target", required=True)
@click.option("--drafts", is_flag=True, help="Include draft translations too.")
@click.option("-o", "--output", type=NamedPath(path_type=Path, dir_okay=False), default=None)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.pass_context
def tm_export(
    ctx: click.Context, source: str, target: str, drafts: bool, output: Path | None, force: bool
) -> None:
    """Export the pair's memory as TMX 1.4 (approved + imported units)."""
    from workbench.services.tm import export_tmx

    if output is not None:
        check_output_file(output, force=force)
    text = export_tmx(_ready(ctx), source, target, include_drafts=drafts)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc
    click.echo(f"Wrote {output}")


@tm_group.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def tm_stats(ctx: click.Context, as_json: bool) -> None:
    """Memory entries per language pair."""
    from workbench.services.tm import memory_stats

    stats = memory_stats(_ready(ctx))
    if as_json:
        _dump(stats)
        return
    for row in stats:
        click.echo(f"{row['source']} -> {row['target']}: {row['approved']} approved, "
                   f"{row['draft']} draft, {row['imported']} imported")  # fmt: skip


@click.group("users")
def users_group() -> None:
    """Team accounts: once one exists, the web UI and API require a login or token."""


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=Choice(["translator", "reviewer", "admin"]), required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str, password_stdin: bool) -> None:
    """Add an account (the first one must be an admin); the password is hashed (scrypt)."""
    from workbench.services.accounts import add_user

    settings = _ready(ctx)
    user = add_user(settings, name, role, _password(password_stdin))
    click.echo(f"Added {user['name']} ({user['role']})")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """List accounts and roles."""
    from workbench.services.accounts import list_users

    users = list_users(_ready(ctx))
    if as_json:
        _dump(users)
        return
    for u in users:
        click.echo(f"{u['name']}\t{u['role']}{'  (API token)' if u['has_token'] else ''}")


@users_group.command("set")
@click.argument("name")
@click.option("--role", type=Choice(["translator", "reviewer", "admin"]), default=None)
@click.option("--password", "change_password", is_flag=True, help="Prompt for a new password.")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
@click.pass_context
def users_set(
    ctx: click.Context, name: str, role: str | None, change_password: bool, password_stdin: bool
) -> None:
    """Change an account's role and/or password."""
    from workbench.services.accounts import update_user

    password = _password(password_stdin) if (change_password or password_stdin) else None
    user = update_user(_ready(ctx), name, role=role, password=password)
    click.echo(f"Saved {user['name']} ({user['role']})")


@users_group.command("delete")
@click.argument("name")
@click.pass_context
def users_delete(ctx: click.Context, name: str) -> None:
    """Remove an account (the last admin cannot be removed)."""
    from workbench.services.accounts import delete_user

    delete_user(_ready(ctx), name)
    click.echo(f"Deleted {name}")


@users_group.command("token")
@click.argument("name")
@click.pass_context
def users_token(ctx: click.Context, name: str) -> None:
    """Print a new API token for NAME (replaces the old one; send it as
    ``Authorization: Bearer TOKEN``)."""
    from workbench.services.accounts import new_token

    click.echo(new_token(_ready(ctx), name))


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    for command in (qa_cmd, glossary_group, tm_group, users_group):
        group.add_command(command)
