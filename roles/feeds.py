"""Atom feeds (RFC 4287): the wiki's recent changes, and one role's history.

Everything in a feed that people typed (edit summaries, a proposal's reason, role
titles) goes out as ``type="text"``: a feed reader shows it as text and never
renders it as HTML. Entry ids are ``tag:`` URIs (RFC 4151) that stay the same for
a revision whatever host name the feed is read under; every entry has an author.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from roles.models import Role
from roles.revisions import history

ENTRIES = 50


class PlainTextAtomFeed(Atom1Feed):
    """Django's Atom writer, but summaries are text, not HTML (its default)."""

    def add_item_elements(self, handler, item) -> None:
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


def entry_id(revision, kind: str, number: int) -> str:
    """tag:<site host>,<day of the revision>:<kind>-<number>: stable and unique."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    day = revision.date_created.date().isoformat()
    return f"tag:{host},{day}:berufsbild/{kind}-{number}"


def author_name(user) -> str:
    """The editor's display name, or the catalogue shipped with the app."""
    if user is None:
        return _("mitgelieferter Katalog")
    return user.get_full_name() or user.get_username()


class WikiFeed(Feed):
    feed_type = PlainTextAtomFeed
    author_name = "Berufsbild"


class RecentChangesFeed(WikiFeed):
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
        return entry_id(change.revision, "revision", change.revision.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.revision.date_created

    def item_updateddate(self, change):
        return change.revision.date_created

    def item_author_name(self, change) -> str:
        return author_name(change.revision.user)


class RoleHistoryFeed(WikiFeed):
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
        return _("Fassung von %(name)s") % {"name": author_name(item[1].revision.user)}

    def item_link(self, item) -> str:
        slug, version = item
        return reverse("roles:revision", args=[slug, version.pk])

    def item_guid(self, item) -> str:
        version = item[1]
        return entry_id(version.revision, "version", version.pk)

    item_guid_is_permalink = False

    def item_author_name(self, item) -> str:
        return author_name(item[1].revision.user)

    def item_pubdate(self, item):
        return item[1].revision.date_created

    def item_updateddate(self, item):
        return item[1].revision.date_created
