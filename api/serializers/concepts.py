"""Imported classification concepts (ESCO, O*NET)."""

from __future__ import annotations

from rest_framework import serializers as s

from api.serializers.common import AttributionSerializer, PageSerializer


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
