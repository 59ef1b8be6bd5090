"""Every address the WordPress blog had leads to its new place: stories, pages, listings and feeds."""

import datetime
from pathlib import Path

import pytest
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory
from home.tests.factories import StandardPageFactory
from wordpress_import import wxr
from wordpress_import.old_addresses import item_paths, redirect_archives, redirect_item, wordpress_nicename

EXPORT = Path(__file__).parent / "exports" / "kundenblog.xml"
OLD_SITE = "https://alt.example.com"


def channel(blog=OLD_SITE, **fields):
    """The blog's channel; `blog` is its address (WordPress's "home"), maybe below a folder of the site."""
    return wxr.Channel(
        title="Kundengeschichten der Beispiel GmbH",
        link=blog,
        base_site_url=OLD_SITE,
        base_blog_url=blog,
        language="de-DE",
        wxr_version="1.2",
        authors=[wxr.Author(login="jkoehler", display_name="Jana Köhler", wp_id=1)],
        terms=[
            wxr.Term("category", "kundenservice", "Kundenservice", wp_id=3),
            wxr.Term("category", "eltern", "Eltern", wp_id=5),
            wxr.Term("category", "kinder", "Kinder", wp_id=6, parent_slug="eltern"),
            wxr.Term("post_tag", "überraschung", "Überraschung", wp_id=8),
        ],
        **fields,
    )


def post(**fields):
    values = {
        "wp_id": 12,
        "post_type": "post",
        "title": "Der verlorene Plüschesel",
        "link": f"{OLD_SITE}/2024/05/12/der-verlorene-plueschesel/",
        "slug": "der-verlorene-plueschesel",
        "status": "publish",
        "date": datetime.datetime(2024, 5, 12, 10, 0),
        "date_gmt": datetime.datetime(2024, 5, 12, 8, 0, tzinfo=datetime.UTC),
        "modified_gmt": None,
        "author_login": "jkoehler",
        "content": "",
    }
    return wxr.Item(**{**values, **fields})


def page(**fields):
    values = {
        "wp_id": 3,
        "post_type": "page",
        "title": "Unser Team",
        "link": f"{OLD_SITE}/ueber-uns/team/",
        "slug": "team",
        "parent_id": 2,
    }
    return post(**{**values, **fields})


# The old addresses of a post or page


def test_a_published_post_keeps_its_permalink_and_every_structure_wordpress_offers():
    assert item_paths(post(), channel()) == [
        "/2024/05/12/der-verlorene-plueschesel",
        "/?p=12",
        "/2024/05/der-verlorene-plueschesel",
        "/der-verlorene-plueschesel",
        "/archives/12",
    ]


def test_a_custom_permalink_structure_is_kept_beside_the_common_ones():
    paths = item_paths(post(link=f"{OLD_SITE}/kundenservice/der-verlorene-plueschesel/"), channel())

    assert paths[0] == "/kundenservice/der-verlorene-plueschesel"
    assert "/2024/05/12/der-verlorene-plueschesel" in paths


def test_a_blog_with_plain_permalinks_has_its_query_address_once():
    paths = item_paths(post(link=f"{OLD_SITE}/?p=12"), channel())

    assert paths[0] == "/?p=12"
    assert paths.count("/?p=12") == 1


def test_a_draft_without_a_slug_has_only_its_query_address():
    draft = post(wp_id=16, link=f"{OLD_SITE}/?p=16", slug="", status="draft", date_gmt=None)

    assert item_paths(draft, channel()) == ["/?p=16"]


def test_a_scheduled_post_was_never_at_its_date_addresses():
    scheduled = post(wp_id=17, link=f"{OLD_SITE}/?p=17", slug="weihnachten-im-callcenter", status="future")

    assert item_paths(scheduled, channel()) == ["/?p=17"]


def test_a_page_below_another_keeps_its_whole_path_and_page_id():
    assert item_paths(page(), channel()) == ["/ueber-uns/team", "/?page_id=3"]


def test_a_blog_below_a_folder_keeps_that_folder_in_every_address():
    blog = channel(f"{OLD_SITE}/blog")
    moved = post(link=f"{OLD_SITE}/blog/2024/05/12/der-verlorene-plueschesel/")

    assert item_paths(moved, blog) == [
        "/blog/2024/05/12/der-verlorene-plueschesel",
        "/blog?p=12",  # Wagtail drops the slash before a query too
        "/blog/2024/05/der-verlorene-plueschesel",
        "/blog/der-verlorene-plueschesel",
        "/blog/archives/12",
    ]


