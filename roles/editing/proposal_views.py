"""Proposals: the review queue, one proposal with its proposed version and diff,
and the maintainers' decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roles import permissions
from roles.models.proposals import (
    COMMENT_MAX_LENGTH,
    OPEN_STATES,
    ChangeProposal,
    ProposalState,
)
from roles.page_parts import render_role_parts
from roles.revisions.diffs import diff_snapshots
from roles.revisions.snapshots import snapshot_of
from roles.selectors import page_from_snapshot
from roles.services.proposals import DECISIONS, ProposalRefused, decide, rebase_if_stale

QUEUE_PAGE_SIZE = 30


def _may_read_proposals(user) -> bool:
    return user.has_perm("roles.change_role") or permissions.can_review(user)


@require_safe
@permissions.login_for_reading_else_403
def queue(request: HttpRequest) -> HttpResponse:
    """Open proposals, oldest first: what waits longest is reviewed first."""
    permissions.require(_may_read_proposals(request.user))
    proposals = (
        ChangeProposal.objects.filter(state__in=OPEN_STATES)
        .select_related("role", "author")
        .order_by("created_at", "pk")
    )
    page = Paginator(proposals, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "roles/proposal_queue.html", {"page": page})


@require_safe
@permissions.login_for_reading_else_403
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(_may_read_proposals(request.user))
    proposal = get_object_or_404(
        ChangeProposal.objects.select_related("role", "author", "decided_by"), pk=pk
    )
    proposal = rebase_if_stale(proposal)
    return render(request, "roles/proposal_detail.html", _context(request, proposal))


def _context(request: HttpRequest, proposal: ChangeProposal, **extra) -> dict:
    role = proposal.role
    user = request.user
    context = {
        "proposal": proposal,
        "role": role,
        "events": list(proposal.events.select_related("actor")),
        "diff": diff_snapshots(proposal.base, proposal.proposed),
        "can_decide": proposal.is_open and permissions.can_review(user),
        "is_author": proposal.author_id == user.pk,
        "decisions": DECISIONS,
        "comment": "",
        **extra,
    }
    if role is not None:
        shown = page_from_snapshot(role, proposal.proposed)
        parts = render_role_parts(shown, show_last_change=False)
        # Inside this page the role's title is a sub-heading, not a second h1.
        head = parts.head.replace("<h1", "<h3", 1).replace("</h1>", "</h3>", 1)
        context["parts"] = {"head": mark_safe(head), "body": parts.body}  # noqa: S308
        context["current_differs"] = snapshot_of(role) != proposal.base
    return context


@require_POST
@permissions.login_for_reading_else_403
def review(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(permissions.can_review(request.user))
    proposal = get_object_or_404(ChangeProposal.objects.select_related("role"), pk=pk)
    decision = request.POST.get("decision", "")
    comment = request.POST.get("comment", "")
    if len(comment) > COMMENT_MAX_LENGTH:
        message = _("Der Kommentar hat %(length)s Zeichen; erlaubt sind %(max)s.") % {
            "length": f"{len(comment):,}".replace(",", "."),
            "max": "5.000",
        }
        context = _context(
            request, proposal, error=message, comment=comment[:COMMENT_MAX_LENGTH]
        )
        return render(request, "roles/proposal_detail.html", context, status=400)
    try:
        seen = int(request.POST.get("pushes", ""))
    except ValueError:
        seen = -1
    # The state the reviewer saw: of decisions sent together, only one applies.
    seen_state = request.POST.get("state") or ProposalState.OPEN
    try:
        proposal = decide(
            proposal,
            decision=decision,
            user=request.user,
            comment=comment,
            seen_pushes=seen,
            seen_state=seen_state,
        )
    except ProposalRefused as refused:
        proposal.refresh_from_db()
        context = _context(request, proposal, error=refused.message, comment=comment)
        return render(request, "roles/proposal_detail.html", context, status=409)
    messages.success(
        request, _("Entschieden: %(state)s.") % {"state": proposal.get_state_display()}
    )
    return redirect(proposal)
