"""A large TBX termbase is read as a stream, all or nothing (reliab39).

Why: round 38 streamed the glossary CSV (514 → 109 MB for 100,000 rows) but a TBX
was still parsed whole (``fromstring``: every element of the file, then a list of
every entry) before the first term was written: within the 5 MiB file limit, a
TBX of 19,500 entries held about 27 MB more than one of 2,000 (now about 8 MB:
the file's bytes).  Entries are now
read with defusedxml's ``iterparse`` and each ``termEntry`` is dropped once read,
so the memory does not grow with the entries; the root and a DOCTYPE are still
checked before anything is written, and an error late in the file (malformed XML
after thousands of good entries) leaves the glossary as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.reliability.conftest import cli_env, cli_peak_mb
from workbench.adapters.termfiles import Entry, iter_glossary_file
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError
from workbench.services import glossary

ENTRY = ('<termEntry id="e{i}"><langSet xml:lang="en"><tig><term>term number {i}</term></tig>'
         '</langSet><langSet xml:lang="de"><tig><term>Begriff Nummer {i}</term>'
         '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>'
         '</langSet></termEntry>\n')  # fmt: skip


def _tbx(entries: int, tail: str = "</body></text></martif>\n") -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
    return (head + "".join(ENTRY.format(i=i) for i in range(entries)) + tail).encode()


def _peak_mb(settings: Settings, path: Path) -> float:
    return cli_peak_mb(settings, ["glossary", "import", str(path), "--from", "en", "--to", "de"])


@pytest.mark.slow
def test_ten_times_the_entries_cost_little_more_memory(settings: Settings,
                                                       tmp_path: Path) -> None:
    (tmp_path / "small.tbx").write_bytes(_tbx(2_000))
    (tmp_path / "large.tbx").write_bytes(_tbx(19_500))  # just under the 5 MiB file limit
    small = _peak_mb(settings, tmp_path / "small.tbx")
    large = _peak_mb(settings, tmp_path / "large.tbx")
    assert large - small < 15, (small, large)  # START: ~27 MB more; streamed ~8 (the bytes)


def test_entries_are_read_one_at_a_time() -> None:
    """The first entry comes before the malformed end is reached: a stream, not a tree."""
    entries = iter_glossary_file(_tbx(3, tail="<broken"), "g.tbx", "en", "de")
    assert next(entries) == Entry("term number 0", "Begriff Nummer 0")
    with pytest.raises(InputError, match="malformed TBX"):
        list(entries)


@pytest.mark.parametrize("head", [
    '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa">]><martif>&a;</martif>',
    '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><m>&x;</m>',
    '<?xml version="1.0"?><html><body/></html>',
])  # fmt: skip
def test_a_doctype_or_a_wrong_root_is_refused_before_anything(head: str) -> None:
    with pytest.raises(InputError, match="entities|not a TBX file"):
        iter_glossary_file(head.encode(), "g.tbx", "en", "de")


@pytest.mark.bad_input
def test_malformed_xml_late_in_a_large_file_leaves_the_glossary(settings: Settings,
                                                                tmp_path: Path) -> None:
    glossary.import_glossary(settings, b"keep,Behalten,no,\n", "g.csv", "en", "de")
    before = glossary.list_terms(settings, "en", "de")
    path = tmp_path / "bad.tbx"
    path.write_bytes(_tbx(3_000, tail="<termEntry><langSet></body></text></martif>\n"))
    result = CliRunner().invoke(main, ["glossary", "import", str(path), "--from", "en",
                                       "--to", "de"], env=cli_env(settings))  # fmt: skip
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: malformed TBX (XML): mismatched tag"), result.output
    assert "Traceback" not in result.output
    assert glossary.list_terms(settings, "en", "de") == before
