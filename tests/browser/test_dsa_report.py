"""A moderator opens the transparency report from Wagtail's "Berichte" menu, picks a period, reads the
figures and downloads them as CSV; the report and the privacy page of a notifier pass axe's WCAG rules."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.dsa.models import ContentNotice, NoticeKind
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "moderation"  # see the `shots` fixture
WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def violations(page):
    results = Axe().run(page, options=WCAG_22_AA).response["violations"]
    return {violation["id"]: [node["target"] for node in violation["nodes"][:3]] for violation in results}


@pytest.fixture
def notices(live_server, migrated_db, django_user_model):
    home = HomePageFactory(parent=Page.get_first_root_node())
    serve_site_from(home)
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), slug="esel", date=timezone.localdate()
    )
    comment = StoryCommentFactory(story=story)
    for kind in (NoticeKind.INSULT, NoticeKind.INSULT, NoticeKind.HATE):
        ContentNotice.objects.create(
            comment=comment,
            kind=kind,
            explanation="Beleidigend.",
            notifier_name="Nora Notz",
            notifier_email="nora@example.org",
            good_faith=True,
        )
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "geheim-und-lang")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))


def test_moderator_reads_the_report_for_this_year_and_downloads_it(
    page, live_server, notices, shots, tmp_path
):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "mara")
    page.fill("#id_password", "geheim-und-lang")
    page.click("button[type=submit]")
    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Transparenzbericht (DSA)").click()

    year = timezone.localdate().year
    expect(page.get_by_role("heading", name=f"Zeitraum: 1. Januar {year} bis")).to_be_visible()
    kinds = page.get_by_role("table", name="Meldungen nach Art des Verstoßes")
    expect(kinds.get_by_role("row", name="Beleidigung, üble Nachrede oder Verleumdung 2")).to_be_visible()
    assert violations(page) == {}
    page.screenshot(path=shots / "transparenzbericht.png", full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV herunterladen").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Meldungen nach Art des Verstoßes;Volksverhetzung oder Hassrede;1" in content

    page.goto(live_server.url + "/admin/kommentare/datenschutz/?email=nora@example.org")
    expect(page.get_by_text("Meldungen rechtswidriger Inhalte mit dieser Adresse: 3")).to_be_visible()
    page.screenshot(path=tmp_path / "datenschutz.png", full_page=True)
    assert violations(page) == {}
    assert page.requests.foreign(live_server.url) == []
