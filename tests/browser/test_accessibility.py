"""Every kind of page a reader or moderator meets passes axe-core's WCAG 2.2 A and AA rules with no
violation, in Chromium, as served by the app (axe-core ships with axe-playwright-python; nothing is
downloaded)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from blog.models import StoryPage
from comments.models import CommentStatus, StoryComment
from comments.views import CONFIRMED_SALT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"],
}

axe = Axe()


def violations(page):
    """axe-core's WCAG 2.2 A/AA violations on the page as loaded: rule -> the first offending nodes."""
    results = axe.run(page, options=WCAG_22_AA).response["violations"]
    return {violation["id"]: [node["target"] for node in violation["nodes"][:3]] for violation in results}


def checked(page, base, paths):
    """path -> its violations, for every path that has any."""
    found = {}
    for path in paths:
        response = page.goto(base + path)
        assert response.status in (200, 404), (path, response.status)
        if violations_here := violations(page):
            found[path] = violations_here
    return found


@pytest.fixture
def demo_site(live_server, migrated_db):
    call_command("seed_demo", "--no-warm", verbosity=0)
    return live_server.url


def reader_paths():
    story = StoryPage.objects.live().filter(slug="pluesch-esel").get()
    category = story.categories.first()
    author = story.authors[0]
    return [
        "/",
        "/blog/",
        story.url,
        f"/blog/archiv/{story.date.year}/{story.date.month}/",
        f"/blog/kategorie/{category.slug}/",
        f"/blog/autor/{author.slug}/",
        "/suche/?q=Esel",
        "/suche/?q=Gibtesnichtxyz",
        "/faq/",
        "/datenschutz/",
        "/gibt-es-nicht/",
    ]


def test_reader_pages_have_no_wcag_violations(page, demo_site):
    assert checked(page, demo_site, reader_paths()) == {}


def test_english_pages_have_no_wcag_violations(page, demo_site):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo_site}])
    story = StoryPage.objects.live().get(slug="pluesch-esel")
    assert checked(page, demo_site, ["/", story.url, "/suche/?q=Esel"]) == {}


def test_a_refused_comment_form_has_no_wcag_violations(page, demo_site):
    story = StoryPage.objects.live().get(slug="pluesch-esel")
    page.goto(demo_site + story.url)
    page.locator("#kommentar-formular button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#kommentar-formular .field__error").count() > 0
    assert violations(page) == {}


def test_the_newest_comments_beside_the_stories_have_no_wcag_violations(page, demo_site):
    for path in ("/", "/blog/"):
        page.goto(demo_site + path)
        latest = page.locator("section[aria-labelledby=neueste-kommentare-titel]")
        assert latest.locator("li").count() == 5
        page.evaluate("document.getAnimations().forEach(a => a.finish())")
        assert violations(page) == {}, path


def test_report_and_confirmation_pages_have_no_wcag_violations(page, demo_site):
    comment = StoryComment.objects.filter(status=CommentStatus.PUBLISHED).first()
    report = f"/kommentare/melden/{comment.pk}/"
    confirmed = reverse("comments:confirmed", args=[signing.dumps(comment.pk, salt=CONFIRMED_SALT)])
    assert checked(page, demo_site, [report, confirmed]) == {}

    page.goto(demo_site + report)
    page.locator("#meldung button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#meldung .field__error").count() > 0
    assert violations(page) == {}


def test_moderation_pages_have_no_wcag_violations(page, demo_site, django_user_model):
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "geheim-und-lang")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    page.goto(demo_site + "/admin/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    comment = StoryComment.objects.filter(status=CommentStatus.PUBLISHED).first()
    paths = [
        "/admin/snippets/comments/storycomment/",
        "/admin/snippets/comments/storycomment/?status=pending",
        f"/admin/snippets/comments/storycomment/inspect/{comment.pk}/",
    ]
    assert checked(page, demo_site, paths) == {}
