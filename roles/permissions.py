"""Who may write what. Checked on every write, in views and for every method."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from roles.models import Role


def can_edit_role(user, role: Role) -> bool:
    if not user.has_perm("roles.change_role"):
        return False
    return not role.is_protected or user.has_perm("roles.protect_role")


def can_revert_role(user, role: Role) -> bool:
    return user.has_perm("roles.revert_role") and can_edit_role(user, role)


def can_protect(user) -> bool:
    return user.has_perm("roles.protect_role")


def can_review(user) -> bool:
    """Maintainers decide on proposals (and their own saves need no review)."""
    return user.has_perm("roles.review_proposal")


def can_propose(user, role: Role) -> bool:
    """Editors may propose changes to any role, protected ones included."""
    return user.has_perm("roles.change_role")


def needs_review(user, role: Role) -> bool:
    """A save by this person on this role becomes a proposal: the role is
    reviewed or protected, and the person is no reviewer."""
    from roles.choices import Status

    reviewed = role.status == Status.REVIEWED or role.is_protected
    return reviewed and not can_review(user)


def login_for_reading_else_403(view: Callable) -> Callable:
    """Anonymous GETs are sent to the login page; anonymous writes get a 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.method in ("GET", "HEAD"):
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
