"""``workbench languages``: the content languages pages can be read in."""

from __future__ import annotations

import click

from workbench.commands.common import dump_json, settings_of


@click.command("languages")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def languages(ctx: click.Context, as_json: bool) -> None:
    """List the content languages: code, name, alphabet, detected or not, MT pairs.

    Pages are labelled with the configured ones (WORKBENCH_LANGUAGES, default
    marked "default"); "--to"/"--from" take these codes. The UI's own languages
    (en, de, ru, uk) are separate.
    """
    from workbench.services.languages import content_languages

    rows = content_languages(settings_of(ctx))
    if as_json:
        dump_json(rows)
        return
    for row in rows:
        mark = "configured" if row["configured"] else "-"
        mt = ", ".join([f"->{c}" for c in row["mt_to"]] + [f"<-{c}" for c in row["mt_from"]])
        click.echo(
            f"{row['code']:<3} {row['name']:<11} {row['native']:<11} {row['script']:<9} "
            f"{mark:<10} {'default' if row['default'] else '':<7} {mt or 'no MT package'}"
        )


def register(group: click.Group) -> None:
    """Attach the languages command to the root group."""
    group.add_command(languages)
