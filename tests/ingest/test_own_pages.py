"""The project's own captured pages (tests/data/pages), in the shapes that matter.

Why: the real captured page in ``../shared`` is absent on a fresh clone, so
these pages of our own cover the same behaviour there: an English article whose
capture carries a publisher's donation appeal, "Source link" residue and a
German WordPress comment form; the same article as HTML with real-site chrome
(skip link, cookie banner, menu, share buttons, related links, footer); and a
later edit of it (numbers changed, a sentence replaced).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from flask.testing import FlaskClient

from workbench.config import Settings
from workbench.services.browse import version_detail
from workbench.services.compare import alignment_detail, compare_versions
from workbench.services.ingest import ingest_bytes
from workbench.web import create_app

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
TITLE = "Floods Cut Rail Link Between Lindenau and the Coast"
FORM = [
    "Schreibe einen Kommentar",
    "Deine E-Mail-Adresse wird nicht veröffentlicht.",
    "Erforderliche Felder sind mit * markiert",
]


def _ingest(settings: Settings, name: str) -> dict:
    path = PAGES / name
    result = ingest_bytes(settings, path.read_bytes(), filename=name, outlet="Riverside Herald")
    return version_detail(settings, result.version_id)


def _roles(segments: list[dict]) -> set[tuple[str, str | None]]:
    return {(s["role"], s["lang"]) for s in segments}


def test_text_capture_roles_and_languages(settings: Settings) -> None:
    detail = _ingest(settings, "herald-v1.txt")
    segs = detail["segments"]
    texts = [s["text"] for s in segs]
    assert texts[:2] == [TITLE, TITLE] and detail["title"] == TITLE
    assert _roles(segs[:2]) == {("headline", "en")}
    appeal_start = texts.index("A Message from The Riverside Herald:")
    body = segs[2:appeal_start]
    assert len(body) == 7 and _roles(body) == {("body", "en")}
    appeal = segs[appeal_start : texts.index("Remind me later.") + 1]
    assert _roles(appeal) == {("appeal", "en")}
    assert {"Dear readers,", "Continue", "Not ready to support today?"} <= set(texts)
    by_text = {s["text"]: (s["role"], s["lang"]) for s in segs}
    assert by_text["Source link"] == ("link_residue", "en")
    assert texts[-3:] == FORM and _roles(segs[-3:]) == {("comment_form", "de")}
    assert detail["language"] == "en"


def test_html_capture_keeps_chrome_out_of_the_body(settings: Settings) -> None:
    detail = _ingest(settings, "herald-v1.html")
    by_text = {s["text"]: (s["role"], s["lang"]) for s in detail["segments"]}
    for chrome in ("Skip to content", "We use cookies to improve your experience.", "Region",
                   "Related articles", "Who maintains the Ilme dams?"):  # fmt: skip
        assert by_text[chrome][0] not in ("body", "headline"), chrome
    assert not any(r == "body" for t, (r, _) in by_text.items() if "©" in t or "Share" in t)
    assert by_text[TITLE] == ("headline", "en")
    assert by_text["Dear readers,"] == ("appeal", "en")
    assert by_text["Remind me later."] == ("appeal", "en")
    assert by_text["Source link"] == ("link_residue", "en")
    for line in (*FORM, "Kommentar abschicken", "E-Mail *"):
        assert by_text[line] == ("comment_form", "de"), line
    body = [s["text"] for s in detail["segments"] if s["role"] == "body"]
    assert any(t.startswith("Regional rail operator Westbahn") for t in body)
    assert detail["language"] == "en"


def test_edit_over_time_compares_body_only(settings: Settings) -> None:
    v1 = ingest_bytes(settings, (PAGES / "herald-v1.txt").read_bytes(), filename="v1.txt",
                      outlet="Riverside Herald", article="ilme-floods")  # fmt: skip
    v2 = ingest_bytes(settings, (PAGES / "herald-v2.txt").read_bytes(), filename="v2.txt",
                      outlet="Riverside Herald", article="ilme-floods")  # fmt: skip
    assert v1.version_id != v2.version_id
    compared = compare_versions(settings, v1.version_id, v2.version_id)
    pairs = alignment_detail(settings, compared.alignment_id)["pairs"]
    assert all(set(p["roles"]) <= {"body", "headline"} for p in pairs)
    by_left = {p["left_text"]: p for p in pairs if p["left_text"]}
    assert by_left[TITLE]["status"] == "changed"
    embankment = next(p for t, p in by_left.items() if "40-metre" in t)
    assert embankment["status"] == "changed" and "60-metre" in embankment["right_text"]
    assert embankment["flags"].get("numbers")
    unchanged = next(p for t, p in by_left.items() if t.startswith("About 18,000"))
    assert unchanged["status"] == "unchanged"
    farmers = next(p for t, p in by_left.items() if t.startswith("Farmers"))
    assert farmers["status"] in ("removed", "changed")
    assert any(p["status"] in ("added", "changed") and "Marlow" in (p["right_text"] or "")
               for p in pairs)  # fmt: skip
    assert not any("Dear readers" in (p["left_text"] or "") for p in pairs)


def test_cli_ingest_show_and_role_filter(cli: Callable[..., Result]) -> None:
    page = str(PAGES / "herald-v1.txt")
    result = cli("ingest", page, "--outlet", "Riverside Herald", "--article", "ilme-floods",
                 "--captured-at", "2026-03-04T09:12:00Z")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "23 segments, utf-8, language en" in result.stdout
    version_id = int(result.stdout.split()[2].rstrip(":"))
    again = cli("ingest", page, "--outlet", "Riverside Herald")
    assert again.stdout.startswith(f"existing version {version_id}:")
    rows = json.loads(cli("versions", "--json").stdout)
    assert [(r["id"], r["article"], r["captured_at"]) for r in rows] == [
        (version_id, "ilme-floods", "2026-03-04T09:12:00Z")
    ]
    lines = cli("show", str(version_id)).stdout.splitlines()
    assert any(line.split()[1:3] == ["appeal", "en"] and line.endswith("Remind me later.")
               for line in lines)  # fmt: skip
    shown = cli("show", str(version_id), "--role", "comment_form", "--json").stdout
    assert [s["text"] for s in json.loads(shown)["segments"]] == FORM
    assert "veröffentlicht" in shown  # ensure_ascii=False


def test_upload_form_ingests_the_html_page(settings: Settings) -> None:
    client: FlaskClient = create_app(settings, {"WTF_CSRF_ENABLED": False}).test_client()
    page = io.BytesIO((PAGES / "herald-v1.html").read_bytes())
    form = {"outlet": "riverside-herald", "article": "ilme-floods", "file": (page, "herald.html")}
    response = client.post("/upload", data=form)
    assert response.status_code == 302 and "/versions/" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Westbahn" in page and 'data-role="body"' in page
    shown = client.get(response.headers["Location"] + "?filtered=1&role=comment_form")
    rows = shown.get_data(as_text=True).split('<tr id="seg-')[1:]
    assert len(rows) >= 3 and all('data-role="comment_form"' in r[: r.index("</tr>")] for r in rows)
