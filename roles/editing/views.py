"""Writing to the wiki: create and edit roles, read history and diffs, revert."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from roles import permissions
from roles.editing.editor import RoleEditor
from roles.editing.forms import NOTHING_CHANGED, add_service_errors
from roles.models import Role
from roles.models.proposals import ProposalState
from roles.page_parts import render_role_parts
from roles.renamed import follow_renamed_slug
from roles.revisions import history
from roles.revisions.diffs import diff_snapshots
from roles.revisions.snapshots import snapshot_of
from roles.selectors import page_from_snapshot
from roles.services import (
    UNCHANGED,
    EditConflict,
    plan_revert,
    revert_role,
)
from roles.services.submissions import (
    Outcome,
    SubmitResult,
    edit_mode,
    save_new_role,
    save_submission,
)

SUCCESS_MESSAGES = {
    Outcome.SAVED: gettext_lazy("Ihre Änderungen sind gespeichert."),
    Outcome.MERGED: gettext_lazy(
        "Während Sie bearbeitet haben, hat jemand anderes gespeichert. Die Änderungen "
        "berührten sich nicht und wurden zusammengeführt."
    ),
    Outcome.DUPLICATE: gettext_lazy("Diese Änderungen waren bereits gespeichert."),
    Outcome.UNCHANGED: NOTHING_CHANGED,
}
PROPOSED_MESSAGE = gettext_lazy(
    "Ihr Vorschlag ist eingereicht. Alle lesen weiter die geprüfte Fassung, "
    "bis jemand aus der Pflege ihn annimmt."
)
FORM_METHODS = ["GET", "HEAD", "POST"]


@require_http_methods(FORM_METHODS)
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
    result = save_new_role(
        user=request.user,
        snapshot=editor.snapshot(None),
        comment=editor.edit_summary(),
    )
    if result.outcome == Outcome.REFUSED:
        add_service_errors(editor.form, result.refusal)
        return _render_form(request, None, editor, status=400)
    messages.success(request, _("Die Rolle ist angelegt."))
    return redirect(result.role)


@require_http_methods(FORM_METHODS)
@permissions.login_for_reading_else_403
@follow_renamed_slug
def role_edit(request: HttpRequest, slug: str) -> HttpResponse:
    role = Role.objects.filter(slug=slug).first()
    if role is None and request.method == "POST":
        return _render_deleted(request)
    role = role or get_object_or_404(Role, slug=slug)
    mode = edit_mode(request.user, role)
    permissions.require(mode.allowed)
    extra = {"proposing": mode.proposing, "own_proposal": mode.own_proposal}
    can_protect = permissions.can_protect(request.user)
    if request.method != "POST":
        editor = _editor_for(role, mode.own_proposal, can_protect)
        return _render_form(request, role, editor, extra=extra)
    editor = RoleEditor.bound(request.POST, role, can_protect=can_protect)
    submitted = editor.submitted()
    if submitted is None:
        return _render_form(request, role, editor, status=400, extra=extra)
    result = save_submission(role=role, user=request.user, submitted=submitted)
    return _render_result(request, editor, result, extra)


def _editor_for(role: Role, own, can_protect: bool) -> RoleEditor:
    """The form on the role's current state, or on the person's open proposal
    (on its base) unless that waits for them to resolve a collision."""
    if own is not None and own.state != ProposalState.NEEDS_AUTHOR:
        return RoleEditor.unbound(
            role,
            own.proposed,
            can_protect=can_protect,
            base=own.base,
            base_number=own.base_number,
        )
    return RoleEditor.unbound(role, snapshot_of(role), can_protect=can_protect)


def _render_result(request, editor: RoleEditor, result: SubmitResult, extra):
    """What the service decided, as a page: a redirect with a message, the
    conflict form, or the form with the reason it was refused."""
    if result.outcome == Outcome.REFUSED:
        add_service_errors(editor.form, result.refusal)
        return _render_form(request, result.role, editor, status=400, extra=extra)
    if result.outcome == Outcome.CONFLICT:
        return _render_conflict(request, result, editor.base())
    if result.outcome == Outcome.PROPOSED:
        messages.success(request, PROPOSED_MESSAGE)
        return redirect(result.proposal)
    level = messages.INFO if result.outcome == Outcome.UNCHANGED else messages.SUCCESS
    messages.add_message(request, level, SUCCESS_MESSAGES[result.outcome])
    return redirect(result.role)


def _render_deleted(request: HttpRequest) -> HttpResponse:
    """The role was deleted while being edited: keep the text, offer a new role."""
    can_protect = permissions.can_protect(request.user)
    editor = RoleEditor.bound(request.POST, None, can_protect=can_protect)
    editor.is_valid()
    context = {"deleted": True, "can_create": request.user.has_perm("roles.add_role")}
    return _render_form(request, None, editor, status=410, extra=context)


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


@require_safe
@follow_renamed_slug
def role_history(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    context = {
        "role": role,
        "versions": list(history.versions_of(role)),
        "can_revert": permissions.can_revert_role(request.user, role),
        "proposals": list(
            role.proposals.select_related("author", "decided_by").order_by("-pk")[:50]
        ),
        "sees_proposals": request.user.has_perm("roles.change_role"),
    }
    return render(request, "roles/role_history.html", context)


@require_safe
@follow_renamed_slug
def role_revision(request: HttpRequest, slug: str, version_id: int) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    version = history.version_of(role, version_id)
    page = page_from_snapshot(
        role,
        history.snapshot_at(version),
        definition_html=version.field_dict.get("definition_html"),
    )
    context = {
        "role": page.data,
        "parts": render_role_parts(page, show_last_change=False),
        "version": version,
        "can_revert": permissions.can_revert_role(request.user, role),
    }
    return render(request, "roles/role_revision.html", context)


@require_safe
@follow_renamed_slug
def role_diff(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    old = history.version_of(role, request.GET.get("from"))
    new = history.version_of(role, request.GET.get("to"))
    diff = diff_snapshots(history.snapshot_at(old), history.snapshot_at(new))
    context = {"role": role, "old": old, "new": new, "diff": diff}
    return render(request, "roles/role_diff.html", context)


@require_http_methods(FORM_METHODS)
@permissions.login_for_reading_else_403
@follow_renamed_slug
def role_revert(request: HttpRequest, slug: str, version_id: int) -> HttpResponse:
    """GET: what reverting would change; POST (from that page): revert, if nobody
    saved since the page was shown."""
    role = get_object_or_404(Role, slug=slug)
    permissions.require(permissions.can_revert_role(request.user, role))
    version = history.version_of(role, version_id)
    if request.method != "POST":
        return _render_revert(request, role, version)
    try:
        base_number = int(request.POST.get("base_number", ""))
    except ValueError:
        return _render_revert(request, role, version, status=400)
    try:
        status, dropped = revert_role(
            role=role, version=version, base_number=base_number, user=request.user
        )
    except EditConflict:
        role.refresh_from_db()
        return _render_revert(request, role, version, status=409)
    except (ValidationError, IntegrityError):
        messages.error(
            request,
            _("Zurücksetzen nicht möglich: Der alte Kurzname ist inzwischen vergeben."),
        )
        return redirect("roles:history", slug=role.slug)
    if status == UNCHANGED:
        messages.info(request, NOTHING_CHANGED)
    else:
        messages.success(
            request, _("Die Rolle ist auf die gewählte Fassung zurückgesetzt.")
        )
    for note in dropped:
        messages.warning(request, note)
    return redirect(role)


def _render_revert(request, role: Role, version, *, status: int = 200):
    plan = plan_revert(role, version)
    context = {
        "role": role,
        "version": version,
        "diff": diff_snapshots(snapshot_of(role), plan.snapshot),
        "dropped": plan.dropped,
        "base_number": role.revision_number,
        "conflict": status == 409,
    }
    return render(request, "roles/role_revert.html", context, status=status)
