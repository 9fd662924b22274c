"""Editing the shared catalogue of tasks and competencies, with history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from roles import permissions
from roles.editing.catalogue_forms import CompetencyForm, TaskForm
from roles.editing.forms import NOTHING_CHANGED, add_service_errors
from roles.models import Competency, Task
from roles.revisions import history
from roles.services import UNCHANGED, EditConflict, save_catalogue_entry

KINDS = {
    "task": (Task, TaskForm, _("Aufgabe")),
    "competency": (Competency, CompetencyForm, _("Kompetenz")),
}


@require_http_methods(["GET", "HEAD", "POST"])
@permissions.login_for_reading_else_403
def entry_edit(
    request: HttpRequest, kind: str, slug: str | None = None
) -> HttpResponse:
    model, form_class, label = KINDS[kind]
    entry = get_object_or_404(model, slug=slug) if slug else None
    action = "change" if entry else "add"
    permissions.require(
        request.user.has_perm(f"roles.{action}_{model._meta.model_name}")
    )
    if request.method != "POST":
        return _render(request, kind, form_class(instance=entry), entry)
    form = form_class(request.POST, instance=entry or model())
    if not form.is_valid():
        return _render(request, kind, form, entry, status=400)
    try:
        status = save_catalogue_entry(
            entry=form.instance,
            base_number=form.cleaned_data.get("base_number"),
            user=request.user,
            comment=form.cleaned_data.get("edit_summary", ""),
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(request, kind, form, entry, status=400)
    except EditConflict:
        form.add_error(
            None,
            _(
                "Jemand hat diesen Eintrag gespeichert, während Sie ihn "
                "bearbeitet haben. Nichts wurde überschrieben; Ihre Eingaben stehen "
                "unten. Öffnen Sie die aktuelle Fassung in einem neuen Tab und "
                "übertragen Sie Ihre Änderungen dorthin."
            ),
        )
        return _render(request, kind, form, entry, status=409)
    if status == UNCHANGED:
        messages.info(request, NOTHING_CHANGED)
    else:
        messages.success(request, _("%(label)s gespeichert.") % {"label": label})
    return redirect(form.instance)


def _render(request, kind: str, form, entry, *, status: int = 200) -> HttpResponse:
    context = {"form": form, "entry": entry, "kind": kind, "label": KINDS[kind][2]}
    return render(request, "roles/catalogue_form.html", context, status=status)


@require_safe
def entry_history(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    model, _form, label = KINDS[kind]
    entry = get_object_or_404(model, slug=slug)
    context = {
        "entry": entry,
        "label": label,
        "versions": list(history.versions_of(entry)),
    }
    return render(request, "roles/catalogue_history.html", context)
