"""CLI for the story desk: ``workbench story SLUG``.

Prints the outlet × language matrix and every version against the reference
(computing missing comparisons with a progress bar); ``--json`` prints exactly
what ``GET /api/stories/SLUG?compute=all`` answers; ``--export`` writes it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import (
    ID,
    Choice,
    NamedPath,
    check_output_file,
    database_settings,
    write_output,
)
from workbench.errors import NotFoundError

_SHORT = {"verbatim": "verb", "cosmetic": "cosm", "changed": "chg", "added": "add",
          "dropped": "drop", "moved": "move"}  # fmt: skip


def _compute_with_bar(settings: Any, slug: str, reference: int | None, compute: bool) -> Any:
    """``story_view`` with a progress bar on stderr once comparisons need computing."""
    from workbench.services.stories import story_view

    state: dict[str, Any] = {}

    def tick(done: int, total: int, version_id: int) -> None:
        if "bar" not in state:
            state["bar"] = click.progressbar(
                length=total, label="Comparing with the reference", file=sys.stderr,
                show_pos=True,
            ).__enter__()  # fmt: skip
        state["bar"].update(1)

    try:
        return story_view(settings, slug, reference=reference,
                          compute=None if compute else 0, progress=tick)  # fmt: skip
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _print_matrix(story: dict[str, Any]) -> None:
    langs = [lang or "?" for lang in story["matrix"]["languages"]]
    click.echo("Outlets × languages (captures in time order):")
    click.echo(f"  {'outlet':<24} " + "  ".join(f"{lang:<14}" for lang in langs))
    for row in story["matrix"]["outlets"]:
        cells = [
            " ".join(f"#{c['id']}{'*' if c['reference'] else ''}" for c in cell) or "-"
            for cell in row["cells"]
        ]
        click.echo(f"  {row['outlet'][:24]:<24} " + "  ".join(f"{c:<14}" for c in cells))


def _print_versions(story: dict[str, Any]) -> None:
    buckets = story["buckets"]
    click.echo("Against the reference (sentences; wrapper counted apart):")
    click.echo(f"  {'id':>5} {'outlet':<20} {'lang':<4} {'captured':<16} "
               + " ".join(f"{_SHORT.get(b, b):>4}" for b in buckets) + "  wrapper")  # fmt: skip
    for v in story["versions"]:
        c = v.get("comparison")
        head = (f"  {v['id']:>5} {v['outlet'][:20]:<20} {(v['language'] or '?'):<4} "
                f"{v['captured_at'][:16]:<16} ")  # fmt: skip
        wrapper = ", ".join(f"{k} {n}" for k, n in v["wrapper"].items() if n) or "-"
        if c is None:
            click.echo(head + "reference" + f"  {wrapper}")
        elif c["state"] != "done":
            click.echo(head + (c.get("error") or "pending"))
        elif c["relation"] == "unrelated":
            click.echo(head + "unrelated (no more in common than chance)")
        else:
            counts = " ".join(f"{c['counts'][b]:>4}" for b in buckets)
            click.echo(head + counts + f"  {wrapper}  alignment {c['alignment_id']}")
            for f in c["facts"]:  # rows count from 1 for a reader (round 37)
                click.echo(f"        {f['kind']}: {', '.join(f['reference']) or '-'} -> "
                           f"{', '.join(f['version']) or '-'} "
                           f"(row {f['position'] + 1})")  # fmt: skip


def _version_ids(ctx: click.Context, param: click.Parameter, raw: str | None) -> list[int] | None:
    """``--expect-versions``: comma-separated version ids (round 37, webb37)."""
    if raw is None:
        return None
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise click.BadParameter("give version ids separated by commas, e.g. 4,7", ctx, param)
    return [int(p) for p in parts]


def _merge(settings: Any, slug: str, into: str, expected: list[int] | None) -> None:
    """``--merge-into``: one line saying what moved (round 37); ``expected`` (the ids the
    journalist read, ``--expect-versions``) refuses a story changed meanwhile (exit 4)."""
    from workbench.services.story_merge import merge_stories

    done = merge_stories(settings, slug, into, expected=expected)
    ids = done["versions"]
    noun = "version" if len(ids) == 1 else "versions"
    click.echo(f"story {done['from']} merged into {done['into']}: {len(ids)} {noun} "
               f"({', '.join(map(str, ids))}); story {done['from']} is removed")  # fmt: skip


def _split(settings: Any, slug: str, take: list[int] | None, into: str | None,
           expected: list[int] | None) -> None:
    """``--split-out IDS --into NAME`` or ``--undo-merge`` (take None): one line saying what
    moved (round 38); ``expected`` refuses a story changed meanwhile (exit 4)."""
    from workbench.services.story_split import split_story, undo_last_merge

    if take is None:
        done = undo_last_merge(settings, slug, expected=expected)
    else:
        done = split_story(settings, slug, take, into or "", expected=expected)
    ids = done["versions"]
    noun = "version" if len(ids) == 1 else "versions"
    click.echo(f"{noun} {', '.join(map(str, ids))} split out of story {done['from']} into "
               f"{done['into']} (a new story)")  # fmt: skip


def _change(settings: Any, slug: str, merge_into: str | None, split_out: list[int] | None,
            into: str | None, undo: bool, expected: list[int] | None) -> bool:
    """The options that change the story (merge, split, undo): done here, True; else False."""
    actions = sum([merge_into is not None, split_out is not None, undo])
    if actions > 1:
        raise click.UsageError("give one of --merge-into, --split-out, --undo-merge")
    if (into is not None) != (split_out is not None):
        raise click.UsageError("--split-out and --into go together")
    if expected is not None and not actions:
        raise click.UsageError("--expect-versions goes with --merge-into, --split-out or "
                               "--undo-merge")  # fmt: skip
    if not actions:
        return False
    with _merged_away(settings, slug):
        if merge_into is not None:
            _merge(settings, slug, merge_into, expected)
        else:
            _split(settings, slug, split_out, into, expected)
    return True


def _found(settings: Any, slug: str, find: str | None) -> dict[str, Any] | None:
    """``--find``: the page's merge search (``story_merge.find_stories``, the same words
    and matching as ``?find=``; blank: none, as the page), SLUG itself left out."""
    from workbench.services.story_merge import find_stories

    if find is None or not find.strip():
        return None
    return find_stories(settings, find.strip(), exclude=slug)


@contextmanager
def _merged_away(settings: Any, slug: str) -> Iterator[None]:
    """A story merged away says where it went (round 37, webd37), as its page redirects.

    Why: "no article with slug 'OLD'" left a journalist with the old name in a note to
    read every story's move log.  The same rule as the page (``story_merge.merged_into``,
    asked only after a not-found), the same exit code (3); a slug that never existed or
    was emptied by single moves keeps the plain message."""
    from workbench.services.story_merge import merged_into

    try:
        yield
    except NotFoundError:
        into = merged_into(settings, slug)
        if into is None:
            raise
        raise NotFoundError(
            f"story {slug!r} was merged into {into!r}; see workbench story {into}"
        ) from None


def _print_found(found: dict[str, Any]) -> None:
    """``--find``: the stories the page's merge search lists (webb38), one a line."""
    if not found["total"]:
        click.echo(f"No story matches {found['find']!r}.")
        return
    click.echo(f"Stories matching {found['find']!r}: {found['total']} "
               f"(merge into one with --merge-into)")  # fmt: skip
    for s in found["stories"]:
        noun = "version" if s["versions"] == 1 else "versions"
        click.echo(f"  {s['slug']:<30} {s['title']} ({s['language'] or '?'}) · "
                   f"{', '.join(s['outlets']) or '-'} · {s['versions']} {noun}")  # fmt: skip
    if found["total"] > len(found["stories"]):
        click.echo(f"Showing the first {len(found['stories'])} of {found['total']} stories; "
                   "add a word to narrow the search.")  # fmt: skip


