"""Tests that kill mutations which survived the whole suite.

1. A translation-cache key without the model version: after a model upgrade the
   old model's output was served under the new model's label.
2. TMX ``xml:lang`` of left and right swapped: every exported unit named the
   wrong language for its text, and same-language tests could not tell.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from workbench.adapters.mt import install_package
from workbench.config import Settings
from workbench.services.compare import compare_versions
from workbench.services.export import export_alignment
from workbench.services.ingest import ingest_bytes
from workbench.services.translate import mt_model_label, translate_texts

Packages = dict[tuple[str, str], Path]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _repackage(src: Path, dst: Path, **metadata: str) -> Path:
    """A copy of package ``src`` with ``metadata.json`` fields replaced."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item)
            if item.filename.endswith("metadata.json"):
                body = json.dumps({**json.loads(body), **metadata}).encode()
            zout.writestr(item, body)
    return dst


def test_a_new_model_version_is_not_served_the_old_versions_cache(
    mt_settings: Settings, argos_packages: Packages, tmp_path: Path
) -> None:
    text = ["the house is old"]
    first = translate_texts(mt_settings, text, "en", "de")  # v1.0: the dictionary model
    assert first != text and mt_model_label(mt_settings, "en", "de") == "argos:en_de@1.0"
    upgrade = _repackage(  # v2.0 of the same pair: the copy model (output = input)
        argos_packages[("en", "fr")], tmp_path / "en_de-2.argosmodel",
        to_code="de", to_name="German", package_version="2.0",
    )  # fmt: skip
    assert mt_settings.models_dir is not None
    install_package(mt_settings.models_dir, upgrade)
    assert mt_model_label(mt_settings, "en", "de") == "argos:en_de@2.0"
    assert translate_texts(mt_settings, text, "en", "de") == text  # not v1.0's cached output


EN = "The mayor opened the new bridge on Monday.\n\nThe river was high after the rain.\n"
DE = (
    "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nDer Fluss war nach dem Regen hoch.\n"
)


def test_tmx_languages_follow_their_sides(mt_settings: Settings) -> None:
    left = ingest_bytes(mt_settings, EN.encode(), filename="en.txt", outlet="Wire", article="b")
    right = ingest_bytes(mt_settings, DE.encode(), filename="de.txt", outlet="Blatt", article="b")
    assert (left.language, right.language) == ("en", "de")
    aid = compare_versions(mt_settings, left.version_id, right.version_id, roles="all").alignment_id
    root = ET.fromstring(export_alignment(mt_settings, aid, "tmx").encode("utf-8"))
    assert root.find("header").get("srclang") == "en"  # type: ignore[union-attr]
    units = root.findall("body/tu")
    assert units
    for unit in units:
        sides = {tuv.get(XML_LANG): tuv.findtext("seg") or "" for tuv in unit.findall("tuv")}
        if sides.get("en"):
            assert sides["en"] in EN
        if sides.get("de"):
            assert sides["de"] in DE
    pairs = json.loads(export_alignment(mt_settings, aid, "json"))
    assert pairs  # the JSON twin agrees on the sides
    assert any(
        (tuv.get(XML_LANG), tuv.findtext("seg")) == ("de", "Der Fluss war nach dem Regen hoch.")
        for tuv in root.iter("tuv")
    )
