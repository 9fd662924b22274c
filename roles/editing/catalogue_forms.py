"""Forms for tasks and competencies of the shared catalogue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from roles.editing.forms import EDIT_SUMMARY_MAX_LENGTH, CleanTextMixin
from roles.models import Competency, Task


class CatalogueEntryForm(CleanTextMixin, forms.ModelForm):
    """Shared fields of tasks and competencies, plus the edit's base revision."""

    edit_summary = forms.CharField(
        label=_("Was haben Sie geändert?"),
        max_length=EDIT_SUMMARY_MAX_LENGTH,
        required=False,
    )
    base_number = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base_number"].initial = self.instance.revision_number
        for name in ("plain_description", "description", "ad_phrases"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3})


class TaskForm(CatalogueEntryForm):
    class Meta:
        model = Task
        fields = [
            "name",
            "slug",
            "plain_name",
            "area",
            "plain_description",
            "description",
            "ad_phrases",
        ]


class CompetencyForm(CatalogueEntryForm):
    class Meta:
        model = Competency
        fields = [
            "name",
            "slug",
            "plain_name",
            "kind",
            "plain_description",
            "description",
            "ad_phrases",
        ]
