"""The job-ad form and the builder's questions: both keep exactly what was typed,
whatever is wrong with it."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.builder import Posting
from hiring.check import MAX_LENGTH
from hiring.text import clean

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


MAX_PAY = Decimal("10000000")
MAX_HOURS = Decimal("60")
PAY_PERIODS = [
    ("month", _("im Monat")),
    ("year", _("im Jahr")),
    ("hour", _("pro Stunde")),
]
NUMBER_FORMS = [
    (re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"), {".": "", ",": "."}),  # 3.500,50
    (re.compile(r"\d+,\d{1,2}"), {",": "."}),  # 18,50
    (re.compile(r"\d+(?:\.\d{1,2})?"), {}),  # 3500, 18.50
]


def _number(raw: str) -> Decimal | None:
    """A German or plain number ("3.500", "3500", "18,50", "45 000 €"), or a
    ValidationError that says what is wrong with it."""
    text = re.sub(r"[\s\u202f€]|EUR|Euro", "", raw, flags=re.I)
    if not text:
        return None
    if text.startswith(("-", "\u2212")):
        raise forms.ValidationError(
            _("Bitte geben Sie keinen negativen Betrag an."), code="negative"
        )
    for pattern, swaps in NUMBER_FORMS:
        if pattern.fullmatch(text):
            number = Decimal(text.translate(str.maketrans(swaps)))
            break
    else:
        raise forms.ValidationError(
            _("Bitte nur Ziffern eingeben, etwa „3.500“ oder „18,50“."),
            code="not_a_number",
        )
    if number > MAX_PAY:
        raise forms.ValidationError(_("Dieser Betrag ist zu groß."), code="too_large")
    return number


class PostingForm(forms.Form):
    """What the builder asks: read from the query string, so a link carries it.
    Every field keeps what was typed when something is wrong with it."""

    company = forms.CharField(
        label=_("Unternehmen"),
        max_length=120,
        required=False,
        error_messages={
            "max_length": _(
                "Der Name ist zu lang: höchstens %(limit_value)d Zeichen, Sie haben "
                "%(show_value)d eingegeben."
            )
        },
    )
    place = forms.CharField(
        label=_("Arbeitsort"),
        max_length=80,
        required=False,
        error_messages={
            "max_length": _(
                "Der Ort ist zu lang: höchstens %(limit_value)d Zeichen, Sie haben "
                "%(show_value)d eingegeben."
            )
        },
    )
    hours = forms.CharField(
        label=_("Stunden pro Woche"),
        required=False,
        max_length=10,
        help_text=_("Ab 35 Stunden steht in der Anzeige „Vollzeit“."),
    )
    start = forms.CharField(
        label=_("Beginn"),
        required=False,
        max_length=20,
        help_text=_("Ein Datum wie 1.4.2026; leer: zum nächstmöglichen Zeitpunkt."),
    )
    pay_min = forms.CharField(label=_("Gehalt von"), required=False, max_length=20)
    pay_max = forms.CharField(label=_("Gehalt bis"), required=False, max_length=20)
    pay_period = forms.ChoiceField(
        label=_("Zeitraum"),
        required=False,
        choices=PAY_PERIODS,
        error_messages={
            "invalid_choice": _("Bitte wählen Sie: im Monat, im Jahr oder pro Stunde.")
        },
    )

    def clean_company(self) -> str:
        return " ".join(clean(self.cleaned_data["company"]).split())

    def clean_place(self) -> str:
        return " ".join(clean(self.cleaned_data["place"]).split())

    def clean_hours(self) -> Decimal | None:
        hours = _number(self.cleaned_data["hours"])
        if hours is not None and not 0 < hours <= MAX_HOURS:
            raise forms.ValidationError(
                _("Bitte geben Sie zwischen 1 und 60 Stunden pro Woche an."),
                code="hours_range",
            )
        return hours

    def clean_start(self):
        raw = self.cleaned_data["start"].strip()
        if not raw:
            return None
        for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
            try:
                day = datetime.strptime(raw, pattern).date()
            except ValueError:
                continue
            if day < timezone.localdate():
                raise forms.ValidationError(
                    _("Dieses Datum liegt in der Vergangenheit."), code="past"
                )
            return day
        raise forms.ValidationError(
            _("Bitte ein Datum wie „1.4.2026“ eingeben."), code="not_a_date"
        )

    def clean_pay_min(self) -> Decimal | None:
        return _number(self.cleaned_data["pay_min"])

    def clean_pay_max(self) -> Decimal | None:
        return _number(self.cleaned_data["pay_max"])

    def clean_pay_period(self) -> str:
        return self.cleaned_data["pay_period"] or "month"

    def clean(self):
        data = super().clean()
        low, high = data.get("pay_min"), data.get("pay_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "pay_max",
                forms.ValidationError(
                    _(
                        "„Gehalt bis“ ist kleiner als „Gehalt von“. Bitte tauschen "
                        "oder korrigieren Sie die Beträge."
                    ),
                    code="min_above_max",
                ),
            )
        elif high is not None and low is None and "pay_min" not in self.errors:
            self.add_error(
                "pay_min",
                forms.ValidationError(
                    _("Bitte nennen Sie auch das Einstiegsgehalt („Gehalt von“)."),
                    code="max_without_min",
                ),
            )
        return data

    def posting(self) -> Posting:
        """The valid fields as a Posting; a field with an error is left out."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        valid = {k: v for k, v in data.items() if k not in self.errors}
        if "pay_min" in self.errors or "pay_max" in self.errors:
            valid.pop("pay_min", None), valid.pop("pay_max", None)
        valid.setdefault("pay_period", "month")
        fields = (
            "company",
            "place",
            "hours",
            "start",
            "pay_min",
            "pay_max",
            "pay_period",
        )
        return Posting(
            **{k: valid[k] for k in fields if valid.get(k) not in (None, "")}
        )