def test_an_umlaut_slug_is_stored_as_wagtail_stores_redirects_and_only_once():
    umlaut = post(link=f"{OLD_SITE}/2024/05/12/%c3%bcberraschung-am-telefon/", slug="überraschung-am-telefon")

    paths = item_paths(umlaut, channel())

    assert paths[0] == "/2024/05/12/überraschung-am-telefon"
    assert paths[0] == Redirect.normalise_path("/2024/05/12/%C3%BCberraschung-am-telefon/")
    assert len(paths) == len(set(paths)) == 5


def test_every_post_and_page_of_the_export_has_old_addresses():
    export = wxr.Export(EXPORT)
    blog = export.channel()

    paths = {item.wp_id: item_paths(item, blog) for item in export.items()}

    assert paths[12][:2] == ["/2024/05/12/der-verlorene-plueschesel", "/?p=12"]
    assert paths[16] == ["/?p=16"]  # the draft without a title
    assert paths[3] == ["/ueber-uns/team", "/?page_id=3"]
    assert all(paths.values())


# Redirects for a post or page


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index, title="Der verlorene Plüschesel", slug="der-verlorene-plueschesel"
    )


def test_the_old_permalink_leads_to_the_story(client, story, site):
    redirect_item(post(), channel(), story, site)

    response = client.get("/2024/05/12/der-verlorene-plueschesel/")

    assert response.status_code == 301
    assert response["Location"] == "/blog/der-verlorene-plueschesel/"


@pytest.mark.parametrize("old", ["/?p=12", "/2024/05/der-verlorene-plueschesel/", "/archives/12"])
def test_the_other_old_addresses_lead_to_the_story_too(client, story, site, old):
    redirect_item(post(), channel(), story, site)

    assert client.get(old, follow=True).redirect_chain == [("/blog/der-verlorene-plueschesel/", 301)]


def test_the_posts_old_comment_feed_leads_to_the_storys(client, story, site):
    redirect_item(post(), channel(), story, site)

    response = client.get("/2024/05/12/der-verlorene-plueschesel/feed/")

    assert response.status_code == 301
    assert response["Location"] == f"/kommentare/feed/geschichte/{story.pk}/"


def test_a_second_run_changes_nothing(story, site):
    first = redirect_item(post(), channel(), story, site)
    rows = list(Redirect.objects.values_list("pk", "old_path", "redirect_page", "redirect_link"))

    second = redirect_item(post(), channel(), story, site)

    assert first == 6  # five addresses and the comment feed
    assert second == 0
    assert list(Redirect.objects.values_list("pk", "old_path", "redirect_page", "redirect_link")) == rows


def test_an_old_address_leading_elsewhere_is_corrected_and_counted(story, story_index, site):
    Redirect.objects.create(site=site, old_path="/?p=12", redirect_page=story_index, is_permanent=False)

    changes = redirect_item(post(), channel(), story, site)

    redirect = Redirect.objects.get(old_path="/?p=12")
    assert changes == 6
    assert (redirect.redirect_page_id, redirect.is_permanent) == (story.pk, True)
    assert Redirect.objects.filter(old_path="/?p=12").count() == 1


def test_a_pages_old_query_address_leads_to_the_page(client, home_page, site):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    team = StandardPageFactory(parent=about, title="Unser Team", slug="team")
    redirect_item(page(), channel(), team, site)

    response = client.get("/?page_id=3")

    assert response.status_code == 301
    assert response["Location"] == "/ueber-uns/team/"


def test_a_page_at_its_old_address_gets_no_redirect_to_itself(client, home_page, site):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    team = StandardPageFactory(parent=about, title="Unser Team", slug="team", live=False)

    redirect_item(page(), channel(), team, site)

    assert not Redirect.objects.filter(old_path="/ueber-uns/team").exists()
    assert client.get("/ueber-uns/team/").status_code == 404  # a draft, not a loop of redirects


def test_an_old_address_that_is_a_live_page_here_is_left_alone(client, home_page, story, site):
    StandardPageFactory(parent=home_page, title="Archiv", slug="archives")
    contact = StandardPageFactory(
        parent=home_page, title="Der verlorene Plüschesel", slug="der-verlorene-plueschesel"
    )
    Redirect.objects.create(site=site, old_path="/der-verlorene-plueschesel", redirect_link="/kontakt/")

    redirect_item(post(), channel(), story, site)

    assert Redirect.objects.get(old_path="/der-verlorene-plueschesel").redirect_link == "/kontakt/"
    assert client.get(contact.url).status_code == 200
    assert client.get("/archives/12").status_code == 301  # a page "archives" answers nothing below it


