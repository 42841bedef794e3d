"""A glossary CSV's errors name the line to open, in the reader's language (round 35).

Why: ``malformed CSV: ',' expected after '"'`` named no line, and its detail was the
csv module's English inside a translated message: a translator with a 2,000-row
file could not find the broken row, and on a German page half the message stayed
English.  Now every CSV message names the line where the row begins, counted as a
text editor and a spreadsheet count them (blank lines count; they were skipped
before numbering, so ``row 3`` could be line 5), and a malformed row says in a
catalog sentence what is wrong with it.
"""

from __future__ import annotations

import pytest

from workbench.adapters.termfiles import parse_csv
from workbench.errors import InputError


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as raised:
        parse_csv(text, "en", "de")
    return raised.value


def test_text_after_a_closing_quote_names_its_line() -> None:
    error = _error('source,target\nhouse,Haus\n\ntroop,"Truppe"x\nbridge,Brücke\n')
    assert error.message.startswith("malformed CSV, line 4: "), error.message
    assert "expected after" not in error.message  # no csv-module English in the sentence
    assert "exc" not in error.params


def test_a_quote_never_closed_names_the_line_its_row_begins_on() -> None:
    error = _error('source,target\nhouse,Haus\ntroop,"Truppe\nbridge,Brücke\nlake,See\n')
    assert error.message.startswith("malformed CSV, line 3: "), error.message
    assert "never closed" in error.message


def test_a_cell_over_the_field_limit_names_its_line() -> None:
    error = _error('source,target\nhouse,"' + "x" * 200_000 + '"\n')
    assert error.message.startswith("malformed CSV, line 2: "), error.message
    assert "131,072" in error.message


def test_the_line_counts_a_quoted_line_break_above_it() -> None:
    error = _error('source,target\nhouse,"Haus\nam See"\ntroop,"Truppe"x\n')
    assert error.message.startswith("malformed CSV, line 4: "), error.message


def test_row_errors_count_blank_lines_as_the_file_does() -> None:
    error = _error("source,target,forbidden\n\nhouse,Haus,no\n\ntroop,Truppe,maybe\n")
    assert error.message.startswith("CSV row 5: forbidden must be yes or no"), error.message
    missing = _error('source,target\nhouse,"Haus\nam See"\n\ntroop,\n')
    assert missing.message.startswith("CSV row 5: expected a source term"), missing.message