def _print_moves(story: dict[str, Any]) -> None:
    """The move log's lines (round 37): what came here from elsewhere, where what left went."""
    if story.get("moves"):
        click.echo("Moved into or out of this story (newest first):")
    for m in story.get("moves", []):
        verb = {"merge": "merged", "split": "split"}.get(m["kind"], "moved")
        where = f"here from {m['from']}" if m["to"] == story["slug"] else f"to {m['to']}"
        by = f" by {m['by']}" if m["by"] else ""
        click.echo(f"  {m['moved_at'][:16].replace('T', ' ')} UTC  version {m['version_id']} "
                   f"{verb} {where}{by}")  # fmt: skip


@click.command("story")
@click.argument("slug")
@click.option("--reference", type=ID, default=None,
              help="Version to compare every other one with (default: the wire copy, "
                   "else the earliest capture in the most common language).")  # fmt: skip
@click.option(
    "--mark-wire",
    "mark_wire",
    type=ID,
    default=None,
    help="Mark this version as the story's wire copy (the default reference).",
)
@click.option(
    "--no-compute",
    is_flag=True,
    help="Only use stored comparisons; missing ones are listed as pending.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print exactly the JSON of GET /api/stories/SLUG?compute=all.",
)
@click.option("--export", "export_path", type=NamedPath(path_type=Path, dir_okay=False),
              default=None, help="Write the story to this file (see --format).")  # fmt: skip
