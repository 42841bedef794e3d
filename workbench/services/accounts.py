"""Team accounts: who may do what, passwords, API tokens.

Why the "local" actor: a database without any account is a single user's
workbench, and it keeps working exactly as before (every right, no login).  As
soon as one account exists, the web requires a login and every write names its
author.  Passwords are hashed with werkzeug's ``generate_password_hash`` (scrypt);
API tokens are random, shown once, and stored as a SHA-256 digest.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select
from werkzeug.security import check_password_hash, generate_password_hash

from workbench.config import Settings
from workbench.errors import N_, ConflictError, InputError, NotFoundError, Term, WorkbenchError
from workbench.store.cat_models import UserAccount
from workbench.store.db import get_engine, session_scope
from workbench.store.models import iso_utc

ROLES: tuple[str, ...] = ("translator", "reviewer", "admin")
PERMISSIONS: dict[str, frozenset[str]] = {
    "translator": frozenset({"save_draft"}),
    "reviewer": frozenset({"save_draft", "approve"}),
    "admin": frozenset({"save_draft", "approve", "manage_users", "manage_glossary", "manage_tm"}),
}
MIN_PASSWORD = 8
#: What each permission lets one do, as a refusal names it ("... may not approve").
PERMISSION_NAMES: dict[str, str] = {
    "save_draft": N_("save draft"),
    "approve": N_("approve"),
    "manage_users": N_("manage users"),
    "manage_glossary": N_("manage glossary"),
    "manage_tm": N_("manage tm"),
}


class ForbiddenError(WorkbenchError):
    """The actor's role does not allow the action."""

    status = 403
    exit_code = 10


class AuthError(WorkbenchError):
    """Wrong name, password or token."""

    status = 401
    exit_code = 10


@dataclass(frozen=True)
class Actor:
    """Who is acting: an account's name and role, or the local single user."""

    name: str
    role: str

    def can(self, permission: str) -> bool:
        """Whether this actor's role includes ``permission``."""
        return permission in PERMISSIONS.get(self.role, frozenset())


LOCAL = Actor("local", "admin")


def require(actor: Actor | None, permission: str) -> Actor:
    """The actor (``None`` = local user) if allowed, else ``ForbiddenError``."""
    actor = actor or LOCAL
    if not actor.can(permission):
        raise ForbiddenError(
            N_("%(name)s (%(role)s) may not %(permission)s"),
            name=actor.name,
            role=Term(actor.role),
            permission=Term(PERMISSION_NAMES.get(permission, permission.replace("_", " "))),
        )
    return actor


def _user_dict(user: UserAccount) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "has_token": bool(user.token_hash),
        "created_at": iso_utc(user.created_at),
    }


def _check(name: str, role: str, password: str | None) -> str:
    name = name.strip()
    if not name or len(name) > 100 or any(ch.isspace() for ch in name):
        raise InputError(N_("a user name is 1-100 characters without spaces"))
    if role not in ROLES:
        raise InputError(
            N_("role must be one of %(ROLES)s, not %(role)r"), ROLES=", ".join(ROLES), role=role
        )
    if password is not None and len(password) < MIN_PASSWORD:
        raise InputError(
            N_("a password needs at least %(MIN_PASSWORD)s characters"), MIN_PASSWORD=MIN_PASSWORD
        )
    return name


def has_accounts(settings: Settings) -> bool:
    """Whether any account exists (then the web requires a login)."""
    with Session(get_engine(settings.database_url)) as session:
        return bool(session.exec(select(func.count(col(UserAccount.id)))).one())


def add_user(
    settings: Settings, name: str, role: str, password: str, actor: Actor | None = None
) -> dict[str, Any]:
    """Create an account; a taken name is a conflict.  The first account must be an admin
    (otherwise nobody could manage the team once login is required)."""
    require(actor, "manage_users")
    name = _check(name, role, password)
    if role != "admin" and not has_accounts(settings):
        raise InputError(N_("the first account must be an admin (--role admin)"))
    try:
        with session_scope(get_engine(settings.database_url)) as session:
            user = UserAccount(name=name, role=role, password_hash=generate_password_hash(password))
            session.add(user)
            session.flush()
            return _user_dict(user)
    except IntegrityError as exc:
        raise ConflictError(N_("a user named %(name)r already exists"), name=name) from exc


def list_users(settings: Settings) -> list[dict[str, Any]]:
    """Every account, by name."""
    with Session(get_engine(settings.database_url)) as session:
        users = session.exec(select(UserAccount).order_by(col(UserAccount.name))).all()
        return [_user_dict(u) for u in users]


