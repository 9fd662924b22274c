"""The job-ad check pages: the form, its result, exports and shared results."""

from __future__ import annotations

import json
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from core.clients import client_key
from core.counters import count_hit
from core.render_limits import count_render, polite_when_busy
from hiring.builder import AD_LANGUAGE, MAX_REQUIREMENTS, MAX_TASKS, build_draft
from hiring.catalogue import current_catalogue
from hiring.check import AdRejected, CheckResult, check_ad
from hiring.documents import DOCUMENT_FORMATS, Document, as_pdf
from hiring.exports import RENDERERS, error_document
from hiring.forms import AdForm, PostingForm
from hiring.highlight import marked_ad
from hiring.posting import (
    CODE_SETS,
    career_page,
    job_posting,
    missing_for_search,
    script_safe_json,
)
from hiring.practitioner import PRACTICE, match_practitioner
from hiring.sharing import find_shared, share
from hiring.text import clean
from roles.choices import CompanySize, TaskArea
from roles.models import Role
from roles.renamed import follow_renamed_slug


def _file(request, result: CheckResult, fmt: str) -> HttpResponse:
    content_type, render_file = RENDERERS[fmt]
    count_render(request)
    response = HttpResponse(render_file(result), content_type=content_type)
    if fmt != "json":
        response["Content-Disposition"] = (
            f'attachment; filename="stellenanzeige-pruefung.{fmt}"'
        )
    return response


def _page(request, form, result=None, error=None, shared=None, status=200):
    context = {
        "form": form,
        "result": result,
        "marked": marked_ad(result) if result else "",
        "error": error,
        "shared": shared,
    }
    return render(request, "hiring/check.html", context, status=status)


def _too_many_checks(request: HttpRequest) -> int:
    """Seconds to wait when this client has checked more ads this minute than
    allowed (the page's own limit, like the API's); 0 when it may go on."""
    limit = settings.CHECK_PAGE_PER_MINUTE
    if limit <= 0:
        return 0
    hit = count_hit("check-page", client_key(request), seconds=60)
    return max(hit.retry_after, 1) if hit.count > limit else 0


