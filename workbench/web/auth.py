"""Login, logout, sessions and API tokens; the account pages (admins only).

Why the hook is the only gate: every request passes ``_authenticate`` first.  A
database without accounts is a single user's workbench (no login, full rights,
as before).  Once an account exists, a page without a session redirects to the
login form and an API call answers 401 — unless it carries a valid per-user
token (``Authorization: Bearer wb_...``).  Token requests have no cookie, so the
cookie-session CSRF check does not apply to them; every other write keeps it.
What each role may do is decided by the services (``accounts.require``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, flash, g, redirect, request, session, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import WorkbenchError
from workbench.services import accounts
from workbench.web.auth_context import current_actor
from workbench.web.common import is_api, json_body, ok, settings, str_field
from workbench.web.errors import error_response, localized
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("auth", __name__)
PUBLIC = {"auth.login", "auth.login_form", "auth.api_login", "auth.api_login_post", "static",
          "i18n.api_i18n", "articles.api_csrf"}  # fmt: skip


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def _authenticate() -> BaseResponse | None:
    """Set ``g.actor`` (``None`` = local user) or answer 401 / redirect to the login."""
    g.actor, g.token_auth = None, False
    if request.endpoint == "static":  # stylesheets and scripts need no identity (nor a query)
        return None
    g.has_accounts = accounts.has_accounts(settings())
    if not g.has_accounts:
        return None
    token = _bearer()
    if token:
        try:
            g.actor = accounts.actor_for_token(settings(), token)
        except WorkbenchError as exc:
            return error_response(localized(exc), exc.status)
        g.token_auth = True
        return None
    name = session.get("user")
    if name:
        g.actor = accounts.actor_named(settings(), str(name))
        if g.actor is None:
            session.pop("user", None)
    if g.actor is None and request.endpoint not in PUBLIC:
        if is_api():
            return error_response(_("Log in first (or send an API token)."), 401)
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    return None


def _skip_csrf_for_tokens(check: Callable[[], Any]) -> Callable[[], Any]:
    def csrf_protect() -> Any:
        if g.get("token_auth"):
            return None
        return check()

    return csrf_protect


def init_app(app: Flask) -> None:
    """Run ``_authenticate`` before everything else, and let token requests skip CSRF."""
    funcs = app.before_request_funcs.setdefault(None, [])
    funcs[:] = [
        _skip_csrf_for_tokens(f) if getattr(f, "__name__", "") == "csrf_protect" else f
        for f in funcs
    ]
    funcs.insert(0, _authenticate)
    app.add_template_global(current_actor, "current_actor")


def _safe_next(target: str | None) -> str:
    """Only local paths (no scheme, no host): the login must not redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("articles.index")


@page_route(bp, "/login", template="login.html")
def login() -> View:
    """The login form; its twin tells who is logged in and whether accounts exist."""
    actor = current_actor()
    return View(
        {"user": actor.name if actor else None, "role": actor.role if actor else None,
         "accounts": bool(g.get("has_accounts"))},
        html=lambda: {"next": request.args.get("next", "")},
    )  # fmt: skip


def _start_session(actor: accounts.Actor) -> None:
    lang = session.get("lang")
    session.clear()  # a fresh session: nothing from before the login survives
    session["user"] = actor.name
    if lang:
        session["lang"] = lang


@bp.post("/login")
def login_form() -> BaseResponse | tuple[str, int]:
    """Check name and password; back to the form with a message when wrong."""
    try:
        actor = accounts.authenticate(
            settings(), str_field(request.form, "name"), str_field(request.form, "password")
        )
    except WorkbenchError as exc:
        flash(localized(exc), "error")
        return redirect(url_for("auth.login", next=request.form.get("next", "")))
    _start_session(actor)
    flash(_("Logged in as %(name)s.", name=actor.name), "ok")
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/api/login")
def api_login_post() -> tuple[Response, int]:
    """Body ``{"name": ..., "password": ...}``: starts a cookie session."""
    data = json_body()
    actor = accounts.authenticate(settings(), str_field(data, "name"), str_field(data, "password"))
    _start_session(actor)
    return ok(user=actor.name, role=actor.role)


@bp.post("/logout")
def logout() -> BaseResponse:
    """End the session."""
    session.pop("user", None)
    flash(_("Logged out."), "ok")
    return redirect(url_for("auth.login"))


@bp.post("/api/logout")
def api_logout() -> tuple[Response, int]:
    """End the session (JSON)."""
    session.pop("user", None)
    return ok()
