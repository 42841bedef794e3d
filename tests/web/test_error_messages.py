"""Service error messages reach the web UI in the reader's language.

Why: every ``WorkbenchError`` a service raises can end up in a flash message or
in the one error shape of a page; ``test_i18n.py`` only knows the ids in
``messages.pot``.  The scan below closes the gap: a message written as an
f-string or a bare literal would never be extracted, so it fails here; a marked
one is extracted (``test_catalogs.py``) and must be translated (``test_i18n.py``).
The CLI (``workbench/commands``, ``cli.py``) stays English and is not scanned.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.support import Translations

import workbench.errors as errors_module
from workbench.config import Settings
from workbench.errors import N_, InputError, Num, Term, WorkbenchError
from workbench.web import TRANSLATIONS_DIR, create_app

PACKAGE = Path(errors_module.__file__).parent
CLI_ONLY = ("commands/", "cli.py")


def _error_classes() -> set[str]:
    """Every WorkbenchError subclass name, in errors.py and anywhere in the package."""
    names = {n for n, o in vars(errors_module).items()
             if isinstance(o, type) and issubclass(o, WorkbenchError)}  # fmt: skip
    grew = True
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")]
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(b, "id", getattr(b, "attr", None)) for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _is_marked(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "N_"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _service_messages() -> tuple[list[str], list[str]]:
    """(marked message ids, places that construct an error with an unmarked message)."""
    classes = _error_classes()
    marked: list[str] = []
    unmarked: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(CLI_ONLY) or rel == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in classes or not node.args:
                continue
            first = node.args[0]
            if _is_marked(first):
                marked.append(first.args[0].value)  # type: ignore[attr-defined]
            else:
                unmarked.append(f"{rel}:{node.lineno} {ast.unparse(first)[:80]}")
    return marked, unmarked


def test_every_service_error_message_is_marked_for_translation() -> None:
    marked, unmarked = _service_messages()
    assert len(marked) > 150
    assert not unmarked, "write N_('template %(x)s'), x=... instead:\n" + "\n".join(unmarked)


@pytest.mark.parametrize("lang", ["de", "ru", "uk"])
def test_every_service_error_message_is_translated(lang: str) -> None:
    catalog = Translations.load(str(TRANSLATIONS_DIR), [lang])
    marked, _ = _service_messages()
    wordy = [m for m in marked if re.search(r"[a-z]", re.sub(r"%\(\w+\)[sdr]", "", m))]
    untranslated = sorted({m for m in wordy if catalog.gettext(m) == m})
    assert not untranslated, f"{lang}: {untranslated}"


def test_message_keeps_english_text_template_and_params() -> None:
    inner = InputError(N_("empty input: no text to ingest"))
    exc = InputError(N_("%(name)s: %(reason)s"), name="a.txt", reason=inner)
    assert exc.message == "a.txt: empty input: no text to ingest" == str(exc)
    assert exc.template == "%(name)s: %(reason)s" and exc.params["reason"] is inner
    big = InputError(N_("file is over the limit of %(limit)s bytes"), limit=Num(5242880))
    assert big.message == "file is over the limit of 5,242,880 bytes"
    assert WorkbenchError("plain 100% text").message == "plain 100% text"


def test_pages_and_api_show_service_errors_in_the_ui_language(settings: Settings) -> None:
    app = create_app(settings)
    page = app.test_client().get("/versions/999999?lang=ru")
    assert page.status_code == 404
    text = page.get_data(as_text=True)
    assert "версия 999999 не найдена" in text and "not found" not in text
    client = app.test_client()  # no language chosen: the browser's
    api = client.get("/api/versions/999999", headers={"Accept-Language": "de"})
    assert api.get_json()["error"] == "Fassung 999999 nicht gefunden"
    english = client.get("/api/versions/999999?lang=en").get_json()
    assert english["error"] == "version 999999 not found"


def test_flash_message_is_translated(settings: Settings) -> None:
    """A refused upload (a PDF) comes back in Ukrainian, the file kind included."""
    from io import BytesIO

    client = create_app(settings).test_client()
    page = client.get("/upload?lang=uk").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    answer = client.post(
        "/upload",
        data={"csrf_token": token, "outlet": "x", "file": (BytesIO(b"%PDF-1.4 x"), "a.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    text = answer.get_data(as_text=True)
    assert "двійковий файл (документ PDF), а не текст" in text, text[-2000:]


def test_counts_and_terms_follow_the_locale(settings: Settings) -> None:
    from workbench.web.errors import localized

    app = create_app(settings)
    exc = InputError(N_("file is over the limit of %(limit)s bytes"), limit=Num(5242880))
    kind = InputError(N_("binary file (%(what)s), not text"), what=Term(N_("a PNG image")))
    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert localized(exc) == "Die Datei überschreitet die Grenze von 5.242.880 Byte"
        assert localized(kind) == "Binärdatei (ein PNG-Bild), kein Text"


def test_a_failed_jobs_error_is_explained_in_the_ui_language(mt_settings: Settings) -> None:
    """A job stores its error as English text; the page and ``/api/jobs/<id>`` explain a
    missing model again in the reader's language (from the pairs the report names)."""
    from workbench.web.translate_jobs import localized_job

    app = create_app(mt_settings)
    job = {"status": "failed", "target": "de", "error": "pl→de: no translation model ...",
           "report": {"failed_pairs": {"pl→de": "no translation model for pl → de"}}}  # fmt: skip
    with app.test_request_context("/", headers={"Accept-Language": "ru"}):
        error = localized_job(dict(job))["error"]
    assert error.startswith("нет модели перевода для pl → de") and "workbench models" in error
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert localized_job(dict(job))["error"].startswith("no translation model for pl → de")
