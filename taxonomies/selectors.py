"""Reads of imported concepts for the role page, the edit page and the API."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q

from roles.choices import ClassificationScheme, MappingStatus, choice_label
from taxonomies.matching import role_name_keys
from taxonomies.models import Concept, ConceptSkill, ConceptTask, Scheme, TaxonomyImport
from taxonomies.sources import ATTRIBUTION_NOTE, SOURCE_OF_SCHEME, SOURCES, concept_url

MAX_HINTS = 12


@dataclass(frozen=True)
class Attribution:
    source: str
    name: str
    version: str
    text: str
    licence: str
    licence_url: str

    def as_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "name": self.name,
            "version": self.version,
            "text": self.text,
            "licence": self.licence,
            "licence_url": self.licence_url,
        }


@dataclass(frozen=True)
class MappedCode:
    scheme: str
    scheme_label: str
    code: str
    label: str
    url: str
    status: str
    status_label: str
    note: str
    notation: str = ""


@dataclass
class Occupation:
    """A mapped concept with what it says the work is: tasks and skills."""

    concept: Concept
    url: str
    tasks: list[ConceptTask] = field(default_factory=list)
    skills: list[ConceptSkill] = field(default_factory=list)


@dataclass
class ClassificationPanel:
    codes: list[MappedCode]
    occupations: list[Occupation]
    attributions: list[Attribution]
    note: str = str(ATTRIBUTION_NOTE)

    @property
    def has_statements(self) -> bool:
        return any(o.tasks or o.skills for o in self.occupations)


def attributions(sources: Iterable[str]) -> list[Attribution]:
    """The credit line of each source's newest import (one query)."""
    wanted = set(sources)
    if not wanted:
        return []
    newest: dict[str, TaxonomyImport] = {}
    for row in TaxonomyImport.objects.filter(source__in=wanted).order_by("pk"):
        newest[row.source] = row
    return [
        Attribution(
            source,
            SOURCES[source].name,
            row.version,
            row.attribution,
            SOURCES[source].licence,
            SOURCES[source].licence_url,
        )
        for source, row in sorted(newest.items())
    ]


def concepts_named(pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Concept]:
    """The imported concepts of these (scheme, code) pairs, with tasks and skills."""
    pairs = [(s, c) for s, c in pairs if s in SOURCE_OF_SCHEME]
    if not pairs:
        return {}
    condition = reduce(or_, (Q(scheme=s, code=c) for s, c in pairs))
    concepts = Concept.objects.filter(condition).prefetch_related(
        Prefetch("tasks", queryset=ConceptTask.objects.order_by("kind", "task_id")),
        Prefetch(
            "skills",
            queryset=ConceptSkill.objects.order_by("relation", "-importance", "pk"),
        ),
    )
    return {(c.scheme, c.code): c for c in concepts}


def classification_panel(mappings: Sequence) -> ClassificationPanel | None:
    """The role page's codes and the "Vergleich mit der Klassifikation" panel
    for a role's mappings (RoleClassification rows, saved or from a revision)."""
    if not mappings:
        return None
    concepts = concepts_named([(m.scheme, m.code) for m in mappings])
    codes, occupations = [], []
    for mapping in sorted(mappings, key=_mapping_order):
        concept = concepts.get((mapping.scheme, mapping.code))
        url = concept_url(mapping.scheme, mapping.code)
        codes.append(
            MappedCode(
                mapping.scheme,
                choice_label(ClassificationScheme, mapping.scheme),
                mapping.code,
                concept.label() if concept else "",
                url,
                mapping.status,
                choice_label(MappingStatus, mapping.status),
                mapping.note,
                concept.notation if concept else "",
            )
        )
        if concept is not None and mapping.scheme in (Scheme.ESCO, Scheme.ONET):
            occupations.append(
                Occupation(
                    concept, url, list(concept.tasks.all()), list(concept.skills.all())
                )
            )
    used = {SOURCE_OF_SCHEME[(c.scheme)] for c in concepts.values()}
    return ClassificationPanel(codes, occupations, attributions(used))


def _mapping_order(mapping) -> tuple:
    order = [s.value for s in ClassificationScheme]
    return (
        order.index(mapping.scheme),
        mapping.status != MappingStatus.REVIEWED,
        mapping.code,
    )


@dataclass(frozen=True)
class Hint:
    scheme: str
    scheme_label: str
    code: str
    label: str
    url: str
    matched: str


def mapping_hints(
    title: str, aliases: str, mapped: Iterable[tuple[str, str]]
) -> list[Hint]:
    """Imported concepts that share a name with the role and are not mapped yet:
    proposals for editors, never mapped on their own."""
    keys = role_name_keys(title, aliases)
    if not keys:
        return []
    condition = reduce(or_, (Q(label_keys__contains=f"|{key}|") for key in keys))
    done = set(mapped)
    hints = []
    for concept in Concept.objects.filter(condition).order_by("scheme", "code")[:50]:
        if (concept.scheme, concept.code) in done:
            continue
        matched = next(
            (key for key in keys if f"|{key}|" in concept.label_keys), keys[0]
        )
        hints.append(
            Hint(
                concept.scheme,
                choice_label(ClassificationScheme, concept.scheme),
                concept.code,
                concept.label(),
                concept_url(concept.scheme, concept.code),
                matched,
            )
        )
    return hints[:MAX_HINTS]


def imported_sources() -> list[TaxonomyImport]:
    """The newest import of each source and language, for the about page."""
    newest: dict[tuple[str, str], TaxonomyImport] = {}
    for row in TaxonomyImport.objects.order_by("pk"):
        newest[(row.source, row.language)] = row
    return list(newest.values())
