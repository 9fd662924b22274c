"""A draft job ad from a role: what HR can start from instead of a blank page.

The draft says what the role does ("Ihre Aufgaben"), what it needs ("Das bringen Sie
mit"), and what it explicitly does not do ("Nicht Ihre Aufgabe") – the section that
keeps an ad honest. It is written with the phrases ads use, so the job-ad check
reads it as the role it came from.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.documents import Document, as_text
from roles.choices import CompanySize, Level, Responsibility
from roles.models import Role, RoleCompetency, RoleTask, split_lines

GENDER_NOTE = "(m/w/d)"
AD_LANGUAGE = "de"
COMPANY_INTRO = {
    CompanySize.SMALL: gettext_lazy("Wir sind ein kleines Unternehmen."),
    CompanySize.MEDIUM: gettext_lazy("Wir sind ein mittelständisches Unternehmen."),
    CompanySize.LARGE: gettext_lazy("Wir sind ein großes Unternehmen."),
}


@dataclass(frozen=True)
class Choice:
    """One line the user can keep or drop."""

    key: str
    text: str
    checked: bool


@dataclass
class DraftAd:
    role_slug: str
    title: str
    intro: list[str]
    tasks: list[Choice] = field(default_factory=list)
    essentials: list[Choice] = field(default_factory=list)
    desirables: list[Choice] = field(default_factory=list)
    exclusions: list[Choice] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    size: str = ""

    def sections(self) -> list[tuple[str, list[str]]]:
        """The kept lines under their headings, in the order of an ad."""
        pairs = [
            (_("Ihre Aufgaben"), self.tasks),
            (_("Das bringen Sie mit"), self.essentials),
            (_("Schön wäre außerdem"), self.desirables),
            (_("Nicht Ihre Aufgabe"), self.exclusions),
        ]
        return [
            (heading, [c.text for c in choices if c.checked])
            for heading, choices in pairs
            if any(c.checked for c in choices)
        ]

    def as_document(self) -> Document:
        with translation.override(AD_LANGUAGE):
            return self._document()

    def _document(self) -> Document:
        return Document(
            title=self.title,
            intro=self.intro,
            sections=self.sections(),
            facts_heading=_("Das Wichtigste zur Stelle"),
            facts=self.facts,
        )

    def as_text(self) -> str:
        return as_text(self.as_document()).decode()


def _task_line(assignment: RoleTask) -> str:
    phrases = assignment.task.ad_phrase_list
    line = phrases[0] if phrases else assignment.task.plain_name
    return f"{line} – {assignment.note}" if assignment.note else line


def _competency_line(assignment: RoleCompetency) -> str:
    phrases = assignment.competency.ad_phrase_list
    name = phrases[0] if phrases else assignment.competency.plain_name
    return f"{name} ({Level(assignment.level).label})"


def _kept(key: str, selected: Collection[str] | None) -> bool:
    return selected is None or key in selected


def build_draft(
    role: Role, *, size: str = "", selected: Collection[str] | None = None
) -> DraftAd:
    """The draft for a role; ``selected`` holds the keys of the lines to keep
    (None: keep all), ``size`` a company size code. The draft is German whatever
    the page's language: its lines come from the German catalogue, and the ad is
    for the German-speaking job market."""
    with translation.override(AD_LANGUAGE):
        return _build_draft(role, size, selected)


def _build_draft(role: Role, size: str, selected: Collection[str] | None) -> DraftAd:
    sizes = dict(CompanySize.choices)
    if size not in sizes:
        size = (role.company_sizes or [CompanySize.MEDIUM])[0]
    draft = DraftAd(
        role_slug=role.slug,
        title=f"{role.title.strip('„“')} {GENDER_NOTE}",
        intro=[
            str(COMPANY_INTRO[size]),
            _("Wir suchen Sie als %(role)s.") % {"role": role.title.strip("„“")},
        ],
        size=size,
    )
    tasks = role.task_assignments.select_related("task").order_by("task__name")
    for assignment in tasks:
        key = f"task:{assignment.task.slug}"
        if assignment.responsibility in (
            Responsibility.OWNS,
            Responsibility.CARRIES_OUT,
        ):
            draft.tasks.append(
                Choice(key, _task_line(assignment), _kept(key, selected))
            )
        elif assignment.responsibility == Responsibility.EXCLUDED:
            draft.exclusions.append(
                Choice(key, assignment.task.plain_name, _kept(key, selected))
            )
    competencies = role.competency_assignments.select_related("competency").order_by(
        "-level", "competency__name"
    )
    for assignment in competencies:
        key = f"competency:{assignment.competency.slug}"
        target = draft.essentials if assignment.is_essential else draft.desirables
        target.append(Choice(key, _competency_line(assignment), _kept(key, selected)))
    draft.facts = _facts(role, sizes[size])
    return draft


def _facts(role: Role, size_label: str) -> list[tuple[str, str]]:
    facts = [(_("Unternehmensgröße"), str(size_label))]
    if role.placement:
        facts.append((_("Einordnung im Unternehmen"), role.placement))
    facts.append((_("Anstellung"), str(role.get_position_display())))
    if role.salary_label:
        facts.append((_("Gehalt (Richtwert)"), str(role.salary_label)))
    backgrounds = split_lines(role.backgrounds)
    if backgrounds:
        facts.append((_("Typische Wege in den Beruf"), "; ".join(backgrounds)))
    return facts
