"""CLI for the align area: ``align``, ``compare``, ``alignments``, ``export``.

``align`` works on loose one-sentence-per-line files (pre-split mode, as
hunalign/vecalign/bertalign offer) and needs no database; the others work on
stored versions through ``workbench.services.compare``/``export``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import (
    ID,
    Choice,
    NamedPath,
    check_output_file,
    database_settings,
    dump_json,
    settings_of,
    write_output,
)
from workbench.errors import InputError
from workbench.formats import EXPORT_FORMAT_NAMES, EXPORT_FORMATS


def read_lines(path: Path, max_chars: int) -> list[str]:
    """Sentences of a one-per-line UTF-8 file (a final newline does not add a sentence)."""
    from workbench.services.files import read_named

    data = read_named(path, 4 * max_chars + 4)  # UTF-8: at most 4 bytes a character, a BOM
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks binary, expected one sentence per line (UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 (byte {exc.start}); convert it first") from exc
    if len(text) > max_chars:
        raise InputError(f"{path} has {len(text)} characters, over the limit of {max_chars}")
    if not text.strip():
        raise InputError(f"{path} is empty")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


@click.command("align")
@click.argument("src", type=NamedPath(path_type=Path, dir_okay=False))
@click.argument("tgt", type=NamedPath(path_type=Path, dir_okay=False))
@click.option("--translation", "src_mt", type=NamedPath(path_type=Path, dir_okay=False),
              help="MT of SRC into TGT's language, line by line (cross-language).")  # fmt: skip
@click.option("--target-translation", "tgt_mt", type=NamedPath(path_type=Path, dir_okay=False),
              help="MT of TGT into SRC's language (optional).")  # fmt: skip
@click.option("--format", "fmt", type=Choice(["ladder", "json"]), default="ladder",
              show_default=True, help="ladder: one bead per line, e.g. [0]:[0, 1]")  # fmt: skip
@click.option("-o", "--output", type=NamedPath(path_type=Path, dir_okay=False), default=None,
              help="Write here instead of standard output.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.pass_context
def align_cmd(
    ctx: click.Context, src: Path, tgt: Path, src_mt: Path | None, tgt_mt: Path | None,
    fmt: str, output: Path | None, force: bool,
) -> None:  # fmt: skip
    """Align two one-sentence-per-line files and print the beads."""
    from workbench.core.align import align, to_ladder

    if output is not None:
        check_output_file(output, force=force)
    limit = settings_of(ctx).max_input_chars
    left, right = read_lines(src, limit), read_lines(tgt, limit)
    extra: dict[str, list[str]] = {}
    for key, path, ref in (("left_mt", src_mt, left), ("right_mt", tgt_mt, right)):
        if path is not None:
            lines = read_lines(path, limit)
            if len(lines) != len(ref):
                raise InputError(f"{path} has {len(lines)} lines but its original has {len(ref)}")
            extra[key] = lines
    beads = align(left, right, **extra)
    if fmt == "ladder":
        text = to_ladder(beads)
    else:
        data = {
            "left": str(src), "right": str(tgt), "left_lines": len(left), "right_lines": len(right),
            "beads": [
                {"left": list(b.left), "right": list(b.right), "kind": b.kind, "score": b.score,
                 "move_to": b.move_to}
                for b in beads
            ],
        }  # fmt: skip
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        write_output(output, text, force=force)
        click.echo(f"{len(beads)} beads written to {output}", err=True)
    else:
        click.echo(text, nl=False)


def _summary_line(summary: dict[str, Any]) -> str:
    from workbench.services.compare import STATUSES

    # moves counted once, as the compare banner and the story desk (round 37)
    shown = {**summary, "moved": summary.get("moves", summary.get("moved", 0))}
    counts = ", ".join(f"{k} {shown.get(k, 0)}" for k in STATUSES)
    return f"{counts}; mean edit ratio {summary.get('mean_edit_ratio', 0):.3f}"


@click.command("compare")
@click.argument("left", type=ID)
@click.argument("right", type=ID)
@click.option("--roles", default="body,headline", show_default=True,
              help="Comma-separated segment roles to compare, or 'all'.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the stored summary as JSON.")
@click.pass_context
def compare_cmd(ctx: click.Context, left: int, right: int, roles: str, as_json: bool) -> None:
    """Align, diff and check versions LEFT and RIGHT; store the alignment.

    The same comparison asked again returns the stored alignment; a version
    cannot be compared with itself; texts that share no more than chance are
    reported as unrelated.
    """
    from workbench.services.compare import compare_versions

    settings = database_settings(ctx)
    result = compare_versions(settings, left, right, roles=roles)
    if as_json:
        dump_json({"alignment_id": result.alignment_id, "left_version_id": left,
                   "right_version_id": right, "reused": result.reused,
                   "summary": result.summary})  # fmt: skip
        return
    s = result.summary
    stored = "stored alignment (reused)" if result.reused else "alignment"
    click.echo(f"{stored} {result.alignment_id}: version {left} ({s.get('left_language')}) "
               f"vs {right} ({s.get('right_language')}), {s.get('pairs', 0)} pairs")  # fmt: skip
    if s.get("relation") == "unrelated":
        click.echo("unrelated: the two texts share no more than chance does; "
                   "they are probably different stories, so no changes are listed")  # fmt: skip
        return
    click.echo(_summary_line(s) + f"; {s.get('flagged', 0)} pairs flagged")


@click.command("alignments")
@click.option(
    "--version", "version_id", type=ID, default=None, help="Only those with this version."
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def alignments_cmd(ctx: click.Context, version_id: int | None, as_json: bool) -> None:
    """List stored alignments, newest first."""
    from workbench.services.alignments import list_alignments

    settings = database_settings(ctx)
    rows = list_alignments(settings, version_id)
    if as_json:
        dump_json(rows)
        return
    if not rows:
        click.echo("No alignments yet; run `workbench compare LEFT RIGHT`.")
    for row in rows:
        roles = ",".join(row["roles"]) or "all"
        click.echo(f"{row['id']:>5}  {row['left_version_id']} -> {row['right_version_id']}  "
                   f"[{roles}]  {_summary_line(row['summary'])}")  # fmt: skip


@click.command("export")
@click.argument("alignment", type=ID)
@click.option("--format", "fmt", type=Choice(EXPORT_FORMAT_NAMES), default="json",
              show_default=True, help="; ".join(f"{f.name}: {f.description}"
                                                for f in EXPORT_FORMATS.values()))  # fmt: skip
@click.option("-o", "--output", type=NamedPath(path_type=Path, dir_okay=False), default=None,
              help="Write here instead of standard output.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option("--status", "statuses", multiple=True, metavar="KIND",
              help="Only rows of this change kind (repeatable; the compare view's ?status=): "
                   "changed, added, removed, moved, cosmetic, differs, uncertain, unchanged, "
                   "equivalent.")  # fmt: skip
@click.option("--role", "roles", multiple=True, metavar="ROLE",
              help="Only rows with a segment of this role (repeatable; ?role=): headline, body, "
                   "other, appeal, link_residue, comment_form. A filtered export says so in "
                   "alignment.filter.")  # fmt: skip
@click.pass_context
def export_cmd(
    ctx: click.Context, alignment: int, fmt: str, output: Path | None, force: bool,
    statuses: tuple[str, ...], roles: tuple[str, ...],
) -> None:  # fmt: skip
    """Export stored ALIGNMENT as JSON, JSON Lines or TMX 1.4 (every row, or the rows
    --status/--role keep, as the compare view's filtered export)."""
    from workbench.services.export_stream import iter_export, row_filter

    rows = row_filter(roles, statuses)  # an unknown value: exit 2 before any output
    if output is not None:
        check_output_file(output, force=force)
    settings = database_settings(ctx)
    pieces = iter_export(settings, alignment, fmt, rows)  # streamed: pairs read in chunks
    if output is None:
        for piece in pieces:
            click.echo(piece, nl=False)
        return
    write_output(output, pieces, force=force)
    click.echo(f"alignment {alignment} written to {output} ({fmt})", err=True)


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    for command in (align_cmd, compare_cmd, alignments_cmd, export_cmd):
        group.add_command(command)
