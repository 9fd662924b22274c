"""Roles, their revisions, tasks and competencies, and proposals."""

from __future__ import annotations

from rest_framework import serializers as s

from api.serializers.common import AttributionSerializer, PageSerializer


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
