"""Bad input through every entrance: a clear message, the right code, nothing stored.

Why one suite across CLI, API and upload: the promise "bad input gets a clear
error and nothing is lost" is the same everywhere, so every case checks the
same three things — the exit code or HTTP status, a message naming the
problem, and a database identical (every row of every table) to before.
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from flask import Flask

from tests.reliability.conftest import snapshot
from tests.web.conftest import Api
from workbench.cli import main
from workbench.config import Settings
from workbench.services.ingest import ingest_bytes
from workbench.store.db import get_engine
from workbench.web import create_app

UTF8_GERMAN = "Grüße aus München: die Straße über den Fluß ist gesperrt.\n".encode()
OFFLINE_INDEX = "http://127.0.0.1:9/index.json"  # loopback discard port: refused at once
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.fixture
def seeded(settings: Settings) -> Settings:
    """A database that already holds one version, so "unchanged" means something."""
    ingest_bytes(settings, b"The mayor opened the bridge.\n", filename="seed.txt", outlet="Wire")
    return settings


def _cli(settings: Settings, args: list[str]) -> Result:
    env = {
        "WORKBENCH_DATABASE_URL": settings.database_url,
        "WORKBENCH_HOME": str(settings.home),
        "WORKBENCH_MODELS_DIR": str(settings.models_dir),
        "WORKBENCH_ARGOS_INDEX_URL": OFFLINE_INDEX,
    }
    return CliRunner().invoke(main, args, env=env)


def _assert_refused(settings: Settings, run: Callable[[], Result], code: int, needle: str) -> None:
    """``run`` fails with ``code`` and ``Error: ...needle...``; the database is untouched."""
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    result = run()
    assert result.exit_code == code, result.output
    assert needle.lower() in result.output.lower(), result.output
    assert "Traceback" not in result.output
    assert snapshot(engine) == before


# --------------------------------------------------------------------------- CLI ingest

INGEST_CASES = [
    ("empty.txt", b"", [], "empty"),
    ("blank.txt", b"  \n\t \r\n", [], "empty"),
    ("picture.txt", PNG, [], "binary"),
    ("nul.txt", b"abc\x00\x01\x02def\x00" * 51, [], "binary"),
    ("controls.txt", bytes(range(1, 9)) * 200, [], "binary"),
    ("mixed.txt", UTF8_GERMAN * 3 + "Grüße".encode("latin-1") + b"\n", [], "mixed encodings"),
    ("badbom.txt", codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", [], "byte-order mark"),
    ("odd.txt", codecs.BOM_UTF16_LE + "Hello world".encode("utf-16-le")[:-1], [], "utf-16"),
    ("truncated.json", b'{"text": "The mayor opened the', [], "json"),
    ("list.json", b'["The mayor opened the bridge."]', [], "one object"),
    ("notext.json", b'{"title": "Only a title"}', [], "'text'"),
    ("number.json", b'{"text": 42}', [], "must be a string"),
    ("scripts.html", b"<html><body><script>alert(1)</script></body></html>", [], "no visible"),
    ("fine.txt", b"The council approved the budget.\n", ["--captured-at", "yesterday"], "ISO"),
    ("fine.txt", b"The council approved the budget.\n", ["--format", "xml"], "invalid value"),
]


@pytest.mark.parametrize(("name", "data", "extra", "needle"), INGEST_CASES)
def test_cli_ingest_refuses_bad_files(
    seeded: Settings, tmp_path: Path, name: str, data: bytes, extra: list[str], needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    args = ["ingest", str(path), "--outlet", "Wire", *extra]
    _assert_refused(seeded, lambda: _cli(seeded, args), 2, needle)


def test_cli_ingest_refuses_a_huge_file(seeded: Settings, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The mayor opened the bridge. " * (seeded.max_upload_bytes // 29 + 10))
    args = ["ingest", str(path), "--outlet", "Wire"]
    _assert_refused(seeded, lambda: _cli(seeded, args), 2, "limit")


def test_cli_ingest_refuses_missing_path_and_missing_outlet(
    seeded: Settings, tmp_path: Path
) -> None:
    missing = ["ingest", str(tmp_path / "nope.txt"), "--outlet", "Wire"]
    _assert_refused(seeded, lambda: _cli(seeded, missing), 2, "no such file")
    good = tmp_path / "good.txt"
    good.write_bytes(b"The council approved the budget.\n")
    _assert_refused(seeded, lambda: _cli(seeded, ["ingest", str(good)]), 2, "outlet")


# ----------------------------------------------------------------------- CLI translate etc.

MT_CASES = [
    (["translate", "--to", "Deutsch!", "--all"], 5, "unknown language code"),
    (["translate", "--to", "xx", "--all"], 5, "no translation model"),
    (["translate", "--to", "de", "--version", "999999"], 3, "999999"),
    (["translate", "--to", "de", "--all", "--version", "1"], 2, "exactly one"),
    (["translate", "--to", "de", "no-such-file.txt", "--out", "out"], 3, "no such file"),
    (["models", "remove", "xx", "yy"], 3, "xx"),
    (["compare", "999998", "999999"], 3, "not found"),
    (["export", "999999"], 3, "999999"),
    (["export", "1", "--format", "docx"], 2, "invalid value"),
    (["show", "999999"], 3, "999999"),
]


@pytest.mark.parametrize(("args", "code", "needle"), MT_CASES)
def test_cli_refuses_unknown_languages_pairs_and_ids(
    mt_settings: Settings, args: list[str], code: int, needle: str
) -> None:
    ingest_bytes(mt_settings, b"The mayor opened the bridge.\n", filename="s.txt", outlet="W")
    _assert_refused(mt_settings, lambda: _cli(mt_settings, args), code, needle)


ALIGN_FILES = {
    "de.txt": b"Hallo Welt.\nZweiter Satz.\n",
    "fr.txt": b"Bonjour le monde.\nDeuxieme phrase.\n",
    "empty.txt": b"",
    "binary.txt": PNG,
    "short-mt.txt": b"Bonjour.\n",
}
ALIGN_CASES = [
    (["empty.txt", "fr.txt"], "is empty"),
    (["de.txt", "binary.txt"], "binary"),
    (["de.txt", "missing.txt"], "missing.txt"),
    (["de.txt", "fr.txt", "--translation", "short-mt.txt"], "has 1 lines"),
    (["de.txt", "fr.txt", "--format", "xml"], "invalid value"),
]


@pytest.mark.parametrize(("args", "needle"), ALIGN_CASES)
def test_cli_align_refuses_bad_sentence_files(
    seeded: Settings, tmp_path: Path, args: list[str], needle: str
) -> None:
    for name, data in ALIGN_FILES.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / a) if a.endswith(".txt") else a for a in args]
    _assert_refused(seeded, lambda: _cli(seeded, ["align", *paths]), 2, needle)


@pytest.mark.parametrize("args", [["models", "available"], ["models", "install", "en", "de"]])
def test_cli_model_index_offline_names_the_offline_alternative(
    seeded: Settings, args: list[str]
) -> None:
    _assert_refused(seeded, lambda: _cli(seeded, args), 7, ".argosmodel")


def test_cli_translate_without_any_model_names_the_fix(seeded: Settings) -> None:
    args = ["translate", "--to", "de", "--all"]
    _assert_refused(seeded, lambda: _cli(seeded, args), 5, "models install")


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _package_cases(tmp: Path, good: Path) -> dict[str, tuple[Path, str]]:
    truncated = tmp / "truncated.argosmodel"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    flipped = bytearray(good.read_bytes())
    payload = bytes(flipped).find(b"shared_vocabulary")  # the member name in a local header
    flipped[payload + 200 : payload + 260] = bytes(60)  # zero a run of the member's data
    bad_crc = tmp / "badcrc.argosmodel"
    bad_crc.write_bytes(bytes(flipped))
    garbage = tmp / "garbage.argosmodel"
    garbage.write_bytes(b"this is not a zip archive at all\n" * 20)
    return {
        "garbage": (garbage, "not a zip"),
        "truncated": (truncated, "not a zip"),
        "bad-crc": (bad_crc, "corrupt"),
        "traversal": (
            _zip(tmp / "slip.argosmodel", {"pkg/metadata.json": b"{}", "../../evil.txt": b"x"}),
            "unsafe path",
        ),
        "two-folders": (_zip(tmp / "two.argosmodel", {"a/x": b"1", "b/y": b"2"}), "one top-level"),
        "no-metadata": (
            _zip(tmp / "nometa.argosmodel", {"pkg/model/model.bin": b"\0" * 64}),
            "not a usable",
        ),
    }


@pytest.mark.parametrize(
    "case", ["garbage", "truncated", "bad-crc", "traversal", "two-folders", "no-metadata"]
)
def test_cli_refuses_corrupt_model_packages(
    seeded: Settings,
    tmp_path: Path,
    argos_packages: dict[tuple[str, str], Path],
    case: str,
) -> None:
    path, needle = _package_cases(tmp_path, argos_packages[("en", "de")])[case]
    args = ["models", "install", str(path)]
    _assert_refused(seeded, lambda: _cli(seeded, args), 6, needle)
    assert seeded.models_dir is not None
    leftovers = list(seeded.models_dir.glob("*")) if seeded.models_dir.exists() else []
    assert leftovers == [], "a failed install left files behind"
    assert not any(p.name == "evil.txt" for p in tmp_path.parent.rglob("evil.txt"))
    listed = _cli(seeded, ["models", "list"])
    assert listed.exit_code == 0, listed.output


def test_cli_refuses_a_missing_model_file(seeded: Settings, tmp_path: Path) -> None:
    args = ["models", "install", str(tmp_path / "missing.argosmodel")]
    _assert_refused(seeded, lambda: _cli(seeded, args), 3, "no such package file")


# ------------------------------------------------------------------------------- web API


@pytest.fixture
def web(seeded: Settings) -> tuple[Flask, Api, int]:
    """The app with a small upload limit, a CSRF-aware client and a segment id."""
    small = seeded.with_(max_upload_bytes=4096, max_input_chars=2000)
    app = create_app(small)
    app.config["TESTING"] = True
    api = Api(app.test_client())
    versions = api.client.get("/api/versions").get_json()["versions"]
    detail = api.client.get(f"/api/versions/{versions[0]['id']}").get_json()
    return app, api, detail["version"]["segments"][0]["id"]


def _assert_http_refused(
    settings: Settings, send: Callable[[], object], status: int, needle: str
) -> None:
    engine = get_engine(settings.database_url)
    before = snapshot(engine)
    response = send()
    body = response.get_json()  # type: ignore[attr-defined]
    assert response.status_code == status, body  # type: ignore[attr-defined]
    assert body["ok"] is False and body["status"] == status
    assert needle.lower() in body["error"].lower(), body
    assert snapshot(engine) == before


API_CASES = [
    ("post-edit: malformed JSON", "edit", b'{"text": "Hallo", ', 400, "malformed json"),
    ("post-edit: JSON list", "edit", b'["Hallo"]', 400, "object"),
    ("post-edit: missing text", "edit", {"base_revision": 0}, 422, "'text'"),
    (
        "post-edit: revision not int",
        "edit",
        {"text": "Hallo", "base_revision": "one"},
        422,
        "integer",
    ),
    (
        "post-edit: bad status",
        "edit",
        {"text": "Hallo", "base_revision": 0, "status": "final"},
        422,
        "status",
    ),
    ("post-edit: empty text", "edit", {"text": "   ", "base_revision": 0}, 422, "empty"),
    ("post-edit: too long", "edit", {"text": "x" * 2500, "base_revision": 0}, 413, "longer"),
    (
        "post-edit: unknown language",
        "edit-xx",
        {"text": "Hallo", "base_revision": 0},
        422,
        "language",
    ),
    (
        "post-edit: unknown segment",
        "edit-missing",
        {"text": "Hallo", "base_revision": 0},
        404,
        "not found",
    ),
    ("compare: malformed JSON", "/api/compare", b"{left: 1}", 400, "malformed json"),
    (
        "compare: unknown versions",
        "/api/compare",
        {"left": 999998, "right": 999999},
        404,
        "not found",
    ),
    ("compare: ids not ints", "/api/compare", {"left": "a", "right": 1}, 422, "integer"),
    ("translate: bad target", "translate", {"target": "Deutsch!"}, 422, "language"),
    ("oversized JSON body", "edit", b'{"text": "' + b"x" * 8000 + b'"}', 413, ""),
]


@pytest.mark.parametrize(
    ("label", "where", "body", "status", "needle"), API_CASES, ids=[c[0] for c in API_CASES]
)
def test_api_refuses_bad_requests(
    web: tuple[Flask, Api, int],
    seeded: Settings,
    label: str,
    where: str,
    body: object,
    status: int,
    needle: str,
) -> None:
    app, api, segment_id = web
    version_id = api.client.get("/api/versions").get_json()["versions"][0]["id"]
    url = {
        "edit": f"/api/translations/{segment_id}/de",
        "edit-xx": f"/api/translations/{segment_id}/xx",
        "edit-missing": "/api/translations/999999/de",
        "translate": f"/api/versions/{version_id}/translate",
    }.get(where, where)
    if isinstance(body, bytes):
        headers = {"X-CSRFToken": api.token, "Content-Type": "application/json"}
        send = lambda: api.client.post(url, data=body, headers=headers)  # noqa: E731
    else:
        send = lambda: api.post(url, body)  # noqa: E731
    _assert_http_refused(seeded, send, status, needle)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("get", "/api/versions/999999", 404), ("get", "/api/nope", 404),
     ("delete", "/api/articles", 405), ("get", "/api/alignments/999999", 404)],
)  # fmt: skip
def test_api_unknown_things_share_one_error_shape(
    web: tuple[Flask, Api, int], seeded: Settings, method: str, url: str, status: int
) -> None:
    _, api, _ = web
    _assert_http_refused(seeded, lambda: getattr(api.client, method)(url), status, "")


# --------------------------------------------------------------------------------- upload

UPLOAD_CASES = [
    ("empty", "empty.txt", b"", 422, "empty"),
    ("binary", "photo.txt", PNG, 422, "binary"),
    ("mixed encodings", "mixed.txt", UTF8_GERMAN * 3 + b"\xe4\n", 422, "mixed encodings"),
    ("oversized", "big.txt", b"The mayor opened the bridge. " * 400, 413, ""),
    ("malformed JSON", "story.json", b'{"text": "unterminated', 422, "json"),
    ("no file", None, b"", 422, "no file"),
]


@pytest.mark.parametrize(
    ("label", "filename", "data", "status", "needle"),
    UPLOAD_CASES,
    ids=[c[0] for c in UPLOAD_CASES],
)
def test_upload_api_refuses_bad_files(
    web: tuple[Flask, Api, int],
    seeded: Settings,
    label: str,
    filename: str | None,
    data: bytes,
    status: int,
    needle: str,
) -> None:
    _, api, _ = web
    form: dict[str, object] = {"outlet": "Wire"}
    if filename is not None:
        form["file"] = (io.BytesIO(data), filename)
    send = lambda: api.post("/api/ingest", data=form, content_type="multipart/form-data")  # noqa: E731
    _assert_http_refused(seeded, send, status, needle)


def test_upload_form_shows_errors_escaped(web: tuple[Flask, Api, int], seeded: Settings) -> None:
    """The HTML form re-renders with the reason; a hostile file name stays text."""
    _, api, _ = web
    engine = get_engine(seeded.database_url)
    before = snapshot(engine)
    form = {
        "outlet": "Wire",
        "file": (io.BytesIO(b""), "<img src=x onerror=alert(1)>.txt"),
        "csrf_token": api.token,
    }
    response = api.client.post("/upload", data=form, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "empty" in page
    assert "<img src=x onerror" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert snapshot(engine) == before


def test_upload_path_traversal_name_is_reduced_to_a_base_name(
    web: tuple[Flask, Api, int], seeded: Settings, tmp_path: Path
) -> None:
    _, api, _ = web
    name = "../../../../../../tmp/workbench-evil.txt"
    form = {"outlet": "Wire", "file": (io.BytesIO(b"The station was closed.\n"), name)}
    response = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    assert response.status_code == 201, response.get_json()
    result = response.get_json()["result"]
    assert result["filename"] == "workbench-evil.txt"
    assert ".." not in json.dumps(result) and "/" not in result["article"]
    assert not Path("/tmp/workbench-evil.txt").exists()


# ------------------------------------------------------------------------- inert HTML

XSS_LINES = [
    '<script>alert("x")</script> The mayor spoke.',
    "<img src=x onerror=alert(1)> The council voted.",
    '<a href="javascript:alert(2)" onclick="alert(3)">link</a> The river rose.',
]


def test_script_and_event_handlers_in_text_render_inert(
    web: tuple[Flask, Api, int], seeded: Settings
) -> None:
    _, api, _ = web
    data = ("\n\n".join(XSS_LINES) + "\n").encode()
    form = {"outlet": "Hostile", "file": (io.BytesIO(data), "xss.txt")}
    created = api.post("/api/ingest", data=form, content_type="multipart/form-data")
    assert created.status_code == 201, created.get_json()
    version_id = created.get_json()["result"]["version_id"]
    page = api.client.get(f"/versions/{version_id}").get_data(as_text=True)
    for raw in ('<script>alert("x")', "<img src=x onerror", '<a href="javascript:', 'onclick="'):
        assert raw not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    segments = api.client.get(f"/api/versions/{version_id}").get_json()["version"]["segments"]
    assert any(s["text"].startswith('<script>alert("x")</script>') for s in segments)


def _hostile_comparison(api: Api) -> tuple[int, int]:
    """Two versions of a story full of markup, compared by the real services."""
    ids = []
    for n, suffix in enumerate(["", " Updated <b onmouseover=alert(4)>now</b>."]):
        lines = [line + (suffix if i == 1 else "") for i, line in enumerate(XSS_LINES)]
        data = ("\n\n".join(lines) + "\n").encode()
        form = {"outlet": "Hostile", "article": "xss", "file": (io.BytesIO(data), f"v{n}.txt")}
        created = api.post("/api/ingest", data=form, content_type="multipart/form-data")
        assert created.status_code == 201, created.get_json()
        ids.append(created.get_json()["result"]["version_id"])
    compared = api.post("/api/compare", {"left": ids[0], "right": ids[1], "roles": ["body"]})
    assert compared.status_code == 201, compared.get_json()
    return ids[1], compared.get_json()["alignment_id"]


def test_markup_in_compared_versions_renders_inert_in_diffs(
    web: tuple[Flask, Api, int], seeded: Settings
) -> None:
    _, api, _ = web
    _, alignment_id = _hostile_comparison(api)
    page = api.client.get(f"/alignments/{alignment_id}").get_data(as_text=True)
    assert "<b onmouseover" not in page and '<script>alert("x")' not in page
    assert "&lt;b onmouseover=alert(4)&gt;" in page and "<ins" in page
    pairs = api.client.get(f"/api/alignments/{alignment_id}").get_json()["alignment"]["pairs"]
    assert any("<b onmouseover=alert(4)>" in p["right_text"] for p in pairs)
