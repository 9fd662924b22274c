"""The job-ad check under real database faults: it only reads, so a read-only
database still checks; sharing writes, so there it is a 503 that keeps the ad."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client

from hiring.models import SharedCheck
from tests.reliability.test_faults import read_only_database, unreachable_database

AD = (
    "Community Manager (m/w/d)\n\n- Aufbau und Pflege der Community\n"
    "- Moderation der Kommentare\n- Mein sorgfältig getippter Satz.\n"
)


def _post_during(fault, data: dict):
    """POST the check while the database has ``fault``, with the catalogue loaded."""
    call_command("load_catalogue", verbosity=0)
    with fault():
        return Client().post("/check/", data)


def test_check_works_on_a_read_only_database(committed):
    answer = _post_during(read_only_database, {"text": AD, "format": "json"})
    assert answer.status_code == 200
    assert answer.json()["roles"][0]["slug"] == "community-manager"


def test_sharing_on_a_read_only_database_is_a_503_that_keeps_the_ad(committed):
    answer = _post_during(read_only_database, {"text": AD, "keep": "7"})
    assert answer.status_code == 503
    assert "Mein sorgfältig getippter Satz." in answer.content.decode()
    assert not SharedCheck.objects.exists()


def test_unreachable_database_is_a_503_that_keeps_the_ad(committed):
    answer = _post_during(unreachable_database, {"text": AD})
    assert answer.status_code == 503
    assert "Mein sorgfältig getippter Satz." in answer.content.decode()
