"""Addresses that reach the home page only by their query ("/?p=12") follow the redirects editors and
imports made for them; the home page itself answers as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tests.test_production_settings import database_down

pytestmark = pytest.mark.django_db


@pytest.fixture
def target(story_index):
    """A page below the root for the redirects to lead to (core knows no stories: the index will do)."""
    return story_index


def redirect(old_path, page=None, link="", **fields):
    return Redirect.objects.create(
        old_path=Redirect.normalise_path(old_path), redirect_page=page, redirect_link=link, **fields
    )


def test_a_query_of_the_site_root_leads_to_its_page(client, target):
    redirect("/?p=12", target, site=Site.objects.get())

    response = client.get("/?p=12")

    assert response.status_code == 301
    assert response["Location"] == "/blog/"


def test_a_temporary_redirect_stays_temporary(client, target):
    redirect("/?aktion=ostern", target, is_permanent=False)

    response = client.get("/?aktion=ostern")

    assert response.status_code == 302
    assert response["Location"] == "/blog/"


def test_a_head_request_is_redirected_too(client, target):
    redirect("/?p=12", target)

    assert client.head("/?p=12").status_code == 301


def test_the_order_of_the_parameters_does_not_matter(client, target):
    redirect("/?m=202405&cat=3", link="/blog/archiv/2024/5/")

    assert client.get("/?cat=3&m=202405")["Location"] == "/blog/archiv/2024/5/"


def test_an_umlaut_in_the_query_is_found_as_the_browser_encodes_it(client, story_index):
    redirect("/?tag=überraschung", link="/blog/tag/überraschung/")

    response = client.get("/?tag=%C3%BCberraschung")

    assert response.status_code == 301
    assert response["Location"] == "/blog/tag/%C3%BCberraschung/"


def test_the_sites_own_redirect_wins_over_one_for_all_sites(client, target, home_page):
    redirect("/?p=12", home_page)
    redirect("/?p=12", target, site=Site.objects.get())

    assert client.get("/?p=12")["Location"] == "/blog/"


def test_a_redirect_of_another_site_is_not_followed(client, target, home_page):
    other = Site.objects.create(hostname="anders.example.org", root_page=home_page)
    redirect("/?p=12", target, site=other)

    response = client.get("/?p=12")

    assert response.status_code == 200


def test_an_unknown_query_gets_the_home_page(client, target):
    redirect("/?p=12", target)

    assert client.get("/?p=13").status_code == 200
    assert client.get("/?utm_source=newsletter").status_code == 200


def test_a_form_sent_to_the_root_is_not_redirected(client, target):
    redirect("/?p=12", target)

    assert client.post("/?p=12").status_code != 301


def test_only_the_site_root_is_looked_up(client, target):
    """Below the root every page answers its queries itself: the target index keeps "?page=2" and the like."""
    redirect("/blog/?p=12", target)  # a redirect that would lead to itself, were it followed

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/blog/?p=12")

    assert response.status_code == 200
    assert not [query for query in queries.captured_queries if "wagtailredirects" in query["sql"]]


def test_more_paths_can_be_named_in_the_settings(client, target, settings):
    settings.QUERY_REDIRECT_PATHS = ["/", "/blog/"]
    redirect("/blog/?p=12", link="/kontakt/")

    assert client.get("/blog/?p=12")["Location"] == "/kontakt/"


def test_a_redirect_costs_one_query(client, target, django_assert_max_num_queries):
    redirect("/?p=12", target)
    for _ in range(2):  # the first views create the settings rows and keep the site in the cache
        client.get("/?p=13")

    with django_assert_max_num_queries(1):
        response = client.get("/?p=12")

    assert response.status_code == 301


def test_the_warm_home_page_without_a_query_is_still_a_cache_hit_without_queries(client, target, page_cache):
    redirect("/?p=12", target)
    client.get("/")
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")

    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_a_redirect_may_be_kept_by_front_caches(client, target):
    redirect("/?p=12", target)

    assert client.get("/?p=12")["Cache-Control"] == "public, max-age=60, s-maxage=3600"


def test_with_the_database_away_the_home_page_answers_as_it_would_without_redirects(client, target):
    redirect("/?p=12", target)
    client.get("/")

    with database_down():
        response = client.get("/?p=12")

    assert response.status_code == 503
