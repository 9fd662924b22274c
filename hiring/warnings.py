"""What is wrong with an ad, and what to do about it, in plain German.

Three findings: the ad mixes the core work of three or more distinct roles (the
"eierlegende Wollmilchsau"); it asks the role its title names for work that is
explicitly not part of that role; it lists more requirements than an ad can
honestly ask for. Each comes with the lines of the ad it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hiring.index import CatalogueIndex
from hiring.matching import Found
from hiring.scoring import RoleFit
from roles.choices import Responsibility

MIXED_AT = 3  # distinct roles whose core work one ad asks for
DOING_CORE = {Responsibility.OWNS, Responsibility.CARRIES_OUT}
HONEST_MINIMUM = 12  # requirements any ad may list
HONEST_MARGIN = 3  # … or a few more than the best role's own competencies
QUOTE_LENGTH = 90


@dataclass(frozen=True)
class RoleShare:
    """One distinct role in a mixed ad and the lines that belong to it."""

    slug: str
    title: str
    tasks: tuple[str, ...]
    lines: tuple[str, ...]


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


def quote(text: str) -> str:
    text = " ".join(text.split()).lstrip("-–—*•·▪►✓✔+ ")
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


def _doing(remaining: set[str], fits: list[RoleFit], index: CatalogueIndex):
    """The roles that do a remaining task: the ranked ones (the check's
    shortlist; at the shipped size every doer), else any doer."""
    ranked = {fit.slug: index.roles[fit.slug] for fit in fits}
    doing = {
        slug: profile
        for slug, profile in ranked.items()
        if any(profile.tasks.get(task) in DOING_CORE for task in remaining)
    }
    return doing or {p.slug: p for t in sorted(remaining) for p in index.doers[t]}


def split_by_role(
    tasks: dict[str, Found], fits: list[RoleFit], index: CatalogueIndex
) -> list[RoleShare]:
    """Cover the asked tasks with as few distinct roles as possible, starting with
    the best-fitting one. Junior, senior and base role count as one line of work."""
    fit_rank = {fit.slug: n for n, fit in enumerate(fits)}
    remaining = {slug for slug, found in tasks.items() if not found.negated_only}
    remaining &= set(index.doers)  # tasks no role does cannot be handed to one
    shares, used_lineages = [], set()
    preferred = fits[0].slug if fits else ""
    while remaining:
        trying_best = bool(preferred)
        if trying_best:
            candidates, preferred = [index.roles[preferred]], ""
        else:
            doing = _doing(remaining, fits, index)
            candidates = [
                profile
                for _slug, profile in sorted(doing.items())
                if profile.lineage not in used_lineages
            ]
        covering = [
            (
                len({s for s in remaining if p.tasks.get(s) in DOING_CORE}),
                -fit_rank.get(p.slug, len(fit_rank)),
                p,
            )
            for p in candidates
        ]
        covering = [c for c in covering if c[0]]
        if not covering:
            if trying_best:
                continue
            break
        # Ties go to the better fit, then to the first slug (max keeps the first
        # of equals, and candidates come in slug order): same answer every run.
        _count, _rank, profile = max(covering, key=lambda c: (c[0], c[1]))
        covered = {s for s in remaining if profile.tasks.get(s) in DOING_CORE}
        remaining -= covered
        used_lineages.add(profile.lineage)
        lines = {
            quote(u.text) for s in covered for u in tasks[s].units if not u.is_negated
        }
        shares.append(
            RoleShare(
                profile.slug,
                profile.title,
                tuple(sorted(covered)),
                tuple(sorted(lines)),
            )
        )
    return shares


def find_problems(
    *,
    tasks: dict[str, Found],
    fits: list[RoleFit],
    named: list[str],
    requirement_count: int,
    index: CatalogueIndex,
) -> Findings:
    findings = Findings()
    if not fits:
        return findings
    shares = split_by_role(tasks, fits, index)
    findings.shares = shares
    if len(shares) >= MIXED_AT:
        findings.mixed = True
        findings.warnings.append(_mixed_warning(shares))
    title_role = index.roles.get(named[0]) if named else None
    excluded = _excluded(tasks, title_role) if title_role else []
    if excluded:
        findings.warnings.append(_excluded_warning(title_role, excluded, tasks, index))
    best = index.roles[fits[0].slug]
    limit = _honest_limit(best)
    if requirement_count > limit:
        findings.warnings.append(
            Warning(
                "too-many",
                _(
                    "Die Anzeige stellt %(count)s Anforderungen. Das ist zu viel. "
                    "Für %(role)s sind etwa %(limit)s ehrlich."
                )
                % {"count": requirement_count, "role": best.title, "limit": limit},
            )
        )
    findings.suggestions = _suggestions(findings, fits, title_role, excluded, index)
    return findings


def _excluded(tasks: dict[str, Found], role) -> list[str]:
    return sorted(
        slug
        for slug, found in tasks.items()
        if not found.negated_only and role.tasks.get(slug) == Responsibility.EXCLUDED
    )


def _honest_limit(profile) -> int:
    return max(HONEST_MINIMUM, len(profile.competencies) + HONEST_MARGIN)


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


def _excluded_warning(role, excluded, tasks, index) -> Warning:
    text = ngettext(
        "Der Titel nennt %(role)s. "
        "%(count)s Aufgabe gehört aber nicht zu dieser Rolle.",
        "Der Titel nennt %(role)s. %(count)s Aufgaben gehören aber nicht "
        "zu dieser Rolle.",
        len(excluded),
    ) % {"role": f"„{role.title}“", "count": len(excluded)}
    lines = tuple(
        _("%(task)s: %(lines)s")
        % {
            "task": index.entries[("task", slug)].plain_name,
            "lines": " · ".join(
                sorted({f"„{quote(u.text)}“" for u in tasks[slug].units})
            ),
        }
        for slug in excluded
    )
    return Warning("excluded", text, lines)


def _compare_url(slugs: list[str]) -> str:
    return f"{reverse('comparisons:compare')}?roles={','.join(dict.fromkeys(slugs))}"


def _suggestions(findings, fits, title_role, excluded, index) -> list[Suggestion]:
    suggestions = []
    best = fits[0]
    if findings.mixed:
        first, *others = findings.shares
        suggestions.append(
            Suggestion(_("Teilen Sie die Stelle auf. Suchen Sie jede Rolle für sich."))
        )
        for share in others:
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
            Suggestion(_("Streichen Sie die Zeilen, die nicht zur Rolle passen.")),
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
