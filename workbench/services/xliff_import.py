"""Read an XLIFF 1.2 file edited in a CAT tool back into the stored translations.

Why two passes: a bad file must change nothing.  The whole file is parsed
(``defusedxml``: no DTDs, no entity expansion, no network) and checked first —
XLIFF 1.2, known target language, every ``trans-unit`` id a stored segment of
the named version with the same source text — and only then are translations
saved by the post-editing rules (``services.postedit.save_many``: batches of
``SAVE_BATCH`` in one transaction, each unit its own compare-and-set) with the
revision the file was exported at (``extradata="revision=N"``).  A segment changed in
the workbench since the export is a reported conflict, never overwritten; the
file's text for it is returned so nothing the translator typed is lost.

State mapping back: ``final``/``signed-off`` or ``approved="yes"`` -> approved;
any other target with text -> draft, except an untouched machine translation
still marked ``needs-review-*`` and not ``approved="yes"``, which stays machine.
A unit whose text and status are still those of the revision it was exported at
asks for nothing, even when the workbench has moved on since (round 35).

Texts are compared as the export wrote them (``_as_written``): XML 1.0 cannot
carry control characters, so the writer drops them, and a parser reads every
raw carriage return as a line feed (since round 33 the writer escapes CRs as
``&#13;``, so they come back; files exported before still match).  A stored
text holding either must still match its own untouched export (round 31: a page
with a U+0001 could not be imported back, and a translation with one was
rewritten by its untouched file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from sqlmodel import Session, col, select

from workbench.adapters.filebytes import check_xml_encoding
from workbench.adapters.tmx import xml_text
from workbench.config import Settings
from workbench.errors import N_, InputError, NotFoundError, TooLargeError
from workbench.services.postedit import _conflict, save_many
from workbench.services.validation import MAX_ID
from workbench.services.xliff import XLIFF_NS
from workbench.store.cat_models import SegmentRevision
from workbench.store.db import get_engine
from workbench.store.models import Segment, Translation

_APPROVED_STATES = {"final", "signed-off"}
_UNTOUCHED_STATES = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
_ID = re.compile(r"[0-9]{1,19}")
_REVISION = re.compile(r"(?:^|;)\s*revision=([0-9]{1,19})\s*(?:;|$)")  # longer: none
SAVE_BATCH = 200  # units saved per transaction (reliabb40); each still its own compare-and-set


@dataclass
class FileUnit:
    """One ``trans-unit`` as read from the file."""

    segment_id: int
    source: str
    target: str | None
    state: str
    approved: bool
    base_revision: int | None
    translate: bool


@dataclass
class ImportReport:
    """What an import did; ``conflicts`` keep the file's text for each refused segment."""

    target: str
    version_ids: list[int]
    units: int = 0
    updated: int = 0
    approved: int = 0
    unchanged: int = 0
    untranslated: int = 0
    skipped_same_language: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {**self.__dict__, "conflict_count": len(self.conflicts)}


def _q(tag: str) -> str:
    return f"{{{XLIFF_NS}}}{tag}"


def _parse(data: bytes, name: str) -> Element:
    if not data.strip():
        raise InputError(N_("%(name)s is empty"), name=name)
    check_xml_encoding(data, "XLIFF")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except ParseError as exc:
        raise InputError(
            N_("%(name)s is not well-formed XML (%(exc)s)"), name=name, exc=exc
        ) from exc
    except DefusedXmlException as exc:
        raise InputError(
            N_("%(name)s uses DTDs or entities, which are refused (%(exc)s)"), name=name, exc=exc
        ) from exc
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise InputError(
            N_(
                "%(name)s is not an XLIFF 1.2 document (root %(tag)r); export with "
                "`workbench translation export --format xliff`"
            ),
            name=name,
            tag=root.tag,
        )
    return root


def _unit(element: Element, name: str) -> FileUnit:
    raw_id = element.get("id") or ""
    # ASCII digits within the ids' range: ``isdigit`` let "²" (int() failed), "١" (read as
    # segment 1) and ids past int()'s digit limit or SQLite's integers through (round 34)
    if not _ID.fullmatch(raw_id) or int(raw_id) > MAX_ID:
        shown = raw_id if len(raw_id) <= 40 else raw_id[:40] + "…"
        raise InputError(
            N_("%(name)s: trans-unit id %(raw_id)r is not a workbench segment id"),
            name=name,
            raw_id=shown,
        )
    source = element.find(_q("source"))
    target = element.find(_q("target"))
    match = _REVISION.search(element.get("extradata") or "")
    text = "".join(target.itertext()) if target is not None else None
    return FileUnit(
        segment_id=int(raw_id),
        source="".join(source.itertext()) if source is not None else "",
        target=text if text and text.strip() else None,
        state=(target.get("state") or "") if target is not None else "",
        approved=element.get("approved") == "yes",
        base_revision=int(match.group(1)) if match else None,
        translate=element.get("translate", "yes") != "no",
    )


