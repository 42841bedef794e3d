"""An en<->el Argos package just works once installed: lookup, translation, cross-language compare.

Greek became a content language (core/languages.py); nothing in the MT path may
list languages of its own.  The packages here are generated copy models (output =
input, through the real install, SentencePiece and CTranslate2 path), so the test
checks the plumbing, not translation quality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.adapters.mt import install_package
from workbench.adapters.mt.packages import find_package
from workbench.config import Settings
from workbench.services.compare import alignment_detail, compare_versions
from workbench.services.ingest import ingest_bytes
from workbench.services.translate import translate_texts
from workbench.testing.argos_models import build_test_packages

ENGLISH = (
    "Avalanche kills three skiers in Tyrol\n\n"
    "Three German skiers were killed on Sunday by an avalanche in the Pitztal valley.\n"
    "About 60 rescuers and two helicopters took part in the operation.\n"
)
GREEK = (
    "Χιονοστιβάδα σκότωσε τρεις σκιέρ στο Τιρόλο\n\n"
    "Τρεις Γερμανοί σκιέρ σκοτώθηκαν την Κυριακή από χιονοστιβάδα στο Πιτστάλ.\n"
    "Στην επιχείρηση συμμετείχαν περίπου 60 διασώστες και δύο ελικόπτερα.\n"
)


@pytest.fixture(scope="module")
def greek_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    return build_test_packages(tmp_path_factory.mktemp("el-pkgs"), [("el", "en"), ("en", "el")])


@pytest.fixture
def el_settings(settings: Settings, greek_packages: dict[tuple[str, str], Path]) -> Settings:
    mt = settings.with_(mt_threads=1)
    assert mt.models_dir is not None
    for path in greek_packages.values():
        install_package(mt.models_dir, path)
    return mt


def test_an_installed_greek_package_is_found_and_translates(el_settings: Settings) -> None:
    assert el_settings.models_dir is not None
    found = find_package(el_settings.models_dir, "el", "en")
    assert found is not None and (found.from_code, found.to_code) == ("el", "en")
    assert (found.from_name, found.to_name) == ("Greek", "English")  # names from the registry
    line = "Τρεις Γερμανοί σκιέρ σκοτώθηκαν."
    assert translate_texts(el_settings, [line], "el", "en") == [line]  # the copy model


def test_english_and_greek_copies_compare_through_the_installed_model(
    el_settings: Settings,
) -> None:
    left = ingest_bytes(el_settings, ENGLISH.encode(), filename="en.txt", outlet="Euronews")
    right = ingest_bytes(el_settings, GREEK.encode(), filename="el.txt", outlet="Euronews GR")
    result = compare_versions(el_settings, left.version_id, right.version_id)
    detail = alignment_detail(el_settings, result.alignment_id)
    summary = detail["summary"]
    assert (summary["left_language"], summary["right_language"]) == ("en", "el")
    assert "el_en" in detail["mt_model"] or "en_el" in detail["mt_model"]
    linked = [p for p in detail["pairs"] if p["left_text"] and p["right_text"]]
    assert linked and all(p["cross_language"] and p["diff_ops"] == [] for p in linked)
