"""A reader who chose English gets every page in English; the German content stays German and says so
(`lang="de"`, WCAG 3.1.2), while German pages carry no such marks."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Site

from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryPageFactory
from comments.tests.factories import StoryCommentFactory
from home.models import SiteSettings
from home.tests.factories import FaqPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _restore_language():
    """The middleware leaves the reader's language active; don't leak English into other tests."""
    previous = translation.get_language()
    yield
    translation.activate(previous)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def site(home_page, story_index):
    """A small site like the demo: a story with everything a story can show and an open discussion, a
    second story, the FAQ, a privacy page and the site's settings."""
    Site.objects.filter(is_default_site=True).update(site_name="Kundengeschichten")
    author = AuthorFactory(
        name="Mara Beispiel",
        slug="mara-beispiel",
        role="Teamleiterin Kundenservice",
        bio="Leitet seit 2019 den Kundenservice und nimmt jede Woche selbst Anrufe an.",
    )
    category = StoryCategoryFactory(
        name="Kundenservice", slug="kundenservice", description="Geschichten vom Telefon und aus dem Chat."
    )
    story = StoryPageFactory(
        parent=story_index,
        title="Wie Esel Emil wieder nach Hause kam",
        slug="pluesch-esel",
        teaser="Ein Kind verlor seinen Plüschesel, und unser Team fand Ersatz.",
        date=timezone.localdate(),
        hero_alt="Ein grauer Plüschesel auf einem Regal",
        hero_caption="Esel Emil wartet auf seine Familie.",
        authors=[author],
        categories=[category],
        tags=["Kuscheltier"],
        body=[
            ("heading", {"text": "Die Nachricht", "level": "h2"}),
            ("paragraph", "<p>Am Sonntag schrieb uns eine Familie.</p>"),
            ("quote", {"text": "Danke für alles!", "source": "", "source_url": "https://example.org/"}),
            (
                "info_box",
                {"title": "Gut zu wissen", "text": "<p>Wir helfen auch sonntags.</p>", "tone": "tip"},
            ),
            (
                "image",
                {"image": ImageFactory(), "alt_text": "Das Lager", "caption": "Im Lager", "credit": ""},
            ),
            ("embed", {"url": "https://vimeo.com/76979871", "title": "Ein Tag im Kundenservice"}),
        ],
    )
    StoryPageFactory(
        parent=story_index, title="Der Router, an dem ein Hausnotruf hing", categories=[category]
    )
    first = StoryCommentFactory(
        story=story, user_name="Sabine Kramer", comment="Was für eine schöne Geschichte!"
    )
    StoryCommentFactory(story=story, parent=first, user_name="Jana Petersen", comment="Das finde ich auch.")
    privacy = StandardPageFactory(parent=home_page, title="Datenschutz", slug="datenschutz")
    FaqPageFactory(parent=home_page)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Geschichten aus dem Alltag der Muster AG."
    site_settings.privacy_page = privacy
    site_settings.save()
    return story


def page_soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def breadcrumb_steps(soup):
    return [step.get_text(strip=True) for step in soup.select("nav.breadcrumbs li")]


def test_english_breadcrumb_names_home_and_all_stories_and_keeps_the_story_title(english, site):
    soup = page_soup(english, site.url)
    assert breadcrumb_steps(soup) == ["Home", "All stories", "Wie Esel Emil wieder nach Hause kam"]
    assert soup.select("nav.breadcrumbs li")[-1].find(lang="de").get_text() == site.title

    soup = page_soup(english, "/blog/kategorie/kundenservice/")
    assert breadcrumb_steps(soup) == ["Home", "All stories", "Category: Kundenservice"]


def test_english_story_index_is_called_all_stories(english, site):
    soup = page_soup(english, "/blog/")
    assert soup.h1.get_text(strip=True) == "All stories"
    assert soup.title.get_text().startswith("All stories – ")
    assert breadcrumb_steps(soup) == ["Home", "All stories"]

    soup = page_soup(english, "/blog/kategorie/kundenservice/")
    assert soup.select_one(".page-header .eyebrow").get_text(strip=True) == "All stories"


def test_german_story_index_keeps_its_title(client, site, story_index):
    story_index.title = "Unsere Geschichten"
    story_index.save_revision().publish()
    soup = page_soup(client, "/blog/")
    assert soup.h1.get_text(strip=True) == "Unsere Geschichten"
    assert breadcrumb_steps(soup) == ["Start", "Alle Geschichten"]
