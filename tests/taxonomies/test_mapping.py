"""Roles mapped to ESCO, ISCO-08, O*NET and KldB 2010: edited in the wiki with
history, validated at every door, shown on the role page with the panel."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from reversion.models import Version

from roles.models import Role, RoleClassification
from roles.revisions.snapshots import snapshot_of
from roles.services import save_role
from tests.roles.forms import edit_data
from tests.taxonomies.helpers import OCM_URI, SMM_URI, import_esco, import_onet

pytestmark = pytest.mark.django_db
SMM = "social-media-manager"


def _fill(data: dict, index: int, scheme: str, code: str, status: str, note=""):
    data.update(
        {
            f"classifications-{index}-scheme": scheme,
            f"classifications-{index}-code": code,
            f"classifications-{index}-status": status,
            f"classifications-{index}-note": note,
        }
    )


@pytest.fixture
def draft_smm():
    """The shipped Social Media Manager is reviewed, where an editor's save would
    be a proposal (Step 10); these tests are about mapping, so it is a draft."""
    Role.objects.filter(slug=SMM).update(status="draft")


def _edit(client, slug=SMM):
    url = reverse("roles:edit", args=[slug])
    return url, edit_data(client.get(url))


def test_an_editor_maps_a_role_in_the_wiki_as_one_revision(
    client_for, editor, draft_smm
):
    client = client_for(editor)
    url, data = _edit(client)
    _fill(data, 0, "kldb", "92212", "reviewed", "Öffentlichkeitsarbeit")
    _fill(data, 1, "onet", "27-3031.00", "suggested")
    data["edit_summary"] = "Codes ergänzt"
    assert client.post(url, data).status_code == 302
    role = Role.objects.get(slug=SMM)
    assert set(
        role.classifications.values_list("scheme", "code", "status", "note")
    ) == {
        ("kldb", "92212", "reviewed", "Öffentlichkeitsarbeit"),
        ("onet", "27-3031.00", "suggested", ""),
    }
    newest, previous = list(Version.objects.get_for_object(role)[:2])
    diff = client.get(
        reverse("roles:diff", args=[SMM]) + f"?from={previous.pk}&to={newest.pk}"
    ).content.decode()
    assert "KldB 2010 92212" in diff and "O*NET-Beruf 27-3031.00" in diff
    # History keeps the mapping: the old revision shows no codes, the new one both.
    old_page = client.get(reverse("roles:revision", args=[SMM, previous.pk])).content
    assert b"92212" not in old_page
    new_page = client.get(reverse("roles:revision", args=[SMM, newest.pk])).content
    assert b"92212" in new_page


@pytest.mark.parametrize(
    ("scheme", "code", "message"),
    [
        ("kldb", "9221", "genau fünf Ziffern"),
        ("kldb", "92212a", "genau fünf Ziffern"),
        ("isco", "24321", "1 bis 4 Ziffern"),
        ("onet", "27-3031", "27-3031.00"),
        ("esco", "social-media-manager", "URI des ESCO-Berufs"),
    ],
)
def test_a_bad_code_is_refused_and_the_form_keeps_what_was_typed(
    client_for, editor, scheme, code, message, draft_smm
):
    client = client_for(editor)
    url, data = _edit(client)
    data["summary"] = "Eine neue Kurzbeschreibung, die nicht verloren gehen darf."
    _fill(data, 0, scheme, code, "reviewed")
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and code in page
    assert "Eine neue Kurzbeschreibung, die nicht verloren gehen darf." in page
    assert not RoleClassification.objects.exists()


def test_the_same_code_twice_is_refused(client_for, editor, draft_smm):
    client = client_for(editor)
    url, data = _edit(client)
    _fill(data, 0, "kldb", "92212", "reviewed")
    _fill(data, 1, "kldb", "92212", "suggested")
    response = client.post(url, data)
    assert response.status_code == 400
    assert "mehrfach eingetragen" in response.content.decode()


def test_the_service_refuses_bad_codes_for_every_other_door():
    role = Role.objects.get(slug=SMM)
    before = role.revision_number
    snapshot = snapshot_of(role)
    snapshot["classifications"] = {"kldb:123": {"status": "reviewed", "note": ""}}
    with pytest.raises(ValidationError):
        save_role(
            role=role,
            snapshot=snapshot,
            base_number=role.revision_number,
            user=None,
            comment="",
        )
    assert not RoleClassification.objects.exists()
    assert Role.objects.get(slug=SMM).revision_number == before


def test_the_role_page_shows_codes_panel_and_attribution(client):
    import_esco()
    import_onet()
    role = Role.objects.get(slug=SMM)
    snapshot = snapshot_of(role)
    snapshot["classifications"] = {
        f"esco:{SMM_URI}": {"status": "reviewed", "note": "passt"},
        "isco:2431": {"status": "reviewed", "note": ""},
        "onet:27-3031.00": {"status": "suggested", "note": "nur teilweise"},
        "kldb:92212": {"status": "suggested", "note": ""},
    }
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Codes",
    )
    page = client.get(role.get_absolute_url()).content.decode()
    assert "Einordnung in amtliche Klassifikationen" in page
    assert (
        ">2431.7</a>" in page and "Social-Media-Manager/Social-Media-Managerin" in page
    )
    assert "Fachkräfte in Werbung und Marketing" in page  # the ISCO group's label
    assert "https://www.onetonline.org/link/summary/27-3031.00" in page
    assert "92212" in page and "vorgeschlagen" in page and "geprüft" in page
    # The panel: the role's own tasks beside the classification's statements.
    assert "Vergleich mit der Klassifikation" in page
    assert "Reply to comments and messages from followers." in page
    assert "Marketingstrategien für soziale Medien entwickeln" in page
    assert "Beiträge und Artikel für soziale Netzwerke schreiben" in page
    # The credit lines both sources require.
    assert "This page includes information from the O*NET 29.3 Database" in page
    assert "Used under the CC BY 4.0 license" in page
    assert "ESCO classification (version 1.2.0) of the European Commission" in page


def test_a_new_import_reaches_a_cached_role_page(client):
    role = Role.objects.get(slug=SMM)
    snapshot = snapshot_of(role)
    snapshot["classifications"] = {
        "onet:27-3031.00": {"status": "reviewed", "note": ""}
    }
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Codes",
    )
    before = client.get(role.get_absolute_url()).content.decode()
    assert "27-3031.00" in before and "Public Relations Specialists" not in before
    import_onet()
    after = client.get(role.get_absolute_url()).content.decode()
    assert "Public Relations Specialists" in after


def test_the_edit_page_proposes_namesakes_and_decides_none(
    client_for, editor, draft_smm
):
    import_esco()
    import_onet()
    client = client_for(editor)
    page = client.get(reverse("roles:edit", args=[SMM])).content.decode()
    assert "Mögliche Zuordnungen aus den importierten Klassifikationen" in page
    for code in (SMM_URI, OCM_URI, "11-2032.00", "27-3031.00", "13-1161.01"):
        assert code in page
    assert not RoleClassification.objects.exists()
    # Once mapped, a proposal is no longer offered.
    url, data = _edit(client)
    _fill(data, 0, "onet", "27-3031.00", "reviewed")
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "<code>13-1161.01</code>" in page and "<code>27-3031.00</code>" not in page


def test_a_crossed_edit_of_other_fields_keeps_the_mapping(
    client_for, editor, other_editor, draft_smm
):
    first, second = client_for(editor), client_for(other_editor)
    url, mine = _edit(first)
    _, theirs = _edit(second)
    _fill(mine, 0, "kldb", "92212", "reviewed")
    theirs["summary"] = (
        "Jemand anderes hat die Kurzbeschreibung geändert, in klaren Worten."
    )
    assert second.post(url, theirs).status_code == 302
    assert first.post(url, mine).status_code == 302  # merged
    role = Role.objects.get(slug=SMM)
    assert role.summary.startswith("Jemand anderes")
    assert list(role.classifications.values_list("code", flat=True)) == ["92212"]


def test_hostile_labels_from_an_import_are_shown_as_text(
    client, client_for, editor, tmp_path
):
    from tests.taxonomies.helpers import ONET, copy_of, import_onet

    folder = copy_of(ONET, tmp_path)
    data = folder / "Occupation Data.txt"
    data.write_text(
        data.read_text().replace(
            "Public Relations Specialists",
            "<script>alert(1)</script><img src=x onerror=alert(2)>",
        )
    )
    titles = folder / "Alternate Titles.txt"
    titles.write_text(
        titles.read_text().replace("Community Manager", 'Manager"><b>x</b>')
    )
    import_onet(folder)
    role = Role.objects.get(slug=SMM)
    snapshot = snapshot_of(role)
    snapshot["classifications"] = {
        "onet:27-3031.00": {"status": "reviewed", "note": "<i>n</i>"}
    }
    save_role(
        role=role,
        snapshot=snapshot,
        base_number=role.revision_number,
        user=None,
        comment="Codes",
    )
    for page in (
        client.get(role.get_absolute_url()).content.decode(),
        client_for(editor).get(reverse("roles:edit", args=[SMM])).content.decode(),
    ):
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "<i>n</i>" not in page
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
        in client.get(role.get_absolute_url()).content.decode()
    )
