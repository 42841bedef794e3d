"""CAT writes under failure and concurrency: a save and its history row, an XLIFF import
killed midway, a web edit landing during a CLI import (reliab40).

Why: a post-edit wrote the translation (compare-and-set, committed) and then its history
row in a second transaction.  A failure between the two (the database full or locked at
that moment, the process killed) left a saved text with no history row, and the saver an
``Error:`` for an edit that had in fact gone through: the same save again was a
"conflict" with itself.  The write and its row are now one transaction.  An XLIFF import
saves unit by unit (each a post-edit with the file's revision), so a run killed midway
keeps what it saved; the same command run again takes up the rest (the saved units read
as unchanged, no conflict, no second history row).  A web edit landing between the
import's read and its write of a unit is kept, the file's text returned as a conflict.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from tests.deliverables.test_import import _edit, _row
from tests.reliability.conftest import cli_env
from tests.web.conftest import Api, Corpus, corpus  # noqa: F401  (the fixture)
from workbench.config import Settings
from workbench.errors import ConflictError
from workbench.services import xliff_import
from workbench.services.deliverables import export_translation
from workbench.services.postedit import save_translation
from workbench.store.cat_models import SegmentRevision
from workbench.store.db import get_engine
from workbench.web import create_app

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


_REFUSE = {
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON segment_revision "
               "BEGIN SELECT RAISE(ABORT, 'disk full'); END"],
    "postgresql": ["CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$",
                   "CREATE TRIGGER refuse BEFORE INSERT ON segment_revision "
                   "FOR EACH ROW EXECUTE FUNCTION refuse()"],
}  # fmt: skip
_ALLOW = {
    "sqlite": ["DROP TRIGGER refuse"],
    "postgresql": ["DROP TRIGGER refuse ON segment_revision", "DROP FUNCTION refuse()"],
}


def _refuse_history(engine: Engine) -> None:
    """A trigger refusing every history row: the database failing at that moment."""
    with engine.begin() as conn:
        for statement in _REFUSE[engine.dialect.name]:
            conn.execute(text(statement))


def _allow_history(engine: Engine) -> None:
    with engine.begin() as conn:
        for statement in _ALLOW[engine.dialect.name]:
            conn.execute(text(statement))


def _history(settings: Settings, segment_id: int) -> list[tuple[int, str]]:
    with Session(get_engine(settings.database_url)) as session:
        rows = session.exec(
            select(SegmentRevision).where(SegmentRevision.segment_id == segment_id,
                                          SegmentRevision.target_lang == "de")
            .order_by(col(SegmentRevision.revision))
        ).all()  # fmt: skip
        return [(r.revision, r.text) for r in rows]


def test_a_save_whose_history_row_fails_changes_nothing(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
) -> None:
    soldiers = corpus.segments["soldiers"]
    save_translation(settings, soldiers, "de", "Erste Fassung.", base_revision=1)  # history begun
    engine = get_engine(settings.database_url)
    _refuse_history(engine)  # the database refuses the next history row (full, locked…)
    with pytest.raises(Exception) as refused:  # noqa: PT011  (the database's own error)
        save_translation(settings, soldiers, "de", "Zweite Fassung.", base_revision=2)
    assert not isinstance(refused.value, ConflictError)  # nobody else changed it
    row = _row(settings, soldiers)
    assert (row.text, row.revision) == ("Erste Fassung.", 2), "saved without its history row"
    _allow_history(engine)
    saved = save_translation(settings, soldiers, "de", "Zweite Fassung.", base_revision=2)
    assert saved["revision"] == 3  # the same save again goes through, not a conflict
    assert _history(settings, soldiers)[-1] == (3, "Zweite Fassung.")


_DIES = """
import os, sys
from workbench.services import xliff_import
from workbench.cli import main
save, done = xliff_import.save_many, []
xliff_import.SAVE_BATCH = 1  # a unit per batch: killed after DIE_AFTER saved units
def dying(*args, **kwargs):
    if len(done) == int(os.environ["DIE_AFTER"]):
        os._exit(137)  # killed: no rollback, no cleanup, no report
    done.append(save(*args, **kwargs))
    return done[-1]
