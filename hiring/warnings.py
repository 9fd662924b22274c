"""What is wrong with an ad, and what to do about it, in plain German.

The findings: the ad mixes the core work of three or more distinct roles (the
"eierlegende Wollmilchsau"); it asks the role its title names for work that is
explicitly not part of that role; it lists more requirements than an ad can
honestly ask for; it is written in English. Each comes with the lines of the ad
it is about, and suggestions never quote the company's introduction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hiring.catalogue import EXCLUDED, Catalogue, RoleCard
from hiring.matching import Found
from hiring.mixing import MIXED_AT, RoleShare, _quote
from hiring.ranking import RoleFit

HONEST_MINIMUM = 12  # requirements any ad may list
HONEST_MARGIN = 3  # … or a few more than the best role's own competencies


@dataclass(frozen=True)
class Warning:
    kind: str
    text: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str = ""
    link_text: str = ""


@dataclass
class Findings:
    mixed: bool = False
    shares: list[RoleShare] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


def find_problems(
    *,
    tasks: dict[str, Found],
    fits: list[RoleFit],
    shares: list[RoleShare],
    title_role: RoleCard | None,
    requirement_count: int,
    catalogue: Catalogue,
    in_english: bool = False,
) -> Findings:
    findings = Findings(shares=shares)
    if in_english:
        findings.warnings.append(_english_warning())
    if not fits:
        return findings
    if len(shares) >= MIXED_AT:
        findings.mixed = True
        findings.warnings.append(_mixed_warning(shares))
    excluded = _excluded(tasks, title_role) if title_role else []
    if excluded:
        findings.warnings.append(
            _excluded_warning(title_role, excluded, tasks, catalogue)
        )
    best = fits[0].card
    limit = max(HONEST_MINIMUM, len(best.competencies) + HONEST_MARGIN)
    if requirement_count > limit:
        text = _(
            "Die Anzeige stellt %(count)s Anforderungen. Das ist zu viel. "
            "Für %(role)s sind etwa %(limit)s ehrlich."
        ) % {"count": requirement_count, "role": best.title, "limit": limit}
        findings.warnings.append(Warning("too-many", text))
    findings.suggestions = _suggestions(findings, fits, title_role, excluded)
    return findings


def _english_warning() -> Warning:
    return Warning(
        "language",
        _(
            "Die Anzeige ist überwiegend englisch. Die Prüfung liest deutsche "
            "Anzeigen; das Ergebnis kann Aufgaben übersehen."
        ),
    )


def _excluded(tasks: dict[str, Found], role: RoleCard) -> list[str]:
    return sorted(
        slug
        for slug, found in tasks.items()
        if found.asked and role.tasks.get(slug) == EXCLUDED
    )


def _mixed_warning(shares: list[RoleShare]) -> Warning:
    text = _(
        "Die Anzeige mischt die Arbeit von %(count)s Rollen. "
        "So eine Person gibt es kaum."
    ) % {"count": len(shares)}
    lines = tuple(
        _("%(role)s: %(lines)s")
        % {"role": share.title, "lines": " · ".join(share.lines)}
        for share in shares
    )
    return Warning("mixed", text, lines)


def _excluded_warning(role: RoleCard, excluded, tasks, catalogue: Catalogue) -> Warning:
    text = ngettext(
        "Der Titel nennt %(role)s. "
        "%(count)s Aufgabe gehört aber nicht zu dieser Rolle.",
        "Der Titel nennt %(role)s. %(count)s Aufgaben gehören aber nicht "
        "zu dieser Rolle.",
        len(excluded),
    ) % {"role": f"„{role.title.strip('„“')}“", "count": len(excluded)}
    lines = tuple(
        _("%(task)s: %(lines)s")
        % {
            "task": catalogue.task(slug).plain_name,
            "lines": " · ".join(
                sorted({f"„{_quote(c.text)}“" for c in tasks[slug].clauses})
            ),
        }
        for slug in excluded
    )
    return Warning("excluded", text, lines)


def _compare_url(slugs: list[str]) -> str:
    return f"{reverse('comparisons:compare')}?roles={','.join(dict.fromkeys(slugs))}"


def _suggestions(findings, fits, title_role, excluded) -> list[Suggestion]:
    suggestions = []
    best = fits[0]
    if findings.mixed:
        suggestions.append(
            Suggestion(_("Teilen Sie die Stelle auf. Suchen Sie jede Rolle für sich."))
        )
        for share in findings.shares[1:]:
            suggestions.append(
                Suggestion(
                    _("Das ist Arbeit für %(role)s: %(lines)s")
                    % {"role": f"„{share.title}“", "lines": " · ".join(share.lines)}
                )
            )
        suggestions.append(
            Suggestion(
                _("Vergleichen Sie die Rollen."),
                _compare_url([s.slug for s in findings.shares][:6]),
                _("Zum Vergleich"),
            )
        )
    if excluded:
        suggestions.append(
            Suggestion(_("Streichen Sie die Zeilen, die nicht zur Rolle passen."))
        )
        if title_role.slug != best.slug:
            suggestions.append(
                Suggestion(
                    _("Die Aufgaben passen besser zu %(best)s.")
                    % {"best": f"„{best.title}“"},
                    _compare_url([title_role.slug, best.slug]),
                    _("%(a)s und %(b)s vergleichen")
                    % {"a": title_role.title, "b": best.title},
                )
            )
    if any(w.kind == "too-many" for w in findings.warnings):
        suggestions.append(
            Suggestion(
                _("Kürzen Sie die Liste. Nennen Sie nur, was die Stelle braucht.")
            )
        )
    suggestions.append(
        Suggestion(
            _("Für %(role)s gibt es einen Entwurf. Sie können mit ihm starten.")
            % {"role": f"„{best.title}“"},
            reverse("hiring:builder", kwargs={"slug": best.slug}),
            _("Zum Entwurf"),
        )
    )
    return suggestions
