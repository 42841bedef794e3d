"""The Flask web UI: an app factory and one blueprint per area.

``create_app(settings)`` builds a fresh app (tests get one per database);
``flask --app workbench.web run`` finds the factory by name, and
``workbench serve`` runs it under waitress.  Every HTML page has a JSON twin
under ``/api``; every error, HTML or JSON, comes from ``errors.py``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask.wrappers import Response
from flask_wtf.csrf import CSRFProtect
from werkzeug.routing import IntegerConverter, Map

from workbench.assets import STATIC_DIR, TEMPLATES_DIR, TRANSLATIONS_DIR
from workbench.config import LOOPBACK_HOSTS, Settings
from workbench.errors import WorkbenchError
from workbench.services.validation import MAX_ID
from workbench.web import hosts

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "TRANSLATIONS_DIR", "create_app"]

csrf = CSRFProtect()


class IdConverter(IntegerConverter):
    """``<int:...>`` limited to stored ids (1..2^63-1): a bigger number is a 404, not a 500."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:  # noqa: A002
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def trusted_hosts(settings: Settings) -> list[str] | None:
    """Host names the app answers to (``web.hosts``; others get a 400).

    Why: without it a DNS-rebinding page (``evil.example`` resolving to
    127.0.0.1) could read pages and CSRF tokens of a local server.  Loopback
    names always; ``settings.trusted_hosts`` adds names (``*`` turns the check off).
    """
    if "*" in settings.trusted_hosts:
        return None
    return [*LOOPBACK_HOSTS, *settings.trusted_hosts]


def _secret_key(settings: Settings) -> str:
    """A stable secret (sessions survive restarts): env var, else a file under home."""
    env = os.environ.get("WORKBENCH_SECRET_KEY")
    if env:
        return env
    path = settings.home / "secret_key"
    try:
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        path.write_text(key, encoding="utf-8")
        path.chmod(0o600)
        return key
    except OSError:  # read-only home: sessions last for this process only
        return secrets.token_hex(32)


def _settings_from_env() -> Settings:
    """Settings for ``flask --app workbench.web``, the database created or upgraded.

    A bad environment (``WORKBENCH_LANGUAGES=en,xx``, an unusable database URL)
    is the user's to fix: it leaves the ``flask`` command as a click error, which
    prints ``Error: <reason>`` with the workbench exit code instead of a traceback.
    """
    import click

    from workbench.store.migrate import ensure_database

    try:
        settings = Settings.from_env()
        ensure_database(settings.database_url)
    except WorkbenchError as exc:
        error = click.ClickException(exc.message)
        error.exit_code = exc.exit_code
        raise error from None
    return settings


def create_app(settings: Settings | None = None, config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web app for ``settings`` (default: from the environment).

    Without explicit settings the database is created/upgraded first, so
    ``flask --app workbench.web run`` works on a fresh machine.
    """
    if settings is None:
        settings = _settings_from_env()
    app = Flask(
        __name__,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.config.update(
        WORKBENCH_SETTINGS=settings,
        SECRET_KEY=_secret_key(settings),
        MAX_CONTENT_LENGTH=settings.max_upload_bytes,
        MAX_FORM_MEMORY_SIZE=settings.max_upload_bytes,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_SAMESITE="Lax",
        BABEL_TRANSLATION_DIRECTORIES=str(TRANSLATIONS_DIR),
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    csrf.init_app(app)
    _register(app)
    hosts.init_app(app, trusted_hosts(settings))  # after the others: its hook runs first
    app.after_request(_security_headers)
    return app


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _security_headers(response: Response) -> Response:
    """Defence in depth behind autoescaping: no inline or foreign scripts, no framing."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _register(app: Flask) -> None:
    from workbench.web import (
        articles,
        compare,
        deliverables,
        errors,
        export,
        i18n,
        jobs,
        models,
        postedit,
        stories,
        translate_jobs,
        upload,
        versions,
    )

    i18n.init_app(app)
    errors.init_app(app)
    for module in (
        articles,
        versions,
        compare,
        postedit,
        upload,
        export,
        i18n,
        deliverables,
        jobs,
        models,
    ):
        app.register_blueprint(module.bp)
    app.register_blueprint(stories.bp)
    app.register_blueprint(translate_jobs.bp)
    _register_cat(app)


def _register_cat(app: Flask) -> None:
    """The CAT area: QA, glossary, memory, accounts (one module per page family)."""
    from workbench.web import auth, cat, glossary, history, qa, tm, users

    cat.init_app(app)
    auth.init_app(app)
    for module in (qa, glossary, history, tm, auth, users):
        app.register_blueprint(module.bp)
