"""One view function per page, rendered as HTML or as its JSON twin (Datasette style).

Why: two handlers per page (one for the template, one for ``/api``) drift apart
— a filter added to one, a field computed differently in the other.  Here a
page is ONE function returning a ``View``: its ``data`` (computed once) is the
JSON twin's body and the template's context; HTML-only extras (dropdown lists,
row markup) go in ``html``, a callable evaluated only when HTML is rendered.

Adding a page is one function plus one decorator::

    @page(bp, "/things/<int:thing_id>", template="thing.html")
    def thing(thing_id: int) -> View:
        detail = services.things.detail(settings(), thing_id)
        return View({"thing": detail}, html=lambda: {"others": services.things.listing(...)})

which serves ``GET /things/7`` (``thing.html``, endpoint ``bp.thing``) and
``GET /api/things/7`` (``{"ok": true, "thing": {...}}``, endpoint ``bp.api_thing``).
Errors raised by the view take the one error shape of ``errors.py`` (an HTML
page or the JSON body, by path).  ``wants_json()`` tells a view which one is
being served, for the rare default that differs (e.g. pages hide boilerplate
roles until ticked, the API returns everything unless filtered).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any

from flask import Blueprint, redirect, render_template
from flask.wrappers import Response
from werkzeug.wrappers import Response as BaseResponse

from workbench.web.common import is_api, ok

HtmlExtras = Callable[[], Mapping[str, Any]]


@dataclass
class View:
    """What a page computed: ``data`` for both renderings, ``html`` extras for the page only."""

    data: dict[str, Any]
    html: HtmlExtras | None = None
    status: int = 200
    template: str | None = None  # overrides the decorator's template (e.g. an empty state)
    redirect: str | None = None  # the page moved (a merged-away story): HTML only, a 303


def wants_json() -> bool:
    """Whether the current request is for the JSON twin."""
    return is_api()


def render_html(view: View, template: str) -> tuple[str, int] | BaseResponse:
    """The page: the template with ``data`` plus the HTML-only extras (extras win); a view
    that names a ``redirect`` is a 303 See Other there (round 37, webc37)."""
    if view.redirect is not None:
        return redirect(view.redirect, 303)
    context = dict(view.data)
    if view.html is not None:
        context.update(view.html())
    return render_template(view.template or template, **context), view.status


def render_json(view: View) -> tuple[Response, int]:
    """The JSON twin: ``{"ok": true, **data}`` in the project's JSON conventions."""
    return ok(view.status, **view.data)


def page(
    bp: Blueprint, rule: str, *, template: str, api_rule: str | None = None,
    methods: tuple[str, ...] = ("GET",),
) -> Callable[[Callable[..., View]], Callable[..., View]]:  # fmt: skip
    """Register ``view`` as the HTML page at ``rule`` and its JSON twin at ``/api`` + ``rule``."""

    def decorator(view: Callable[..., View]) -> Callable[..., View]:
        name = view.__name__

        @wraps(view)
        def as_html(**kwargs: Any) -> tuple[str, int] | BaseResponse:
            return render_html(view(**kwargs), template)

        @wraps(view)
        def as_json(**kwargs: Any) -> tuple[Response, int]:
            return render_json(view(**kwargs))

        bp.add_url_rule(rule, endpoint=name, view_func=as_html, methods=list(methods))
        json_rule = api_rule or ("/api" + rule if rule != "/" else "/api")
        bp.add_url_rule(json_rule, endpoint=f"api_{name}", view_func=as_json, methods=list(methods))
        return view

    return decorator
