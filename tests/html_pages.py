"""Every page type of the site as HTML, for the checkers that read whole documents.

``collect_pages`` walks the site as the personas do (anonymous reader, reader with an
account, editor, maintainer) in one language and returns ``{name: html}``. The rows
it needs (a second revision, a proposal, comments, a notice, a shared check) are made
the way users make them, so the markup checked is the markup users get.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error
from reversion.models import Version

from config.faults import fault_response
from discussions.models import Comment
from roles.models import Competency, Role, Task
from roles.revisions.snapshots import snapshot_of
from roles.services.proposals import submit
from tests.roles.forms import edit_data

SMM = "social-media-manager"
TWO = "social-media-manager,community-manager"
SIX = (
    "social-media-manager,community-manager,pr-berater,facebook-manager,"
    "online-redakteur,social-media-berater"
)
AD = (
    "Social Media Manager (m/w/d)\n\nIhre Aufgaben:\n- Sie entwickeln unsere "
    "Social-Media-Strategie\n- Sie planen Redaktionspläne und schreiben Beiträge\n"
    "- Sie moderieren Kommentare\n\nIhr Profil:\n- Erfahrung mit Instagram und "
    "LinkedIn\n\nWir bieten: 32 Stunden, Homeoffice."
)
GUIDE = {
    "company_size": "small",
    "position": "internal",
    "lead": "no",
    "t-redaktionsplanung": "often",
    "t-beitraege-schreiben": "often",
    "t-fragen-beantworten": "sometimes",
    "t-social-media-strategie": "sometimes",
}
PROFILE = {
    "task-community-aufbau": "owns",
    "task-moderation": "owns",
    "task-grafikdesign": "excluded",
    "name": "Kim Beispiel",
}


class Walker:
    """Fetches pages in one language and keeps each answer's HTML under a name."""

    def __init__(self, language: str):
        self.language = language
        self.pages: dict[str, str] = {}

    def client(self, user=None, **options) -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE=self.language, **options)
        if user is not None:
            client.force_login(user)
        return client

    def keep(self, name: str, response, status: int = 200) -> None:
        assert response.status_code == status, (name, response.status_code)
        assert response["Content-Type"].startswith("text/html"), name
        self.pages[f"{self.language}-{name}"] = response.content.decode()

    def get(self, client: Client, name: str, url: str, status=200, **params):
        self.keep(name, client.get(url, params), status)

    def post(self, client: Client, name: str, url: str, data: dict, status=200):
        self.keep(name, client.post(url, data), status)


def collect_pages(language: str, people: dict) -> dict[str, str]:
    """All page types in ``language``; ``people`` maps persona names to users."""
    walker = Walker(language)
    for step in STEPS:
        step(walker, people)
    return walker.pages


def _reading(walker: Walker, people: dict) -> None:
    anonymous = walker.client()
    task, competency = Task.objects.first(), Competency.objects.first()
    for name, url in [
        ("home", "/"),
        ("roles", "/roles/"),
        ("role", f"/roles/{SMM}/"),
        ("history", f"/roles/{SMM}/history/"),
        ("tasks", "/tasks/"),
        ("task", f"/tasks/{task.slug}/"),
        ("competencies", "/competencies/"),
        ("competency", f"/competencies/{competency.slug}/"),
        ("about", "/about/"),
        ("changes", "/changes/"),
        ("discussion", f"/roles/{SMM}/discussion/"),
        ("login", "/accounts/login/"),
        ("admin-login", "/admin/login/"),
        ("api-docs", "/api/v1/docs/"),
    ]:
        walker.get(anonymous, name, url)
    walker.get(anonymous, "search", "/search/", q="Community")
    walker.get(anonymous, "search-empty", "/search/", q="zzzqqq")
    walker.get(walker.client(people["reader"]), "role-reader", f"/roles/{SMM}/")
    walker.get(walker.client(people["editor"]), "role-editor", f"/roles/{SMM}/")


def _comparing(walker: Walker, people: dict) -> None:
    anonymous = walker.client()
    walker.get(anonymous, "compare-empty", "/compare/")
    walker.get(anonymous, "compare-2", "/compare/", roles=TWO)
    walker.get(anonymous, "compare-6", "/compare/", roles=SIX)
    walker.get(
        anonymous,
        "compare-6-expert",
        "/compare/",
        roles=SIX,
        audience="expert",
        only="diff",
    )
    walker.get(
        walker.client(people["editor"]), "compare-2-editor", "/compare/", roles=TWO
    )
    walker.get(anonymous, "curated", "/compare/social-media-manager-oder-berater/")


def _hiring(walker: Walker, people: dict) -> None:
    anonymous = walker.client()
    walker.get(anonymous, "check", "/check/")
    walker.post(anonymous, "check-result", "/check/", {"text": AD})
    shared = anonymous.post("/check/", {"text": AD, "keep": "7"})
    walker.get(anonymous, "check-shared", shared["Location"])
    anonymous.post(f"{shared['Location']}delete/")
    walker.get(anonymous, "check-shared-gone", shared["Location"], status=410)
    walker.get(anonymous, "guide", "/finden/")
    walker.get(anonymous, "guide-answered", "/finden/", **GUIDE)
    walker.get(anonymous, "practitioner", "/finden/profil/")
    walker.post(anonymous, "practitioner-result", "/finden/profil/", PROFILE)
    walker.get(anonymous, "builder", reverse("hiring:builder", args=[SMM]))
    walker.get(
        anonymous, "builder-small", reverse("hiring:builder", args=[SMM]), size="small"
    )


