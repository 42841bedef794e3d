"""Deeply nested XML in the files the CLI imports (round 33): a clear result, never a
``RecursionError`` reported as a bug.

Why: ``adapters.tmx.seg_text`` walked inline markup recursively, so a well-formed TMX
nesting ``<hi>`` 20,000 levels deep (400 kB, far under the import limit) ended ``workbench
tm import`` with "unexpected RecursionError ... a bug", exit 1.  The walk is now a loop; the
property pins that it reads every tree exactly as the recursive definition did.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reliability.conftest import snapshot
from workbench.adapters.tmx import CODES, parse_tmx, seg_text
from workbench.cli import main
from workbench.config import Settings
from workbench.store.db import get_engine

DEPTH = 20_000


def _tmx(seg: str, target: str = "Brücke") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en"/>'
        f'<body><tu><tuv xml:lang="en"><seg>{seg}</seg></tuv>'
        f'<tuv xml:lang="de"><seg>{target}</seg></tuv></tu></body></tmx>'
    ).encode()


def _cli(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    env = {"WORKBENCH_DATABASE_URL": settings.database_url, "WORKBENCH_HOME": str(settings.home)}
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.bad_input
@pytest.mark.parametrize("tag", ["hi", "sub", "bpt"], ids=["inline", "sub", "code"])
def test_deeply_nested_tmx_imports_without_a_recursion_error(
    settings: Settings, tmp_path: Path, tag: str
) -> None:
    path = tmp_path / "deep.tmx"
    path.write_bytes(_tmx(f"<{tag}>" * DEPTH + "bridge" + f"</{tag}>" * DEPTH + " opened"))
    result = _cli(settings, "tm", "import", str(path))
    assert "Traceback" not in result.output and "bug" not in result.output, result.output
    assert result.exit_code == 0, result.output
    units = parse_tmx(path.read_bytes())
    assert [u.source for u in units] == ["bridge opened" if tag != "bpt" else " opened"]


@pytest.mark.bad_input
def test_deeply_nested_xliff_and_tbx_are_clear_errors(settings: Settings, tmp_path: Path) -> None:
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    deep = "<g>" * DEPTH + "x" + "</g>" * DEPTH
    xliff = tmp_path / "deep.xliff"
    xliff.write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="v1" source-language="en" target-language="de"><body>'
        f'<trans-unit id="1"><source>{deep}</source><target>{deep}</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    tbx = tmp_path / "deep.tbx"
    tbx.write_text(f'<martif type="TBX"><text><body>{deep}</body></text></martif>')
    for args in (
        ["translation", "import", str(xliff)],
        ["glossary", "import", str(tbx), "--from", "en", "--to", "de"],
    ):
        result = _cli(settings, *args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith("Error: ") and "bug" not in result.output, result.output
    assert snapshot(engine) == before


def _recursive(seg: ET.Element) -> str:
    """The definition ``seg_text`` had until round 33 (recursive)."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in CODES:
            parts.append(_recursive(child))
        parts.append(child.tail or "")
    return "".join(parts)


_TEXT = st.text(alphabet="ab <&\n", max_size=4)
_TAGS = st.sampled_from(["hi", "sub", "g", *sorted(CODES)])


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> ET.Element:
    element = ET.Element(draw(_TAGS))
    element.text = draw(st.none() | _TEXT)
    element.tail = draw(st.none() | _TEXT)
    if depth < 4:
        for child in draw(st.lists(_trees(depth + 1), max_size=3)):
            element.append(child)
    return element


@settings(max_examples=300, deadline=None)
@given(_trees())
def test_seg_text_reads_every_tree_as_the_recursive_definition(tree: ET.Element) -> None:
    tree.tag = "seg"
    assert seg_text(tree) == _recursive(tree)
