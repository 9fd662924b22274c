"""Writing to the wiki: create and edit roles, read history and diffs, revert."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from roles import permissions
from roles.editing.editor import RoleEditor
from roles.models import Role
from roles.revisions import history
from roles.revisions.diffs import diff_snapshots
from roles.revisions.snapshots import snapshot_of
from roles.selectors import profile_from_snapshot
from roles.services import create_role, revert_role, submit_role_edit

SUCCESS_MESSAGES = {
    "saved": gettext_lazy("Ihre Änderungen sind gespeichert."),
    "merged": gettext_lazy(
        "Während Sie bearbeitet haben, hat jemand anderes gespeichert. Die Änderungen "
        "berührten sich nicht und wurden zusammengeführt."
    ),
    "duplicate": gettext_lazy("Diese Änderungen waren bereits gespeichert."),
}


@permissions.login_for_reading_else_403
def role_create(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user.has_perm("roles.add_role"))
    can_protect = permissions.can_protect(request.user)
    if request.method != "POST":
        editor = RoleEditor.unbound(None, None, can_protect=can_protect)
        return _render_form(request, None, editor)
    editor = RoleEditor.bound(request.POST, None, can_protect=can_protect)
    if not editor.is_valid():
        return _render_form(request, None, editor, status=400)
    role = create_role(
        snapshot=editor.snapshot(None), user=request.user, comment=editor.edit_summary()
    )
    messages.success(request, _("Die Rolle ist angelegt."))
    return redirect(role)


@permissions.login_for_reading_else_403
def role_edit(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    permissions.require(permissions.can_edit_role(request.user, role))
    can_protect = permissions.can_protect(request.user)
    if request.method != "POST":
        editor = RoleEditor.unbound(role, snapshot_of(role), can_protect=can_protect)
        return _render_form(request, role, editor)
    editor = RoleEditor.bound(request.POST, role, can_protect=can_protect)
    base, base_number = editor.base(), editor.base_number()
    if base is None or base_number is None:
        editor.form.add_error(
            None,
            _(
                "Das Formular ist unvollständig. Bitte laden Sie die Seite neu; "
                "Ihr Text steht unten zum Kopieren bereit."
            ),
        )
        return _render_form(request, role, editor, status=400)
    if not editor.is_valid():
        return _render_form(request, role, editor, status=400)
    try:
        outcome = submit_role_edit(
            role=role, mine=editor.snapshot(base), base=base, base_number=base_number,
            user=request.user, comment=editor.edit_summary(),
        )  # fmt: skip
    except IntegrityError:
        editor.form.add_error("slug", _("Dieser Kurzname ist schon vergeben."))
        return _render_form(request, role, editor, status=400)
    if outcome.succeeded:
        messages.success(request, SUCCESS_MESSAGES[outcome.status])
        return redirect(outcome.role)
    return _render_conflict(request, outcome, base)


def _render_conflict(request: HttpRequest, outcome, base) -> HttpResponse:
    """The form again with what the person typed, now based on the newer revision."""
    role = outcome.role
    data = request.POST.copy()
    fresh = RoleEditor.unbound(role, outcome.theirs, can_protect=False).form
    data["base_number"] = fresh.initial["base_number"]
    data["base_state"] = fresh.initial["base_state"]
    editor = RoleEditor.bound(
        data, role, can_protect=permissions.can_protect(request.user)
    )
    editor.is_valid()
    latest = history.versions_of(role).first()
    context = {
        "conflict": True,
        "their_changes": diff_snapshots(base, outcome.theirs),
        "conflict_count": len(outcome.conflicts),
        "other_user": latest.revision.user if latest else None,
    }
    return _render_form(request, role, editor, status=409, extra=context)


def _render_form(
    request, role, editor, *, status: int = 200, extra=None
) -> HttpResponse:
    context = {"role": role, "editor": editor, "form": editor.form, **(extra or {})}
    return render(request, "roles/role_form.html", context, status=status)


def role_history(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    context = {
        "role": role,
        "versions": list(history.versions_of(role)),
        "can_revert": permissions.can_revert_role(request.user, role),
    }
    return render(request, "roles/role_history.html", context)


def role_revision(request: HttpRequest, slug: str, version_id: int) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    version = history.version_of(role, version_id)
    context = {
        "profile": profile_from_snapshot(
            role,
            history.snapshot_at(version),
            definition_html=version.field_dict.get("definition_html"),
        ),
        "version": version,
        "can_revert": permissions.can_revert_role(request.user, role),
    }
    return render(request, "roles/role_revision.html", context)


def role_diff(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    old = history.version_of(role, request.GET.get("from"))
    new = history.version_of(role, request.GET.get("to"))
    diff = diff_snapshots(history.snapshot_at(old), history.snapshot_at(new))
    context = {"role": role, "old": old, "new": new, "diff": diff}
    return render(request, "roles/role_diff.html", context)


@require_POST
@permissions.login_for_reading_else_403
def role_revert(request: HttpRequest, slug: str, version_id: int) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    permissions.require(permissions.can_revert_role(request.user, role))
    version = history.version_of(role, version_id)
    try:
        dropped = revert_role(
            role=role, version=version, base_number=role.revision_number,
            user=request.user,
        )  # fmt: skip
    except IntegrityError:
        messages.error(
            request,
            _("Zurücksetzen nicht möglich: Der alte Kurzname ist inzwischen vergeben."),
        )
        return redirect("roles:history", slug=role.slug)
    messages.success(
        request, _("Die Rolle ist auf die gewählte Fassung zurückgesetzt.")
    )
    for note in dropped:
        messages.warning(request, note)
    return redirect(role)
