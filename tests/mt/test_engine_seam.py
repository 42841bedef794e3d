"""The translator interface is the services' only way to a model: a second engine is one seam.

A toy engine (upper-cases its input) is registered with ``register_engine``
and the en→de package is declared to be of that engine; every service path
(texts, bulk rows, retranslation, provenance) then uses it, names it, and the
Argos engine is never asked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from sqlmodel import select

from tests.mt.conftest import AddVersion
from workbench.adapters.mt import base
from workbench.adapters.mt.base import MTResult, Translator
from workbench.adapters.mt.engine import STATS
from workbench.adapters.mt.packages import PackageInfo
from workbench.config import Settings
from workbench.services.provenance import provenance
from workbench.services.translate import mt_model_label, translate_texts, translate_versions
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Translation


class Upper:
    """A whole engine in a dozen lines: satisfies ``Translator``."""

    def __init__(self, package: PackageInfo, options: Any) -> None:
        self.package = package
        self.calls = 0

    engine = "upper"

    @property
    def model_id(self) -> str:
        return self.package.model_id

    @property
    def version(self) -> str:
        return self.package.version

    def translate(
        self, texts: Sequence[str], prefixes: Sequence[str | None] | None = None
    ) -> list[MTResult]:
        self.calls += 1
        return [MTResult(t.upper(), -0.5) for t in texts]


@pytest.fixture
def upper_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Upper]]:
    made: list[Upper] = []

    def factory(package: PackageInfo, options: Any) -> Upper:
        made.append(Upper(package, options))
        return made[-1]

    monkeypatch.setitem(base._ENGINES, "upper", factory)
    real = PackageInfo.engine
    monkeypatch.setattr(
        PackageInfo,
        "engine",
        property(lambda p: "upper" if p.to_code == "de" else real.fget(p)),  # type: ignore[attr-defined]
    )
    yield made


def test_registry_knows_argos_and_refuses_unknown_engines() -> None:
    assert base.ARGOS in base.engines()

    class Odd:
        engine = "nope"

    with pytest.raises(Exception, match="no translation engine 'nope'"):
        base.load_translator(Odd(), None)


def test_services_use_the_registered_engine(
    mt_settings: Settings, add_version: AddVersion, upper_engine: list[Upper]
) -> None:
    before = STATS.segments
    assert translate_texts(mt_settings, ["the storm."], "en", "de") == ["THE STORM."]
    assert isinstance(upper_engine[0], Translator)
    assert mt_model_label(mt_settings, "en", "de") == "upper:en_de@1.0"
    # a pivot: the Argos ru→en copy model, then the toy engine
    assert translate_texts(mt_settings, ["the bridge."], "ru", "de") == ["THE BRIDGE."]

    vid = add_version([("The mayor spoke.", "en"), ("Der Text.", "de")])
    report = translate_versions(mt_settings, "de", [vid])
    assert report.translated == 1 and report.skipped_same_lang == 1
    with session_scope(get_engine(mt_settings.database_url)) as session:
        rows = {t.text: t for t in session.exec(select(Translation)).all()}
        row = rows["THE MAYOR SPOKE."]
        assert (row.engine, row.model_id, row.model_version) == ("upper", "upper:en_de", "1.0")
        assert rows["Der Text."].engine == "identity"
        info = provenance({"engine": "", "model_id": row.model_id, "mt_text": row.mt_text})
    assert info is not None and info["engine"] == "upper"
    assert STATS.segments - before == 1  # only the Argos ru→en hop ran on CTranslate2


def test_retranslate_replaces_rows_of_a_registered_engine(
    mt_settings: Settings, add_version: AddVersion, upper_engine: list[Upper]
) -> None:
    vid = add_version([("The mayor spoke.", "en")])
    translate_versions(mt_settings, "de", [vid])
    with session_scope(get_engine(mt_settings.database_url)) as session:
        row = session.exec(select(Translation)).one()
        row.model_version = "0.9"  # made by an older model of the same engine
        session.add(row)
    report = translate_versions(mt_settings, "de", [vid], retranslate=True)
    assert report.replaced == 1
