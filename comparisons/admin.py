from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _

from comparisons.engine import MAX_ROLES, MIN_ROLES
from comparisons.models import CuratedComparison, CuratedComparisonRole


class RoleCountFormSet(BaseInlineFormSet):
    """A curated comparison holds as many roles as the comparison page can show."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not MIN_ROLES <= len(kept) <= MAX_ROLES:
            raise ValidationError(
                _("Ein Vergleich braucht %(min)s bis %(max)s Rollen."),
                code="role_count",
                params={"min": MIN_ROLES, "max": MAX_ROLES},
            )


class CuratedComparisonRoleInline(admin.TabularInline):
    model = CuratedComparisonRole
    formset = RoleCountFormSet
    extra = 0
    min_num = MIN_ROLES
    max_num = MAX_ROLES
    autocomplete_fields = ["role"]


@admin.register(CuratedComparison)
class CuratedComparisonAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CuratedComparisonRoleInline]
