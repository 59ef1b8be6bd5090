"""Routing, site-wide data and whole pages come from core's caches (`core.routing`, `core.site_cache`,
`core.page_cache`), and never outlive the change that ends them: tried on the real site."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.tests.factories import ImageFactory, StoryCategoryFactory, StoryPageFactory
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory
from core import site_cache
from core.page_cache import PageCacheMiddleware
from home.models import SiteSettings
from home.tests.factories import StandardPageFactory
from tests.test_production_settings import database_down

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Wie Esel Emil heimkam", slug="esel")


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Routing: the same answers as Wagtail's walk through the tree


def test_stories_listings_and_feeds_are_found(client, story):
    assert "Wie Esel Emil heimkam" in text_of(client, "/blog/esel/")
    assert "Wie Esel Emil heimkam" in text_of(client, "/blog/")
    assert text_of(client, "/blog/feed/").startswith("<?xml")
    assert client.get(f"/blog/archiv/{story.date.year}/").status_code == 200


@pytest.mark.parametrize("url", ["/blog/esel/weiter/", "/blog/gibts-nicht/", "/nirgends/", "/blog/archiv/x/"])
def test_unknown_paths_are_not_found(client, story, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/" + "a/" * 2000,
        "/blog/" + "a/" * 2000,
        "/" + "a" * 10_000 + "/",
        "/blog/esel/" + "a" * 10_000 + "/",
    ],
    ids=["2000-levels", "2000-levels-below-the-index", "one-long-level", "one-long-level-below-a-story"],
)
def test_a_very_long_address_is_not_found_with_a_few_short_queries(
    client, story, url, django_assert_max_num_queries
):
    text_of(client, "/blog/esel/")  # the first view creates the settings rows
    with django_assert_max_num_queries(7) as queries:  # as many as for "/nirgends/"
        response = client.get(url)
    long_part = url.strip("/")[-1000:]
    asked_for_it = [query for query in queries.captured_queries if long_part in query["sql"]]
    assert response.status_code == 404
    assert len(asked_for_it) == 1  # Wagtail's redirects look the address up once; routing never sends it


def test_a_draft_is_not_found_but_its_listing_is(client, story_index):
    StoryPageFactory(parent=story_index, slug="entwurf", live=False)
    assert client.get("/blog/entwurf/").status_code == 404
    assert client.get("/blog/").status_code == 200


def test_the_index_answers_its_own_paths_before_a_story_of_the_same_name(client, story_index):
    """Wagtail asks a routable page first: a story called "feed" does not hide the feed."""
    StoryPageFactory(parent=story_index, title="Unser Feed", slug="feed")
    assert text_of(client, "/blog/feed/").startswith("<?xml")


def test_a_moved_page_answers_at_its_new_address(client, home_page, story_index, story):
    elsewhere = StandardPageFactory(parent=home_page, title="Archiv alt", slug="alt")
    client.get("/blog/esel/")
    story.move(elsewhere, pos="last-child")
    assert client.get("/alt/esel/").status_code == 200
    assert client.get("/blog/esel/")["Location"] == "/alt/esel/"  # Wagtail's automatic redirect


# The site cache follows every change


def test_a_new_story_shows_on_the_home_page_and_listings_at_once(client, story, story_index):
    for url in ("/", "/blog/"):
        text_of(client, url)
    StoryPageFactory(parent=story_index, title="Der Koffer im Fundbüro", slug="koffer")
    assert "Der Koffer im Fundbüro" in text_of(client, "/")
    assert "Der Koffer im Fundbüro" in text_of(client, "/blog/")


def test_unpublished_story_leaves_every_listing(client, story, story_index):
    other = StoryPageFactory(parent=story_index, title="Der Koffer im Fundbüro", slug="koffer")
    assert "Der Koffer im Fundbüro" in text_of(client, "/blog/")
    other.unpublish()
    assert "Der Koffer im Fundbüro" not in text_of(client, "/blog/")
    assert "Der Koffer im Fundbüro" not in text_of(client, "/")


def test_a_new_category_appears_in_the_sidebar(client, story_index):
    text_of(client, "/blog/")
    StoryPageFactory(parent=story_index, categories=[StoryCategoryFactory(name="Reparaturen")])
    assert "Reparaturen" in text_of(client, "/blog/")


def test_a_private_section_is_private_at_once(client, story, story_index):
    text_of(client, "/blog/")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert "Wie Esel Emil heimkam" not in text_of(client, "/blog/")
    assert "Wie Esel Emil heimkam" not in text_of(client, "/")
    assert "password" in text_of(client, "/blog/esel/").lower()


def test_changed_settings_show_on_the_next_page(client, story, home_page):
    text_of(client, "/")
    site_settings = SiteSettings.objects.get(site__root_page=home_page)
    site_settings.footer_text = "Neu: Beratung auch samstags"
    site_settings.save()
    assert "Neu: Beratung auch samstags" in text_of(client, "/")


def test_a_warm_home_page_asks_the_database_nothing(client, story):
    for _ in range(2):
        text_of(client, "/")
    with CaptureQueriesContext(connection) as queries:
        text_of(client, "/")
    assert len(queries) == 0


# Whole pages for anonymous readers


def test_the_second_anonymous_view_is_served_from_the_page_cache(client, story, page_cache):
    client.get("/blog/esel/")  # the very first view creates the settings rows (site, comment policy)
    first = client.get("/blog/esel/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/blog/esel/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0
    assert second["Cache-Control"] == "public, max-age=60, s-maxage=3600"
    assert "Content-Security-Policy" in second
    assert not second.cookies


def test_english_readers_get_their_own_copy(client, story, page_cache):
    german = text_of(client, "/blog/esel/")
    client.cookies["django_language"] = "en"
    english = text_of(client, "/blog/esel/")
    assert 'lang="de"' in german
    assert 'lang="en"' in english


def test_logged_in_readers_and_queries_bypass_the_page_cache(client, story, page_cache, admin_user):
    client.get("/blog/esel/")
    assert "X-Page-Cache" not in client.get("/blog/esel/?antwort=1")
    client.force_login(admin_user)
    response = client.get("/blog/esel/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


@pytest.fixture
def visited(client, story, page_cache):
    """The site after its first view, which creates the settings rows (a new cache generation)."""
    client.get("/blog/esel/")
    cache.clear()
    return story


def kept_page(url, **headers):
    """What the page cache holds for an address, looked up as the middleware would."""
    request = RequestFactory().get(url, **headers)
    return cache.get(PageCacheMiddleware(None).key_for(request))


@pytest.mark.parametrize("host", ["Example.org", "example.org.", "example.org:80", "EXAMPLE.org.:80"])
def test_spellings_of_one_host_share_one_cached_page(client, visited, host):
    client.get("/blog/esel/", HTTP_HOST="example.org")
    assert client.get("/blog/esel/", HTTP_HOST=host)["X-Page-Cache"] == "hit"


def test_the_default_port_of_https_is_the_same_host(client, visited):
    client.get("/blog/esel/", HTTP_HOST="example.org", secure=True)
    assert client.get("/blog/esel/", HTTP_HOST="example.org:443", secure=True)["X-Page-Cache"] == "hit"


def test_another_port_is_another_cached_page(client, visited):
    client.get("/blog/esel/", HTTP_HOST="example.org")
    assert client.get("/blog/esel/", HTTP_HOST="example.org:8080")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("page", ["1", "01", "02", "abc", "", "2.0", "0", "-1", "999999", "9" * 30])
def test_page_numbers_a_listing_does_not_serve_are_not_kept(client, story_index, visited, page):
    for number in range(13):
        StoryPageFactory(parent=story_index, slug=f"geschichte-{number}")
    url = f"/blog/?page={page}"
    first, second = client.get(url), client.get(url)
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert kept_page(url) is None


def test_a_page_number_on_a_page_without_pages_is_not_kept(client, visited):
    client.get("/blog/esel/?page=2")
    assert kept_page("/blog/esel/?page=2") is None


def test_the_second_page_of_a_listing_is_kept(client, story_index, visited):
    for number in range(13):
        StoryPageFactory(parent=story_index, slug=f"geschichte-{number}")
    first = client.get("/blog/?page=2")
    second = client.get("/blog/?page=2")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert kept_page("/blog/?page=2") is not None


def test_pages_are_rendered_every_time_when_the_page_cache_is_off(client, story):
    client.get("/blog/esel/")
    assert "X-Page-Cache" not in client.get("/blog/esel/")


def test_a_new_image_description_shows_on_the_listing_at_once(client, story_index):
    image = ImageFactory(description="Ein Esel aus Plüsch")
    StoryPageFactory(parent=story_index, hero_image=image, hero_alt="")
    assert 'alt="Ein Esel aus Plüsch"' in text_of(client, "/blog/")
    image.description = "Emil, der Esel, wieder zu Hause"
    image.save()
    assert 'alt="Emil, der Esel, wieder zu Hause"' in text_of(client, "/blog/")


def test_a_page_made_private_leaves_the_page_cache(client, story, page_cache):
    client.get("/blog/esel/")  # the very first view creates the settings rows (site, comment policy)
    client.get("/blog/esel/")
    assert client.get("/blog/esel/")["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get("/blog/esel/")
    assert response.get("X-Page-Cache") != "hit"
    assert 'name="password"' in response.content.decode()


def test_a_page_rendered_while_a_change_commits_is_not_kept(visited):
    """The render read the rows before the change: kept, it would be served as the new state."""

    def render_while_a_change_commits(request):
        site_cache.bump()  # what the commit of a comment or a publication does
        return HttpResponse("<p>Stand von vorher</p>")

    request = RequestFactory().get("/blog/esel/")
    with site_cache.request_scope():
        response = PageCacheMiddleware(render_while_a_change_commits)(request)

    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert cache.get(PageCacheMiddleware(None).key_for(request)) is None


# While the database is away, readers get the last good copy of a page, never one that was withdrawn


def test_while_the_database_is_away_readers_get_the_last_good_copy(client, visited):
    client.get("/blog/esel/")
    site_cache.changed()  # something else on the site was published: the copy is no longer fresh

    with database_down():
        response = client.get("/blog/esel/")

    assert response.status_code == 200
    assert "Wie Esel Emil heimkam" in response.content.decode()
    assert response["X-Page-Cache"] == "stale"
    assert response["Cache-Control"] == "no-store"  # Varnish asks again once the database is back
    assert client.get("/blog/esel/")["X-Page-Cache"] == "miss"  # and then it renders afresh


def test_a_page_made_private_is_not_served_from_its_last_good_copy(client, visited):
    client.get("/blog/esel/")
    PageViewRestriction.objects.create(page=visited, restriction_type=PageViewRestriction.LOGIN)

    with database_down():
        response = client.get("/blog/esel/")

    assert response.status_code == 503
    assert "Wie Esel Emil heimkam" not in response.content.decode()


def test_an_unpublished_page_is_not_served_from_its_last_good_copy(client, visited):
    client.get("/blog/esel/")
    visited.unpublish()

    with database_down():
        assert client.get("/blog/esel/").status_code == 503


def test_a_page_never_kept_is_the_calm_503(client, visited):
    with database_down():
        assert client.get("/blog/esel/").status_code == 503


def test_a_comment_shown_leaves_the_last_good_copy_for_an_outage(client, visited):
    client.get("/blog/esel/")
    StoryCommentFactory(story=visited, comment="Neu und harmlos")  # published: only adds to the page

    with database_down():
        response = client.get("/blog/esel/")

    assert response.status_code == 200 and response["X-Page-Cache"] == "stale"


def test_a_comment_hidden_is_never_served_again_from_a_copy(client, visited):
    comment = StoryCommentFactory(story=visited, comment="Das muss weg")
    assert "Das muss weg" in client.get("/blog/esel/").content.decode()
    client.get("/blog/esel/")
    comment.status = CommentStatus.REMOVED
    comment.save()

    with database_down():
        response = client.get("/blog/esel/")

    assert response.status_code == 503
    assert "Das muss weg" not in response.content.decode()


def test_copies_kept_before_an_outage_of_redis_are_not_served_for_a_database_outage(
    client, visited, redis, settings
):
    """A comment hidden while Redis was away could not withdraw the copies that still show it."""
    settings.PAGE_CACHE_TIMEOUT = 600
    comment = StoryCommentFactory(story=visited, comment="Das muss weg")
    client.get("/blog/esel/")
    client.get("/blog/esel/")
    redis.go_away()
    comment.status = CommentStatus.REMOVED
    comment.save()
    redis.come_back()

    with database_down():
        response = client.get("/blog/esel/")

    assert response.status_code == 503
    assert "Das muss weg" not in response.content.decode()
