"""Change proposals and their review state (read-only). What a proposal would
change is for editors on the site; the API tells who proposed what and why,
and where the review stands."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.request import Request

from api import serializers as out
from api.base import ReadView
from api.errors import BadParameters
from api.schema import LANG, slug_parameter
from roles.models.proposals import OPEN_STATES, ChangeProposal, ProposalState

STATES = [state.value for state in ProposalState]


def _name(user) -> str | None:
    return user.get_username() if user else None


def _proposal(request: Request, proposal: ChangeProposal) -> dict:
    return {
        "id": proposal.pk,
        "role": proposal.role.slug if proposal.role else None,
        "role_title": proposal.role_title,
        "author": _name(proposal.author),
        "summary": proposal.summary,
        "state": proposal.state,
        "state_label": proposal.get_state_display(),
        "size": proposal.size,
        "base_number": proposal.base_number,
        "created_at": proposal.created_at,
        "decided_at": proposal.decided_at,
        "decided_by": _name(proposal.decided_by),
        "url": request.build_absolute_uri(reverse("api:proposal", args=[proposal.pk])),
    }


@extend_schema_view(
    get=extend_schema(
        operation_id="proposals_list",
        parameters=[
            LANG,
            OpenApiParameter(
                "state",
                str,
                enum=[*STATES, "open-any"],
                description="open-any: every state still open.",
            ),
            slug_parameter("role", "Only this role's proposals (its slug)."),
        ],
        responses=out.ProposalPageSerializer,
    )
)
class ProposalList(ReadView):
    """Proposals, oldest first (the review queue's order)."""

    parameters = ("state", "role")
    paginated = True

    def build(self, request: Request):
        proposals = ChangeProposal.objects.select_related(
            "role", "author", "decided_by"
        ).order_by("created_at", "pk")
        state = request.query_params.get("state")
        if state == "open-any":
            proposals = proposals.filter(state__in=OPEN_STATES)
        elif state is not None:
            if state not in STATES:
                raise BadParameters(
                    {"state": [_("Erlaubt: %(s)s.") % {"s": ", ".join(STATES)}]}
                )
            proposals = proposals.filter(state=state)
        if "role" in request.query_params:
            role = self.slug_parameter(request, "role")
            proposals = proposals.filter(role__slug=role)
        page = self.page_of(request, proposals, lambda p: _proposal(request, p))
        return out.ProposalPageSerializer(page).data


@extend_schema_view(
    get=extend_schema(
        operation_id="proposal_detail",
        parameters=[LANG],
        responses=out.ProposalDetailSerializer,
    )
)
class ProposalDetail(ReadView):
    """One proposal with every step of its review."""

    def build(self, request: Request, pk: int):
        proposal = get_object_or_404(
            ChangeProposal.objects.select_related("role", "author", "decided_by"), pk=pk
        )
        document = _proposal(request, proposal)
        document["events"] = [
            {
                "kind": e.kind,
                "kind_label": e.get_kind_display(),
                "actor": _name(e.actor),
                "comment": e.comment,
                "created_at": e.created_at,
            }
            for e in proposal.events.select_related("actor")
        ]
        return out.ProposalDetailSerializer(document).data
