"""The guide's page (/finden/): the questions, and after sending them the answer
first, then the questions again to change them. Works without JavaScript; the
answers live in the address, so a result can be shared."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from hiring.catalogue import Catalogue, current_catalogue
from hiring.guide import GuideAnswer, answer_guide
from hiring.guide_answers import (
    FREQUENCIES,
    NEVER,
    POSITIONS,
    SIZES,
    GuideError,
    read_answers,
)
from roles.choices import CompanySize, TaskArea
from roles.search.query import name_matches

TASK_PREFIX = "t-"
MAX_TEAM_NAMES = 10


def form_data(params: QueryDict, catalogue: Catalogue) -> tuple[dict, list[str]]:
    """The page's parameters as the engine's answers; names of roles the
    company has are looked up (typos forgiven); unknown names are reported."""
    tasks = {
        key.removeprefix(TASK_PREFIX): value
        for key, value in params.items()
        if key.startswith(TASK_PREFIX) and value != NEVER
    }
    team, unknown = [], []
    typed = [n.strip() for n in params.get("team", "").split(",") if n.strip()]
    for name in typed[:MAX_TEAM_NAMES]:
        slug = _role_named(name)
        if slug:
            team.append(slug)
        else:
            unknown.append(name)
    data = {
        "company_size": params.get("company_size", ""),
        "position": params.get("position", "any"),
        "lead": params.get("lead") == "yes",
        "tasks": tasks,
        "team": team,
    }
    return data, unknown


def _role_named(name: str) -> str:
    """The role a typed name means: one whose title or other name it is, else
    the best match of the search (typos forgiven), else ""."""
    found = name_matches(name, limit=5)
    wanted = " ".join(name.split()).casefold()
    for slug, title, aliases in found:
        if wanted in {n.casefold().strip("„“") for n in (slug, title, *aliases)}:
            return slug
    return found[0][0] if found else ""


def _links(answer: GuideAnswer) -> dict[str, str]:
    roles = answer.roles
    links = {}
    if len(roles) > 1:
        pair = ",".join(role.slug for role in roles[:2])
        links["compare"] = f"{reverse('comparisons:compare')}?roles={pair}"
    if roles:
        best = roles[0].card
        work = [t for t in answer.answers.needs if best.does(t)]
        query = urlencode({"size": answer.answers.company_size, "work": ",".join(work)})
        links["builder"] = f"{reverse('hiring:builder', args=[best.slug])}?{query}"
    return links


def _questions(catalogue: Catalogue, chosen: dict[str, str]) -> list:
    areas = dict(TaskArea.choices)
    order = {area: n for n, area in enumerate(areas)}
    tasks = sorted(
        catalogue.tasks(), key=lambda e: (order.get(e.group, 99), e.plain_name)
    )
    return [
        (areas.get(area, area), [(e, chosen.get(e.slug, NEVER)) for e in entries])
        for area, entries in groupby(tasks, key=lambda e: e.group)
    ]


@require_safe
def guide(request: HttpRequest) -> HttpResponse:
    catalogue = current_catalogue()
    data, unknown_team = form_data(request.GET, catalogue)
    asked = bool(request.GET)
    answer, errors = None, {}
    if asked:
        try:
            answer = answer_guide(read_answers(data, catalogue), catalogue)
        except GuideError as error:
            errors = error.details
    context = {
        "answer": answer,
        "errors": errors,
        "unknown_team": unknown_team,
        "links": _links(answer) if answer and answer.roles else {},
        "groups": _questions(catalogue, data["tasks"]),
        "frequencies": FREQUENCIES,
        "sizes": [(code, CompanySize(code).label) for code in SIZES],
        "positions": list(zip(POSITIONS, POSITION_LABELS, strict=True)),
        "data": data,
        "team_text": request.GET.get("team", ""),
        "nothing_needed": bool(answer and answer.unknown_need),
    }
    status = 400 if errors else 200
    return render(request, "hiring/guide.html", context, status=status)


POSITION_LABELS = (
    _("angestellt, im Haus"),
    _("Hilfe von außen (Agentur, Beratung, freiberuflich)"),
    _("egal"),
)
