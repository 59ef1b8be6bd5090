"""Readers sort the discussion: oldest first (the plain address), newest first, most helpful. Only the
comments at the top move; their replies stay below them in time order, a pinned Team reply first. Each
order is one cacheable page, and nothing else is."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_thread import add_comments, count_story_queries

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def written(minutes_ago):
    return NOW - datetime.timedelta(minutes=minutes_ago)


@pytest.fixture
def discussion(story, admin_user):
    """Anna (oldest, 2 votes) with replies from Ben and a pinned Team reply, Carla (5 votes), Dora (newest,
    2 votes)."""
    anna = StoryCommentFactory(story=story, user_name="Anna", submit_date=written(60), helpful_count=2)
    StoryCommentFactory(story=story, parent=anna, user_name="Ben", submit_date=written(50), helpful_count=9)
    carla = StoryCommentFactory(story=story, user_name="Carla", submit_date=written(40), helpful_count=5)
    team = StoryCommentFactory(
        story=story, parent=anna, user_name="Tobias", is_team=True, submit_date=written(30)
    )
    team.pin(admin_user)
    StoryCommentFactory(story=story, parent=anna, user_name="Berta", submit_date=written(20))
    dora = StoryCommentFactory(story=story, user_name="Dora", submit_date=written(10), helpful_count=2)
    return {"anna": anna, "carla": carla, "dora": dora}


def names_in(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [b.get_text() for b in soup.select(".comment-list > li header > b")]


def test_oldest_first_is_the_plain_address(client, story, discussion):
    assert names_in(client.get(story.url)) == ["Anna", "Tobias", "Ben", "Berta", "Carla", "Dora"]


def test_newest_first_moves_only_the_top_comments(client, story, discussion):
    response = client.get(story.url, {"sortierung": "neueste"})
    assert names_in(response) == ["Dora", "Carla", "Anna", "Tobias", "Ben", "Berta"]


def test_most_helpful_first_then_oldest_first(client, story, discussion):
    response = client.get(story.url, {"sortierung": "hilfreich"})
    # Ben's 9 votes do not lift a reply out of its thread; Anna and Dora tie, so the older comes first.
    assert names_in(response) == ["Carla", "Anna", "Tobias", "Ben", "Berta", "Dora"]


@pytest.mark.parametrize(
    "query, current",
    [
        ("", "Älteste zuerst"),
        ("?sortierung=neueste", "Neueste zuerst"),
        ("?sortierung=hilfreich", "Hilfreichste zuerst"),
    ],
)
def test_the_sort_links_say_which_order_is_shown(client, story, discussion, query, current):
    soup = BeautifulSoup(client.get(f"{story.url}{query}").content, "html.parser")
    nav = soup.select_one("#kommentare nav.comments__order")
    assert nav.get_text(" ", strip=True).startswith("Sortieren:")
    links = {a.get_text(): a["href"] for a in nav.select("a")}
    assert links == {
        "Älteste zuerst": "/blog/esel/#kommentare",
        "Neueste zuerst": "?sortierung=neueste#kommentare",
        "Hilfreichste zuerst": "?sortierung=hilfreich#kommentare",
    }
    assert [a.get_text() for a in nav.select('a[aria-current="true"]')] == [current]


def test_canonical_link_stays_the_plain_address(client, story, discussion):
    soup = BeautifulSoup(client.get(story.url, {"sortierung": "neueste"}).content, "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"].endswith("/blog/esel/")


@pytest.mark.parametrize(
    "query", ["sortierung=alt", "sortierung=", "sortierung=neueste&sortierung=hilfreich"]
)
def test_an_unknown_order_goes_to_the_plain_address_and_is_kept_by_no_cache(client, story, discussion, query):
    response = client.get(f"{story.url}?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/blog/esel/"
    assert "private" in response["Cache-Control"]


def test_an_unknown_order_keeps_the_rest_of_the_address(client, story, discussion):
    anna = discussion["anna"]
    response = client.get(f"{story.url}?sortierung=beste&antwort={anna.pk}")
    assert response["Location"] == f"/blog/esel/?antwort={anna.pk}"


def test_answering_keeps_the_order(client, story, discussion):
    anna = discussion["anna"]
    soup = BeautifulSoup(client.get(story.url, {"sortierung": "neueste"}).content, "html.parser")
    answer = soup.select_one(f"#kommentar-{anna.pk} footer a[href*=antwort]")
    assert answer["href"] == f"?sortierung=neueste&antwort={anna.pk}#kommentar-formular"

    response = client.get(f"{story.url}?sortierung=neueste&antwort={anna.pk}")
    assert names_in(response)[0] == "Dora"
    form = BeautifulSoup(response.content, "html.parser").select_one("#kommentar-formular")
    assert form.select_one("input[name=parent]")["value"] == str(anna.pk)


def test_a_vote_without_javascript_comes_back_to_the_same_order(client, story, discussion):
    carla = discussion["carla"]
    page = BeautifulSoup(client.get(story.url, {"sortierung": "hilfreich"}).content, "html.parser")
    form = page.select_one(f"#kommentar-{carla.pk} form.comment__helpful")
    data = {field["name"]: field["value"] for field in form.select("input")}
    assert data == {"sortierung": "hilfreich"}

    response = client.post(form["action"], data, REMOTE_ADDR="203.0.113.7", follow=True)

    assert response.redirect_chain[-1][0] == (
        f"/blog/esel/?sortierung=hilfreich&kommentar=hilfreich&bei={carla.pk}#kommentar-hinweis"
    )
    assert names_in(response)[0] == "Carla"
    notice = BeautifulSoup(response.content, "html.parser").select_one(f"#kommentar-{carla.pk} .notice")
    assert "als hilfreich markiert" in notice.get_text()


# Exactly three cached copies, all purged with the story


def cached_story_pages():
    """The page cache's entries for the story: in local memory (the SQLite pass) or in Redis."""
    backend = cache._cache
    if hasattr(backend, "get_client"):
        keys = [key.decode() for key in backend.get_client().scan_iter(match="*:page:*")]
    else:
        keys = list(backend)
    return sorted(key for key in keys if ":page:" in key and "/blog/esel/" in key)


