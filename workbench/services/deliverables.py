"""A version's translation as a file a translator hands over: txt, html, xliff, tmx.

Why a separate service from ``services.export``: that one exports a comparison
(outlet A beside outlet B); this one exports *one version with its translation*
into one language, the job's deliverable.

Rules shared by every format (they live here so the CLI and the web agree):

* segments keep the source order; paragraph breaks come from ``Segment.paragraph``
  (a new paragraph = a blank line in txt, a new ``<p>`` in html) and line breaks
  inside a paragraph from the source separator;
* the text of a segment is its one stored translation into the target language
  (the post-edited text when a translator saved one: approved > draft > machine),
  the source itself when the segment is already in the target language, and the
  source marked as untranslated when there is nothing better;
* boilerplate roles (appeal, link residue, comment form) are left out unless asked;
* ``approved_only`` keeps only approved translations (the default for TMX, which
  feeds translation memories and must not learn unreviewed MT); the translations
  it leaves out are counted apart (``withheld``: machine, draft), never as
  "untranslated", so the report says what is waiting for approval;
* a format made of translation units only (TMX) is not written empty: with
  nothing to put in it the export is refused with the reason (nothing approved
  yet, or nothing translated yet) and what to do.

Formats are a registry (``FORMATS``): adding one is one ``Format`` entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from workbench.adapters.tmx import XML_INVALID
from workbench.config import Settings
from workbench.core import roles as core_roles
from workbench.errors import N_, InputError, NothingToExportError, Num
from workbench.services.browse import version_detail
from workbench.services.deliverable_unit import Unit  # re-exported
from workbench.services.languages import require_target
from workbench.services.validation import checks_ids
from workbench.services.xliff import STATES, to_tmx, to_xliff

BOILERPLATE_ROLES: frozenset[str] = frozenset(core_roles.BOILERPLATE_ROLES)
#: The unit states that carry a translation (what a TMX unit is made of).
TRANSLATED: frozenset[str] = frozenset(STATES)


@dataclass
class Deliverable:
    """Everything a renderer needs: the version, the target and the units in order."""

    version: dict[str, Any]
    target: str
    units: list[Unit]
    approved_only: bool
    counts: dict[str, int] = field(default_factory=dict)  # by state, withheld ones apart
    withheld: dict[str, int] = field(default_factory=dict)  # left out by status (not approved)

    def report(self) -> str:
        """``approved 1, untranslated 3; not approved, left out: machine 1`` (the CLI's line)."""
        shown = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "none"
        if self.withheld:
            left_out = ", ".join(f"{k} {v}" for k, v in sorted(self.withheld.items()))
            shown += f"; not approved, left out: {left_out}"
        return shown


def _unit(segment: dict[str, Any], target: str, approved_only: bool) -> Unit:
    row = segment["translations"].get(target)
    if row and row.get("engine") == "identity":
        return Unit(segment, row, segment["text"], "same_language")
    if row and (row["status"] == "approved" or not approved_only):
        return Unit(segment, row, row["text"], row["status"])
    if segment.get("lang") == target:
        return Unit(segment, row, segment["text"], "same_language")
    return Unit(segment, row, segment["text"], "untranslated", row["status"] if row else None)


@checks_ids
def build(
    settings: Settings,
    version_id: int,
    target: str,
    *,
    approved_only: bool = False,
    include_boilerplate: bool = False,
) -> Deliverable:
    """Collect the units of ``version_id`` into ``target`` (see the module rules)."""
    require_target(settings, target)  # blank or unknown: one message
    version = version_detail(settings, version_id, target)
    units = [
        _unit(s, target, approved_only)
        for s in version["segments"]
        if include_boilerplate or s["role"] not in BOILERPLATE_ROLES
    ]
    counts: dict[str, int] = {}
    withheld: dict[str, int] = {}
    for unit in units:
        tally = withheld if unit.withheld else counts
        key = unit.withheld or unit.state
        tally[key] = tally.get(key, 0) + 1
    return Deliverable(version, target, units, approved_only, counts, withheld)


def _break(previous: Unit, current: Unit) -> str:
    """The break between two kept segments: paragraph, line or space."""
    if previous.segment["paragraph"] != current.segment["paragraph"]:
        return "\n\n"
    return "\n" if "\n" in previous.segment["separator"] else " "


def paragraphs(units: list[Unit]) -> list[list[list[Unit]]]:
    """Units grouped into paragraphs, each a list of lines (lists of units)."""
    result: list[list[list[Unit]]] = []
    for i, unit in enumerate(units):
        brk = "\n\n" if i == 0 else _break(units[i - 1], unit)
        if brk == "\n\n":
            result.append([[unit]])
        elif brk == "\n":
            result[-1].append([unit])
        else:
            result[-1][-1].append(unit)
    return result


def to_txt(deliverable: Deliverable) -> str:
    """Plain text: lines and blank-line separated paragraphs as in the source."""
    blocks = [
        "\n".join(" ".join(u.text.strip() for u in line) for line in para)
        for para in paragraphs(deliverable.units)
    ]
    return XML_INVALID.sub("", "\n\n".join(blocks)) + "\n"


def _html_line(line: list[Unit], source_lang: str | None) -> str:
    parts = []
    for unit in line:
        text = escape(unit.text.strip())
        if unit.state == "untranslated":
            lang = escape(unit.segment.get("lang") or source_lang or "und")
            parts.append(f'<span class="untranslated" lang="{lang}">{text}</span>')
        else:
            parts.append(str(text))
    return " ".join(parts)


def to_html(deliverable: Deliverable) -> str:
    """A standalone HTML5 document: headlines as headings, body paragraphs as ``<p>``."""
    version = deliverable.version
    source_lang = version.get("language")
    title = next((u.text for u in deliverable.units if u.segment["role"] == "headline"), "")
    body: list[str] = []
    level = 1
    for para in paragraphs(deliverable.units):
        lines = [_html_line(line, source_lang) for line in para]
        roles = {u.segment["role"] for line in para for u in line}
        if roles == {"headline"}:
            body.extend(f"<h{level}>{line}</h{level}>" for line in lines)
            level = 2
        else:
            body.append(f'<p class="{escape(" ".join(sorted(roles)))}">' + "<br>\n".join(lines)
                        + "</p>")  # fmt: skip
    head = (
        f'<!doctype html>\n<html lang="{escape(deliverable.target)}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{escape(title or version.get("title") or "")}</title>\n'
        f'<meta name="generator" content="workbench">\n'
        f'<meta name="source-language" content="{escape(source_lang or "")}">\n'
        f'<meta name="source-url" content="{escape(version.get("url") or "")}">\n'
        "</head>\n<body>\n<article>\n"
    )
    return XML_INVALID.sub("", head + "\n".join(body) + "\n</article>\n</body>\n</html>\n")


@dataclass(frozen=True)
class Format:
    """One deliverable format: how to render it and how to serve it."""

    name: str
    media_type: str
    extension: str
    render: Callable[[Deliverable], str]
    approved_only_default: bool = False
    description: str = ""
    translations_only: bool = False  # holds translated segments only: refused when empty


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("txt", "text/plain", "txt", to_txt, description="plain text, source layout"),
        Format("html", "text/html", "html", to_html, description="HTML5, headline and body"),
        Format(
            "xliff",
            "application/x-xliff+xml",
            "xlf",
            lambda d: to_xliff(d.version, d.target, d.units),
            description="XLIFF 1.2 for CAT tools (OmegaT, MateCat, Okapi); re-importable",
        ),
        Format(
            "tmx",
            "application/x-tmx+xml",
            "tmx",
            lambda d: to_tmx(d.version, d.target, d.units),
            approved_only_default=True,
            description="TMX 1.4 translation memory (approved pairs by default)",
            translations_only=True,
        ),
    )
}


