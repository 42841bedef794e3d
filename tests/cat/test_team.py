"""Accounts, login, sessions, tokens, roles, serve's refusal, and the single-user fallback."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from tests.cat.conftest import Api, Corpus
from workbench.config import Settings
from workbench.errors import ConflictError, InputError
from workbench.services import accounts, history
from workbench.services.accounts import Actor, ForbiddenError
from workbench.services.postedit import save_translation
from workbench.store.db import get_engine
from workbench.store.migrate import downgrade, upgrade

PASSWORD = "correct horse"


def _team(settings: Settings) -> None:
    accounts.add_user(settings, "ada", "admin", PASSWORD)
    accounts.add_user(settings, "tom", "translator", PASSWORD)
    accounts.add_user(settings, "rita", "reviewer", PASSWORD)


def _login(client: FlaskClient, name: str) -> Api:
    api = Api(client)
    response = client.post(
        "/login", data={"csrf_token": api.token, "name": name, "password": PASSWORD}
    )
    assert response.status_code == 302
    api._token = None  # the session was renewed: fetch a fresh CSRF token
    return api


def test_accounts_rules(settings: Settings) -> None:
    with pytest.raises(InputError):
        accounts.add_user(settings, "tom", "translator", PASSWORD)  # the first must be an admin
    _team(settings)
    with pytest.raises(ConflictError):
        accounts.add_user(settings, "tom", "reviewer", PASSWORD)
    with pytest.raises(InputError):
        accounts.add_user(settings, "eve", "reviewer", "short")
    with pytest.raises(ForbiddenError):
        accounts.add_user(settings, "eve", "admin", PASSWORD, actor=Actor("tom", "translator"))
    with pytest.raises(ConflictError):
        accounts.delete_user(settings, "ada")  # the last admin
    with pytest.raises(ConflictError):
        accounts.update_user(settings, "ada", role="reviewer")
    assert accounts.authenticate(settings, "tom", PASSWORD) == Actor("tom", "translator")
    with pytest.raises(accounts.AuthError):
        accounts.authenticate(settings, "tom", "wrong password")
    from sqlmodel import Session, select

    from workbench.store.cat_models import UserAccount

    with Session(get_engine(settings.database_url)) as session:
        stored = session.exec(select(UserAccount.password_hash)).first()
    assert stored and stored.startswith(("scrypt:", "pbkdf2:")) and PASSWORD not in stored


def test_single_user_database_needs_no_login(api: Api, corpus: Corpus, settings: Settings) -> None:
    assert api.client.get("/").status_code == 200
    seg = corpus.segments["soldiers"]
    body = {"text": "Mehr als 10.000 Soldaten.", "base_revision": 1, "status": "approved"}
    assert api.post(f"/api/translations/{seg}/de", json=body).status_code == 200
    assert history.segment_history(settings, seg, "de")["revisions"][0]["author"] == "local"


def test_login_required_roles_enforced_and_authors_recorded(
    client: FlaskClient, settings: Settings, corpus: Corpus
) -> None:
    _team(settings)
    page = client.get(f"/versions/{corpus.v_en1}?target=de")
    assert page.status_code == 302 and "/login?next=" in page.headers["Location"]
    assert client.get("/api/articles").status_code == 401
    bad = client.post(
        "/login",
        data={"csrf_token": Api(client).token, "name": "tom", "password": "nope"},
        follow_redirects=True,
    )
    assert "wrong user name or password" in bad.get_data(as_text=True)
    tom = _login(client, "tom")
    assert client.get(f"/versions/{corpus.v_en1}?target=de").status_code == 200
    seg = corpus.segments["soldiers"]
    draft = {
        "text": "Mehr als 10.000 Soldaten wurden entsandt.",
        "base_revision": 1,
        "status": "draft",
    }
    assert tom.post(f"/api/translations/{seg}/de", json=draft).status_code == 200
    approve = {"text": "Mehr als 10.000 Soldaten.", "base_revision": 2, "status": "approved"}
    refused = tom.post(f"/api/translations/{seg}/de", json=approve)
    assert refused.status_code == 403 and "may not approve" in refused.get_json()["error"]
    term = {"source": "en", "target": "de", "source_term": "troop", "target_term": "Truppe"}
    assert tom.post("/api/glossary", json=term).status_code == 403
    assert client.get("/users").status_code == 403
    client.post("/logout", data={"csrf_token": tom.token})
    rita = _login(client, "rita")
    assert rita.post(f"/api/translations/{seg}/de", json=approve).status_code == 200
    authors = [r["author"] for r in history.segment_history(settings, seg, "de")["revisions"]]
    assert authors == ["rita", "tom", "machine"]
    from workbench.services.tm import lookup

    assert (
        lookup(settings, "More than 10,000 soldiers were sent last year.", "en", "de")[0]["origin"][
            "who"
        ]
        == "rita"
    )


def test_admin_pages_and_tokens(client: FlaskClient, settings: Settings, corpus: Corpus) -> None:
    _team(settings)
    ada = _login(client, "ada")
    page = client.get("/users").get_data(as_text=True)
    assert 'id="user-tom"' in page and "ada (admin)" in page
    assert {u["name"] for u in client.get("/api/users").get_json()["users"]} == {
        "ada",
        "tom",
        "rita",
    }
    created = ada.post(
        "/api/users", json={"name": "vic", "role": "translator", "password": PASSWORD}
    )
    assert created.status_code == 201
    token = ada.post("/api/users/rita/token").get_json()["token"]
    client.post("/logout", data={"csrf_token": ada.token})
    anonymous = client.application.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    seg = corpus.segments["soldiers"]
    body = {"text": "Mehr als 10.000 Soldaten.", "base_revision": 1, "status": "approved"}
    saved = anonymous.post(
        f"/api/translations/{seg}/de", json=body, headers=headers
    )  # no CSRF, no cookie
    assert saved.status_code == 200 and saved.get_json()["translation"]["revision"] == 2
    assert (
        anonymous.post(
            f"/api/translations/{seg}/de", json=body, headers={"Authorization": "Bearer wb_nope"}
        ).status_code
        == 401
    )
    assert anonymous.post(f"/api/translations/{seg}/de", json=body).status_code == 401
    form = anonymous.post("/glossary?source=en&target=de", data={"target_term": "x"})
    assert form.status_code == 302 and "/login" in form.headers["Location"]


def test_cli_users(run, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    assert (
        run(
            "users", "add", "tom", "--role", "translator", "--password-stdin", input=PASSWORD + "\n"
        ).exit_code
        == 2
    )
    result = run(
        "users", "add", "ada", "--role", "admin", "--password-stdin", input=PASSWORD + "\n"
    )
    assert result.exit_code == 0 and "Added ada (admin)" in result.output
    assert (
        run(
            "users", "add", "tom", "--role", "translator", input=f"{PASSWORD}\n{PASSWORD}\n"
        ).exit_code
        == 0
    )
    assert run("users", "set", "tom", "--role", "reviewer").exit_code == 0
    assert "tom\treviewer" in run("users", "list").output
    token = run("users", "token", "tom").output.strip()
    assert token.startswith("wb_") and accounts.actor_for_token(settings, token).name == "tom"
    result = run("users", "delete", "ada")
    assert result.exit_code == 4 and "last admin" in result.output
    assert run("users", "delete", "tom").exit_code == 0


def test_serve_refuses_the_network_without_accounts(run, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    result = run("serve", "--host", "0.0.0.0", "--port", "0")
    assert result.exit_code == 10 and "refusing to serve on 0.0.0.0" in result.output
    warning = accounts.check_serving(settings, "0.0.0.0", no_auth=True)
    assert warning and "WITHOUT authentication" in warning
    assert accounts.check_serving(settings, "127.0.0.1", no_auth=False) is None
    assert accounts.check_serving(settings, "::1", no_auth=False) is None
    accounts.add_user(settings, "ada", "admin", PASSWORD)
    assert accounts.check_serving(settings, "0.0.0.0", no_auth=False) is None


def test_existing_single_user_database_upgrades_and_keeps_working(
    settings: Settings, corpus: Corpus
) -> None:
    """A database made before the CAT tables upgrades in place."""
    from alembic.script import ScriptDirectory

    from workbench.store.migrate import alembic_config

    url = settings.database_url
    seg = corpus.segments["soldiers"]
    script = ScriptDirectory.from_config(alembic_config(url))
    cat = next(r for r in script.walk_revisions() if r.path.endswith("_cat.py"))
    downgrade(url, str(cat.down_revision))
    with get_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM translation")).scalar() == 1
    upgrade(url)
    assert not accounts.has_accounts(settings)
    saved = save_translation(
        settings, seg, "de", "Mehr als 10.000 Soldaten.", base_revision=1, status="approved"
    )
    assert saved["revision"] == 2
    assert history.segment_history(settings, seg, "de")["revisions"][0]["author"] == "local"