xliff_import.save_many = dying
main(sys.argv[1:])
"""


_RUNS = "import sys\nfrom workbench.cli import main\nmain(sys.argv[1:])\n"


def _every_unit_edited(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
) -> tuple[bytes, list[int]]:
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    units = etree.fromstring(body.encode()).iterfind(".//x:trans-unit", NS)
    ids = [int(u.get("id")) for u in units]
    return _edit(body, {i: (f"Zeile {i} aus dem CAT-Tool.", "translated") for i in ids}), ids


def test_an_xliff_import_killed_midway_resumes_when_run_again(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
    tmp_path: Path,
) -> None:
    edited, ids = _every_unit_edited(settings, corpus)
    path = tmp_path / "job.xlf"
    path.write_bytes(edited)
    args = ["translation", "import", str(path)]
    killed = subprocess.run([sys.executable, "-c", _DIES, *args], capture_output=True, text=True,
                            env={**cli_env(settings), "DIE_AFTER": "2"}, timeout=300)  # fmt: skip
    assert killed.returncode == 137, (killed.stdout, killed.stderr[-2000:])
    again = subprocess.run([sys.executable, "-c", _RUNS, *args], capture_output=True,
                           text=True, env=cli_env(settings), timeout=300)  # fmt: skip
    assert again.returncode == 0, (again.stdout, again.stderr[-2000:])
    assert (
        f"{len(ids)} units: updated {len(ids) - 2} (approved 0), unchanged 2, "
        "untranslated 0, same language 0, conflicts 0"
    ) in again.stdout, again.stdout
    for i in ids:
        assert _row(settings, i).text == f"Zeile {i} aus dem CAT-Tool."
        saves = [r for r in _history(settings, i) if r[1] == f"Zeile {i} aus dem CAT-Tool."]
        assert len(saves) == 1, (i, _history(settings, i))  # one history row per save
    with Session(get_engine(settings.database_url)) as session:
        from workbench.store.models import Translation

        rows = session.exec(select(func.count()).select_from(Translation)
                            .where(col(Translation.segment_id).in_(ids),
                                   Translation.target_lang == "de")).one()  # fmt: skip
    assert rows == len(ids)  # no duplicate row


def test_a_web_edit_during_a_cli_import_is_kept_and_the_file_text_returned(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    soldiers, headline = corpus.segments["soldiers"], corpus.segments["headline"]
    body = export_translation(settings, corpus.v_en1, "de", "xliff")[0]
    edited = _edit(body, {soldiers: ("Aus dem CAT-Tool.", "final"),
                          headline: ("Truppen wieder an der Front", "translated")})  # fmt: skip
    api = Api(create_app(settings).test_client())
    save = xliff_import.save_many

    def web_edit_first(s: Settings, target: str, saves: list[Any], **kwargs: Any) -> Any:
        if soldiers in [u[0] for u in saves]:  # the import read revision 1; the browser saves
            answer = api.post(f"/api/translations/{soldiers}/de",
                              json={"text": "Im Browser.", "base_revision": 1})  # fmt: skip
            assert answer.status_code == 200, answer.get_json()
        return save(s, target, saves, **kwargs)

    monkeypatch.setattr(xliff_import, "save_many", web_edit_first)
    report = xliff_import.import_xliff(settings, edited, "job.xlf")
    assert report.updated == 1 and [c["segment_id"] for c in report.conflicts] == [soldiers]
    assert report.conflicts[0]["file_text"] == "Aus dem CAT-Tool."
    assert report.conflicts[0]["current"]["text"] == "Im Browser."
    assert _row(settings, soldiers).text == "Im Browser."
    assert _row(settings, headline).text == "Truppen wieder an der Front"


def test_a_revert_whose_history_row_fails_changes_nothing(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
) -> None:
    """A revert is the same write and row (``history.restore``, then ``record``)."""
    from workbench.services.history import revert

    soldiers = corpus.segments["soldiers"]
    save_translation(settings, soldiers, "de", "Erste Fassung.", base_revision=1)
    engine = get_engine(settings.database_url)
    _refuse_history(engine)
    with pytest.raises(Exception) as refused:  # noqa: PT011  (the database's own error)
        revert(settings, soldiers, "de", 1, base_revision=2)
    assert not isinstance(refused.value, ConflictError)
    assert _row(settings, soldiers).revision == 2, "reverted without its history row"
    _allow_history(engine)
    assert revert(settings, soldiers, "de", 1, base_revision=2)["revision"] == 3


_TMX_DIES = """
import os, sys
from workbench.services import tm
from workbench.cli import main
present, batches = tm._present_keys, []
def dying(*args, **kwargs):
    if len(batches) == 2:  # two batches written inside the one transaction
        os._exit(137)
    batches.append(1)
    return present(*args, **kwargs)