def get_format(name: str) -> Format:
    """The registered format called ``name``; a clear error for anything else."""
    fmt = FORMATS.get((name or "").strip().lower())
    if fmt is None:
        raise InputError(
            N_("unknown format %(name)r; choose one of %(FORMATS)s"),
            name=name,
            FORMATS=", ".join(FORMATS),
        )
    return fmt


@checks_ids
def export_translation(
    settings: Settings,
    version_id: int,
    target: str,
    fmt: str,
    *,
    approved_only: bool | None = None,
    include_boilerplate: bool = False,
) -> tuple[str, Format, Deliverable]:
    """Render the deliverable; ``approved_only=None`` takes the format's default."""
    chosen = get_format(fmt)
    only = chosen.approved_only_default if approved_only is None else approved_only
    deliverable = build(
        settings, version_id, target, approved_only=only, include_boilerplate=include_boilerplate
    )
    if chosen.translations_only and not any(u.state in TRANSLATED for u in deliverable.units):
        raise _nothing_to_export(deliverable, chosen)
    return chosen.render(deliverable), chosen, deliverable


def _nothing_to_export(deliverable: Deliverable, fmt: Format) -> NothingToExportError:
    """Why a translations-only file would be empty, and what the translator can do."""
    where = {"target": deliverable.target, "version_id": deliverable.version["id"],
             "format": fmt.name.upper()}  # fmt: skip
    if deliverable.withheld:
        return NothingToExportError(
            N_("nothing approved into %(target)s in version %(version_id)s yet, so the "
               "%(format)s file would be empty: %(machine)s machine and %(draft)s draft "
               "translations await approval; approve them in the editor, or export every "
               "status (--any-status, or approved_only=0)"),
            machine=Num(deliverable.withheld.get("machine", 0)),
            draft=Num(deliverable.withheld.get("draft", 0)), **where,
        )  # fmt: skip
    return NothingToExportError(
        N_("nothing translated into %(target)s in version %(version_id)s yet, so the "
           "%(format)s file would be empty; translate it first (workbench translate --to "
           "%(target)s, or the version page's Translate button)"),
        **where,
    )  # fmt: skip


def filename(version: dict[str, Any], target: str, fmt: Format) -> str:
    """A download name such as ``version-12.de.xlf``."""
    return f"version-{version['id']}.{target}.{fmt.extension}"
