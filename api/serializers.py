"""The shapes of the API's answers. Every view hands its plain data through one
of these, so the OpenAPI schema describes exactly what is sent."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from hiring.check import MAX_LENGTH


class AttributionSerializer(s.Serializer):
    source = s.CharField()
    name = s.CharField()
    version = s.CharField()
    text = s.CharField(help_text="The credit line the publisher requires, verbatim.")
    licence = s.CharField()
    licence_url = s.URLField()


class PageSerializer(s.Serializer):
    count = s.IntegerField()
    next = s.URLField(allow_null=True)
    previous = s.URLField(allow_null=True)


# --- roles -------------------------------------------------------------------------


class RoleSummarySerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    family = s.CharField()
    family_label = s.CharField()
    seniority = s.CharField()
    seniority_label = s.CharField()
    summary = s.CharField()
    status = s.CharField()
    is_illustrative = s.BooleanField()
    revision_number = s.IntegerField()
    updated_at = s.DateTimeField()
    url = s.URLField(help_text="This role in the API.")
    html_url = s.URLField(help_text="The role page.")


class RolePageSerializer(PageSerializer):
    results = RoleSummarySerializer(many=True)


class RoleTaskSerializer(s.Serializer):
    slug = s.SlugField()
    name = s.CharField()
    plain_name = s.CharField()
    area = s.CharField()
    area_label = s.CharField()
    responsibility = s.CharField(
        help_text="owns, carries-out, contributes, informed or excluded (not part "
        "of the role)."
    )
    responsibility_label = s.CharField()
    note = s.CharField(allow_blank=True)
    is_illustrative = s.BooleanField()


class RoleCompetencySerializer(s.Serializer):
    slug = s.SlugField()
    name = s.CharField()
    plain_name = s.CharField()
    kind = s.CharField()
    kind_label = s.CharField()
    level = s.IntegerField(min_value=1, max_value=4)
    level_label = s.CharField()
    is_essential = s.BooleanField()
    note = s.CharField(allow_blank=True)
    is_illustrative = s.BooleanField()


class RoleRelationSerializer(s.Serializer):
    direction = s.ChoiceField(choices=["out", "in"])
    kind = s.CharField()
    kind_label = s.CharField()
    role = s.SlugField(help_text="The other role.")
    role_title = s.CharField()
    description = s.CharField(allow_blank=True)


class ClassificationSerializer(s.Serializer):
    scheme = s.ChoiceField(choices=["esco", "isco", "onet", "kldb"])
    scheme_label = s.CharField()
    code = s.CharField(help_text="Code or URI, as a string (leading zeros kept).")
    label = s.CharField(allow_blank=True, help_text="From the imported source, if any.")
    url = s.CharField(allow_blank=True)
    status = s.ChoiceField(choices=["reviewed", "suggested"])
    status_label = s.CharField()
    note = s.CharField(allow_blank=True)


class FactSerializer(s.Serializer):
    key = s.CharField()
    label = s.CharField()
    text = s.CharField()


class RoleLinksSerializer(s.Serializer):
    html = s.URLField()
    history = s.URLField()
    revisions = s.URLField()
    compare = s.URLField()


class RoleDetailSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    aliases = s.ListField(child=s.CharField())
    family = s.CharField()
    family_label = s.CharField()
    seniority = s.CharField()
    seniority_label = s.CharField()
    parent = s.SlugField(allow_null=True)
    status = s.CharField()
    is_illustrative = s.BooleanField()
    is_protected = s.BooleanField()
    summary = s.CharField()
    definition = s.CharField(allow_blank=True, help_text="Markdown, as edited.")
    definition_html = s.CharField(allow_blank=True, help_text="Sanitised HTML.")
    facts = FactSerializer(many=True)
    fields = s.DictField(help_text="Every field of the role's declared shape.")
    tasks = RoleTaskSerializer(many=True)
    competencies = RoleCompetencySerializer(many=True)
    relations = RoleRelationSerializer(many=True)
    classifications = ClassificationSerializer(many=True)
    revision_number = s.IntegerField()
    updated_at = s.DateTimeField()
    links = RoleLinksSerializer()
    attribution = AttributionSerializer(many=True)


class RevisionSerializer(s.Serializer):
    id = s.IntegerField(help_text="The version's id, as in the history's links.")
    date = s.DateTimeField()
    author = s.CharField(allow_null=True)
    comment = s.CharField(allow_blank=True)
    html_url = s.URLField()
    diff_url = s.URLField(allow_null=True)


class RevisionPageSerializer(PageSerializer):
    results = RevisionSerializer(many=True)


# --- tasks and competencies ---------------------------------------------------------


class CatalogueEntrySerializer(s.Serializer):
    slug = s.SlugField()
    name = s.CharField()
    plain_name = s.CharField()
    group = s.CharField(help_text="A task's area or a competency's kind.")
    group_label = s.CharField()
    plain_description = s.CharField(allow_blank=True)
    description = s.CharField(allow_blank=True)
    role_count = s.IntegerField()
    roles_url = s.URLField(help_text="The roles that have it, paged.")
    html_url = s.URLField()


class CatalogueEntryPageSerializer(PageSerializer):
    results = CatalogueEntrySerializer(many=True)


# --- comparisons ------------------------------------------------------------------


class CuratedComparisonSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    roles = s.ListField(child=s.SlugField())
    url = s.URLField(help_text="The comparison document.")
    html_url = s.URLField()


class CuratedComparisonPageSerializer(PageSerializer):
    results = CuratedComparisonSerializer(many=True)


class ComparedRoleSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    url = s.CharField()
    is_illustrative = s.BooleanField()


class ComparisonCellSerializer(s.Serializer):
    role = s.SlugField()
    text = s.CharField(allow_blank=True)
    note = s.CharField(allow_blank=True)
    code = s.CharField(allow_blank=True)
    is_illustrative = s.BooleanField()


class ComparisonRowSerializer(s.Serializer):
    key = s.CharField()
    label = s.CharField()
    difference = s.CharField()
    difference_label = s.CharField()
    weight = s.FloatField()
    cells = ComparisonCellSerializer(many=True)


class ComparisonSectionSerializer(s.Serializer):
    key = s.CharField()
    title = s.CharField()
    rows = ComparisonRowSerializer(many=True)


class SummaryPointSerializer(s.Serializer):
    kind = s.CharField()
    text = s.CharField()


class ComparisonDocumentSerializer(s.Serializer):
    """The comparison document: the same as the JSON export (``export.json``)."""

    format = s.CharField(help_text="berufsbild.comparison")
    version = s.IntegerField()
    date = s.CharField()
    audience = s.ChoiceField(choices=["plain", "expert"])
    only_differences = s.BooleanField()
    key_differences_only = s.BooleanField()
    verdict = s.CharField(allow_blank=True)
    title = s.CharField()
    intro = s.CharField(allow_blank=True)
    roles = ComparedRoleSerializer(many=True)
    key_differences = s.ListField(child=s.CharField())
    summary = SummaryPointSerializer(many=True)
    sections = ComparisonSectionSerializer(many=True)


# --- imported concepts ---------------------------------------------------------------


class ConceptSerializer(s.Serializer):
    scheme = s.ChoiceField(choices=["esco", "isco", "onet"])
    code = s.CharField()
    notation = s.CharField(allow_blank=True)
    label = s.CharField(allow_blank=True)
    labels = s.DictField(child=s.CharField())
    alt_labels = s.DictField(child=s.ListField(child=s.CharField()))
    description = s.CharField(allow_blank=True)
    group_code = s.CharField(allow_blank=True)
    source_version = s.CharField()
    url = s.URLField(help_text="This concept in the API.")
    publisher_url = s.CharField(allow_blank=True)


class ConceptPageSerializer(PageSerializer):
    results = ConceptSerializer(many=True)
    attribution = AttributionSerializer(many=True)


class ConceptTaskSerializer(s.Serializer):
    task_id = s.CharField()
    statement = s.CharField()
    kind = s.CharField(allow_blank=True, help_text="core, supplemental or empty.")


class ConceptSkillSerializer(s.Serializer):
    code = s.CharField()
    label = s.CharField()
    relation = s.ChoiceField(choices=["essential", "optional", "rated"])
    skill_type = s.CharField(allow_blank=True)
    importance = s.FloatField(allow_null=True, help_text="O*NET IM scale, 1–5.")
    level = s.FloatField(allow_null=True, help_text="O*NET LV scale, 0–7.")
    not_relevant = s.BooleanField()
    suppress = s.BooleanField(help_text="O*NET recommends suppressing this value.")


class ConceptDetailSerializer(ConceptSerializer):
    hidden_labels = s.DictField(child=s.ListField(child=s.CharField()))
    tasks = ConceptTaskSerializer(many=True)
    skills = ConceptSkillSerializer(many=True)
    attribution = AttributionSerializer(many=True)


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
        max_length=100_000, trim_whitespace=False,
        help_text="The job ad as plain text, at most 20,000 characters.",
    )  # fmt: skip


class CheckFitSerializer(s.Serializer):
    slug = s.SlugField()
    title = s.CharField()
    score = s.IntegerField(
        help_text="Passung 0–100: the share of what the ad asks (tasks, and the "
        "level and role the title names) that the role fulfils; orders the roles."
    )
    reasons = s.ListField(child=s.CharField())
    tie_rule = s.ChoiceField(
        choices=["excluded", "misreading", "focus", "reviewed", "alphabet"],
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


class ErrorBodySerializer(s.Serializer):
    status = s.IntegerField(help_text="The HTTP status, again.")
    code = s.CharField(
        help_text="Stable, for programs: bad_parameters, invalid, check_refused, "
        "invalid_characters, invalid_encoding, too_large, not_found, "
        "method_not_allowed, not_acceptable, unsupported_media_type, parse_error, "
        "throttled, "
        "unavailable."
    )
    message = s.CharField(help_text="For people, in the language asked for.")
    details = s.DictField(
        child=s.ListField(child=s.CharField()), required=False,
        help_text="Per parameter or field: what is wrong with it.",
    )  # fmt: skip


class ErrorSerializer(s.Serializer):
    error = ErrorBodySerializer()


# --- proposals ----------------------------------------------------------------------


class ReviewEventSerializer(s.Serializer):
    kind = s.CharField()
    kind_label = s.CharField()
    actor = s.CharField(allow_null=True)
    comment = s.CharField(allow_blank=True, help_text="Markdown, as written.")
    created_at = s.DateTimeField()


class ProposalSerializer(s.Serializer):
    id = s.IntegerField()
    role = s.SlugField(allow_null=True, help_text="null when the role was deleted.")
    role_title = s.CharField()
    author = s.CharField(allow_null=True)
    summary = s.CharField()
    state = s.ChoiceField(
        choices=["open", "changes-requested", "needs-author", "approved", "rejected"]
    )
    state_label = s.CharField()
    size = s.IntegerField(help_text="Fields and rows the proposal changes.")
    base_number = s.IntegerField(help_text="The role revision it is based on.")
    created_at = s.DateTimeField()
    decided_at = s.DateTimeField(allow_null=True)
    decided_by = s.CharField(allow_null=True)
    url = s.URLField()


class ProposalPageSerializer(PageSerializer):
    results = ProposalSerializer(many=True)


class ProposalDetailSerializer(ProposalSerializer):
    events = ReviewEventSerializer(many=True)


# --- the guide ------------------------------------------------------------------------


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
        child=s.SlugField(), required=False, default=list, max_length=50,
        help_text="Slugs of the roles the company already has.",
    )  # fmt: skip


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
