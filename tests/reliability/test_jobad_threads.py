"""Many threads check ads at once, as a threaded gunicorn worker does: the shared
catalogue index and its caches give every thread the same, right answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from hiring import catalogue as catalogue_module
from hiring import checkindex as checkindex_module
from hiring.check import check_ad
from tests.hiring.labelled import load_ads

pytestmark = pytest.mark.django_db(transaction=True)


def _answer(text: str) -> tuple:
    try:
        result = check_ad(text)
        return (
            result.best.slug,
            result.mixed,
            tuple(t.entry.slug for t in result.tasks),
        )
    finally:
        connection.close()


def test_threads_building_and_using_the_index_agree(committed):
    from django.core.management import call_command

    call_command("load_catalogue", verbosity=0)
    ads = [ad.text for ad in load_ads()[:24]]
    expected = [_answer(text) for text in ads]
    catalogue_module._current.clear()  # every thread races to build them anew
    checkindex_module._current.clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(_answer, ads * 3))
    assert answers == expected * 3
