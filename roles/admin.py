from django.contrib import admin
from reversion.admin import VersionAdmin

from roles.models import Competency, Role, RoleCompetency, RoleRelation, RoleTask, Task


class RoleTaskInline(admin.TabularInline):
    model = RoleTask
    extra = 0
    autocomplete_fields = ["task"]


class RoleCompetencyInline(admin.TabularInline):
    model = RoleCompetency
    extra = 0
    autocomplete_fields = ["competency"]


class RoleRelationInline(admin.TabularInline):
    model = RoleRelation
    fk_name = "from_role"
    extra = 0
    autocomplete_fields = ["to_role"]


@admin.register(Role)
class RoleAdmin(VersionAdmin):
    list_display = [
        "title",
        "family",
        "seniority",
        "status",
        "is_protected",
        "updated_at",
    ]
    list_filter = ["family", "seniority", "status", "is_protected"]
    search_fields = ["title", "aliases", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    inlines = [RoleTaskInline, RoleCompetencyInline, RoleRelationInline]

    def save_model(self, request, obj, form, change):
        # Admin saves count as revisions too, so open edit forms notice them.
        if change:
            obj.revision_number += 1
        super().save_model(request, obj, form, change)


@admin.register(Task)
class TaskAdmin(VersionAdmin):
    list_display = ["name", "plain_name", "area"]
    list_filter = ["area"]
    search_fields = ["name", "plain_name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Competency)
class CompetencyAdmin(VersionAdmin):
    list_display = ["name", "plain_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "plain_name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(RoleTask)
class RoleTaskAdmin(admin.ModelAdmin):
    list_display = ["role", "task", "responsibility", "is_illustrative"]
    list_filter = ["responsibility", "role"]
    autocomplete_fields = ["role", "task"]


@admin.register(RoleCompetency)
class RoleCompetencyAdmin(admin.ModelAdmin):
    list_display = ["role", "competency", "level", "is_essential"]
    list_filter = ["level", "role"]
    autocomplete_fields = ["role", "competency"]


@admin.register(RoleRelation)
class RoleRelationAdmin(admin.ModelAdmin):
    list_display = ["from_role", "kind", "to_role"]
    list_filter = ["kind"]
    autocomplete_fields = ["from_role", "to_role"]
