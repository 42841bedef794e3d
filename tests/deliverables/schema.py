"""The OASIS XLIFF 1.2 strict schema, read from an installed package (never copied here).

PyPI has no package that ships the XSD, so the tests take it from Debian's
``php-symfony-translation`` (files only: ``.ci/test`` unpacks the .deb with
``dpkg -x`` into a cache, no PHP needed) or from ``WORKBENCH_XLIFF_XSD``.  The
schema imports ``xml.xsd`` from the W3C by URL; the copy beside it is used
instead, so validation never touches the network.  Without the schema the
validating tests skip with this module's reason; the translate-toolkit reader
checks run regardless.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_SUBPATH = "usr/share/php/Symfony/Component/Translation/Resources/schemas/xliff-core-1.2-strict.xsd"
CANDIDATES = [
    os.environ.get("WORKBENCH_XLIFF_XSD", ""),
    f"/{_SUBPATH}",
    str(Path.home() / ".cache" / "workbench-ci" / "symfony" / _SUBPATH),
]
REASON = (
    "XLIFF 1.2 XSD not found: apt-get install php-symfony-translation, or set "
    "WORKBENCH_XLIFF_XSD to xliff-core-1.2-strict.xsd"
)


def xsd_path() -> Path | None:
    for candidate in CANDIDATES:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def validate(document: str) -> None:
    """Assert ``document`` is valid XLIFF 1.2 strict (skips when no schema is installed)."""
    from lxml import etree

    path = xsd_path()
    if path is None:
        pytest.skip(REASON)
    local_xml = (path.parent / "xml.xsd").as_uri()
    text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2001/xml.xsd", local_xml)
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = etree.XMLSchema(etree.fromstring(text.encode(), parser, base_url=path.as_uri()))
    doc = etree.fromstring(document.encode(), parser)
    assert schema.validate(doc), schema.error_log
