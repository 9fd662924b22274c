"""Fixed vocabularies of the role model, with German labels and plain meanings."""

from __future__ import annotations

from functools import lru_cache

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Family(models.TextChoices):
    SOCIAL_MEDIA = "social-media", _("Social Media")
    COMMUNITY = "community", _("Community Management")
    COMMUNICATION = "kommunikation", _("Kommunikation und Redaktion")
    NEIGHBOURING = "nachbarberufe", _("Nachbarberufe")


class Seniority(models.TextChoices):
    NONE = "none", _("ohne Stufe")
    JUNIOR = "junior", _("Junior")
    SENIOR = "senior", _("Senior")


class Position(models.TextChoices):
    EXTERNAL = "external", _("extern (Agentur, Beratung, freiberuflich)")
    INTERNAL = "internal", _("intern (im Unternehmen angestellt)")
    BOTH = "both", _("intern oder extern")


class CompanySize(models.TextChoices):
    SMALL = "small", _("kleine Unternehmen")
    MEDIUM = "medium", _("Mittelstand")
    LARGE = "large", _("Großunternehmen und Konzerne")


class Status(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    REVIEWED = "reviewed", _("geprüft")


class TaskArea(models.TextChoices):
    STRATEGY = "strategy", _("Strategie und Konzeption")
    CONTENT = "content", _("Umsetzung und Inhalte")
    COMMUNITY = "community", _("Community und Dialog")
    ANALYSIS = "analysis", _("Analyse und Kennzahlen")
    INTERNAL = "internal", _("Interne Kommunikation und Wandel")
    TRAINING = "training", _("Schulung und Beratung")
    DESIGN_TECH = "design-tech", _("Gestaltung und Technik")


class CompetencyKind(models.TextChoices):
    PROFESSIONAL = "professional", _("Fachkompetenz")
    METHODICAL = "methodical", _("Methodenkompetenz")
    SOCIAL = "social", _("Sozialkompetenz")
    PERSONAL = "personal", _("Persönliche Kompetenz")


class Responsibility(models.TextChoices):
    """How a role stands to a task; EXCLUDED is as telling as OWNS."""

    OWNS = "owns", _("verantwortet")
    CARRIES_OUT = "carries-out", _("führt aus")
    CONTRIBUTES = "contributes", _("wirkt mit")
    EXCLUDED = "excluded", _("nicht Teil dieser Rolle")


# Order in which responsibilities are shown: strongest involvement first.
RESPONSIBILITY_ORDER = [
    Responsibility.OWNS,
    Responsibility.CARRIES_OUT,
    Responsibility.CONTRIBUTES,
    Responsibility.EXCLUDED,
]


class Level(models.IntegerChoices):
    BASIC = 1, _("Grundkenntnisse")
    PRACTICED = 2, _("solide Praxis")
    ADVANCED = 3, _("ausgeprägt")
    EXPERT = 4, _("Expertenniveau")


LEVEL_MEANINGS = {
    Level.BASIC: _("kennt die Grundlagen und weiß, wen man fragt"),
    Level.PRACTICED: _("wendet es im Alltag selbstständig an"),
    Level.ADVANCED: _("beherrscht es sicher, auch in schwierigen Fällen"),
    Level.EXPERT: _("prägt das Thema und leitet andere darin an"),
}


class RelationKind(models.TextChoices):
    SUPPORTS = "supports", _("unterstützt")
    COLLABORATES = "collaborates", _("arbeitet zusammen mit")
    HANDS_WORK_TO = "hands-work-to", _("übergibt Arbeit an")
    SPECIALISATION_OF = "specialisation-of", _("ist eine Spezialisierung von")
    CONFUSED_WITH = "confused-with", _("wird oft verwechselt mit")


ORIENTATION_MIN = 0
ORIENTATION_MAX = 10


def orientation_label(value: int) -> str:
    """The strategic↔operative scale in words (0 strategic … 10 operative)."""
    if value <= 2:
        return str(_("überwiegend strategisch"))
    if value <= 4:
        return str(_("eher strategisch"))
    if value == 5:
        return str(_("strategisch und operativ zu gleichen Teilen"))
    if value <= 7:
        return str(_("eher operativ"))
    return str(_("überwiegend operativ"))


@lru_cache(maxsize=64)
def _labels(choices: type[models.Choices], language: str) -> dict:
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices: type[models.Choices], value) -> str:
    """The label of a choice in the active language, looked up in a dict made
    once per language. Django's ``get_FOO_display`` hashes every lazy label on
    each call: a comparison of six roles made 2,700 such calls per request."""
    return _labels(choices, get_language() or "").get(value, str(value))


class ClassificationScheme(models.TextChoices):
    """Official classifications a role can be mapped to."""

    ESCO = "esco", _("ESCO-Beruf")
    ISCO = "isco", _("ISCO-08-Gruppe")
    ONET = "onet", _("O*NET-Beruf")
    KLDB = "kldb", _("KldB 2010")


class MappingStatus(models.TextChoices):
    REVIEWED = "reviewed", _("geprüft")
    SUGGESTED = "suggested", _("vorgeschlagen")
