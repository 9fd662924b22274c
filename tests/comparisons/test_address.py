"""One reading of a comparison's address (comparisons/address.py), and every door
that reads it: the page, the picker, the exports and the API."""

from __future__ import annotations

import json

import pytest
from django.http import QueryDict
from django.urls import reverse

from comparisons.address import read_roles

SMM, SMB, CM = "social-media-manager", "social-media-berater", "community-manager"
TITLES = {SMM: "Social Media Manager", SMB: "Social Media Berater"}


def address(query: str):
    return read_roles(QueryDict(query))


# --- the reading itself (no database) ----------------------------------------------


def test_repeated_parameters_and_comma_lists_mean_the_same():
    assert address(f"roles={SMM}&roles={SMB}").slugs == (SMM, SMB)
    assert address(f"roles={SMM},{SMB}").slugs == (SMM, SMB)
    assert address(f"roles={SMM},{SMB}&roles={CM}").slugs == (SMM, SMB, CM)


def test_case_and_blanks_are_normalised_and_each_role_counts_once():
    read = address(f"roles=+Social-Media-MANAGER+,,{SMB}&roles={SMM}")
    assert read.slugs == (SMM, SMB)
    assert read.repeated == (SMM,)
    assert read.tokens == (SMM, SMB, SMM)


def test_names_that_cannot_be_slugs_are_unknown_like_missing_roles():
    read = address(f"roles={SMM},<script>,gibts-nicht")
    assert read.slugs == (SMM, "gibts-nicht")
    assert read.unknown(TITLES) == ("<script>", "gibts-nicht")
    assert read.known(TITLES) == (SMM,)


def test_problems_name_unknown_and_repeated_roles():
    problems = address(f"roles={SMM},nix,{SMM}").problems(TITLES)
    assert problems == [
        "Eine Rolle „nix“ gibt es nicht; sie wurde weggelassen.",
        "„Social Media Manager“ war doppelt gewählt; sie erscheint nur einmal.",
    ]


def test_an_overlong_address_is_cut():
    assert len(",".join(address("roles=" + "a," * 5_000).tokens)) <= 2_000


def test_no_roles_is_an_empty_address():
    assert address("audience=expert").named == ()


# --- the doors ---------------------------------------------------------------------

PAGE = "comparisons:compare"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        f"roles={SMM}&roles={SMB}",
        f"roles={SMM},{SMB}",
        f"roles=Social-Media-Manager,{SMB.upper()}",
    ],
)
def test_page_reads_every_spelling_of_the_same_pair(client, catalogue, query):
    page = client.get(f"{reverse(PAGE)}?{query}").content.decode()
    assert "Social Media Manager" in page and "Social Media Berater" in page
    assert f"/compare/export.xlsx?roles={SMM},{SMB}" in page


@pytest.mark.django_db
def test_page_reports_repeated_and_unknown_roles(client, catalogue):
    query = f"roles={SMM}&roles={SMB},{SMM}&roles=nix"
    page = client.get(f"{reverse(PAGE)}?{query}").content.decode()
    assert "war doppelt gewählt" in page
    assert "„nix“ gibt es nicht" in page
    assert f"/compare/export.csv?roles={SMM},{SMB}" in page


@pytest.mark.django_db
def test_picker_adds_to_repeated_parameters(client, catalogue):
    query = f"roles={SMM}&roles={SMB}&add=Community+Manager"
    response = client.get(f"{reverse(PAGE)}?{query}")
    assert response.status_code == 302
    assert response["Location"].endswith(f"roles={SMM},{SMB},{CM}")


@pytest.mark.django_db
def test_exports_read_repeated_parameters_and_refuse_unknown_roles(client, catalogue):
    url = reverse("comparisons:export", args=["json"])
    document = json.loads(client.get(f"{url}?roles={SMM}&roles={SMB.upper()}").content)
    assert [role["slug"] for role in document["roles"]] == [SMM, SMB]
    refused = client.get(f"{url}?roles={SMM}&roles={SMB}&roles=nix")
    assert refused.status_code == 400
    assert "„nix“ gibt es nicht" in refused.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        f"roles={SMM}&roles={SMB}",
        f"roles={SMM},{SMB}",
        f"roles={SMM.upper()},{SMB},{SMM}",
    ],
)
def test_api_reads_every_spelling_of_the_same_pair(client, catalogue, query):
    response = client.get(f"/api/v1/compare/?{query}")
    assert response.status_code == 200, response.content
    assert [role["slug"] for role in response.json()["roles"]] == [SMM, SMB]


@pytest.mark.django_db
def test_api_names_unknown_roles_from_any_parameter(client, catalogue):
    response = client.get(f"/api/v1/compare/?roles={SMM}&roles=nix,{SMB}")
    assert response.status_code == 404
    assert "nix" in response.json()["error"]["message"]
