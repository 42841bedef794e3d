"""A glossary CSV is read as Excel and LibreOffice write it (round 34, second half).

Why: ``csv.Sniffer`` guessed the quoting as well as the delimiter.  When it
guessed "quotes are not doubled", ``"Truppe"x`` was read as ``Truppex``: a term
silently changed.  A spreadsheet writes a quote inside a quoted cell doubled
(``say ""x""`` inside the quotes), so a quote followed by anything but the delimiter or a line
end is a broken cell, refused with the reader's own words.  Only the delimiter
(``,`` ``;`` tab) is guessed.  Old-Mac files end lines with a bare CR; they were
"malformed CSV" although every row is plain: CR, LF and CRLF all end a line.
"""

from __future__ import annotations

import pytest

from workbench.adapters.termfiles import Entry, parse_csv
from workbench.errors import InputError


@pytest.mark.parametrize(
    "text",
    ['Truppe,"Truppe"x\nHaus,house\n', '"Truppe"x,troop\nHaus,house\n',
     'Truppe;"Truppe"x\nHaus;house\n'],
    ids=["target", "source", "semicolon"],
)  # fmt: skip
def test_a_quote_not_doubled_is_refused_not_dropped(text: str) -> None:
    with pytest.raises(InputError, match="malformed CSV"):
        parse_csv(text, "de", "en")


def test_doubled_quotes_and_the_delimiter_guess_still_read() -> None:
    text = 'a;"b ""x"" c"\n"d;e";f\ng;h\n'
    assert [(e.source, e.target) for e in parse_csv(text, "en", "de")] == [
        ("a", 'b "x" c'), ("d;e", "f"), ("g", "h"),
    ]  # fmt: skip


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_every_line_end_reads_the_same_rows(end: str) -> None:
    text = end.join(["source,target,forbidden", "Haus,house,no", 'Baum,"tree, big",yes', ""])
    assert parse_csv(text, "de", "en") == [
        Entry("Haus", "house", False), Entry("Baum", "tree, big", True),
    ]  # fmt: skip


def test_a_cr_file_keeps_a_line_break_inside_quotes() -> None:
    text = 'a,"Front\rLinie"\rb,c\r'
    assert [(e.source, e.target) for e in parse_csv(text, "en", "de")] == [
        ("a", "Front\nLinie"), ("b", "c"),
    ]  # fmt: skip