tm._present_keys = dying
main(sys.argv[1:])
"""


def test_a_tmx_import_killed_midway_leaves_nothing_and_runs_again_whole(
    settings: Settings, tmp_path: Path
) -> None:
    """The TMX import is one transaction: killed after two of its batches, nothing of it
    is stored; the same command again adds every unit once."""
    from tests.reliability.test_tm_memory39 import _tmx, _tu
    from workbench.services.tm import IMPORT_BATCH
    from workbench.store.cat_models import TMUnit

    units = IMPORT_BATCH * 3 + 7
    path = tmp_path / "memory.tmx"
    path.write_bytes(_tmx([_tu(i) for i in range(units)]))
    args = ["tm", "import", str(path)]
    killed = subprocess.run([sys.executable, "-c", _TMX_DIES, *args], capture_output=True,
                            text=True, env=cli_env(settings), timeout=300)  # fmt: skip
    assert killed.returncode == 137, (killed.stdout, killed.stderr[-2000:])

    def stored() -> int:
        with Session(get_engine(settings.database_url)) as session:
            return int(session.exec(select(func.count()).select_from(TMUnit)).one())

    assert stored() == 0
    again = subprocess.run([sys.executable, "-c", _RUNS, *args], capture_output=True, text=True,
                           env=cli_env(settings), timeout=300)  # fmt: skip
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{units} added, 0 already" in again.stdout, again.stdout
    assert stored() == units


def test_the_same_file_imported_twice_at_once_reports_no_conflict(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large import outlives a proxy's timeout, the translator uploads the file again:
    the second run read the rows before the first saved them, and each of its saves
    met the first's (the same text and status) as a "conflict", exit 4, "re-export,
    merge and import again" for nothing changed by anyone else."""
    edited, ids = _every_unit_edited(settings, corpus)
    save, other = xliff_import.save_many, []

    def the_other_run_lands_first(*args: Any, **kwargs: Any) -> Any:
        if not other:
            monkeypatch.setattr(xliff_import, "save_many", save)
            other.append(xliff_import.import_xliff(settings, edited, "again.xlf"))
            monkeypatch.setattr(xliff_import, "save_many", the_other_run_lands_first)
        return save(*args, **kwargs)

    monkeypatch.setattr(xliff_import, "save_many", the_other_run_lands_first)
    report = xliff_import.import_xliff(settings, edited, "job.xlf")
    assert other[0].updated == len(ids) and other[0].conflicts == []
    assert report.conflicts == [], report.conflicts
    assert (report.updated, report.unchanged) == (0, len(ids))
    for i in ids:
        assert _row(settings, i).text == f"Zeile {i} aus dem CAT-Tool."


def test_an_xliff_import_saves_its_units_in_batches_not_one_transaction_each(
    settings: Settings,
    corpus: Corpus,  # noqa: F811
) -> None:
    """reliabb40: one transaction per unit (9,000 units ~63 s here) widened the window in
    which a re-upload overlaps the first run; the units are saved in batches
    (``xliff_import.SAVE_BATCH``), each unit still by its own compare-and-set."""
    from sqlalchemy import event

    edited, ids = _every_unit_edited(settings, corpus)
    assert len(ids) >= 4
    commits: list[int] = []
    engine = get_engine(settings.database_url)

    def counted(conn: Any) -> None:
        commits.append(1)

    event.listen(engine, "commit", counted)
    try:
        report = xliff_import.import_xliff(settings, edited, "job.xlf")
    finally:
        event.remove(engine, "commit", counted)
    assert report.updated == len(ids) and report.conflicts == []
    assert len(commits) <= 2, f"{len(commits)} commits for {len(ids)} units"
    for i in ids:
        assert _row(settings, i).text == f"Zeile {i} aus dem CAT-Tool."
        saves = [r for r in _history(settings, i) if r[1] == f"Zeile {i} aus dem CAT-Tool."]
        assert len(saves) == 1, (i, _history(settings, i))
