"""The role page's heavy parts, rendered once per catalogue state and language.

The head (title, names, badges) and the body (tasks, competencies, relations,
definition, sources, last change) hold nothing personal, so they are cached
(roles.caching); the tools between them (edit link, compare form) are rendered for
each request. An old revision uses the same templates, uncached.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from roles import selectors
from roles.caching import FRAGMENT_SECONDS, fragment_key
from roles.models import Role
from roles.proposal_models import OPEN_STATES
from roles.revisions import history
from roles.selectors import RoleProfile


@dataclass(frozen=True)
class RoleParts:
    head: SafeString
    body: SafeString


def render_role_parts(profile: RoleProfile, latest=None, show_last_change=True):
    context = {
        "role": profile.role,
        "profile": profile,
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
    """The role (only what the page needs beyond its parts) and the current
    page's parts: from the cache while the catalogue has not changed, else
    rendered and stored. Raises Http404 for an unknown slug."""
    key = fragment_key("role", slug)
    parts = cache.get(key)
    if parts is not None:
        # The open proposals are counted with the row: a warm page asks twice.
        pending = Count("proposals", filter=Q(proposals__state__in=OPEN_STATES))
        rows = Role.objects.only(*ROLE_ROW).annotate(pending_proposals=pending)
        return get_object_or_404(rows, slug=slug), parts
    profile = selectors.role_profile(slug)
    latest = history.versions_of(profile.role).select_related("revision__user").first()
    parts = render_role_parts(profile, latest)
    cache.set(key, parts, FRAGMENT_SECONDS)
    return profile.role, parts
