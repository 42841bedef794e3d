"""CLI commands of the MT area: ``workbench models ...`` and ``workbench translate``.

Thin wrappers: everything happens in ``workbench.services.models`` and
``workbench.services.translate``; typed errors become ``Error: ...`` in the root group.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from workbench.commands.common import (
    ID,
    NamedPath,
    check_output_dir,
    database_settings,
    settings_of,
)
from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError, RerunNeededError
from workbench.services.jobs import CONTENT_ROLES


def _settings() -> Settings:
    return settings_of(click.get_current_context())


def _models_dir() -> Path:
    models_dir = _settings().models_dir
    assert models_dir is not None
    return models_dir


@click.group("models")
def models_group() -> None:
    """Manage Argos Translate models (installed under $WORKBENCH_HOME/models)."""


@models_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--verbose", "-v", is_flag=True, help="Also show each package's licence line.")
def models_list(as_json: bool, verbose: bool) -> None:
    """Installed models with versions; broken package folders are flagged, not fatal."""
    from workbench.services.models import installed

    packages = installed(_settings())
    if as_json:
        data = [p.to_json() for p in packages]
        if not verbose:
            for item in data:
                item.pop("readme", None)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not packages:
        click.echo(f"No models installed in {_models_dir()}.")
        return
    for p in packages:
        if p.broken:
            click.echo(f"BROKEN   {p.path.name}: {p.problem}")
        else:
            names = f"{p.from_name} → {p.to_name}"
            demo = "DEMO " if p.demo else ""
            click.echo(
                f"{p.from_code} → {p.to_code}  {p.version:<8} {demo}{names:<30} {p.path.name}"
            )
            if verbose:
                click.echo(f"         licence: {p.license or 'not stated (see models show)'}")


@models_group.command("show")
@click.argument("from_code", metavar="FROM")
@click.argument("to_code", metavar="TO")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def models_show(from_code: str, to_code: str, as_json: bool) -> None:
    """One installed model: metadata, licence and its README (credits, terms of use)."""
    from workbench.services.models import find

    info = find(_settings(), from_code, to_code)
    if as_json:
        click.echo(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{info.label}  {info.from_name} → {info.to_name}  ({info.tokenizer})")
    click.echo(f"folder:  {info.path}")
    click.echo(f"licence: {info.license or 'not stated in metadata or README'}")
    click.echo("")
    click.echo(info.readme.strip() or "(the package has no README.md)")


@models_group.command("available")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def models_available(as_json: bool) -> None:
    """Models offered by the Argos package index (needs the network)."""
    from workbench.services.models import available

    entries = available(_settings())
    if as_json:
        click.echo(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{e.from_code} → {e.to_code}  {e.version:<8} {e.from_name} → {e.to_name}")


@models_group.command("install")
@click.argument("args", nargs=-1, required=True, metavar="FROM TO | PATH.argosmodel")
def models_install(args: tuple[str, ...]) -> None:
    """Install FROM TO from the Argos index (online) or a PATH.argosmodel file (offline)."""
    from workbench.services.models import install_file, install_online

    if len(args) == 1:
        info = install_file(_settings(), args[0])  # a str: checked as typed
    elif len(args) == 2:
        info = install_online(_settings(), args[0], args[1])
    else:
        raise InputError("give FROM TO (online) or one PATH.argosmodel (offline)")
    click.echo(f"Installed {info.label} ({info.from_name} → {info.to_name}) in {info.path}")


@models_group.command("remove")
@click.argument("from_code", metavar="FROM")
@click.argument("to_code", metavar="TO")
def models_remove(from_code: str, to_code: str) -> None:
    """Delete the installed model of a language pair."""
    from workbench.services.models import remove

    info = remove(_settings(), from_code, to_code)
    click.echo(f"Removed {info.model_id} ({info.path.name})")


def _progress_bar(unit: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A tqdm bar on stderr driven by ``progress(done, total)`` callbacks."""
    from tqdm import tqdm

    bar = tqdm(total=0, unit=unit, file=sys.stderr, dynamic_ncols=True, disable=None)

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
            bar.refresh()
        bar.update(done - bar.n)

    return update, bar.close


