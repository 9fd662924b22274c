"""The admin: accounts for the maintainers, and a read-only look at the wiki.

Roles, tasks, competencies and their assignments are read-only here, with a link to
the wiki editor. The editor is the one door that writes them (through the services:
validation, compare-and-swap, one revision, conflict page with nothing lost);
a second, weaker editing door in the admin would have to repeat all of it and
would drift. Accounts are managed here, but no maintainer can hand out superuser
status or single permissions, nor raise their own rights.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from roles.models import (
    Competency,
    Role,
    RoleClassification,
    RoleCompetency,
    RoleOldSlug,
    RoleRelation,
    RoleTask,
    Task,
)
from roles.services.accounts import make_maintainers_staff

EDITOR_GROUPS = ("Redaktion", "Pflege")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows entries; writing them is the wiki editor's job."""

    wiki_edit_url_name = ""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("im Wiki bearbeiten"))
    def wiki_link(self, obj) -> str:
        url = reverse(self.wiki_edit_url_name, args=[self._wiki_slug(obj)])
        return format_html('<a href="{}">{}</a>', url, _("im Wiki bearbeiten"))

    def _wiki_slug(self, obj) -> str:
        return obj.slug


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class RoleTaskInline(ReadOnlyInline):
    model = RoleTask


class RoleCompetencyInline(ReadOnlyInline):
    model = RoleCompetency


class RoleRelationInline(ReadOnlyInline):
    model = RoleRelation
    fk_name = "from_role"


class RoleClassificationInline(ReadOnlyInline):
    model = RoleClassification


@admin.register(Role)
class RoleAdmin(ReadOnlyAdmin):
    wiki_edit_url_name = "roles:edit"
    list_display = [
        "title",
        "family",
        "seniority",
        "status",
        "is_protected",
        "updated_at",
        "wiki_link",
    ]
    list_filter = ["family", "seniority", "status", "is_protected"]
    search_fields = ["title", "aliases", "summary"]
    inlines = [
        RoleTaskInline,
        RoleCompetencyInline,
        RoleRelationInline,
        RoleClassificationInline,
    ]


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    wiki_edit_url_name = "roles:task_edit"
    list_display = ["name", "plain_name", "area", "wiki_link"]
    list_filter = ["area"]
    search_fields = ["name", "plain_name", "description"]


@admin.register(Competency)
class CompetencyAdmin(ReadOnlyAdmin):
    wiki_edit_url_name = "roles:competency_edit"
    list_display = ["name", "plain_name", "kind", "wiki_link"]
    list_filter = ["kind"]
    search_fields = ["name", "plain_name", "description"]


class AssignmentAdmin(ReadOnlyAdmin):
    wiki_edit_url_name = "roles:edit"

    def _wiki_slug(self, obj) -> str:
        return obj.role.slug


@admin.register(RoleTask)
class RoleTaskAdmin(AssignmentAdmin):
    list_display = ["role", "task", "responsibility", "is_illustrative", "wiki_link"]
    list_filter = ["responsibility", "role"]
    list_select_related = ["role", "task"]


@admin.register(RoleCompetency)
class RoleCompetencyAdmin(AssignmentAdmin):
    list_display = ["role", "competency", "level", "is_essential", "wiki_link"]
    list_filter = ["level", "role"]
    list_select_related = ["role", "competency"]


@admin.register(RoleRelation)
class RoleRelationAdmin(ReadOnlyAdmin):
    wiki_edit_url_name = "roles:edit"
    list_display = ["from_role", "kind", "to_role", "wiki_link"]
    list_filter = ["kind"]
    list_select_related = ["from_role", "to_role"]

    def _wiki_slug(self, obj) -> str:
        return obj.from_role.slug


@admin.register(RoleOldSlug)
class RoleOldSlugAdmin(ReadOnlyAdmin):
    list_display = ["slug", "role", "created_at"]
    search_fields = ["slug", "role__slug"]


# --- accounts ---------------------------------------------------------------------

admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Maintainers manage editor accounts; only superusers touch superusers,
    superuser status and single permissions."""

    # The group is chosen when the account is made: a Pflege account is then
    # staff at once (roles.services.accounts), as ``manage.py adduser`` makes it.
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Gruppe"), {"fields": ("email", "groups")}),
    )
    restricted_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persönliche Angaben"), {"fields": ("first_name", "last_name", "email")}),
        (_("Rechte"), {"fields": ("is_active", "is_staff", "groups")}),
    )

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return self.restricted_fieldsets

    def get_queryset(self, request):
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and not request.user.is_superuser:
            if obj.is_superuser or obj.pk == request.user.pk:
                # Nobody widens their own rights; a second maintainer can.
                return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        make_maintainers_staff(form.instance)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=EDITOR_GROUPS)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
