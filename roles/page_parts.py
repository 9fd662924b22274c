"""The role page's heavy parts, rendered once per catalogue state and language.

The head (title, names, badges) and the body (tasks, competencies, relations,
definition, sources, last change) hold nothing personal, so they are cached
(core.caching); the tools between them (edit link, compare form) are rendered for
each request. Both read the role's ``RoleData`` (the read model). An old revision
uses the same templates, uncached.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.caching import FRAGMENT_SECONDS, fragment_key
from roles import selectors
from roles.models import Role
from roles.models.proposals import OPEN_STATES
from roles.revisions import history
from roles.selectors import RolePage


@dataclass(frozen=True)
class RoleParts:
    head: SafeString
    body: SafeString


def render_role_parts(page: RolePage, latest=None, show_last_change=True):
    context = {
        "role": page.data,
        "role_page": page,
        "latest": latest,
        "show_last_change": show_last_change,
    }
    return RoleParts(
        mark_safe(render_to_string("roles/includes/role_head.html", context)),  # noqa: S308
        mark_safe(render_to_string("roles/includes/role_body.html", context)),  # noqa: S308
    )


ROLE_ROW = ("slug", "title", "is_protected", "status", "summary")
"""What the role page needs beside its cached parts: title, description, edit right."""


def current_role_page(slug: str) -> tuple[Role, RoleParts]:
    """The role (only what the page needs beyond its parts, with its count of
    open proposals) and the current page's parts: from the cache while the
    catalogue has not changed, else rendered from the read model and stored.
    Raises Http404 for an unknown slug."""
    pending = Count("proposals", filter=Q(proposals__state__in=OPEN_STATES))
    rows = Role.objects.only(*ROLE_ROW).annotate(pending_proposals=pending)
    role = get_object_or_404(rows, slug=slug)
    key = fragment_key("role", slug)
    parts = cache.get(key)
    if parts is None:
        page = selectors.current_role_page(slug)
        latest = history.versions_of(role).first()
        parts = render_role_parts(page, latest)
        cache.set(key, parts, FRAGMENT_SECONDS)
    return role, parts