def read_file(settings: Settings, data: bytes, name: str) -> tuple[str, list[int], list[FileUnit]]:
    """Target language, version ids (from ``original``) and units; raises on a bad file."""
    root = _parse(data, name)
    files = root.findall(_q("file"))
    if not files:
        raise InputError(N_("%(name)s has no <file> element"), name=name)
    targets = {f.get("target-language") or "" for f in files}
    if len(targets) != 1 or not targets <= set(settings.languages):
        raise InputError(
            N_("%(name)s: target-language must be one of %(languages)s (found %(targets)s)"),
            name=name,
            languages=", ".join(settings.languages),
            targets=", ".join(sorted(targets)) or "none",
        )
    versions: list[int] = []
    units: list[FileUnit] = []
    for f in files:
        original = f.get("original") or ""
        number = original[18:]  # ASCII digits in range, as a unit id (round 34)
        if (
            not original.startswith("workbench:version/")
            or not _ID.fullmatch(number)
            or (int(number) > MAX_ID)
        ):
            raise InputError(
                N_("%(name)s: <file original=%(original)r> is not a workbench export"),
                name=name,
                original=original if len(original) <= 60 else original[:60] + "…",
            )
        versions.append(int(original[18:]))
        units.extend(_unit(u, name) for u in f.iter(_q("trans-unit")))
    if not units:
        raise InputError(N_("%(name)s has no trans-unit elements"), name=name)
    return targets.pop(), versions, units


def _as_written(text: str) -> str:
    """``text`` as an XLIFF parser reads it back from our export (see the module docstring)."""
    return xml_text(text).replace("\r\n", "\n").replace("\r", "\n")


def _squash(text: str) -> str:
    return " ".join(text.split())


Rows = dict[int, tuple[int, int]]  # segment id -> (version id, row as the version page shows it)


def _check(session: Session, name: str, versions: list[int], units: list[FileUnit]) -> Rows:
    """Every unit must be a segment of a named version with the same source text; the
    version and row of each, so a conflict names what the translator sees (round 36)."""
    ids = [u.segment_id for u in units]
    stored = {
        s.id: s
        for i in range(0, len(ids), 500)
        for s in session.exec(select(Segment).where(col(Segment.id).in_(ids[i : i + 500])))
    }
    missing = [i for i in ids if i not in stored]
    if missing:
        more = f", … (+{len(missing) - 10})" if missing[10:] else ""  # round 37: how many
        shown = ", ".join(map(str, missing[:10])) + more
        raise NotFoundError(
            N_("%(name)s: segment(s) %(shown)s not found; nothing was imported"),
            name=name,
            shown=shown,
        )
    for unit in units:
        segment = stored[unit.segment_id]
        if segment.version_id not in versions:
            raise InputError(
                N_("%(name)s: segment %(segment_id)s is not in this file's version"),
                name=name,
                segment_id=unit.segment_id,
            )
        if _squash(_as_written(segment.text)) != _squash(unit.source):
            raise InputError(
                N_(
                    "%(name)s: the source of segment %(segment_id)s differs from the "
                    "stored one; nothing was imported"
                ),
                name=name,
                segment_id=unit.segment_id,
            )
    return {i: (s.version_id, s.position) for i, s in stored.items()}


def _status(unit: FileUnit, current: Translation | None) -> str | None:
    """The status to save, or None when the unit asks for no change."""
    assert unit.target is not None
    approved = unit.approved or unit.state in _APPROVED_STATES
    status = "approved" if approved else "draft"
    if current is None:
        return status
    same_text = unit.target.strip() in {
        xml_text(current.text).strip(),  # as written since round 33 (a CR is &#13;)
        _as_written(current.text).strip(),  # an older export: its CRs read as LFs
    }
    # approved="yes" is the reviewer's sign-off even where the tool left the state alone
    # (translate-toolkit's markapproved sets only the attribute): until round 35 such a
    # unit was counted "unchanged" and the approval lost
    untouched = unit.state in _UNTOUCHED_STATES and not unit.approved
    if same_text and current.status == "machine" and untouched:
        return None
    if same_text and current.status == status:
        return None
    return status


