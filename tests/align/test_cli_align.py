"""``workbench align`` on one-sentence-per-line files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.align.conftest import make_sentences, write_lines
from workbench.cli import main
from workbench.core.align import parse_ladder


def test_align_ladder_and_json(tmp_path: Path) -> None:
    left = make_sentences(12, seed=4)
    right = left[:5] + [left[5] + " " + left[6]] + left[7:]
    src, tgt = write_lines(tmp_path / "a.txt", left), write_lines(tmp_path / "b.txt", right)
    runner = CliRunner()
    ladder = runner.invoke(main, ["align", str(src), str(tgt)])
    assert ladder.exit_code == 0, ladder.output
    assert "[5, 6]:[5]" in ladder.output.splitlines()
    out = tmp_path / "pred.txt"
    assert runner.invoke(main, ["align", str(src), str(tgt), "-o", str(out)]).exit_code == 0
    assert parse_ladder(out.read_text(encoding="utf-8"))[5] == ((5, 6), (5,))
    as_json = runner.invoke(main, ["align", str(src), str(tgt), "--format", "json"])
    data = json.loads(as_json.output)
    assert data["left_lines"] == 12 and data["beads"][5]["kind"] == "2-1"


def test_align_with_translation_file(tmp_path: Path) -> None:
    german = ["Die Polizei meldete zwei Unfälle.", "Der Rat billigte den Haushalt."]
    mt = ["The police reported two accidents.", "The council approved the budget."]
    english = ["The council approved the budget.", "Police reported two accidents."]
    src = write_lines(tmp_path / "de.txt", german)
    tgt = write_lines(tmp_path / "en.txt", english[::-1])
    trans = write_lines(tmp_path / "de.mt", mt)
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "--translation", str(trans)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["[0]:[0]", "[1]:[1]"]


def test_align_input_errors(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "a.txt", ["one", "two"])
    short = write_lines(tmp_path / "mt.txt", ["only one"])
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Größe\n".encode("latin-1"))
    runner = CliRunner()
    cases = [
        (["align", str(src), str(src), "--translation", str(short)], "has 1 lines"),
        (["align", str(src), str(empty)], "is empty"),
        (["align", str(src), str(latin)], "is not UTF-8"),
        (["align", str(src), str(tmp_path / "missing.txt")], "cannot read"),
    ]
    for args, message in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Error:" in result.output and message in result.output
