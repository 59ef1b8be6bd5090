"""A moderator approves a waiting comment in the Wagtail admin; a reader then sees it on the story."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def story(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home),
        title="Wie Esel Emil heimkam",
        slug="esel",
        date=timezone.localdate(),
    )
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "geheim-und-lang")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    return story


def test_moderator_approves_a_waiting_comment_and_the_reader_sees_it(page, browser, story, live_server):
    StoryCommentFactory(
        story=story, user_name="Erika", comment="Emil hat uns allen gefehlt!", status=CommentStatus.PENDING
    )
    reader = browser.new_page()
    reader.goto(live_server.url + story.url)
    assert "Emil hat uns allen gefehlt!" not in reader.content()

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    page.get_by_role("link", name="Kommentare (1)").click()
    page.get_by_role("navigation", name="Kommentare nach Status").get_by_role(
        "link", name="Zu prüfen"
    ).click()
    page.get_by_role("link", name="Emil hat uns allen gefehlt!").click()
    page.get_by_role("button", name="Freigeben").click()

    expect(page.get_by_text("Kommentar von Erika freigegeben.")).to_be_visible()
    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED
    assert page.requests.foreign(live_server.url) == []

    reader.reload()
    assert "Emil hat uns allen gefehlt!" in reader.locator("#kommentare").inner_text()
    reader.close()
