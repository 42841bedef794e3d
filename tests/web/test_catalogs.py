"""The catalogs' contents: the template is in step with the sources, English is whole.

Why: ``test_i18n.py`` checks that de/ru/uk translate every id of
``messages.pot``; these pin the two ends it takes for granted: every marked
string in the code and templates IS in ``messages.pot`` (else it would silently
stay English everywhere), and the English catalog holds exactly those ids,
untranslated (English is the source language), compiled in step.
"""

from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from workbench.assets import BABEL_CFG, PACKAGE_DIR
from workbench.web import TRANSLATIONS_DIR


def _ids(path) -> set[str]:  # type: ignore[no-untyped-def]
    with open(path, "rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def _extracted() -> set[str]:
    """What ``pybabel extract -F workbench/web/babel.cfg`` finds in the sources today."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(BABEL_CFG, encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = extract_from_dir(
        str(PACKAGE_DIR.parent), method_map, options_map,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None,
                  "lazy_gettext": None},
    )  # fmt: skip
    return {m[2] if isinstance(m[2], str) else m[2][0] for m in found if m[2]}


def test_template_is_in_step_with_the_sources() -> None:
    pot = _ids(TRANSLATIONS_DIR / "messages.pot")
    extracted = _extracted()
    missing = sorted(extracted - pot)
    assert not missing, f"marked strings not in messages.pot (run pybabel extract): {missing}"
    stale = sorted(pot - extracted)
    assert not stale, f"messages.pot ids no longer in the sources: {stale}"


def test_english_catalog_holds_every_id_untranslated() -> None:
    pot = _ids(TRANSLATIONS_DIR / "messages.pot")
    po_path = TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po"
    assert _ids(po_path) == pot
    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    assert catalog.locale is not None and str(catalog.locale) == "en"
    for message in catalog:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(s in ("", message.id) for s in strings), message.id
    with open(TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.mo", "rb") as handle:
        compiled = read_mo(handle)
    assert {m.id for m in compiled if m.id} <= pot  # no stale compiled entries
    english = Translations.load(str(TRANSLATIONS_DIR), ["en"])
    for msgid in pot:
        assert english.gettext(msgid) == msgid
