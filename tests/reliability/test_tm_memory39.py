"""A large TMX import writes its units in batches, same result, all or nothing (reliab39).

Why: a TMX may be 20 × the upload limit (104 MB), and its import loaded every unit of
the memory as an ORM object, then added one per unit of the file, all held until the
commit: 10,000 units (1.9 MB) peaked at 144 MB, 100,000 (18.9 MB) at 567 MB.  Units are
now written as round 38's glossary terms are: batches of plain statements inside the
one transaction, the batch's keys looked up by hash (rows written earlier in the same
transaction included), so the store's memory does not grow with the units.  4,000 →
40,000 units: +150 MB at START, +61 MB after these batches (then the file was still
parsed whole, its tree the rest of the growth); 100,000 units: 567 → 277 MB.  Since
reliabb39 the file is read as a stream too (``adapters.tmx.iter_tmx``, each ``tu``
dropped once read): +0 MB here; ``test_tmx_stream39b`` pins the stream's growth.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import cli_peak_mb
from workbench.config import Settings
from workbench.services import tm

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
        'creationtoolversion="1" o-tmf="t"/><body>\n')  # fmt: skip


def _tu(i: int, target: str = "de", text: str = "Haushaltslinie") -> str:
    return (f'<tu><tuv xml:lang="en"><seg>The council approved budget line {i}.</seg></tuv>'
            f'<tuv xml:lang="{target}"><seg>Der Rat billigte die {text} {i}.</seg></tuv></tu>\n')


def _tmx(tus: list[str]) -> bytes:
    return (HEAD + "".join(tus) + "</body></tmx>\n").encode()


def _peak_mb(settings: Settings, path: Path) -> float:
    return cli_peak_mb(settings, ["tm", "import", str(path)])


@pytest.mark.slow
def test_ten_times_the_units_cost_no_more_than_the_parse(settings: Settings,
                                                         tmp_path: Path) -> None:
    (tmp_path / "small.tmx").write_bytes(_tmx([_tu(i) for i in range(4_000)]))
    (tmp_path / "large.tmx").write_bytes(_tmx([_tu(i) for i in range(40_000)]))
    small = _peak_mb(settings, tmp_path / "small.tmx")
    large = _peak_mb(settings, tmp_path / "large.tmx")
    assert large - small < 100, (small, large)  # START: +150 MB; batched: +61 (the parse)


def test_the_same_units_and_counts(settings: Settings) -> None:
    """Repeats inside one batch and across batches are skipped once stored; a unit
    with another translation of the same source is its own; a second import of the
    same file adds nothing; an unconfigured language is counted, not stored."""
    tus = [_tu(i) for i in range(1_200)] + [_tu(7), _tu(900), _tu(7, text="Zeile")]
    tus += [_tu(3, target="xx")]
    first = tm.import_tmx(settings, _tmx(tus), "a.tmx")
    assert (first["added"], first["skipped"], first["ignored"]) == (1_201, 2, {"en-xx": 1})
    again = tm.import_tmx(settings, _tmx(tus), "a.tmx")
    assert (again["added"], again["skipped"]) == (0, 1_203)
    assert first["pairs"] == {"en-de": 1_201}


@pytest.mark.bad_input
def test_a_unit_refused_late_leaves_the_memory(settings: Settings) -> None:
    tm.import_tmx(settings, _tmx([_tu(0)]), "keep.tmx")
    before = tm.import_tmx(settings, _tmx([_tu(0)]), "keep.tmx")
    assert before["added"] == 0
    long_author = [_tu(i) for i in range(1, 1_500)]
    bad = _tmx(long_author).replace(b"</body>", b"<tu><tuv xml:lang='en'><seg>x</seg></tuv>"
                                                  b"<tuv xml:lang='de'><seg>y")  # fmt: skip
    with pytest.raises(Exception, match="malformed TMX"):
        tm.import_tmx(settings, bad, "bad.tmx")
    assert tm.import_tmx(settings, _tmx([_tu(1)]), "probe.tmx")["added"] == 1  # was not stored
