"""The PostgreSQL pass keeps every test that can reach the database under test."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from tests.db_only import reaches_database


def _item(fixtures: list[str], module: str) -> SimpleNamespace:
    return SimpleNamespace(fixturenames=fixtures, module=importlib.import_module(module))


def test_a_test_asking_for_settings_reaches_the_database() -> None:
    assert reaches_database(_item(["tmp_path", "settings"], "tests.align.test_align_band"))


def test_a_pure_core_test_does_not() -> None:
    assert not reaches_database(_item(["tmp_path"], "tests.align.test_align_band"))


def test_a_module_reading_the_server_through_a_helper_of_tests_does() -> None:
    # test_bad_input_kinds names no server itself; its helper tests/reliability/kinds.py does
    assert reaches_database(_item([], "tests.reliability.test_bad_input_kinds"))


def test_a_module_reading_the_server_itself_does() -> None:
    assert reaches_database(_item([], "tests.reliability.test_postgres_causes38"))