def test_the_page_cache_keeps_exactly_three_orders_of_a_story(client, story, discussion, page_cache):
    client.get(story.url)  # the very first view creates the settings rows (site, comment policy)
    addresses = [
        story.url,
        f"{story.url}?sortierung=neueste",
        f"{story.url}?sortierung=hilfreich",
        f"{story.url}?sortierung=alt",
        f"{story.url}?sortierung=NEUESTE",
        f"{story.url}?sortierung=neueste&x=1",
    ]
    for address in addresses:
        client.get(address)
    kept = [client.get(address).get("X-Page-Cache") for address in addresses]
    assert kept == ["hit", "hit", "hit", None, None, None]
    assert len(cached_story_pages()) == 3


def test_a_variant_a_page_does_not_serve_is_not_kept(client, story, discussion, page_cache):
    client.get("/blog/?sortierung=neueste")
    assert "X-Page-Cache" not in client.get("/blog/?sortierung=neueste")


def test_each_order_is_renewed_when_a_comment_is_shown(client, story, discussion, page_cache):
    client.get(story.url)
    orders = [story.url, f"{story.url}?sortierung=neueste", f"{story.url}?sortierung=hilfreich"]
    for address in orders:
        client.get(address)
        assert client.get(address)["X-Page-Cache"] == "hit"
    comment = StoryCommentFactory(story=story, user_name="Emil", status=CommentStatus.PENDING)

    comment.status = CommentStatus.PUBLISHED
    comment.save()

    for address in orders:
        response = client.get(address)
        assert response["X-Page-Cache"] == "miss"
        assert "Emil" in names_in(response)


def test_each_order_is_renewed_after_a_vote(client, story, discussion, page_cache):
    dora = discussion["dora"]
    client.get(story.url)
    address = f"{story.url}?sortierung=hilfreich"
    client.get(address)
    assert client.get(address)["X-Page-Cache"] == "hit"
    for reader in ("203.0.113.7", "203.0.113.8", "198.51.100.1", "198.51.100.2"):
        client.post(f"/kommentare/hilfreich/{dora.pk}/", REMOTE_ADDR=reader)

    response = client.get(address)
    assert response["X-Page-Cache"] == "miss"
    assert names_in(response)[0] == "Dora"  # 6 votes now, more than Carla's 5


def test_varnish_bans_the_query_copies_of_a_story_with_every_purge():
    """The VCL keys copies by the whole address; a soft purge (a comment shown, a vote) and a hard one both
    ban the story's copies with a query string, so its sort orders never outlive a change."""
    with open("deploy/varnish/default.vcl") as vcl:
        text = vcl.read()
    soft = text.index('if (req.http.X-Purge == "soft")')
    assert 'X-Url-Pattern + "\\?");' in text[soft : soft + 300]
    assert 'X-Url-Pattern + "(\\?|$)");' in text


# The query budget


@pytest.mark.parametrize("order", ["", "neueste", "hilfreich"])
def test_story_queries_do_not_grow_with_votes_in_any_order(client, story, django_user_model, order):
    users = [
        django_user_model.objects.create_user(f"leser{n}", f"leser{n}@example.org", "x") for n in range(5)
    ]
    url = f"{story.url}?sortierung={order}" if order else story.url
    add_comments(story, 10, users)
    StoryComment.objects.update(helpful_count=3)
    with_ten = count_story_queries(client, story, url)

    add_comments(story, 190, users)
    for number, comment in enumerate(StoryComment.objects.all()):
        StoryComment.objects.filter(pk=comment.pk).update(helpful_count=number % 7)
    assert count_story_queries(client, story, url) == with_ten
    assert with_ten <= 8


def test_a_single_comment_offers_no_sorting(client, story):
    StoryCommentFactory(story=story, user_name="Anna")
    StoryCommentFactory(story=story, parent=StoryComment.objects.get(), user_name="Ben")
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one("#kommentare nav.comments__order") is None
    assert [b.get_text() for b in soup.select("#kommentare .comment b")] == ["Anna", "Ben"]
