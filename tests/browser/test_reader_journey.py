"""A reader browses the demo site in Chromium; nothing is fetched from another host."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from blog.models import StoryPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def demo_site(live_server, migrated_db):
    call_command("seed_demo", "--no-warm", verbosity=0)
    return live_server.url


def test_reader_goes_from_home_to_a_story_the_archive_and_a_category(page, demo_site, tmp_path):
    page.goto(demo_site + "/")
    assert page.locator("h1, h2").first.is_visible()
    shot_dir = SCREENSHOT_DIR if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    shot_dir.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shot_dir / "home.png", full_page=False)

    page.locator("main a[href='/blog/pluesch-esel/']").first.click()
    page.wait_for_url("**/blog/pluesch-esel/")
    assert "Esel" in page.locator("h1").inner_text()
    assert page.locator("#kommentare").is_visible()

    page.goto(demo_site + "/blog/")
    archive_link = page.locator("a[href^='/blog/archiv/']").first
    archive_link.click()
    page.wait_for_url("**/blog/archiv/**")
    assert page.locator("main article, main .story-card, main li").count() > 0

    page.locator("a[href^='/blog/kategorie/']").first.click()
    page.wait_for_url("**/blog/kategorie/**")
    assert "Kategorie" in page.locator("h1").inner_text()

    assert page.requests.urls
    assert page.requests.foreign(demo_site) == []


def test_video_loads_only_after_the_reader_clicks(page, demo_site):
    story = next(
        story
        for story in StoryPage.objects.live()
        if any(block.block_type == "embed" for block in story.body)
    )
    page.goto(demo_site + story.url)
    assert page.locator("iframe").count() == 0
    assert page.requests.foreign(demo_site) == []

    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(demo_site) else route.abort()
    )
    page.locator("[data-embed-load]").first.click()
    assert page.locator("iframe").count() == 1
