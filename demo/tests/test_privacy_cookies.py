"""The demo's privacy page names every cookie the site can set, and the site sets no other: what the page
says is compared with what readers' and editors' flows actually get."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageViewRestriction

from blog.models import StoryPage
from comments.models import StoryComment
from comments.tests.test_posting import comment_data

pytestmark = pytest.mark.django_db

COOKIE_NAME = re.compile(r"[a-z][a-z_]+")
NUMBER_WORDS = {14: "zwei Wochen", 364: "ein Jahr"}


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--no-warm", verbosity=0)
    return StoryPage.objects.live().get(slug="pluesch-esel")


class Browser(Client):
    """A browser on our own pages that remembers every cookie it was given."""

    def __init__(self):
        super().__init__(headers={"Sec-Fetch-Site": "same-origin"})
        self.given = set()

    def request(self, **request):
        response = super().request(**request)
        self.given |= set(response.cookies)
        return response


def cookies_section(client):
    """The privacy page's section about cookies: its text and the names it sets in bold."""
    page = BeautifulSoup(client.get("/datenschutz/").content, "html.parser")
    heading = page.find("h2", string="Cookies")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    text = " ".join(" ".join(part.get_text(" ") for part in parts).split())
    names = {bold.get_text() for part in parts for bold in part.find_all("b")}
    return text, {name for name in names if COOKIE_NAME.fullmatch(name)}


def read_and_comment(reader, story):
    """Everything a reader does with stories and comments, from reading to reporting."""
    for url in ("/", story.url, "/blog/", "/faq/", "/datenschutz/", "/suche/?q=Esel"):
        assert reader.get(url).status_code == 200, url
    reader.get(f"/kommentare/start/{story.pk}/")
    posted = reader.post("/kommentare/posten/", comment_data(story), follow=True)
    assert "Fast geschafft" in posted.content.decode()
    confirm = re.search(r"http://testserver(/kommentare/bestaetigen/\S+/)", mail.outbox[-1].body)[1]
    reader.get(confirm)
    assert reader.post(confirm, follow=True).status_code == 200
    published = StoryComment.objects.published().filter(object_pk=str(story.pk)).first()
    reader.get(f"/kommentare/melden/{published.pk}/")
    reader.post(f"/kommentare/melden/{published.pk}/", {"reason": "spam"}, follow=True)


def test_reading_and_commenting_set_no_cookie_as_the_privacy_page_says(demo):
    reader = Browser()

    read_and_comment(reader, demo)

    assert reader.given == set()
    text, _ = cookies_section(reader)
    assert "Zum Lesen, Suchen und Kommentieren brauchen Sie keine Cookies" in text


def test_every_cookie_the_site_sets_is_named_on_the_privacy_page_and_no_other(demo, django_user_model):
    reader = Browser()
    read_and_comment(reader, demo)
    reader.post("/sprache/", {"language": "en", "next": "/"})
    restriction = PageViewRestriction.objects.create(
        page=demo, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )
    reader.get(demo.url)
    reader.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{demo.pk}/",
        {"password": "sesam", "return_url": demo.url},
    )
    editor = Browser()
    django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "lang-und-geheim")
    editor.get("/admin/login/")
    editor.post("/admin/login/", {"username": "redaktion", "password": "lang-und-geheim"})
    editor.get("/admin/")
    editor.post("/admin/logout/")

    _, named = cookies_section(Client())

    assert reader.given | editor.given == named
    assert reader.given == {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "sessionid"}


def test_the_privacy_page_says_how_long_each_cookie_lasts(demo):
    text, _ = cookies_section(Client())

    assert settings.LANGUAGE_COOKIE_AGE is None  # a cookie for as long as the browser is open
    assert "wird gelöscht, wenn Sie den Browser schließen" in text
    assert f"({NUMBER_WORDS[settings.CSRF_COOKIE_AGE // 86400]})" in text
    assert f"({NUMBER_WORDS[settings.SESSION_COOKIE_AGE // 86400]})" in text
