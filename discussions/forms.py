from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import BODY_MAX_LENGTH

HONEYPOT = "website"


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Ihr Kommentar (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=BODY_MAX_LENGTH,
        strip=True,
    )
    anchor = forms.ChoiceField(label=_("zu"), required=False)
    proposal = forms.TypedChoiceField(
        label=_("zum Vorschlag"), required=False, coerce=int, empty_value=None
    )
    # Hidden from people (CSS and aria-hidden); bots that fill every field show.
    website = forms.CharField(label=_("Bitte leer lassen"), required=False)

    def __init__(self, *args, anchors=(), proposals=(), reply=False, **kwargs):
        super().__init__(*args, **kwargs)
        if reply:
            del self.fields["anchor"], self.fields["proposal"]
        else:
            self.fields["anchor"].choices = [("", _("die Rolle insgesamt")), *anchors]
            self.fields["proposal"].choices = [("", "—"), *proposals]
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1", "class": "honeypot-input"}
        )

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Dieses Feld muss leer bleiben."), code="honeypot"
            )
        return ""