# The check only reads: other tools may POST to it without a CSRF token. Sharing
# stores the ad, so that one step checks the token itself.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@polite_when_busy
def check(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, AdForm())
    data = request.POST.copy()
    # The box shows the text again without control characters (NUL and the like).
    text = data["text"] = clean(request.POST.get("text", ""))
    form = AdForm(data)
    fmt = request.POST.get("format", "")
    if fmt and fmt not in RENDERERS:
        fmt = ""
    form.is_valid()  # only ``keep`` can be invalid; the check judges the text
    wait = _too_many_checks(request)
    if wait:
        response = _page(
            request,
            form,
            error=_(
                "Sie haben in dieser Minute schon viele Anzeigen prüfen lassen. "
                "Bitte warten Sie %(seconds)s Sekunden; Ihr Text bleibt hier stehen."
            )
            % {"seconds": wait},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    try:
        result = check_ad(text)
    except AdRejected as rejected:
        if fmt == "json":
            body = error_document(rejected.code, rejected.message)
            return HttpResponse(
                json.dumps(body, ensure_ascii=False),
                status=400,
                content_type="application/json",
            )
        return _page(request, form, error=rejected.message)
    if fmt:
        return _file(request, result, fmt)
    keep = form.cleaned_data.get("keep")
    if keep:
        rejected = CsrfViewMiddleware(lambda r: None).process_view(
            request, None, (), {}
        )
        if rejected:
            return rejected
        shared = share(result.text, int(keep))
        return redirect(shared.get_absolute_url(), permanent=False)
    return _page(request, form, result)


@never_cache  # the page shows someone's ad: no shared proxy may keep it
@require_safe
def shared_check(request: HttpRequest, token: str) -> HttpResponse:
    shared = find_shared(token)
    if shared is None:
        return render(request, "hiring/shared_gone.html", status=410)
    form = AdForm(initial={"text": shared.text})
    try:
        result = check_ad(shared.text)
    except AdRejected as rejected:  # the catalogue changed since it was shared
        return _page(request, form, error=rejected.message, shared=shared)
    return _page(request, form, result, shared=shared)


@never_cache
@require_safe
@polite_when_busy
def shared_export(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    shared = find_shared(token)
    if shared is None:
        return render(request, "hiring/shared_gone.html", status=410)
    if fmt not in RENDERERS:
        return render(request, "404.html", status=404)
    try:
        return _file(request, check_ad(shared.text), fmt)
    except AdRejected as rejected:
        return HttpResponse(rejected.message, status=400, content_type="text/plain")


@require_POST
def shared_delete(request: HttpRequest, token: str) -> HttpResponse:
    shared = find_shared(token)
    if shared is not None:
        shared.delete()
    messages.success(request, _("Der geteilte Link ist gelöscht. Der Text ist weg."))
    return redirect("hiring:check")


def _download(request, document, fmt: str, filename: str) -> HttpResponse:
    content_type, render_file = DOCUMENT_FORMATS[fmt]
    count_render(request)
    response = HttpResponse(render_file(document), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


BUILDER_FORMATS = {
    **DOCUMENT_FORMATS,
    "html": ("text/html; charset=utf-8", None),
    "jsonld": ("application/ld+json; charset=utf-8", None),
}


def _posting_file(draft, fmt: str, classifications) -> bytes:
    data = job_posting(
        draft, today=timezone.localdate(), classifications=classifications
    )
    if fmt == "jsonld":
        return script_safe_json(data).encode()
    return career_page(draft, data).encode()


def _builder_file(request, draft, fmt: str, classifications) -> HttpResponse:
    content_type, render_file = BUILDER_FORMATS[fmt]
    count_render(request)
    if render_file:
        body = render_file(draft.as_document())
    else:
        body = _posting_file(draft, fmt, classifications)
    response = HttpResponse(body, content_type=content_type)
    if fmt != "jsonld":
        name = f"stellenanzeige-{draft.role_slug}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _check_draft(request: HttpRequest, draft) -> HttpResponse:
    """The check's page for the draft as it stands, with the draft's downloads:
    guide → builder → check → download, one click each."""
    wait = _too_many_checks(request)
    if wait:
        response = HttpResponse(
            _("Bitte warten Sie %(seconds)s Sekunden.") % {"seconds": wait},
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(wait)
        return response
    text = draft.as_text()
    query = request.GET.copy()
    query.pop("format", None)
    base = f"{request.path}?{query.urlencode()}&format="
    downloads = [
        (_("Anzeige als Word-Datei (DOCX)"), base + "docx"),
        (_("Karriereseite (HTML)"), base + "html"),
        (_("Daten für Jobsuchmaschinen (JSON-LD)"), base + "jsonld"),
    ]
    context = {
        "form": AdForm(initial={"text": text}),
        "result": check_ad(text),
        "draft_downloads": downloads,
        "builder_url": f"{request.path}?{query.urlencode()}",
    }
    context["marked"] = marked_ad(context["result"])
    return render(request, "hiring/check.html", context)


@require_safe
@follow_renamed_slug
@polite_when_busy
def builder(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    catalogue = current_catalogue()
    form = PostingForm(request.GET)
    form.is_valid()
    # The form was sent when "edited" is present: then unticked lines are dropped.
    selected = set(request.GET.getlist("keep")) if "edited" in request.GET else None
    work = [w for w in request.GET.get("work", "").split(",") if w][:50]
    draft = build_draft(
        catalogue.card(role.slug),
        catalogue,
        posting=form.posting(),
        size=request.GET.get("size", ""),
        selected=selected,
        work=work,
    )
    fmt = request.GET.get("format", "")
    classifications = list(
        role.classifications.filter(scheme__in=CODE_SETS).values_list("scheme", "code")
    )
    if fmt in BUILDER_FORMATS and not form.errors:
        return _builder_file(request, draft, fmt, classifications)
    if fmt == "check" and not form.errors:
        return _check_draft(request, draft)
    context = {
        "role": role,
        "form": form,
        "draft": draft,
        "work": ",".join(work),
        "sizes": CompanySize.choices,
        "groups": [
            (_("Ihre Aufgaben"), "tasks", draft.tasks),
            (_("Das bringen Sie mit"), "essentials", draft.essentials),
            (_("Schön wäre außerdem"), "desirables", draft.desirables),
            (_("Nicht Ihre Aufgabe"), "exclusions", draft.exclusions),
        ],
        "limits": {"tasks": MAX_TASKS, "requirements": MAX_REQUIREMENTS},
        "missing": missing_for_search(draft),
        "preview": draft.as_text(),
        "file_refused": bool(fmt) and bool(form.errors),
    }
    status = 400 if context["file_refused"] else 200
    return render(request, "hiring/builder.html", context, status=status)


def _profile_document(name: str, match) -> Document:
    """German, like the catalogue it quotes: the profile is shown to employers."""
    with translation.override(AD_LANGUAGE):
        return _german_profile(name, match)


def _german_profile(name: str, match) -> Document:
    title = _("Profil: %(name)s") % {"name": name} if name else _("Mein Profil")
    intro = []
    if match.fit:
        intro.append(
            _("Meine Arbeit passt am besten zur Rolle %(role)s.")
            % {"role": match.fit.title}
        )
    headings = {
        "owns": _("Das verantworte ich"),
        "carries-out": _("Das führe ich aus"),
        "contributes": _("Da wirke ich mit"),
        "excluded": _("Nicht meine Aufgabe"),
    }
    sections = [
        (headings[value], items) for value, items in match.ticked.items() if items
    ]
    return Document(title=title, intro=intro, sections=sections, author=name)


@require_http_methods(["GET", "HEAD", "POST"])
@polite_when_busy
def practitioner(request: HttpRequest) -> HttpResponse:
    catalogue = current_catalogue()
    tasks = sorted(catalogue.tasks(), key=lambda entry: (entry.group, entry.plain_name))
    data = request.POST if request.method == "POST" else {}
    ticks = {entry.slug: data.get(f"task-{entry.slug}", "") for entry in tasks}
    name = " ".join(data.get("name", "").split())[:80]
    match = match_practitioner(ticks, catalogue) if request.method == "POST" else None
    fmt = data.get("format", "")
    if match and match.fit and fmt in ("pdf", "docx"):
        document = _profile_document(name, match)
        if fmt == "pdf":
            count_render(request)
            language = get_language() or "de"
            response = HttpResponse(
                as_pdf(document, language), content_type="application/pdf"
            )
            response["Content-Disposition"] = 'attachment; filename="profil.pdf"'
            return response
        return _download(request, document, "docx", "profil")
    areas = dict(TaskArea.choices)
    context = {
        "groups": [
            (areas.get(area, area), [(e, ticks.get(e.slug, "")) for e in entries])
            for area, entries in groupby(tasks, key=lambda e: e.group)
        ],
        "options": PRACTICE,
        "name": name,
        "match": match,
        "nothing_ticked": match is not None and match.fit is None,
    }
    return render(request, "hiring/practitioner.html", context)