def import_xliff(settings: Settings, data: bytes, name: str = "file") -> ImportReport:
    """Apply an edited XLIFF export; see the module docstring for the rules."""
    if len(data) > settings.max_input_chars * 4:
        raise TooLargeError(
            N_("%(name)s is larger than %(max_input_chars)s bytes"),
            name=name,
            max_input_chars=settings.max_input_chars * 4,
        )
    target, versions, units = read_file(settings, data, name)
    with Session(get_engine(settings.database_url)) as session:
        where = _check(session, name, versions, units)
        rows = {
            t.segment_id: t
            for t in session.exec(
                select(Translation).where(
                    col(Translation.segment_id).in_([u.segment_id for u in units]),
                    Translation.target_lang == target,
                )
            )
        }
        session.expunge_all()
    report = ImportReport(target=target, version_ids=versions, units=len(units))
    batch: list[tuple[FileUnit, str, int]] = []
    for unit in units:
        if (save := _plan(report, unit, rows.get(unit.segment_id))) is not None:
            batch.append(save)
        if len(batch) >= SAVE_BATCH:
            _save(settings, report, batch, where)
            batch = []
    _save(settings, report, batch, where)
    return report


def _plan(
    report: ImportReport, unit: FileUnit, row: Translation | None
) -> tuple[FileUnit, str, int] | None:
    """The unit's save (unit, status, base revision), or None, counting why not."""
    if not unit.translate:
        report.skipped_same_language += 1
        return None
    if unit.target is None:
        report.untranslated += 1
        return None
    status = _status(unit, row)
    if status is None:
        report.unchanged += 1
        return None
    base = unit.base_revision if unit.base_revision is not None else (0 if row is None else -1)
    return unit, status, base


def _save(
    settings: Settings, report: ImportReport, batch: list[tuple[FileUnit, str, int]],
    where: Rows,
) -> None:  # fmt: skip
    """Save a batch in one transaction (``postedit.save_many``, reliabb40), each unit by
    its own compare-and-set; a unit that lost is judged as before (``_lost``)."""
    if not batch:
        return
    saves = [(u.segment_id, u.target or "", base, status) for u, status, base in batch]
    lost = set(save_many(settings, report.target, saves))
    for unit, status, base in batch:
        if unit.segment_id in lost:
            _lost(settings, report, unit, base, where[unit.segment_id])
            continue
        report.updated += 1
        report.approved += status == "approved"


def _lost(
    settings: Settings, report: ImportReport, unit: FileUnit, base: int, where: tuple[int, int]
) -> None:
    """A unit whose save lost: unchanged when the file asked nothing new of what won, else a
    conflict naming the unit's id (the file's) and its version and row (the version page's)."""
    exc = _conflict(settings, unit.segment_id, report.target, base)
    current = exc.current
    if _untouched_since_export(settings, unit, report.target) or _already(unit, current):
        report.unchanged += 1  # the workbench's newer text stays; the file asked nothing
        return
    report.conflicts.append(
        {
            "segment_id": unit.segment_id,
            "version_id": where[0],
            "position": where[1],
            "file_text": unit.target,
            "file_revision": unit.base_revision,
            "current": current,
            "message": exc.message,
        }
    )


def _already(unit: FileUnit, current: dict[str, Any] | None) -> bool:
    """Whether the save that won holds what the unit asks: the same file imported twice
    at once (a re-upload after a proxy's timeout, a script and the page) met the other
    run's saves as conflicts, exit 4, for nothing anyone else changed (reliab40)."""
    if not current or not current.get("text"):
        return False
    now = Translation(segment_id=unit.segment_id, target_lang="", text=current["text"])
    now.status = current.get("status") or ""
    return _status(unit, now) is None


def _untouched_since_export(settings: Settings, unit: FileUnit, target: str) -> bool:
    """Whether the file holds exactly what the workbench had at the unit's revision.

    Why: a reviewer returns the whole file, while the translator went on in the editor;
    a unit the reviewer left alone would otherwise be a "conflict" quoting the old text
    as "your text" (round 35), and a real edit drowned among them.  Only a unit whose
    text and status equal that revision's recorded state is let through (counted as
    unchanged, the newer text kept); any edit or new sign-off stays a conflict.
    """
    if unit.base_revision is None or unit.target is None:
        return False
    with Session(get_engine(settings.database_url)) as session:
        then = session.exec(
            select(SegmentRevision).where(
                SegmentRevision.segment_id == unit.segment_id,
                SegmentRevision.target_lang == target,
                SegmentRevision.revision == unit.base_revision,
            )
        ).first()
        if then is None:
            return False
        old = Translation(segment_id=unit.segment_id, target_lang=target, text=then.text)
        old.status = then.status
    return _status(unit, old) is None
