"""Which code points are combining marks and word characters, for normalising texts.

Why a snapshot: ``similarity`` normalises whole documents on code-point tables
(``char_tables``: a combining mark, a ``\\w`` character, for every code point below
``END``).  Building them asks ``unicodedata.combining`` of ~126,000 code points and runs
``\\W+`` over all 196,608: nearly all of the language test on a process's first aligner
call (round 24: ~270 M instructions, paid again by every one-shot compare).  Both
tables depend only on the Unicode database and the regular-expression engine, so
``char_tables.json`` (written by ``benchmarks/core_snapshots.py``) keeps them as runs
of code points for one Unicode version and one Python; any other reads them live.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
import unicodedata
from importlib import resources

import numpy as np

SNAPSHOT_FILE = "char_tables.json"
END = 0x30000  # the tables' end (code points beyond: a text is normalised alone)


def live_combining() -> list[int]:
    """Every combining mark (canonical combining class not 0), read from ``unicodedata``."""
    return [c for c in range(0x300, 0x1F000) if unicodedata.combining(chr(c))]


def live_word() -> np.ndarray:
    """Per code point below ``END``: does ``\\w`` match it.

    Why what ``\\W+`` leaves of every code point: one match object per word character
    (~130,000) was three fifths of building both tables (round 23)."""
    kept = re.sub(r"\W+", "", "".join(map(chr, range(END))))
    word = np.zeros(END, bool)
    word[np.frombuffer(kept.encode("utf-32-le", "surrogatepass"), np.uint32)] = True
    return word


def runs(mask: np.ndarray) -> list[list[int]]:
    """The ``[start, stop)`` runs of true values of a boolean array."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return edges.reshape(-1, 2).tolist()


def from_runs(found: list[list[int]], size: int) -> np.ndarray:
    """A boolean array of ``size`` true exactly in the ``[start, stop)`` runs (``runs``)."""
    delta = np.zeros(size + 1, np.int8)
    bounds = np.array(found, np.int64).reshape(-1, 2)
    delta[bounds[:, 0]] += 1  # runs never touch: every start and stop is distinct
    delta[bounds[:, 1]] -= 1
    return np.cumsum(delta[:-1]) > 0


def snapshot_of(combining: list[int], word: np.ndarray) -> dict:
    """The JSON document ``char_tables.json`` holds (with what it is valid for)."""
    mask = np.zeros(END, bool)
    mask[combining] = True
    return {"unicode": unicodedata.unidata_version, "python": list(sys.version_info[:2]),
            "combining": runs(mask), "word": runs(word)}  # fmt: skip


@functools.cache
def _shipped() -> dict | None:
    """The snapshot when it was written by this Unicode database and Python, else ``None``."""
    ref = resources.files("workbench.core").joinpath(SNAPSHOT_FILE)
    try:  # a cache only: a missing or damaged file costs the live build, never an error
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    valid = data.get("unicode") == unicodedata.unidata_version
    return data if valid and data.get("python") == list(sys.version_info[:2]) else None


@functools.cache
def combining_marks() -> dict[int, None]:
    """Every combining mark, for ``str.translate`` to delete (built once, on first non-ASCII text).

    Why a table: a regular expression of this ~2,300-character class cost more
    than the rest of normalisation together.
    """
    shipped = _shipped()
    if shipped is None:
        return dict.fromkeys(live_combining())
    return dict.fromkeys(
        itertools.chain.from_iterable(itertools.starmap(range, shipped["combining"]))
    )


@functools.cache
def char_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per code point below ``END``: is it a combining mark (``combining_marks``), a word
    character (``\\w``)."""
    shipped = _shipped()
    if shipped is not None:
        return from_runs(shipped["combining"], END), from_runs(shipped["word"], END)
    combining = np.zeros(END, bool)
    combining[list(combining_marks())] = True
    return combining, live_word()