@click.command("translate")
@click.option("--to", "target", required=True, help="Target language code, e.g. de.")
@click.option("--from", "source", default=None, help="Source language (files mode).")
@click.option("--version", "version_ids", type=ID, multiple=True, help="Version id (repeatable).")
@click.option("--all", "all_versions", is_flag=True, help="Translate every stored version.")
@click.option("--out", "out_dir", type=NamedPath(path_type=Path), help="Output folder (files).")
@click.option("--batch-size", default=64, show_default=True, help="Segments per commit.")
@click.option(
    "--retranslate",
    is_flag=True,
    help="Also replace unedited machine rows made by another model than the installed one.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Greedy decoding (beam 1): faster, slightly worse; --retranslate later upgrades it.",
)
@click.option(
    "--skip-boilerplate",
    is_flag=True,
    help="Leave appeals, link residue and comment forms untranslated.",
)
@click.option(
    "--queue",
    "use_queue",
    is_flag=True,
    help="PostgreSQL: enqueue blocks for `workbench worker`s (SQLite: runs here).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.argument("files", nargs=-1, type=NamedPath(path_type=Path))
def translate_command(
    target: str,
    source: str | None,
    version_ids: tuple[int, ...],
    all_versions: bool,
    out_dir: Path | None,
    batch_size: int,
    retranslate: bool,
    draft: bool,
    skip_boilerplate: bool,
    use_queue: bool,
    as_json: bool,
    files: tuple[Path, ...],
) -> None:
    """Translate stored versions (--version ID ... | --all) or FILES into --out DIR.

    Stored segments are committed batch by batch: rerun after an interruption
    and it continues without duplicates.  Post-edited translations are kept.
    Exit code 11 when segments held by another worker were left for a rerun.
    """
    settings = database_settings()  # both modes use it (files: the translation cache)
    if draft:
        settings = settings.with_(mt_beam_size=1)
    modes = sum(bool(x) for x in (version_ids, all_versions, files))
    if modes != 1:
        raise InputError("choose exactly one of --version ID, --all or FILES")
    if files and (retranslate or skip_boilerplate or use_queue):
        raise InputError("--retranslate, --skip-boilerplate and --queue apply to stored versions")
    ids = list(version_ids) if version_ids else None
    if use_queue and settings.database_url.startswith("postgresql"):
        _enqueue(settings, target, ids, retranslate, skip_boilerplate, as_json)
        return
    if use_queue:
        click.echo("SQLite has no job queue: translating here.", err=True)
    if files:
        _translate_files(settings, files, target, source, out_dir)
        return
    roles = CONTENT_ROLES if skip_boilerplate else None
    _translate_stored(settings, target, ids, roles, retranslate, batch_size, as_json)


def _translate_files(
    settings: Settings, files: tuple[Path, ...], target: str, source: str | None,
    out_dir: Path | None,
) -> None:  # fmt: skip
    """Files mode: each file's translation written into ``out_dir``; their paths printed."""
    from workbench.services.translate import translate_files

    for path in files:
        if path.name.isdecimal() and path.name.isascii() and not path.exists():
            # "translate 1 --to en" means a stored version far more often than a file named 1
            raise InputError(
                f"no file named {path}: to translate stored version {path.name}, "
                f"use --version {path.name}"
            )
    if out_dir is None:
        raise InputError("files mode needs --out DIR")
    check_output_dir(out_dir)
    update, close = _progress_bar("file")
    try:
        written = translate_files(settings, files, target, source, out_dir, progress=update)
    finally:
        close()
    for path in written:
        click.echo(str(path))


def _translate_stored(
    settings: Settings, target: str, ids: list[int] | None, roles: tuple[str, ...] | None,
    retranslate: bool, batch_size: int, as_json: bool,
) -> None:  # fmt: skip
    """Stored versions in this process, batch by batch; the report, then any error."""
    from workbench.services.translate import translate_versions

    update, close = _progress_bar("seg")
    try:
        report = translate_versions(
            settings, target, ids, roles=roles, retranslate=retranslate,
            progress=update, batch_size=batch_size,
        )  # fmt: skip
    finally:
        close()
    _print_report(report.to_json(), as_json)
    if report.failed_pairs:
        raise LanguagePairError("; ".join(report.failed_pairs.values()))
    if not report.complete:
        raise RerunNeededError(
            f"{report.skipped_locked} segments were held by another worker until the wait "
            "ran out: run the same command again to translate them"
        )


def _enqueue(
    settings: Settings,
    target: str,
    ids: list[int] | None,
    retranslate: bool,
    skip_boilerplate: bool,
    as_json: bool,
) -> None:
    """Store a queue job and print it; `workbench worker`s translate it."""
    from workbench.services.jobs import job_progress, start_job

    job_id = start_job(
        settings,
        target,
        version_ids=ids,
        include_boilerplate=not skip_boilerplate,
        retranslate=retranslate,
        backend="queue",
    )
    state = job_progress(settings, job_id)
    if as_json:
        click.echo(json.dumps(state, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"Job {job_id}: {state['blocks'].get('total', 0)} blocks queued for workers "
        f"(watch with `workbench jobs {job_id}`; start workers with `workbench worker`)."
    )


def _print_report(data: dict[str, object], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(
        "Translated {translated}, from cache {cached}, same language {skipped_same_lang}, "
        "already done {skipped_existing}, unknown language {skipped_unknown_lang}, "
        "no model {failed}, held by another worker {skipped_locked}, "
        "re-translated {replaced}, truncated {truncated} ({seconds}s).".format(**data)
    )


def register(group: click.Group) -> None:
    """Attach this area's commands to the root group."""
    group.add_command(models_group)
    group.add_command(translate_command)
