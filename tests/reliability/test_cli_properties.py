"""Properties of the CLI on any input file (round 33): an answer or one clear ``Error:`` with
exit code 2, never exit 1 ("a bug") and never a traceback.

Why properties: the bytes a user can hand ``align`` or ``tm import`` are a wide space
(encodings with and without a byte-order mark, NUL, lone CRs, truncated multi-byte
characters, XML fragments); the pinned cases in ``test_bad_input_cli.py`` sample it, these
draw from it.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.cli import main
from workbench.config import Settings

_SENTENCES = st.lists(st.text(max_size=30), min_size=0, max_size=5).map("\n".join)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1"])


@st.composite
def _file_bytes(draw: st.DrawFn) -> bytes:
    """Text in some encoding, maybe cut short, maybe with a BOM of another one, or raw bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=200))
    data = draw(_SENTENCES).encode(draw(_ENCODINGS), errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    bom = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
    return bom + data


def _run(args: list[str], env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code in (0, 2), result.output
    # "(a bug:" is the unexpected-error line; a bare "bug" matched a random temp folder
    # name (/tmp/tmpyq7tbugl/a.txt, round 37)
    assert "Traceback" not in result.output and "(a bug:" not in result.output, result.output
    if result.exit_code == 2:
        assert result.output.startswith(("Error: ", "Usage: ")), result.output


@settings(max_examples=150, deadline=None)
@given(left=_file_bytes(), right=_file_bytes())
@example(left="A.\nB.\n".encode("utf-16"), right=b"A.\n")
@example(left=b"\xef\xbb\xbf", right=b"\r\r\r")
def test_align_answers_or_refuses_any_two_files(left: bytes, right: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "a.txt"), Path(tmp, "b.txt")
        a.write_bytes(left)
        b.write_bytes(right)
        _run(["align", str(a), str(b)], {"WORKBENCH_HOME": tmp})


_XML = st.sampled_from(
    ["<tmx>", "</tmx>", '<header srclang="en"/>', "<body>", "</body>", "<tu>", "</tu>",
     '<tuv xml:lang="de">', '<tuv xml:lang="en">', "</tuv>", "<seg>", "</seg>", "<hi>",
     "</hi>", "<bpt>", "</bpt>", "x", "&amp;", "&lt;", "&#0;", "&#x1F600;", "<!--c-->",
     "<![CDATA[y]]>", "<?pi?>", '<?xml version="1.0"?>', "\x00", "\udcff", "ü"]
)  # fmt: skip


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parts=st.lists(_XML, max_size=25))
@example(parts=['<tmx>', '<header srclang="en"/>', "<body>", "<tu>", '<tuv xml:lang="en">',
                "<seg>", "<hi>" * 3000, "x", "</hi>" * 3000, "</seg>", "</tuv>",
                '<tuv xml:lang="de">', "<seg>", "y", "</seg>", "</tuv>", "</tu>", "</body>",
                "</tmx>"])  # fmt: skip
def test_tm_import_answers_or_refuses_any_xml_soup(settings: Settings, parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "memory.tmx")
        path.write_bytes("".join(parts).encode("utf-8", errors="surrogateescape"))
        env = {
            "WORKBENCH_HOME": str(settings.home),
            "WORKBENCH_DATABASE_URL": settings.database_url,
        }
        _run(["tm", "import", str(path)], env)
