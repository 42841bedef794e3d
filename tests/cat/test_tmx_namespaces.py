"""A TMX in a foreign XML namespace is refused; TMX's own names are read (round 34).

Why: TMX 1.4 elements have no namespace (the LISA DTD; some tools' schemas use
``http://www.lisa.org/tmx14``) and ``xml:lang`` is the XML namespace's own
attribute, normal in every TMX.  Elements were matched by local name alone, so
``<tmx xmlns="urn:x">`` — another format that happens to say ``tmx``, ``tu``,
``seg`` — was imported as a memory with no word said, and a foreign ``<x:tu>``
inside a real TMX became a unit.
"""

from __future__ import annotations

import pytest

from workbench.adapters.tmx import parse_tmx
from workbench.errors import InputError

BODY = (
    '<header srclang="en"/><body><tu><tuv xml:lang="en"><seg>bridge</seg></tuv>'
    '<tuv xml:lang="de"><seg>Brücke</seg></tuv></tu></body>'
)


def _tmx(root: str, body: str = BODY) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><{root} version="1.4">{body}</tmx>'.encode()


@pytest.mark.parametrize(
    "root", ['tmx xmlns="urn:x"', 'tmx xmlns="http://www.w3.org/1999/xhtml"'], ids=["urn", "xhtml"]
)
def test_a_foreign_default_namespace_is_refused(root: str) -> None:
    with pytest.raises(InputError, match="not a TMX file: its elements are in the namespace"):
        parse_tmx(_tmx(root))


def test_a_prefixed_foreign_root_is_refused() -> None:
    data = _tmx('x:tmx xmlns:x="urn:x"', BODY.replace("<", "<x:").replace("<x:/", "</x:"))
    data = data.replace(b"</tmx>", b"</x:tmx>").replace(b"x:tuv xml:lang", b"x:tuv xml:lang")
    with pytest.raises(InputError, match="namespace 'urn:x'"):
        parse_tmx(data)


def test_no_namespace_and_the_lisa_namespace_are_read() -> None:
    for root in ("tmx", 'tmx xmlns="http://www.lisa.org/tmx14"'):
        units = parse_tmx(_tmx(root))
        assert [(u.source, u.target) for u in units] == [("bridge", "Brücke")], root


def test_foreign_elements_inside_a_tmx_are_not_units() -> None:
    extra = (
        '<x:tu xmlns:x="urn:x"><x:tuv xml:lang="en"><x:seg>ghost</x:seg></x:tuv>'
        '<x:tuv xml:lang="de"><x:seg>Geist</x:seg></x:tuv></x:tu>'
    )
    units = parse_tmx(_tmx("tmx", BODY.replace("</body>", extra + "</body>")))
    assert [(u.source, u.target) for u in units] == [("bridge", "Brücke")]