def _editing(walker: Walker, people: dict) -> None:
    editor, maintainer = (
        walker.client(people["editor"]),
        walker.client(people["maintainer"]),
    )
    task, competency = Task.objects.first(), Competency.objects.first()
    edit = reverse("roles:edit", args=[SMM])
    walker.get(editor, "edit", edit)
    walker.get(editor, "create", reverse("roles:create"))
    walker.get(editor, "task-edit", reverse("roles:task_edit", args=[task.slug]))
    walker.get(
        editor,
        "competency-edit",
        reverse("roles:competency_edit", args=[competency.slug]),
    )
    walker.get(editor, "task-history", reverse("roles:task_history", args=[task.slug]))
    walker.get(
        editor,
        "competency-history",
        reverse("roles:competency_history", args=[competency.slug]),
    )
    data = edit_data(editor.get(edit))
    data.update({"summary": "", "edit_summary": "leer"})
    walker.post(editor, "edit-invalid", edit, data, status=400)
    _second_revision(maintainer, edit)
    old, new = Version.objects.get_for_object(Role.objects.get(slug=SMM)).order_by(
        "pk"
    )[:2]
    walker.get(
        editor,
        "diff",
        reverse("roles:diff", args=[SMM]),
        **{"from": old.pk, "to": new.pk},
    )
    walker.get(editor, "revision", reverse("roles:revision", args=[SMM, old.pk]))
    walker.get(maintainer, "revert", reverse("roles:revert", args=[SMM, old.pk]))
    walker.get(editor, "password-change", "/accounts/password_change/")


def _second_revision(client: Client, edit: str) -> None:
    data = edit_data(client.get(edit))
    data.update({"summary": "Plant und betreut die Kanäle.", "edit_summary": "neu"})
    assert client.post(edit, data).status_code == 302


def _reviewing(walker: Walker, people: dict) -> None:
    role = Role.objects.get(slug=SMM)
    base = snapshot_of(role)
    proposed = {**base, "fields": {**base["fields"], "summary": "Klarer gesagt."}}
    proposal = submit(
        role=role,
        proposed=proposed,
        base=base,
        base_number=role.revision_number,
        user=people["editor"],
        summary="Klarer",
    )
    maintainer = walker.client(people["maintainer"])
    walker.get(maintainer, "proposals", reverse("roles:proposals"))
    walker.get(maintainer, "proposal", proposal.get_absolute_url())


def _discussing(walker: Walker, people: dict) -> None:
    reader, editor = walker.client(people["reader"]), walker.client(people["editor"])
    page = reverse("discussions:role", args=[SMM])
    reader.post(reverse("discussions:follow", args=[SMM]))
    body = {
        "body": "Fehlt hier nicht das **Monitoring**?",
        "anchor": "",
        "proposal": "",
        "website": "",
    }
    assert reader.post(page, body).status_code == 302
    comment = Comment.objects.filter(parent=None).latest("pk")
    reply = reverse("discussions:reply", args=[comment.pk])
    answer = {"body": "Steht unter Aufgaben.", "website": ""}
    assert editor.post(reply, answer).status_code == 302
    walker.get(reader, "discussion-thread", page)
    walker.get(walker.client(people["maintainer"]), "discussion-maintainer", page)
    walker.get(reader, "notices", reverse("discussions:notices"))
    walker.get(reader, "comment-edit", reverse("discussions:edit", args=[comment.pk]))


def _errors(walker: Walker, people: dict) -> None:
    anonymous = walker.client()
    walker.get(anonymous, "404", "/gibt-es-nicht/", status=404)
    walker.get(anonymous, "404-role", "/roles/gibt-es-nicht/", status=404)
    walker.get(anonymous, "400-characters", "/search/", status=400, q="a\x00b")
    lenient = walker.client(raise_request_exception=False)
    walker.keep("400", lenient.get("/", HTTP_HOST="fremd.example"), 400)
    strict = walker.client(enforce_csrf_checks=True)
    walker.post(
        strict,
        "403-csrf",
        "/accounts/login/",
        {"username": "kim", "password": "geheim"},
        status=403,
    )
    walker.post(
        walker.client(people["reader"]),
        "403",
        reverse("roles:edit", args=[SMM]),
        {},
        status=403,
    )
    factory = RequestFactory()
    with translation.override(walker.language):
        walker.keep("500", server_error(factory.get("/")), 500)
        typed = factory.post("/check/", {"text": AD})
        walker.keep("503", fault_response(typed), 503)


STEPS: list[Callable[[Walker, dict], None]] = [
    _reading,
    _comparing,
    _hiring,
    _editing,
    _reviewing,
    _discussing,
    _errors,
]
