"""The job-ad form: the ad keeps exactly what was typed, whatever is wrong with it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hiring.check import MAX_LENGTH

KEEP_CHOICES = [
    ("", _("nicht speichern")),
    ("1", _("1 Tag")),
    ("7", _("7 Tage")),
    ("30", _("30 Tage")),
]


class AdForm(forms.Form):
    # No max_length here: the check itself says how long the text is and keeps it.
    text = forms.CharField(
        label=_("Text der Stellenanzeige"),
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "maxlength": MAX_LENGTH}),
        help_text=_("Bis zu 20.000 Zeichen. Fügen Sie die ganze Anzeige ein."),
    )
    keep = forms.ChoiceField(
        label=_("Ergebnis als Link teilen"),
        choices=KEEP_CHOICES,
        required=False,
        help_text=_(
            "Ohne Auswahl speichern wir den Text nicht. Mit Auswahl bleibt er so "
            "lange gespeichert und ist für alle mit dem Link lesbar."
        ),
    )
