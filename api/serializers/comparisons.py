"""Curated comparisons and the comparison document (as the JSON export)."""

from __future__ import annotations

from rest_framework import serializers as s

from api.serializers.common import PageSerializer


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
