"""Imported data in the admin: to look at, never to change (the importers write)."""

from django.contrib import admin

from taxonomies.models import Concept, TaxonomyImport


class LookOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TaxonomyImport)
class TaxonomyImportAdmin(LookOnly):
    list_display = ["source", "version", "language", "imported_at", "checksum"]
    list_filter = ["source"]


@admin.register(Concept)
class ConceptAdmin(LookOnly):
    list_display = ["scheme", "notation", "code", "source_version"]
    list_filter = ["scheme", "source_version"]
    search_fields = ["code", "notation", "search_text"]
