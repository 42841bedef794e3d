"""Team pages for admins: accounts, roles, API tokens (and their JSON twins)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask.wrappers import Response
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from workbench.errors import WorkbenchError
from workbench.services import accounts
from workbench.web.auth_context import current_actor
from workbench.web.common import json_body, ok, settings, str_field
from workbench.web.errors import localized
from workbench.web.render import View
from workbench.web.render import page as page_route

bp = Blueprint("users", __name__)


@page_route(bp, "/users", template="users.html")
def page() -> View:
    """Every account with its role (admins only)."""
    accounts.require(current_actor(), "manage_users")
    return View(
        {"users": accounts.list_users(settings()), "roles": list(accounts.ROLES)},
        html=lambda: {"me": current_actor()},
    )


def _back() -> BaseResponse:
    return redirect(url_for("users.page"))


@bp.post("/users")
def add_form() -> BaseResponse:
    """Add an account from the form."""
    form = request.form
    try:
        accounts.add_user(
            settings(), str_field(form, "name"), str_field(form, "role"),
            str_field(form, "password"), actor=current_actor(),
        )  # fmt: skip
        flash(_("Account added."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back()


@bp.post("/users/<name>")
def edit_form(name: str) -> BaseResponse:
    """Change role and/or password."""
    form = request.form
    try:
        accounts.update_user(
            settings(), name, role=form.get("role") or None,
            password=form.get("password") or None, actor=current_actor(),
        )  # fmt: skip
        flash(_("Account saved."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back()


@bp.post("/users/<name>/delete")
def delete_form(name: str) -> BaseResponse:
    """Remove an account."""
    try:
        accounts.delete_user(settings(), name, actor=current_actor())
        flash(_("Account removed."), "ok")
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back()


@bp.post("/users/<name>/token")
def token_form(name: str) -> BaseResponse:
    """Issue a new API token and show it once."""
    try:
        token = accounts.new_token(settings(), name, actor=current_actor())
        flash(
            _("New API token for %(name)s (shown only now): %(token)s", name=name, token=token),
            "ok",
        )
    except WorkbenchError as exc:
        flash(localized(exc), "error")
    return _back()


@bp.post("/api/users")
def api_add() -> tuple[Response, int]:
    """Body ``{"name", "role", "password"}``."""
    data = json_body()
    user = accounts.add_user(
        settings(), str_field(data, "name"), str_field(data, "role"),
        str_field(data, "password"), actor=current_actor(),
    )  # fmt: skip
    return ok(201, user=user)


@bp.put("/api/users/<name>")
def api_edit(name: str) -> tuple[Response, int]:
    """Body with ``role`` and/or ``password``."""
    data = json_body()
    user = accounts.update_user(
        settings(), name, role=str_field(data, "role", required=False) or None,
        password=str_field(data, "password", required=False) or None, actor=current_actor(),
    )  # fmt: skip
    return ok(user=user)


@bp.delete("/api/users/<name>")
def api_delete(name: str) -> tuple[Response, int]:
    """Remove an account."""
    accounts.delete_user(settings(), name, actor=current_actor())
    return ok(deleted=name)


@bp.post("/api/users/<name>/token")
def api_token(name: str) -> tuple[Response, int]:
    """A new API token (shown only in this answer)."""
    return ok(201, token=accounts.new_token(settings(), name, actor=current_actor()))
