"""Comparison pages and their exports."""

from __future__ import annotations

from dataclasses import replace

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comparisons.charts import competency_profile, level_legend, position_map
from comparisons.engine import MAX_ROLES
from comparisons.exporters import EXPORTERS, export_filename
from comparisons.models import CuratedComparison
from comparisons.presenters import difference_cards, export_links, role_controls
from comparisons.selectors import role_choices
from comparisons.services import compare_state
from comparisons.state import ComparisonState, next_step_hint, parse_request
from comparisons.tables import Audience
from roles.renamed import current_slugs


def _renamed_roles_redirect(request: HttpRequest, choices) -> HttpResponse | None:
    """A shared link with a role's old slug: 301 to the same view with today's."""
    known = {slug for slug, _title, _aliases in choices}
    tokens = [
        t.strip().lower() for t in ",".join(request.GET.getlist("roles")).split(",")
    ]
    renamed = current_slugs(
        [t for t in tokens if t and t not in known][: MAX_ROLES * 2]
    )
    if not renamed:
        return None
    params = request.GET.copy()
    params["roles"] = ",".join(renamed.get(token, token) for token in tokens if token)
    return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode(',')}")


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    choices = role_choices()
    moved = _renamed_roles_redirect(request, choices)
    if moved:
        return moved
    parsed = parse_request(request.GET, choices)
    if parsed.added and not parsed.errors:
        return redirect(
            f"{reverse('comparisons:compare')}?{parsed.state.query_string()}"
        )
    state = parsed.state
    result = compare_state(state) if state.slugs else None
    hint = next_step_hint(state)
    titles = {slug: title for slug, title, _aliases in choices}
    context = {
        "state": state,
        "errors": parsed.errors,
        "problem": result.problem if result and not hint else "",
        "hint": hint,
        "candidates": [
            (title, f"?{state.query_string(slugs=(*state.slugs, slug))}")
            for slug, title in parsed.candidates
        ],
        "table": result.table if result else None,
        "pending_text": parsed.pending_text,
        "choices": choices,
        "selected": role_controls(state, titles),
        "exports": export_links("comparisons:export", {}, state),
        "profile": competency_profile(result.table) if result and result.table else [],
        "legend": level_legend(),
        "map": position_map(result.table) if result and result.table else None,
        "cards": difference_cards(result.table if result else None),
    }
    return render(request, "comparisons/compare.html", context)


@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    choices = role_choices()
    moved = _renamed_roles_redirect(request, choices)
    if moved:
        return moved
    parsed = parse_request(request.GET, choices)
    page_url = f"{reverse('comparisons:compare')}?{parsed.state.query_string()}"
    return _export_response(request, fmt, parsed.state, parsed.errors, None, page_url)


@require_safe
def curated(request: HttpRequest, slug: str) -> HttpResponse:
    comparison, state = _curated_state(request, slug)
    result = compare_state(state, comparison)
    context = {
        "comparison": comparison,
        "state": state,
        "table": result.table,
        "problem": result.problem,
        "exports": export_links("comparisons:curated_export", {"slug": slug}, state),
        "profile": competency_profile(result.table) if result.table else [],
        "legend": level_legend(),
        "map": position_map(result.table) if result.table else None,
        "cards": difference_cards(result.table),
        "open_url": f"{reverse('comparisons:compare')}?{state.query_string()}",
    }
    return render(request, "comparisons/curated.html", context)


@require_safe
def curated_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    comparison, state = _curated_state(request, slug)
    page_url = f"{comparison.get_absolute_url()}?{state.query_string()}"
    return _export_response(request, fmt, state, [], comparison, page_url)


def _curated_state(
    request: HttpRequest, slug: str
) -> tuple[CuratedComparison, ComparisonState]:
    comparison = get_object_or_404(
        CuratedComparison.objects.filter(is_published=True).prefetch_related(
            "entries__role"
        ),
        slug=slug,
    )
    slugs = tuple(entry.role.slug for entry in comparison.entries.all())
    audience = (
        Audience.EXPERT if request.GET.get("audience") == "expert" else Audience.PLAIN
    )
    only = request.GET.get("only", "")
    key_only = only == "key"
    return comparison, ComparisonState(slugs, audience, key_only or only == "diff",
                                       key_only)  # fmt: skip


def _export_response(
    request: HttpRequest,
    fmt: str,
    state: ComparisonState,
    errors: list[str],
    curated: CuratedComparison | None,
    page_url: str,
) -> HttpResponse:
    """The file for a state; ``page_url`` (the page it exports) goes in the PDF."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise Http404(_("Unbekanntes Exportformat."))
    result = compare_state(state, curated)
    problems = [*errors, result.problem] if result.problem else errors
    if problems:
        return HttpResponseBadRequest(
            "\n".join(problems), content_type="text/plain; charset=utf-8"
        )
    table = replace(result.table, url=request.build_absolute_uri(page_url))
    response = HttpResponse(exporter.render(table), content_type=exporter.content_type)
    filename = export_filename(result.table, exporter.extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
