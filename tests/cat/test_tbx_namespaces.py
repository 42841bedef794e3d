"""A TBX in a foreign XML namespace is refused; the namespaces of real TBX are read (34b).

Why: elements were matched by local name alone, so ``<martif xmlns="urn:x">`` —
another format that happens to say ``martif``, ``termEntry``, ``term`` — was
imported as a glossary with no word said, as the TMX was before round 34.  What
real files carry: TBX v2 (ISO 30042:2008, the ``TBXcoreStructV02`` DTD, TBX-Basic
v2) has no namespace; TBX v3 (ISO 30042:2019: TBX-Core, -Min, -Basic) puts its core
in ``urn:iso:std:iso:30042:ed-2`` (some tools write that on a v2 ``<martif>``),
and ISO's own standards embed TBX as ``urn:iso:std:iso:30042:ed-1``.  Data
categories of a v3 dialect in DCT style are prefixed elements in the module's
namespace (``min:administrativeStatus`` in ``http://www.tbxinfo.net/ns/min``):
a deprecated term written that way was imported as allowed.
"""

from __future__ import annotations

import pytest

from workbench.adapters.termfiles import Entry, parse_tbx
from workbench.errors import InputError

ENTRY = (
    '<text><body><{p}termEntry id="t1"><{p}langSet xml:lang="en"><{p}tig><{p}term>troop'
    '</{p}term></{p}tig></{p}langSet><{p}langSet xml:lang="de"><{p}tig><{p}term>Truppe'
    "</{p}term></{p}tig></{p}langSet></{p}termEntry></body></text>"
)


def _martif(attributes: str, entry: str = ENTRY.format(p="")) -> bytes:
    head = f'<?xml version="1.0"?><martif type="TBX" xml:lang="en" {attributes}>'
    return f"{head}{entry}</martif>".encode()


@pytest.mark.parametrize(
    "namespace", ["", 'xmlns="urn:iso:std:iso:30042:ed-2"', 'xmlns="urn:iso:std:iso:30042:ed-1"'],
    ids=["v2-none", "ed-2", "ed-1"],
)  # fmt: skip
def test_the_namespaces_of_real_tbx_are_read(namespace: str) -> None:
    assert parse_tbx(_martif(namespace), "en", "de") == [Entry("troop", "Truppe")]


@pytest.mark.parametrize(
    "namespace", ['xmlns="urn:x"', 'xmlns="http://www.w3.org/1999/xhtml"',
                  'xmlns="urn:iso:std:iso:30042:ed-9"'],
    ids=["urn", "xhtml", "ed-9"],
)  # fmt: skip
def test_a_foreign_default_namespace_is_refused(namespace: str) -> None:
    with pytest.raises(InputError, match="not a TBX file: its elements are in the namespace"):
        parse_tbx(_martif(namespace), "en", "de")


def test_a_prefixed_foreign_root_is_refused() -> None:
    data = (
        '<?xml version="1.0"?><x:martif xmlns:x="urn:x" xml:lang="en">'
        + ENTRY.format(p="x:").replace("<text><body>", "").replace("</body></text>", "")
        + "</x:martif>"
    ).encode()
    with pytest.raises(InputError, match="namespace 'urn:x'"):
        parse_tbx(data, "en", "de")


def test_a_foreign_entry_inside_a_tbx_is_not_read() -> None:
    foreign = ENTRY.format(p="x:").replace("<text><body>", "").replace("</body></text>", "")
    entry = ENTRY.replace("</body>", foreign.replace("troop", "squad") + "</body>")
    data = _martif('xmlns:x="urn:x"', entry.format(p=""))
    assert parse_tbx(data, "en", "de") == [Entry("troop", "Truppe")]


TBX3_DCT = b"""<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min"
     xmlns:basic="http://www.tbxinfo.net/ns/basic" type="TBX-Basic" style="dct" xml:lang="en">
<text><body><conceptEntry id="c1">
<langSec xml:lang="en"><termSec><term>troop</term><min:partOfSpeech>noun</min:partOfSpeech>
</termSec></langSec>
<langSec xml:lang="de"><termSec><term>Truppe</term></termSec>
<termSec><term>Haufen</term>
<min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
</langSec></conceptEntry></body></text></tbx>"""


def test_a_v3_dct_status_element_forbids_the_term() -> None:
    assert parse_tbx(TBX3_DCT, "en", "de") == [
        Entry("troop", "Truppe"), Entry("troop", "Haufen", forbidden=True),
    ]  # fmt: skip
