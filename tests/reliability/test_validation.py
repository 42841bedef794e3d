# ruff: noqa: E501  (one case per line reads best as a table)
"""One validation layer: the same bad values give the same clear error on both backends.

Why every case runs through the services (and again through the CLI and the
API): SQLite used to store what PostgreSQL refused with a traceback (long
outlets and URLs, NUL characters, lone surrogates), and ids past 2^63 crashed
the driver.  This module runs on SQLite, and on PostgreSQL when
``WORKBENCH_TEST_POSTGRES_URL`` is set (``.ci/run`` does), with the same cases.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from tests.reliability.conftest import snapshot
from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.errors import InputError, WorkbenchError
from workbench.services.ingest import ingest_bytes
from workbench.services.validation import MAX_ID
from workbench.store.db import get_engine
from workbench.web import create_app

STORY = b"The council approved the budget for the new bridge.\n"
BIG = MAX_ID + 1


def _json(**fields: Any) -> bytes:
    return json.dumps({"text": "The mayor opened the bridge.", **fields}).encode()


# (label, data, filename, keyword arguments of ingest_bytes, words of the message)
INGEST_CASES: list[tuple[str, bytes, str, dict[str, Any], str]] = [
    ("outlet over 200 chars", STORY, "a.txt", {"outlet": "O" * 201}, "outlet is 201"),
    ("outlet with NUL", STORY, "a.txt", {"outlet": "Wi\x00re"}, "NUL"),
    ("outlet with newline", STORY, "a.txt", {"outlet": "Wire\nEvil"}, "one line"),
    ("outlet with escape char", STORY, "a.txt", {"outlet": "Wire\x1b[31m"}, "control"),
    ("outlet with lone surrogate", STORY, "a.txt", {"outlet": "Wire\ud800"}, "surrogate"),
    ("article with NUL", STORY, "a.txt", {"outlet": "W", "article": "a\x00b"}, "NUL"),
    ("article over 200 chars", STORY, "a.txt", {"outlet": "W", "article": "a" * 201}, "201"),
    ("url over 2000 chars", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/" + "a" * 2000}, "limit"),
    ("url javascript:", STORY, "a.txt", {"outlet": "W", "url": "javascript:alert(1)"}, "http"),
    ("url JaVaScRiPt:", STORY, "a.txt", {"outlet": "W", "url": "JaVaScRiPt:alert(1)"}, "http"),
    ("url data:", STORY, "a.txt", {"outlet": "W", "url": "data:text/html,<script>x</script>"}, "http"),
    ("url file:", STORY, "a.txt", {"outlet": "W", "url": "file:///etc/passwd"}, "http"),
    ("url ftp:", STORY, "a.txt", {"outlet": "W", "url": "ftp://example.org/a"}, "http"),
    ("url without host", STORY, "a.txt", {"outlet": "W", "url": "https://"}, "host"),
    ("url relative", STORY, "a.txt", {"outlet": "W", "url": "/news/story"}, "http"),
    ("url with NUL", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/\x00"}, "NUL"),
    ("url with newline", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/\nSet-Cookie"}, "one line"),
    ("url with a space", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/flood warning.html"}, "after 'https://x.org/flood'"),
    ("url two pasted", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/a https://y.org/b"}, "a web address has none"),
    ("url with a tab", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/a\tb"}, "a web address has none"),
    ("url with NBSP", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/a\u00a0b"}, "a web address has none"),
    ("url with ideographic space", STORY, "a.txt", {"outlet": "W", "url": "https://x.org/a\u3000b"}, "a web address has none"),
    ("url bad IPv6", STORY, "a.txt", {"outlet": "W", "url": "http://[::1/"}, "valid URL"),
    ("captured_at overflows", STORY, "a.txt", {"outlet": "W", "captured_at": "9999-12-31T23:59:59-23:59"}, "range"),
    ("captured_at year 1", STORY, "a.txt", {"outlet": "W", "captured_at": "0001-01-01T00:00:00"}, "year"),
    ("captured_at year 1800", STORY, "a.txt", {"outlet": "W", "captured_at": "1800-05-01"}, "year"),
    ("captured_at with NUL", STORY, "a.txt", {"outlet": "W", "captured_at": "2025-01-01\x00"}, "NUL"),
    ("captured_at huge", STORY, "a.txt", {"outlet": "W", "captured_at": "2" * 5000}, "limit"),
    ("captured_at nonsense", STORY, "a.txt", {"outlet": "W", "captured_at": "last tuesday"}, "ISO 8601"),
    ("JSON text with NUL", _json(text="The mayor\u0000 spoke."), "a.json", {"outlet": "W"}, "NUL"),
    ("JSON text lone high surrogate", b'{"text": "The mayor \\ud800 spoke."}', "a.json", {"outlet": "W"}, "surrogate"),
    ("JSON text lone low surrogate", b'{"text": "The mayor \\udfff spoke."}', "a.json", {"outlet": "W"}, "surrogate"),
    ("JSON title lone surrogate", b'{"title": "\\udc00", "text": "The mayor spoke."}', "a.json", {"outlet": "W"}, "surrogate"),
    ("JSON html lone surrogate", b'{"html": "<p>The mayor \\ud83d spoke.</p>"}', "a.json", {"outlet": "W"}, "surrogate"),
    ("JSON outlet with NUL", _json(outlet="Wi\u0000re"), "a.json", {"outlet": ""}, "NUL"),
    ("JSON outlet too long", _json(outlet="W" * 300), "a.json", {"outlet": ""}, "outlet is 300"),
    ("JSON url javascript:", _json(url="javascript:alert(1)"), "a.json", {"outlet": "W"}, "http"),
    ("JSON url data:", _json(url="data:,x"), "a.json", {"outlet": "W"}, "http"),
    ("JSON url with a space", _json(url="https://x.org/a b"), "a.json", {"outlet": "W"}, "a web address has none"),
    ("JSON captured_at overflow", _json(captured_at="9999-12-31T23:59:59-12:00"), "a.json", {"outlet": "W"}, "range"),
    ("JSON integer of 5000 digits", b'{"text": "a b c", "n": ' + b"7" * 5000 + b"}", "a.json", {"outlet": "W"}, "integer"),
    ("JSON float overflow", b'{"text": "a b c", "n": 1e999999}', "a.json", {"outlet": "W"}, ""),
    ("JSON 100k nested arrays", b'{"text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "a.json", {"outlet": "W"}, "nested"),
    ("mixed: 2 UTF-8 letters, 1 Latin-1 byte", "Grüße aus M".encode() + "ünchen".encode("latin-1"), "a.txt", {"outlet": "W"}, "mixed encodings"),
    ("mixed: UTF-8 line, cp1252 line", "Grüße\n".encode() + "Straße".encode("cp1252"), "a.txt", {"outlet": "W"}, "mixed encodings"),
    ("JSON 100k nested objects", b'{"text": "a", "x": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}", "a.json", {"outlet": "W"}, "nested"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "data", "filename", "kwargs", "needle"),
    INGEST_CASES,
    ids=[c[0] for c in INGEST_CASES],
)
@pytest.mark.bad_input
def test_service_refuses_the_same_on_every_backend(
    seeded: Settings, label: str, data: bytes, filename: str, kwargs: dict[str, Any], needle: str
) -> None:
    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    if label == "JSON float overflow":  # inf is a float, not text: stored fine, no crash
        ingest_bytes(seeded, data, filename=filename, **kwargs)
        return
    with pytest.raises(InputError) as info:
        ingest_bytes(seeded, data, filename=filename, **kwargs)
    assert needle.lower() in info.value.message.lower(), info.value.message
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_options_are_checked_even_when_the_bytes_are_stored(seeded: Settings) -> None:
    seed = b"The mayor opened the bridge.\n"  # the seeded fixture's bytes
    with pytest.raises(InputError, match="ISO 8601"):
        ingest_bytes(seeded, seed, filename="s.txt", outlet="Wire", captured_at="yesterday")
    with pytest.raises(InputError, match="http"):
        ingest_bytes(seeded, seed, filename="s.txt", outlet="Wire", url="javascript:x")


@pytest.mark.parametrize(
    "url",
    ["http://example.org/a", "https://EXAMPLE.org/a?b=1#c", "HTTPS://x.org",
     "https://x.org/a%20b", "  https://x.org/around  "],
)  # fmt: skip
def test_good_urls_are_kept(settings: Settings, url: str) -> None:
    ingest_bytes(settings, STORY, filename="a.txt", outlet="W", url=url)


def test_limits_hold_exactly_at_the_edge(settings: Settings) -> None:
    """200 characters of outlet and 2000 of URL are stored on both backends."""
    url = "https://x.org/" + "a" * (2000 - len("https://x.org/"))
    result = ingest_bytes(settings, STORY, filename="a.txt", outlet="O" * 200, url=url)
    assert result.created and result.outlet == "O" * 200


# ---------------------------------------------------------------------------- CLI ids

CLI_ID_CASES = [
    ["show", str(BIG)],
    ["show", "0"],
    ["show", "--", "-1"],
    ["show", "9" * 5000],
    ["compare", str(BIG), "1"],
    ["compare", "1", str(BIG)],
    ["alignments", "--version", str(BIG)],
    ["export", str(BIG)],
    ["translate", "--to", "de", "--version", str(BIG)],
]


@pytest.mark.parametrize("args", CLI_ID_CASES, ids=[" ".join(a)[:40] for a in CLI_ID_CASES])
@pytest.mark.bad_input
def test_cli_ids_out_of_range_are_usage_errors(seeded: Settings, args: list[str]) -> None:
    env = {"WORKBENCH_DATABASE_URL": seeded.database_url, "WORKBENCH_HOME": str(seeded.home)}
    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output and "Traceback" not in result.output
    assert snapshot(engine) == before


# ---------------------------------------------------------------------------- web


@pytest.fixture
def web(seeded: Settings) -> tuple[Flask, Api, int]:
    app = create_app(seeded)
    app.config["TESTING"] = True
    api = Api(app.test_client())
    versions = api.client.get("/api/versions").get_json()["versions"]
    detail = api.client.get(f"/api/versions/{versions[0]['id']}").get_json()
    return app, api, detail["version"]["segments"][0]["id"]


@pytest.mark.parametrize(
    "url",
    [
        f"/api/versions/{BIG}",
        f"/versions/{BIG}",
        f"/api/alignments/{BIG}",
        f"/alignments/{BIG}",
        f"/api/alignments/{BIG}/export",
        f"/api/versions/{'9' * 5000}",
        "/api/versions/0",
    ],
)
@pytest.mark.bad_input
def test_routes_with_huge_ids_are_404(web: tuple[Flask, Api, int], url: str) -> None:
    _, api, _ = web
    response = api.client.get(url)
    assert response.status_code == 404


def _post_edit(api: Api, segment_id: int | str, body: bytes) -> Any:
    headers = {"X-CSRFToken": api.token, "Content-Type": "application/json"}
    return api.client.post(f"/api/translations/{segment_id}/de", data=body, headers=headers)


POSTEDIT_CASES = [
    ("text with NUL", b'{"text": "Hallo\\u0000Welt", "base_revision": 0}', 422, "NUL"),
    ("text lone surrogate", b'{"text": "Hallo \\ud800", "base_revision": 0}', 422, "surrogate"),
    ("text lone low surrogate", b'{"text": "\\udfffHallo", "base_revision": 0}', 422, "surrogate"),
    ("revision past 2^63", f'{{"text": "Hallo", "base_revision": {BIG}}}'.encode(), 422, "range"),
    ("revision negative", b'{"text": "Hallo", "base_revision": -4}', 200, ""),
    ("revision 5000 digits", b'{"text": "Hallo", "base_revision": ' + b"9" * 5000 + b"}", 400, ""),
    ("revision as float", b'{"text": "Hallo", "base_revision": 1.5}', 422, "integer"),  # not read as 1
    ("revision as list", b'{"text": "Hallo", "base_revision": [1]}', 422, "integer"),
    ("text as number", b'{"text": 5, "base_revision": 0}', 422, "string"),
]


@pytest.mark.parametrize(
    ("label", "body", "status", "needle"), POSTEDIT_CASES, ids=[c[0] for c in POSTEDIT_CASES]
)
@pytest.mark.bad_input
def test_post_edits_are_validated_on_every_backend(
    web: tuple[Flask, Api, int], seeded: Settings, label: str, body: bytes, status: int, needle: str
) -> None:
    _, api, segment_id = web
    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    response = _post_edit(api, segment_id, body)
    if status == 200:  # a revision that does not exist (1.5 -> 1, -4): 404/409, nothing saved
        assert response.status_code in (404, 409), response.get_json()
        return
    assert response.status_code == status, response.get_json()
    data = response.get_json()
    assert data["ok"] is False and needle.lower() in data["error"].lower()
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_post_edit_to_a_huge_segment_id_is_404(web: tuple[Flask, Api, int]) -> None:
    _, api, _ = web
    assert _post_edit(api, BIG, b'{"text": "Hallo", "base_revision": 0}').status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("url", "javascript:alert(document.cookie)", "http"),
        ("url", "data:text/html;base64,PHNjcmlwdD4=", "http"),
        ("outlet", "W" * 250, "outlet"),
        ("captured_at", "9999-12-31T23:59:59-23:59", "range"),
        ("article", "x\x00y", "NUL"),
    ],
)
@pytest.mark.bad_input
def test_upload_fields_are_validated(
    web: tuple[Flask, Api, int], seeded: Settings, field: str, value: str, needle: str
) -> None:
    _, api, _ = web
    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    form: dict[str, Any] = {"outlet": "Wire", "file": (io.BytesIO(STORY), "s.txt"), field: value}
    response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    assert response.status_code == 422, response.get_json()
    assert needle.lower() in response.get_json()["error"].lower()
    assert snapshot(engine) == before


@pytest.mark.parametrize(("left", "right"), [(BIG, 1), (1, -BIG - 1), ("9" * 5000, 1), (True, 1)])
@pytest.mark.bad_input
def test_compare_ids_out_of_range_are_422(
    web: tuple[Flask, Api, int], seeded: Settings, left: Any, right: Any
) -> None:
    _, api, _ = web
    response = api.post("/api/compare", {"left": left, "right": right})
    assert response.status_code == 422, response.get_json()


def test_workbench_errors_are_typed() -> None:
    assert issubclass(InputError, WorkbenchError) and InputError.status == 422


def test_sqlite_database_file_is_private(tmp_path: Path) -> None:
    from workbench.store.db import make_engine

    path = tmp_path / "new" / "workbench.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect():
        pass
    engine.dispose()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o077 == 0


# ---------------------------------------------------------------------------- services


def _id_services() -> list[tuple[str, Any]]:
    """Every public service function taking an id, id list or revision by name."""
    import importlib
    import inspect
    import pkgutil

    import workbench.services as services
    from workbench.services.validation import _id_param

    found = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"workbench.services.{info.name}")
        for name, func in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(func):
                continue
            if func.__module__ != module.__name__ or info.name == "validation":
                continue
            params = list(inspect.signature(func).parameters)
            if params and params[0] != "session" and any(_id_param(p) for p in params):
                found.append((f"{info.name}.{name}", func))
    return found


def test_every_service_taking_ids_checks_them() -> None:
    """A service called directly (no CLI, no route) refuses 2^63 like the entrances do."""
    missing = [name for name, func in _id_services() if not getattr(func, "__checks_ids__", 0)]
    assert len(_id_services()) >= 30 and not missing, missing


@pytest.mark.parametrize(
    "bad", [BIG, 0, -1, True, "7", 10**5000], ids=["2^63", "0", "-1", "True", "str", "5000 digits"]
)
@pytest.mark.bad_input
def test_services_called_directly_refuse_bad_ids(seeded: Settings, bad: Any) -> None:
    from workbench.services.browse import version_detail
    from workbench.services.compare import alignment_detail, compare_versions
    from workbench.services.export import export_alignment
    from workbench.services.translate import translate_versions

    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    calls = [
        lambda: version_detail(seeded, bad),
        lambda: compare_versions(seeded, bad, 1),
        lambda: compare_versions(seeded, 1, bad),
        lambda: alignment_detail(seeded, bad),
        lambda: export_alignment(seeded, bad, "json"),
        lambda: translate_versions(seeded, "de", [1, bad]),
    ]
    if bad not in (0, -1):  # a range bound may be 0 or negative; it must fit 64 bits
        calls.append(lambda: translate_versions(seeded, "de", id_range=(1, bad)))
    for call in calls:
        with pytest.raises(InputError, match="integer|between|64-bit"):
            call()
    assert snapshot(engine) == before


@pytest.mark.bad_input
def test_post_edit_service_refuses_a_revision_past_64_bits(seeded: Settings) -> None:
    from workbench.services.postedit import save_translation

    with pytest.raises(InputError, match="64-bit"):
        save_translation(seeded, 1, "de", "Hallo", base_revision=BIG)
