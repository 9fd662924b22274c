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
from roles.page_parts import render_role_parts
from roles.proposal_models import ProposalState
from roles.proposals import ProposalRefused, open_proposal_of, submit
from roles.renamed import follow_renamed_slug
from roles.revisions import history
from roles.revisions.diffs import diff_snapshots
from roles.revisions.snapshots import snapshot_of
from roles.selectors import profile_from_snapshot
from roles.services import (
    UNCHANGED,
    EditConflict,
    check_snapshot,
    create_role,
    plan_revert,
    revert_role,
    submit_role_edit,
)

SUCCESS_MESSAGES = {
    "saved": gettext_lazy("Ihre Änderungen sind gespeichert."),
    "merged": gettext_lazy(
        "Während Sie bearbeitet haben, hat jemand anderes gespeichert. Die Änderungen "
        "berührten sich nicht und wurden zusammengeführt."
    ),
    "duplicate": gettext_lazy("Diese Änderungen waren bereits gespeichert."),
    "unchanged": NOTHING_CHANGED,
}
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
    try:
        role = create_role(
            snapshot=editor.snapshot(None), user=request.user,
            comment=editor.edit_summary(),
        )  # fmt: skip
    except (ValidationError, IntegrityError) as error:
        _show_refusal(editor, error)
        return _render_form(request, None, editor, status=400)
    messages.success(request, _("Die Rolle ist angelegt."))
    return redirect(role)


@require_http_methods(FORM_METHODS)
@permissions.login_for_reading_else_403
@follow_renamed_slug
def role_edit(request: HttpRequest, slug: str) -> HttpResponse:
    role = Role.objects.filter(slug=slug).first()
    if role is None and request.method == "POST":
        return _render_deleted(request)
    role = role or get_object_or_404(Role, slug=slug)
    user = request.user
    # Whoever has an open proposal on the role goes on with it (a draft sent to
    # review, too); otherwise only reviewed or protected roles take proposals.
    own = open_proposal_of(user, role) if user.is_authenticated else None
    proposing = own is not None or permissions.needs_review(user, role)
    permissions.require(
        permissions.can_propose(user, role)
        if proposing
        else permissions.can_edit_role(user, role)
    )
    can_protect = permissions.can_protect(user)
    extra = {"proposing": proposing, "own_proposal": own}
    if request.method != "POST":
        if own is not None and own.state != ProposalState.NEEDS_AUTHOR:
            # The person goes on with their open proposal, on its base.
            editor = RoleEditor.unbound(
                role, own.proposed, can_protect=can_protect, base=own.base,
                base_number=own.base_number,
            )  # fmt: skip
        else:
            editor = RoleEditor.unbound(
                role, snapshot_of(role), can_protect=can_protect
            )
        return _render_form(request, role, editor, extra=extra)
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
        return _render_form(request, role, editor, status=400, extra=extra)
    if not editor.is_valid():
        return _render_form(request, role, editor, status=400, extra=extra)
    if proposing or editor.for_review():
        return _propose(request, role, editor, base, base_number, extra)
    try:
        outcome = submit_role_edit(
            role=role, mine=editor.snapshot(base), base=base, base_number=base_number,
            user=request.user, comment=editor.edit_summary(),
        )  # fmt: skip
    except (ValidationError, IntegrityError) as error:
        _show_refusal(editor, error)
        return _render_form(request, role, editor, status=400)
    if outcome.succeeded:
        level = messages.INFO if outcome.status == UNCHANGED else messages.SUCCESS
        messages.add_message(request, level, SUCCESS_MESSAGES[outcome.status])
        return redirect(outcome.role)
    return _render_conflict(request, outcome, base)


def _propose(request, role: Role, editor: RoleEditor, base, base_number: int, extra):
    """A save on a reviewed or protected role: a proposal, checked like a save."""
    mine = editor.snapshot(base)
    if mine == base and extra["own_proposal"] is None and not editor.for_review():
        messages.info(request, NOTHING_CHANGED)
        return redirect(role)
    try:
        check_snapshot(role, mine)
        proposal = submit(
            role=role, proposed=mine, base=base, base_number=base_number,
            user=request.user, summary=editor.edit_summary(),
        )  # fmt: skip
    except ValidationError as error:
        _show_refusal(editor, error)
        return _render_form(request, role, editor, status=400, extra=extra)
    except ProposalRefused as refused:
        editor.form.add_error("edit_summary", refused.message)
        return _render_form(request, role, editor, status=400, extra=extra)
    messages.success(
        request,
        _("Ihr Vorschlag ist eingereicht. Alle lesen weiter die geprüfte Fassung, "
          "bis jemand aus der Pflege ihn annimmt."),
    )  # fmt: skip
    return redirect(proposal)


def _show_refusal(editor: RoleEditor, error: Exception) -> None:
    """A rule the service refused (a race the form could not see): say what."""
    if isinstance(error, ValidationError):
        add_service_errors(editor.form, error)
    else:
        editor.form.add_error("slug", _("Dieser Kurzname ist schon vergeben."))


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
    profile = profile_from_snapshot(
        role,
        history.snapshot_at(version),
        definition_html=version.field_dict.get("definition_html"),
    )
    context = {
        "role": profile.role,
        "parts": render_role_parts(profile, show_last_change=False),
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