def _get(session: Session, name: str) -> UserAccount:
    user = session.exec(select(UserAccount).where(UserAccount.name == name)).first()
    if user is None:
        raise NotFoundError(N_("no user named %(name)r"), name=name)
    return user


def _last_admin(session: Session, user: UserAccount) -> bool:
    admins = session.exec(
        select(func.count(col(UserAccount.id))).where(UserAccount.role == "admin")
    )
    return user.role == "admin" and admins.one() <= 1


def update_user(
    settings: Settings,
    name: str,
    *,
    role: str | None = None,
    password: str | None = None,
    actor: Actor | None = None,
) -> dict[str, Any]:
    """Change a user's role and/or password (the last admin stays an admin)."""
    require(actor, "manage_users")
    with session_scope(get_engine(settings.database_url)) as session:
        user = _get(session, name)
        _check(user.name, role or user.role, password)
        if role and role != "admin" and _last_admin(session, user):
            raise ConflictError(
                N_("%(name)s is the last admin; make another admin first"), name=name
            )
        if role:
            user.role = role
        if password:
            user.password_hash = generate_password_hash(password)
        session.add(user)
        session.flush()
        return _user_dict(user)


def delete_user(settings: Settings, name: str, actor: Actor | None = None) -> None:
    """Remove an account (its revisions keep the author's name).

    The last admin cannot be removed: without accounts the workbench would fall
    back to open single-user mode, and with accounts but no admin nobody could
    manage them.
    """
    require(actor, "manage_users")
    with session_scope(get_engine(settings.database_url)) as session:
        user = _get(session, name)
        if _last_admin(session, user):
            raise ConflictError(N_("%(name)s is the last admin and cannot be removed"), name=name)
        session.delete(user)


def authenticate(settings: Settings, name: str, password: str) -> Actor:
    """The actor for a correct name and password, else ``AuthError`` (same message for both)."""
    with Session(get_engine(settings.database_url)) as session:
        user = session.exec(select(UserAccount).where(UserAccount.name == name.strip())).first()
        stored = user.password_hash if user else _dummy_hash()  # same work either way
        if not check_password_hash(stored, password) or user is None:
            raise AuthError(N_("wrong user name or password"))
        return Actor(user.name, user.role)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to check against for unknown names, so timing does not reveal which exist."""
    return generate_password_hash(secrets.token_hex(16))


def actor_named(settings: Settings, name: str) -> Actor | None:
    """The current actor for a session's user name (``None`` once the account is gone)."""
    with Session(get_engine(settings.database_url)) as session:
        user = session.exec(select(UserAccount).where(UserAccount.name == name)).first()
        return Actor(user.name, user.role) if user else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(settings: Settings, name: str, actor: Actor | None = None) -> str:
    """A fresh API token for ``name`` (replaces any previous one); shown only now.

    Admins may issue tokens for anyone, everyone else only for themselves."""
    if actor is not None and actor.name != name:
        require(actor, "manage_users")
    token = "wb_" + secrets.token_urlsafe(32)
    with session_scope(get_engine(settings.database_url)) as session:
        user = _get(session, name)
        user.token_hash = _digest(token)
        session.add(user)
    return token


def actor_for_token(settings: Settings, token: str) -> Actor:
    """The actor owning an API token, else ``AuthError``."""
    with Session(get_engine(settings.database_url)) as session:
        user = session.exec(
            select(UserAccount).where(UserAccount.token_hash == _digest(token))
        ).first()
        if user is None:
            raise AuthError(N_("unknown API token"))
        return Actor(user.name, user.role)


LOOPBACK_HOSTS = {"localhost", "ip6-localhost", "::1", "[::1]"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    host = host.strip().lower()
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_serving(settings: Settings, host: str, no_auth: bool) -> str | None:
    """Refuse to expose editing to a network without accounts; the warning for ``--no-auth``.

    Loopback needs nothing (the single local user); any other interface needs at
    least one account, or an explicit ``no_auth``, which is answered with a warning.
    """
    if is_loopback(host) or has_accounts(settings):
        return None
    if not no_auth:
        raise ForbiddenError(
            N_(
                "refusing to serve on %(host)s without any account: anyone on the "
                "network could edit and approve. Add one with `workbench users add "
                "NAME --role admin`, or pass --no-auth to serve without login anyway"
            ),
            host=host,
        )
    return (
        f"Warning: serving on {host} WITHOUT authentication (--no-auth): anyone who can reach "
        "this port can edit, approve and manage glossaries"
    )
