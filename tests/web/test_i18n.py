"""The UI catalogs: complete in de/ru/uk, placeholders intact, compiled .mo in step."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

from workbench.web import TRANSLATIONS_DIR

PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]")


def _template_ids() -> list[str]:
    with open(TRANSLATIONS_DIR / "messages.pot", "rb") as handle:
        return [m.id for m in read_po(handle) if m.id]


@pytest.mark.parametrize("lang", ["de", "ru", "uk"])
def test_catalog_is_complete_and_compiled(lang: str) -> None:
    ids = _template_ids()
    assert len(ids) > 50
    compiled = Translations.load(str(TRANSLATIONS_DIR), [lang])
    for msgid in ids:
        text = compiled.gettext(msgid)
        assert text, msgid
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), msgid
    if lang != "de":  # Cyrillic catalogs really translate (not copies of English)
        assert compiled.gettext("Articles") != "Articles"


def test_english_catalog_exists() -> None:
    assert (TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.mo").exists()
