"""After the move from WordPress a reader follows an old link from a bookmark or a search engine and lands on
the imported story: its title, hero image with alt text, the body's heading, quote and the click-to-load
video, the comment thread with its reply; the old "?p=12" address and the old category archive lead to the
same place. The story page passes axe's WCAG 2.2 A/AA rules and asks no other host for anything.
`UPDATE_SCREENSHOTS=1` keeps the view in docs/screenshots/umzug/."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "umzug"  # see the `shots` fixture
EXPORTS = Path(__file__).resolve().parents[2] / "wordpress_import" / "tests" / "exports"


@pytest.fixture
def moved_blog(live_server, migrated_db, settings, tmp_path):
    """The hand-written WordPress export imported into a fresh site, images from its uploads folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    StoryIndexPageFactory(parent=home, title="Geschichten", slug="blog")
    call_command(
        "import_wordpress",
        str(EXPORTS / "kundenblog.xml"),
        "--media-dir",
        str(EXPORTS / "uploads"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    return live_server.url


def test_an_old_wordpress_link_leads_to_the_imported_story(page, moved_blog, shots):
    page.goto(f"{moved_blog}/2024/05/12/der-verlorene-plueschesel/")

    assert page.url == f"{moved_blog}/blog/der-verlorene-plueschesel/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Der verlorene Plüschesel 🫏")
    expect(page.get_by_role("heading", name="Ein Anruf am Sonntag")).to_be_visible()
    expect(page.get_by_role("img", name="Ein grauer Plüschesel auf einem Sofa")).to_be_visible()
    expect(page.get_by_text("Ihr habt unserem Sohn den Tag gerettet!")).to_be_visible()
    # The video loads nothing from its host until the reader asks for it.
    expect(page.get_by_role("button", name="Video laden")).to_be_visible()
    expect(page.locator("iframe")).to_have_count(0)
    # The thread as it was: the team's answer below the reader's comment, and the reply to it below that.
    comments = page.locator("ol.comment-list > li")
    expect(comments).to_have_count(3)
    expect(comments.nth(0)).to_contain_text("Danke! Unser Sohn schläft wieder mit seinem Esel 😊")
    expect(comments.nth(1)).to_have_class("comment comment--level-1")
    expect(comments.nth(1)).to_contain_text("Antwort auf Ayşe Özdemir")
    expect(comments.nth(2)).to_have_class("comment comment--level-2")
    expect(comments.nth(2)).to_contain_text("Und die Oma auch 👵")
    expect(page.get_by_text("Noch nicht freigegeben.")).to_have_count(0)
    expect(page.get_by_text("Kaufen Sie jetzt!")).to_have_count(0)
    page.screenshot(path=str(shots / "alte-adresse.png"), full_page=True)

    assert violations(page) == {}
    assert page.requests.foreign(moved_blog) == []


def test_the_old_query_address_and_category_archive_lead_to_the_new_pages(page, moved_blog):
    page.goto(f"{moved_blog}/?p=12")
    assert page.url == f"{moved_blog}/blog/der-verlorene-plueschesel/"

    page.goto(f"{moved_blog}/category/kundenservice/")
    assert page.url == f"{moved_blog}/blog/kategorie/kundenservice/"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kundenservice")
    expect(page.get_by_role("link", name="Der verlorene Plüschesel 🫏")).to_be_visible()
    expect(page.get_by_role("link", name="Reparatur über Nacht")).to_be_visible()
