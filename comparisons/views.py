"""Comparison pages and their exports."""

from __future__ import annotations

from dataclasses import replace

from django.core.cache import cache
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

from comparisons.address import PARAMETER, RolesAddress, read_roles
from comparisons.engine import MAX_ROLES
from comparisons.exporters import EXPORTERS, export_filename
from comparisons.fragments import rendered_comparison
from comparisons.models import CuratedComparison
from comparisons.presenters import role_controls
from comparisons.selectors import choices_for_request
from comparisons.services import compare_state
from comparisons.state import (
    ComparisonState,
    ParsedRequest,
    count_problem,
    next_step_hint,
    parse_request,
)
from comparisons.tables import Audience
from core.caching import built_once, fragment_key
from core.render_limits import count_render, polite_when_busy
from roles.renamed import current_slugs


def _renamed_roles_redirect(
    request: HttpRequest, address: RolesAddress, choices
) -> HttpResponse | None:
    """A shared link with a role's old slug: 301 to the same view with today's."""
    known = {slug for slug, _title, _aliases in choices}
    renamed = current_slugs(list(address.unknown(known))[: MAX_ROLES * 2])
    if not renamed:
        return None
    params = request.GET.copy()
    params.setlist(
        PARAMETER, [",".join(renamed.get(token, token) for token in address.tokens)]
    )
    return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode(',')}")


def _read(request: HttpRequest) -> ParsedRequest | HttpResponse:
    """The comparison a page or export address asks for, or the redirect from a
    role's old slug."""
    address = read_roles(request.GET)
    choices = choices_for_request(request.GET, address)
    moved = _renamed_roles_redirect(request, address, choices)
    return moved or parse_request(request.GET, choices, address)


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    parsed = _read(request)
    if isinstance(parsed, HttpResponse):
        return parsed
    if parsed.added and not parsed.errors:
        return redirect(
            f"{reverse('comparisons:compare')}?{parsed.state.query_string()}"
        )
    state = parsed.state
    shown = rendered_comparison(state) if state.slugs else None
    hint = next_step_hint(state)
    context = {
        "state": state,
        "errors": parsed.errors,
        "problem": shown.problem if shown and not hint else "",
        "hint": hint,
        "candidates": [
            (title, f"?{state.query_string(slugs=(*state.slugs, slug))}")
            for slug, title in parsed.candidates
        ],
        "shown": shown,
        "pending_text": parsed.pending_text,
        "selected": role_controls(state, parsed.titles),
    }
    return render(request, "comparisons/compare.html", context)


@require_safe
@polite_when_busy
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    parsed = _read(request)
    if isinstance(parsed, HttpResponse):
        return parsed
    page_url = f"{reverse('comparisons:compare')}?{parsed.state.query_string()}"
    return _export_response(request, fmt, parsed.state, parsed.errors, None, page_url)


@require_safe
def curated(request: HttpRequest, slug: str) -> HttpResponse:
    comparison, state = _curated_state(request, slug)
    context = {
        "comparison": comparison,
        "state": state,
        "shown": rendered_comparison(state, comparison),
    }
    return render(request, "comparisons/curated.html", context)


@require_safe
@polite_when_busy
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
    return comparison, ComparisonState(
        slugs, audience, key_only or only == "diff", key_only
    )


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
    problem = count_problem(state)
    problems = [*errors, problem] if problem else errors
    if problems:
        return HttpResponseBadRequest(
            "\n".join(problems), content_type="text/plain; charset=utf-8"
        )
    url = request.build_absolute_uri(page_url)
    curated_part = f"{curated.pk}@{curated.updated_at.isoformat()}" if curated else ""
    key = fragment_key("export", fmt, url, curated_part)
    exported = cache.get(key)
    if exported is None:
        count_render(request)
        exported = built_once(key, lambda: _export(exporter, state, curated, url))
    content, filename = exported
    response = HttpResponse(content, content_type=exporter.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(exporter, state, curated, url: str) -> tuple[bytes, str]:
    """The file and its name; the table carries the page's address for the PDF."""
    table = compare_state(state, curated).table
    content = exporter.render(replace(table, url=url))
    return content, export_filename(table, exporter.extension)
