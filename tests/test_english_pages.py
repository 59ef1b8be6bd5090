"""A reader who chose English gets every page in English; the German content stays German and says so
(`lang="de"`, WCAG 3.1.2), while German pages carry no such marks."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Site

from blog.tests.factories import AuthorFactory, ImageFactory, StoryCategoryFactory, StoryPageFactory
from comments.models import StoryComment
from comments.tests.factories import StoryCommentFactory
from home.models import SiteSettings
from home.tests.factories import FaqPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

# Words and letters English never has. Names are proper names (no language to mark), so the people in
# these tests have names without umlauts.
GERMAN = re.compile(
    r"[äöüÄÖÜß]|\b(der|die|das|dem|den|und|oder|nicht|ist|sind|ein|eine|einen|mit|für|von|vom|zum|zur|auf|"
    r"aus|bei|uns|wir|sie|ihr|ihre|hier|noch|alle|keine|bitte|seite|geschichte|geschichten|kommentar|"
    r"kommentare|suche|suchen|zurück|weiter|schlagwort|schlagwörter|kategorie|kategorien|autorin|lesezeit|"
    r"datenschutz|impressum|sprache|wechseln|antworten|melden|tipp|hinweis|quelle|laden|ansehen|wie|nach|"
    r"hause|kam|danke|schöne|sonntag|familie)\b",
    re.IGNORECASE,
)
LABELS = ("alt", "aria-label", "title", "placeholder")


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


def language_of(element):
    marked = element if element.has_attr("lang") else element.find_parent(lang=True)
    return marked["lang"] if marked else None


def unmarked_german(soup):
    """What a reader sees or hears in <body> that looks German but is not marked as German."""
    found = []
    for text in soup.body.find_all(string=True):
        if (
            text.parent.name not in ("script", "style")
            and GERMAN.search(text)
            and language_of(text.parent) != "de"
        ):
            found.append(text.strip())
    for element in soup.body.find_all(True):
        for label in LABELS:
            if element.has_attr(label) and GERMAN.search(element[label]) and language_of(element) != "de":
                found.append(f'{label}="{element[label]}"')
    return found


def url_of(name, story):
    """Addresses that depend on the story: its archive (it is from today) and the report form of a comment."""
    today = story.date
    return {
        "archive-year": f"/blog/archiv/{today.year}/",
        "archive-month": f"/blog/archiv/{today.year}/{today.month}/",
        "report": f"/kommentare/melden/{StoryComment.objects.filter(object_pk=story.pk).first().pk}/",
    }.get(name, name)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/blog/",
        "/blog/kategorie/kundenservice/",
        "/blog/tag/kuscheltier/",
        "/blog/autor/mara-beispiel/",
        "archive-year",
        "archive-month",
        "/blog/pluesch-esel/",
        "/faq/",
        "/datenschutz/",
        "/suche/",
        "/suche/?q=Esel",
        "/suche/?q=Quantenphysik",
        "report",
    ],
)
def test_english_page_shows_german_only_where_it_is_marked_german(english, site, url):
    soup = page_soup(english, url_of(url, site))
    assert soup.html["lang"] == "en"
    assert unmarked_german(soup) == []


def test_english_story_page_with_a_reply_form_and_a_closed_one(english, site):
    first = StoryComment.objects.filter(object_pk=site.pk).order_by("pk").first()
    soup = page_soup(english, f"{site.url}?antwort={first.pk}")
    assert soup.find("form", id="kommentar-formular")
    assert unmarked_german(soup) == []

    site.comments_enabled = False
    site.save_revision().publish()
    soup = page_soup(english, site.url)
    assert soup.select_one(".comments__notice")
    assert unmarked_german(soup) == []


def test_english_not_found_page(english, site):
    soup = page_soup(english, "/nirgends/", status=404)
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert unmarked_german(soup) == []


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


def test_english_story_marks_its_german_parts(english, site):
    soup = page_soup(english, site.url)
    german = [
        soup.h1,
        soup.select_one(".story__teaser"),
        soup.select_one(".story__body"),
        soup.select_one(".story__hero"),
        soup.select_one(".story__categories li"),
        soup.select_one(".story__tags .tag-list"),
        soup.select_one(".author-box__bio"),
        soup.select_one(".author-box__role"),
        soup.select_one(".byline__role"),
    ]
    assert [element["lang"] for element in german] == ["de"] * len(german)
    assert soup.select_one(".block-info__kind")["lang"] == "en"
    assert soup.select_one(".block-embed__actions")["lang"] == "en"


def test_english_comments_mark_their_text_german(english, site):
    soup = page_soup(english, site.url)
    texts = soup.select("#kommentare .comment__text")
    assert [text.get_text(strip=True) for text in texts] == [
        "Was für eine schöne Geschichte!",
        "Das finde ich auch.",
    ]
    assert {text["lang"] for text in texts} == {"de"}
    assert language_of(soup.select_one("#kommentare .comment footer a")) == "en"


def test_english_story_cards_mark_title_teaser_and_category(english, site):
    card = page_soup(english, "/blog/").select_one(".card")
    for part in (".card__title", ".card__teaser", ".eyebrow", ".card__media"):
        assert card.select_one(part)["lang"] == "de", part
    assert language_of(card.select_one(".card__meta")) == "en"


def test_language_marks_appear_only_when_the_interface_is_not_german(client, site):
    def marked(soup):
        return [element.name for element in soup.body.find_all(lang=True) if element.name != "option"]

    for url in ("/", "/blog/", site.url, "/faq/", "/suche/?q=Esel"):
        soup = page_soup(client, url)
        assert soup.html["lang"] == "de"
        assert marked(soup) == [], url

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url in ("/", "/blog/", site.url, "/faq/", "/suche/?q=Esel"):
        assert marked(page_soup(client, url)), url
