"""UI language: ``?lang=xx`` (remembered in the session), else the browser's choice."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask import Blueprint, Flask, request, session
from flask.wrappers import Response
from flask_babel import Babel, get_locale
from flask_babel import gettext as _

from workbench.core.statuses import REGISTRY as STATUS_REGISTRY
from workbench.core.statuses import UNCERTAIN_BELOW
from workbench.web.common import ok

UI_LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "ru": "Русский",
    "uk": "Українська",
}

bp = Blueprint("i18n", __name__)
babel = Babel()


def select_locale() -> str:
    """The switcher's choice, then Accept-Language, then English."""
    chosen = session.get("lang")
    if chosen in UI_LANGUAGES:
        return str(chosen)
    return request.accept_languages.best_match(list(UI_LANGUAGES)) or "en"


def _remember_choice() -> None:
    lang = request.args.get("lang")
    if lang in UI_LANGUAGES:
        session["lang"] = lang


def utc_minute(iso: str | None) -> str:
    """An ISO 8601 time (UTC, ``Z``) as the pages show it: "2026-03-02 08:00 UTC".

    Why (round 37, webb37): the pages showed the minute with no zone, and a journalist
    away from UTC read it as local time; the ``<time datetime>`` keeps the ISO value."""
    if not iso:
        return ""
    return f"{iso[:16].replace('T', ' ')} UTC"


def init_app(app: Flask) -> None:
    """Attach Flask-Babel with our selector and the ``?lang=`` hook."""
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(_remember_choice)
    app.jinja_env.globals["UI_LANGUAGES"] = UI_LANGUAGES
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["pair_status_labels"] = pair_status_labels
    app.jinja_env.globals["UNCERTAIN_BELOW"] = UNCERTAIN_BELOW  # the "low" confidence badge
    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.filters["utc_minute"] = utc_minute


def language_name(code: str | None, ui: str | None = None) -> str:
    """A content language's name in the UI language ("el" -> "Griechisch" in German).

    Why CLDR (Babel) and not the catalogs: content languages are a registry of their
    own (core/languages.py) that grows independently of the four UI languages, and
    CLDR already names every language in every UI language.
    """
    if not code:
        return ""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(ui or str(get_locale()))
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return name or code


def pair_status_labels() -> dict[str, tuple[str, str]]:
    """Every registered pair status: its symbol and its label in the UI language."""
    return {s.name: (s.symbol, _(s.label)) for s in STATUS_REGISTRY}


@bp.get("/api/i18n")
def api_i18n() -> tuple[Response, int]:
    """The current UI language, the available ones, and the content languages by name."""
    from workbench.web.common import settings

    content = {code: language_name(code) for code in settings().languages}  # names, UI language
    return ok(locale=str(get_locale()), available=UI_LANGUAGES, content_languages=content)
