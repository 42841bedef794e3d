"""A TMX import reads its file as a stream (reliabb39), as the TBX does since reliab39.

Why: after reliab39 batched the writes, the TMX file itself was still parsed whole (its
tree and a list of its units): 4,000 → 40,000 units cost +61 MB, and a 104 MB file (20 ×
the upload limit, what a TMX may be) some 1.3 GB.  Streamed (defusedxml ``iterparse``,
each ``tu`` dropped once read), the growth is the file's bytes.  The encoding, a
DOCTYPE, the root, its namespace and the header's source language are checked when the
stream is opened, before anything is written; malformed XML late in the file is raised
when it is reached, and the import's one transaction rolls back
(``test_tm_memory39.test_a_unit_refused_late_leaves_the_memory``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.test_tm_memory39 import HEAD, _peak_mb, _tmx, _tu
from workbench.config import Settings
from workbench.errors import InputError


@pytest.mark.slow
def test_ten_times_the_units_cost_about_their_bytes(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "small.tmx").write_bytes(_tmx([_tu(i) for i in range(4_000)]))
    (tmp_path / "large.tmx").write_bytes(_tmx([_tu(i) for i in range(40_000)]))
    small = _peak_mb(settings, tmp_path / "small.tmx")
    large = _peak_mb(settings, tmp_path / "large.tmx")
    print(f"TMX import peak: 4,000 units {small:.0f} MB, 40,000 units {large:.0f} MB")
    assert large - small < 30, (small, large)  # whole parse: +61 MB; the file: +7 MB


def test_units_are_read_one_at_a_time() -> None:
    """The first unit comes before the malformed end is reached: a stream, not a tree."""
    from workbench.adapters.tmx import Unit, iter_tmx

    data = _tmx([_tu(i) for i in range(3)]).replace(b"</body></tmx>", b"<broken")
    units = iter_tmx(data)
    assert next(units) == Unit("en", "de", "The council approved budget line 0.",
                               "Der Rat billigte die Haushaltslinie 0.")  # fmt: skip
    with pytest.raises(InputError, match="malformed TMX"):
        list(units)


@pytest.mark.parametrize(("data", "refusal"), [
    ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">]><tmx>&a;</tmx>', "entities"),
    ('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><t>&x;</t>',
     "entities"),
    ('<?xml version="1.0"?><html><body/></html>', "not a TMX file"),
    ('<tmx xmlns="urn:x"><header srclang="en"/><body/></tmx>', "namespace"),
    (HEAD.replace('srclang="en" ', "") + _tu(0), "no source language"),
    (HEAD.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "encoding"),
])  # fmt: skip
def test_the_head_is_refused_when_the_stream_opens(data: str, refusal: str) -> None:
    """Refused at the call, before one unit is asked for (so before anything is written)."""
    from workbench.adapters.tmx import iter_tmx

    with pytest.raises(InputError, match=refusal):
        iter_tmx(data.encode())
