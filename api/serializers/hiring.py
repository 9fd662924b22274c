"""The job-ad check and the guide: requests and answers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from hiring.check import MAX_LENGTH

# --- the job-ad check ---------------------------------------------------------------


READABLE = (
    r"^[^\x00]*"
    r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]"
    r"[^\x00]*$"
)
"""At least one character that is neither space nor control (those the check
drops before it reads: hiring.text.clean), and no NUL."""


@extend_schema_field(
    {"type": "string", "minLength": 1, "maxLength": MAX_LENGTH, "pattern": READABLE}
)
class AdTextField(s.CharField):
    """Empty and too long texts are the check's to refuse (code check_refused,
    with its reason); the schema says the same in advance."""


class ClosedRequestSerializer(s.Serializer):
    """A request body that refuses fields it does not know, and a body that is no
    JSON object, in words that name no Python type. The schema says the same
    (``additionalProperties: false``, api.schema.ClosedRequest)."""

    default_error_messages = {"invalid": _("Bitte senden Sie ein JSON-Objekt.")}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                message = _("Unbekanntes Feld; gelesen werden nur: %(known)s.") % {
                    "known": ", ".join(self.fields)
                }
                raise s.ValidationError({name: [message] for name in unknown})
        return super().to_internal_value(data)


class CheckRequestSerializer(ClosedRequestSerializer):
    """The job ad to check; nothing else."""

    text = AdTextField(
        max_length=100_000,
        trim_whitespace=False,
        help_text="The job ad as plain text, at most 20,000 characters.",
    )


class CheckFitSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    score = s.IntegerField(
        help_text="Passung 0–100, orders the roles: four sevenths the share of what "
        "the ad asks (tasks, and the level and role the title names) that the role "
        "fulfils, three sevenths the resemblance."
    )
    resemblance = s.IntegerField(
        allow_null=True,
        help_text="0–100: how much the ad's words resemble ads labelled for this "
        "role (null for a role without such ads).",
    )
    reasons = s.ListField(child=s.CharField())
    tie_rule = s.ChoiceField(
        choices=["work", "excluded", "misreading", "focus", "reviewed", "alphabet"],
        allow_null=True,
        help_text="Why this role stands above the next one with the same score.",
    )


class CheckDeclinedSerializer(s.Serializer):
    slug = s.SlugField()
    why = s.ChoiceField(
        choices=["negated", "delegated", "profile"],
        help_text="negated: the ad rules it out; delegated: someone else does it; "
        "profile: only named among the requirements.",
    )


class CheckMatchSerializer(s.Serializer):
    slug = s.SlugField()
    matched = s.ListField(child=s.CharField())


class CheckWarningSerializer(s.Serializer):
    kind = s.CharField()
    text = s.CharField()


class CheckSuggestionSerializer(s.Serializer):
    text = s.CharField()
    url = s.CharField(allow_blank=True)


class CheckSourceSerializer(s.Serializer):
    title = s.CharField()
    url = s.URLField()


class CheckAlternativeSerializer(s.Serializer):
    word = s.CharField(help_text="The word as the ad writes it.")
    instead = s.CharField(help_text="A neutral wording to use instead.")


class CheckFairnessSerializer(s.Serializer):
    code = s.ChoiceField(
        choices=["pay-missing", "pay-history", "title-not-neutral", "gender-coded"]
    )
    text = s.CharField(help_text="One or two plain sentences: what to do.")
    lines = s.ListField(child=s.CharField(), help_text="The lines it is about.")
    sources = CheckSourceSerializer(many=True)
    alternatives = CheckAlternativeSerializer(
        many=True, help_text="For gender-coded: a neutral wording for each word."
    )


class CheckResultSerializer(s.Serializer):
    """The same document as the check's JSON export."""

    format = s.CharField(help_text="berufsbild.jobad-check")
    version = s.IntegerField()
    title = s.CharField(allow_blank=True)
    title_role = s.SlugField(
        allow_null=True, help_text="The role the title names; null: none of ours."
    )
    language = s.ChoiceField(choices=["de", "en"])
    roles = CheckFitSerializer(many=True)
    mixed = s.BooleanField()
    tasks = CheckMatchSerializer(many=True)
    declined_tasks = s.ListField(child=s.SlugField())
    declined = CheckDeclinedSerializer(many=True)
    competencies = CheckMatchSerializer(many=True)
    warnings = CheckWarningSerializer(many=True)
    fairness = CheckFairnessSerializer(
        many=True,
        help_text="Notes on pay, pay history, the title and gender-coded wording.",
    )
    suggestions = CheckSuggestionSerializer(many=True)


class GuideRequestSerializer(ClosedRequestSerializer):
    """What a company says it needs; tasks not named count as "never"."""

    company_size = s.ChoiceField(choices=["small", "medium", "large"], required=False)
    position = s.ChoiceField(choices=["internal", "external", "any"], default="any")
    lead = s.BooleanField(default=False)
    tasks = s.DictField(
        child=s.ChoiceField(choices=["often", "sometimes", "never", "others"]),
        help_text="Task slug → how often the company needs it; "
        "others: someone already does it.",
    )
    team = s.ListField(
        child=s.SlugField(),
        required=False,
        default=list,
        max_length=50,
        help_text="Slugs of the roles the company already has.",
    )


class GuideReasonSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    fit = s.IntegerField(help_text="0–100; orders the roles.")
    reasons = s.ListField(child=s.CharField())
    why_not = s.ListField(
        child=s.CharField(), help_text="For the runner-up: why it is not first."
    )


class GuideShareSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    tasks = s.ListField(child=s.SlugField())


class GuideResultSerializer(s.Serializer):
    format = s.CharField(help_text="berufsbild.guide")
    version = s.IntegerField()
    roles = GuideReasonSerializer(many=True)
    mixed = s.BooleanField(help_text="The needs span three or more roles.")
    split = GuideShareSerializer(many=True)
