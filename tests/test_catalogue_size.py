"""Every page stays the same size and asks the database the same number of
questions, whether the catalogue holds 5 or 50 more roles (Step 8).

The extra roles are made by ``generate_catalogue``'s own generator, through the
services, so they have tasks, competencies, relations and history like real ones.
Each page is measured cold (empty cache) and warm (second view).
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.listing import PAGE_SIZE
from roles.management.commands.generate_catalogue import generate

pytestmark = pytest.mark.django_db

PAIR = "social-media-manager,social-media-berater"
SIX = f"{PAIR},community-manager,pr-berater,blogger,seo-manager"
PAGES = [
    "/",
    "/roles/",
    "/roles/?page=2",
    "/roles/?family=social-media",
    "/roles/social-media-manager/",
    "/roles/social-media-manager/history/",
    f"/compare/?roles={PAIR}",
    f"/compare/?roles={SIX}",
    "/compare/?roles=social-media-manager&add=Comunity+Manger",
    "/compare/social-media-manager-oder-berater/",
    f"/compare/export.csv?roles={PAIR}",
    f"/compare/export.xlsx?roles={PAIR}",
    f"/compare/export.json?roles={PAIR}",
    "/search/?q=Moderation",
    "/search/?q=Sozial+Media+Manger",
    "/search/suggest/?q=Commu",
    "/tasks/",
    "/tasks/moderation/",
    "/competencies/",
    "/competencies/unabhaengigkeit/",
    "/changes/",
    "/about/",
    "/check/",
    "/finden/",
    "/roles/social-media-manager/stellenanzeige/",
]
PAGED = {
    "/roles/",
    "/roles/?page=2",
    "/roles/?family=social-media",
    "/tasks/moderation/",
    "/competencies/unabhaengigkeit/",
    "/search/?q=Moderation",
    "/search/?q=Sozial+Media+Manger",
}
"""Lists that fill up to a page as roles are added; their size is held by the
page size instead."""
MOST_ROLE_LINKS = PAGE_SIZE + 16
"""A page of the list plus the fixed picks (most compared, recently changed)."""
ROLE_LINK = re.compile(r'href="/roles/([a-z0-9-]+)/"')


def _measure(client, url: str) -> tuple[int, int, set[str], int]:
    """(queries cold, queries warm, role links, bytes) of one page."""
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    assert response.status_code in (200, 302), url
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    body = response.content
    links = set(ROLE_LINK.findall(body.decode())) if b"<html" in body[:200] else set()
    return len(cold), len(warm), links, len(body)


def _all_pages(client) -> dict[str, tuple[int, int, set[str], int]]:
    return {url: _measure(client, url) for url in PAGES}


def test_pages_do_not_grow_with_the_catalogue(client, catalogue):
    generate(5, seed=3)
    small = _all_pages(client)
    generate(50, seed=3)
    large = _all_pages(client)
    for url in PAGES:
        cold_small, warm_small, _links, size_small = small[url]
        cold_large, warm_large, links, size_large = large[url]
        assert cold_large <= cold_small, f"{url}: queries (cold) grew"
        assert warm_large <= warm_small, f"{url}: queries (warm) grew"
        assert len(links) <= MOST_ROLE_LINKS, f"{url}: lists {len(links)} roles"
        if url not in PAGED:
            assert size_large <= size_small * 1.15 + 2_000, f"{url}: page grew"


def test_warm_pages_ask_the_database_little(client, catalogue):
    """With the fragments cached, a role page and a comparison need only the
    catalogue stamp and their own row(s)."""
    for url, most in [
        ("/roles/social-media-manager/", 2),
        (f"/compare/?roles={SIX}", 2),
        ("/compare/social-media-manager-oder-berater/", 4),
    ]:
        _cold, warm, _links, _size = _measure(client, url)
        assert warm <= most, (url, warm)


def test_role_list_pages_through_every_role(client, catalogue):
    generate(50, seed=3)
    seen: list[str] = []
    page = 1
    while True:
        html = client.get("/roles/", {"page": page}).content.decode()
        cards = re.findall(r'class="card-title" href="/roles/([a-z0-9-]+)/"', html)
        assert len(cards) <= PAGE_SIZE
        seen += cards
        if 'rel="next"' not in html:
            break
        page += 1
    from roles.models import Role

    assert sorted(seen) == sorted(Role.objects.values_list("slug", flat=True))
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("page", ["-3", "0", "999", "zwei", "1e9"])
def test_role_list_page_numbers_out_of_range_show_a_real_page(client, catalogue, page):
    response = client.get("/roles/", {"page": page})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="card-title"' in html


def test_role_map_on_the_list_shows_the_page_and_keeps_its_table(client, catalogue):
    generate(50, seed=3)
    html = client.get("/roles/", {"page": 2}).content.decode()
    map_html = html[html.index('<figure class="role-map">') : html.index("</figure>")]
    table = map_html[map_html.index("<table") :]
    assert 0 < table.count('<th scope="row">') <= PAGE_SIZE
    assert "Die Karte zeigt die Rollen dieser Seite." in map_html
