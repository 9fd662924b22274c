"""The discussion page of a role, its comment actions, following, and notices."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from discussions import services
from discussions.forms import CommentForm
from discussions.models import Comment, Follow, Notice
from roles import permissions
from roles.models import Role
from roles.models.proposals import ChangeProposal
from roles.permissions import can_review

THREADS_PER_PAGE = 20
NOTICES_PER_PAGE = 30


def _proposals_of(role: Role) -> list[tuple[int, str]]:
    rows = role.proposals.order_by("-pk").values_list("pk", "summary")[:30]
    return [(pk, f"#{pk}: {summary[:60]}") for pk, summary in rows]


def _page(request, role, form=None, reply_forms=None, status=200) -> HttpResponse:
    anchors = services.valid_anchors(role)
    threads = (
        Comment.objects.filter(role=role, parent=None)
        .select_related("author", "proposal")
        .prefetch_related(
            Prefetch("replies", queryset=Comment.objects.select_related("author"))
        )
        .order_by("-created_at", "-pk")
    )
    wanted = request.GET.get("vorschlag") or request.GET.get("proposal")
    if wanted and wanted.isdigit():
        threads = threads.filter(proposal_id=int(wanted))
    one = request.GET.get("thread", "")
    if one.isdigit():  # a link to a comment shows its thread alone
        threads = threads.filter(pk=int(one))
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    user = request.user
    if form is None and user.is_authenticated:
        initial = {"anchor": request.GET.get("zu", ""), "proposal": wanted}
        form = CommentForm(
            initial=initial, anchors=anchors.items(), proposals=_proposals_of(role)
        )
    context = {
        "role": role,
        "page": page,
        "form": form,
        "anchors": anchors,
        "reply_forms": reply_forms or {},
        "moderator": user.is_authenticated and can_review(user),
        "following": user.is_authenticated
        and Follow.objects.filter(user=user, role=role).exists(),
        "filtered_proposal": wanted if wanted and wanted.isdigit() else "",
        "one_thread": one.isdigit(),
    }
    return render(request, "discussions/role.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def role_discussion(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    if request.method != "POST":
        return _page(request, role)
    permissions.require(request.user.is_authenticated)
    form = CommentForm(
        request.POST,
        anchors=services.valid_anchors(role).items(),
        proposals=_proposals_of(role),
    )
    if not form.is_valid():
        return _page(request, role, form=form, status=400)
    proposal = None
    if form.cleaned_data.get("proposal"):
        proposal = ChangeProposal.objects.filter(
            pk=form.cleaned_data["proposal"]
        ).first()
    try:
        comment = services.post_comment(
            role=role,
            user=request.user,
            body=form.cleaned_data["body"],
            anchor=form.cleaned_data.get("anchor") or "",
            proposal=proposal,
        )
    except services.CommentRefused as refused:
        form.add_error("body", refused.message)
        return _page(request, role, form=form, status=400)
    return redirect(comment.get_absolute_url())


@require_POST
@permissions.login_for_reading_else_403
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = get_object_or_404(Comment.objects.select_related("role", "parent"), pk=pk)
    form = CommentForm(request.POST, reply=True)
    if form.is_valid():
        try:
            comment = services.post_comment(
                role=parent.role,
                user=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
            )
            return redirect(comment.get_absolute_url())
        except services.CommentRefused as refused:
            form.add_error("body", refused.message)
    thread = parent.parent_id or parent.pk
    return _page(request, parent.role, reply_forms={thread: form}, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@permissions.login_for_reading_else_403
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("role"), pk=pk)
    permissions.require(comment.author_id == request.user.pk and not comment.is_deleted)
    form = CommentForm(request.POST or None, reply=True, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(
                comment, user=request.user, body=form.cleaned_data["body"]
            )
            return redirect(comment.get_absolute_url())
        except services.CommentRefused as refused:
            form.add_error("body", refused.message)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "discussions/edit.html",
        {"comment": comment, "form": form},
        status=status,
    )


@require_POST
@permissions.login_for_reading_else_403
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("role"), pk=pk)
    try:
        services.delete_comment(comment, user=request.user)
    except services.CommentRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Ihr Kommentar ist gelöscht."))
    return redirect(comment.get_absolute_url())


@require_POST
@permissions.login_for_reading_else_403
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("role"), pk=pk)
    permissions.require(can_review(request.user))
    try:
        services.moderate(
            comment, user=request.user, action=request.POST.get("action", "")
        )
    except services.CommentRefused as refused:
        messages.error(request, refused.message)
    return redirect(comment.get_absolute_url())


@require_POST
@permissions.login_for_reading_else_403
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    following = services.toggle_follow(user=request.user, role=role)
    message = (
        _("Sie folgen „%(role)s“. Neues sehen Sie unter „Meine Hinweise“.")
        if following
        else _("Sie folgen „%(role)s“ nicht mehr.")
    )
    messages.success(request, message % {"role": role.title})
    target = request.POST.get("next", "")
    safe = target.startswith("/") and not target.startswith("//")
    return redirect(target if safe else role.get_absolute_url())


@require_safe
@permissions.login_for_reading_else_403
def notices(request: HttpRequest) -> HttpResponse:
    mine = Notice.objects.filter(user=request.user)
    page = Paginator(mine, NOTICES_PER_PAGE).get_page(request.GET.get("page"))
    unread = [n.pk for n in page.object_list if n.read_at is None]
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("role")
        .order_by("role__title")
    )
    context = {"page": page, "unread": set(unread), "follows": follows}
    response = render(request, "discussions/notices.html", context)
    Notice.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return response