@click.option("--format", "fmt", type=Choice(["json", "csv"]), default="json",
              show_default=True, help="--export format; csv: one row per version.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing --export file.")
@click.option("--merge-into", "merge_into", metavar="OTHER", default=None,
              help="Merge story SLUG into story OTHER (the same story filed twice): "
                   "every version moves with its translations and comparisons; SLUG is "
                   "removed.")  # fmt: skip
@click.option("--expect-versions", "expect_versions", metavar="IDS", default=None,
              callback=_version_ids,
              help="With --merge-into, --split-out or --undo-merge: the version ids SLUG "
                   "should hold now (comma-separated, as `workbench story SLUG` listed them); "
                   "if a capture was filed into it or moved out meanwhile, nothing is changed "
                   "(exit 4).")  # fmt: skip
@click.option("--split-out", "split_out", metavar="IDS", default=None, callback=_version_ids,
              help="Split these versions of SLUG (comma-separated ids) out into a new story "
                   "named by --into: a wrong merge undone by hand. Each keeps its "
                   "translations and comparisons; the move is logged.")  # fmt: skip
@click.option("--into", "into", metavar="NAME", default=None,
              help="With --split-out: the new story's name (a slug or a headline).")
@click.option("--find", "find", metavar="WORDS", default=None,
              help="List the stories SLUG could be merged into whose slug, title or outlets "
                   "hold every word (the story page's merge search); with --json, the JSON "
                   "of GET /api/stories/SLUG?compute=all&find=WORDS.")  # fmt: skip
@click.option("--undo-merge", "undo_merge", is_flag=True,
              help="Undo the newest merge into SLUG: its versions still in SLUG are split "
                   "back out into the story they came from. When an undo has happened since "
                   "that merge it is refused (exit 4) unless --expect-versions says the "
                   "older merge is meant.")  # fmt: skip
@click.pass_context
def story_cmd(
    ctx: click.Context, slug: str, reference: int | None, mark_wire: int | None,
    no_compute: bool, as_json: bool, export_path: Path | None, fmt: str, force: bool,
    merge_into: str | None, expect_versions: list[int] | None, split_out: list[int] | None,
    into: str | None, undo_merge: bool, find: str | None,
) -> None:  # fmt: skip
    """Show story SLUG: every capture by outlet and language, each against a reference."""
    from workbench.services.stories import set_wire
    from workbench.services.story_export import story_csv, story_json

    settings = database_settings(ctx)
    if find is not None and (merge_into or split_out or undo_merge or export_path):
        raise click.UsageError("--find lists stories; give it alone (or with --json)")
    if _change(settings, slug, merge_into, split_out, into, undo_merge, expect_versions):
        return
    if export_path is not None:  # a bad path is refused before any work
        check_output_file(export_path, force=force)
    with _merged_away(settings, slug):
        if mark_wire is not None:
            set_wire(settings, slug, mark_wire)
            click.echo(f"version {mark_wire} marked as the wire copy of {slug}", err=True)
        found = _found(settings, slug, find)
        listing = found is not None and not as_json  # the matches only: nothing to compute
        story = _compute_with_bar(settings, slug, reference, not (no_compute or listing))
    if export_path is not None:
        text = story_csv(story) if fmt == "csv" else story_json(story)
        write_output(export_path, text, force=force)  # whole or not at all
        click.echo(f"story {slug} written to {export_path} ({fmt})", err=True)
        return
    if as_json:
        click.echo(story_json(story, found), nl=False)
        return
    if found is not None:
        _print_found(found)
        return
    ref = story["reference"]
    click.echo(f"Story {story['slug']}: {story['title']} ({len(story['versions'])} versions)")
    click.echo(f"Reference: version {ref['version_id']} ({ref['chosen']})")
    _print_matrix(story)
    _print_versions(story)
    _print_moves(story)


@click.command("move")
@click.argument("version", type=ID)
@click.argument("story")
@click.option("--from", "expected", metavar="SLUG", default=None,
              help="The story the version should be in now; if it was moved meanwhile, "
                   "nothing is changed (exit 4).")  # fmt: skip
@click.pass_context
def move_cmd(ctx: click.Context, version: int, story: str, expected: str | None) -> None:
    """Move VERSION to STORY (a slug or a name; a new one is created): a capture filed in
    the wrong story. The version keeps its id, segments, translations and comparisons;
    a story left without versions is removed."""
    from workbench.services.story_move import move_version

    done = move_version(database_settings(ctx), version, story, expected=expected)
    new = " (a new story)" if done["created"] else ""
    gone = f"; story {done['from']} had no other version and is removed" if done["removed"] else ""
    click.echo(f"version {version} moved from story {done['from']} to {done['to']}{new}{gone}")


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(story_cmd)
    group.add_command(move_cmd)
