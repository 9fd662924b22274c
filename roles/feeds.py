"""Atom feeds: the wiki's recent changes, and one role's history.

Feed readers show titles and summaries as text; every value here is plain text
(Django's feed writer escapes it), never HTML from the wiki."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from roles.models import Role
from roles.revisions import history

ENTRIES = 50


class RecentChangesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Berufsbild: letzte Änderungen")

    def link(self) -> str:
        return reverse("pages:changes")

    def subtitle(self) -> str:
        return _("Jede gespeicherte Fassung einer Rolle, Aufgabe oder Kompetenz.")

    def items(self):
        return history.recent_changes(ENTRIES)

    def item_title(self, change) -> str:
        return change.title

    def item_description(self, change) -> str:
        return change.revision.get_comment() or _("ohne Zusammenfassung")

    def item_link(self, change) -> str:
        return change.url or reverse("pages:changes")

    def item_guid(self, change) -> str:
        return f"revision-{change.revision.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.revision.date_created

    def item_updateddate(self, change):
        return change.revision.date_created

    def item_author_name(self, change) -> str:
        user = change.revision.user
        return user.get_username() if user else _("mitgelieferter Katalog")


class RoleHistoryFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Role:
        return get_object_or_404(Role, slug=slug)

    def title(self, role: Role) -> str:
        return _("Versionsgeschichte: %(title)s") % {"title": role.title}

    def link(self, role: Role) -> str:
        return reverse("roles:history", args=[role.slug])

    def items(self, role: Role):
        # (slug, version): the feed object is shared by all requests, so each
        # item carries what its link needs.
        return [(role.slug, v) for v in history.versions_of(role)[:ENTRIES]]

    def item_title(self, item) -> str:
        return item[1].revision.get_comment() or _("ohne Zusammenfassung")

    def item_description(self, item) -> str:
        user = item[1].revision.user
        name = user.get_username() if user else _("mitgelieferter Katalog")
        return _("Fassung von %(name)s") % {"name": name}

    def item_link(self, item) -> str:
        slug, version = item
        return reverse("roles:revision", args=[slug, version.pk])

    def item_pubdate(self, item):
        return item[1].revision.date_created

    def item_updateddate(self, item):
        return item[1].revision.date_created