def test_an_address_the_story_index_answers_itself_gets_no_redirect(story, story_index, site):
    blog = channel(f"{OLD_SITE}/blog")
    feed_post = post(link=f"{OLD_SITE}/blog/feed/", slug="feed")

    redirect_item(feed_post, blog, story, site)

    assert not Redirect.objects.filter(old_path="/blog/feed").exists()
    assert Redirect.objects.filter(old_path="/blog?p=12").exists()


# Redirects for listings and feeds


@pytest.fixture
def archives(story, site, story_index):
    """The blog's topics, people and months as the import makes them, and the redirects to them."""
    story.categories = [StoryCategoryFactory(name="Kundenservice", slug="kundenservice")]
    story.tags.add(Tag.objects.create(name="Überraschung", slug="überraschung"))
    story.story_authors.create(author=AuthorFactory(name="Jana Köhler", slug="jana-koehler"))
    story.date = datetime.date(2024, 5, 12)
    story.save_revision().publish()
    return {
        "channel": channel(),
        "site": site,
        "story_index": story_index,
        "categories": {
            "kundenservice": story.categories.get(),
            "kinder": StoryCategoryFactory(name="Kinder", slug="kinder"),
        },
        "tags": {"überraschung": Tag.objects.get(slug="überraschung")},
        "authors": {"jkoehler": story.story_authors.get().author},
        "months": {(2024, 5)},
    }


def make_archive_redirects(archives):
    arguments = dict(archives)
    return redirect_archives(arguments.pop("channel"), **arguments)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/kundenservice/", "/blog/kategorie/kundenservice/"),
        ("/?cat=3", "/blog/kategorie/kundenservice/"),
        ("/category/eltern/kinder/", "/blog/kategorie/kinder/"),
        ("/category/kinder/", "/blog/kategorie/kinder/"),
        ("/category/kundenservice/feed/", "/blog/kategorie/kundenservice/feed/"),
        ("/tag/%C3%BCberraschung/", "/blog/tag/%C3%BCberraschung/"),
        ("/tag/%c3%bcberraschung/", "/blog/tag/%C3%BCberraschung/"),
        ("/?tag=%C3%BCberraschung", "/blog/tag/%C3%BCberraschung/"),
        ("/author/jkoehler/", "/blog/autor/jana-koehler/"),
        ("/?author=1", "/blog/autor/jana-koehler/"),
        ("/2024/05/", "/blog/archiv/2024/5/"),
        ("/?m=202405", "/blog/archiv/2024/5/"),
        ("/2024/", "/blog/archiv/2024/"),
        ("/?m=2024", "/blog/archiv/2024/"),
        ("/feed/", "/blog/feed/"),
        ("/?feed=rss2", "/blog/feed/"),
        ("/feed/atom/", "/blog/feed/atom/"),
        ("/?feed=atom", "/blog/feed/atom/"),
        ("/comments/feed/", "/kommentare/feed/"),
        ("/?feed=comments-rss2", "/kommentare/feed/"),
    ],
)
def test_an_old_listing_or_feed_leads_to_ours(client, archives, old, new):
    make_archive_redirects(archives)

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_the_old_category_address_shows_its_stories(client, archives):
    make_archive_redirects(archives)

    response = client.get("/category/kundenservice/", follow=True)

    assert "Kategorie: Kundenservice" in response.content.decode()
    assert "Der verlorene Plüschesel" in response.content.decode()


def test_archive_redirects_are_made_once(archives):
    first = make_archive_redirects(archives)
    count = Redirect.objects.count()

    assert make_archive_redirects(archives) == 0
    assert first == count
    assert Redirect.objects.count() == count


def test_archive_redirects_follow_the_story_index_to_its_new_address(client, archives, story_index):
    make_archive_redirects(archives)
    story_index.slug = "geschichten"
    story_index.save_revision().publish()

    assert client.get("/category/kundenservice/")["Location"] == "/geschichten/kategorie/kundenservice/"


@pytest.mark.parametrize(
    ("login", "language", "nicename"),
    [
        ("jkoehler", "de-DE", "jkoehler"),
        ("Jörg.Müller", "de-DE", "joerg-mueller"),
        ("Jörg Müller", "en-US", "jorg-muller"),
        ("mo@example.com", "de-DE", "moexample-com"),
    ],
)
def test_author_addresses_use_the_name_wordpress_made_from_the_login(login, language, nicename):
    assert wordpress_nicename(login, language) == nicename
