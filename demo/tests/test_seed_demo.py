import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Page, Revision, Site

from blog.models import Author, StoryCategory, StoryPage
from comments.mails import send_comment_mail
from comments.models import UNCONFIRMED_KEPT_DAYS, CommentPolicy
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": StoryCategory.objects.count(),
    }


def test_seed_demo_builds_the_site_and_is_idempotent(client):
    call_command("seed_demo", "--no-warm", verbosity=0)
    first = snapshot()
    call_command("seed_demo", "--no-warm", verbosity=0)

    assert snapshot() == first
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    live_stories = StoryPage.objects.live()
    assert live_stories.count() >= 14
    assert len({story.date.year for story in live_stories}) >= 2
    assert first["authors"] == 3
    assert first["categories"] == 4
    assert live_stories.filter(slug="pluesch-esel").exists()
    assert all(story.hero_image_id for story in live_stories)
    for url in ("/", "/blog/", "/blog/pluesch-esel/", "/faq/", "/datenschutz/", "/impressum/"):
        assert client.get(url).status_code == 200, url


def test_geschichte_vorschlagen_leads_to_the_answer_it_refers_to(client):
    call_command("seed_demo", "--no-warm", verbosity=0)
    home = BeautifulSoup(client.get("/").content, "html.parser")
    address = home.find("a", string="Geschichte vorschlagen")["href"]
    path, anchor = address.split("#")

    faq = BeautifulSoup(client.get(path).content, "html.parser")

    assert (
        faq.find(id=anchor).find_parent("details").summary.get_text()
        == "Kann ich eine Geschichte vorschlagen?"
    )


def test_no_warm_means_no_renditions_even_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--no-warm", verbosity=0)
    assert not Rendition.objects.exists()


def test_the_demo_comment_form_links_the_faq(client):
    call_command("seed_demo", "--no-warm", verbosity=0)

    page = client.get("/blog/pluesch-esel/").content.decode()

    assert '<a href="/faq/">Fragen zu Kommentaren?</a>' in page


NUMBER_WORDS = {1: "einen", 2: "zwei", 3: "drei", 5: "fünf", 7: "sieben", 14: "vierzehn"}


def test_privacy_page_faq_and_mail_name_the_deadlines_the_site_applies(client, mailoutbox):
    """The confirmation link lasts as long as the comment policy says, unconfirmed data goes when
    `purge_unconfirmed_comments` deletes it: the privacy page, the FAQ and the mail all say so."""
    call_command("seed_demo", "--no-warm", verbosity=0)
    link_days = NUMBER_WORDS[CommentPolicy().confirmation_valid_days]
    kept_days = NUMBER_WORDS[UNCONFIRMED_KEPT_DAYS]
    for url in ("/datenschutz/", "/faq/"):
        text = " ".join(client.get(url).content.decode().split())
        assert f"gilt {link_days} Tage" in text, url
        assert f"nach {kept_days} Tagen" in text, url

    send_comment_mail.enqueue("confirmation", "paula@example.org", {"story_title": "Esel", "valid_days": 3})
    body = " ".join(mailoutbox[0].body.split())
    assert "3 Tage gültig" in body
    assert f"nach {UNCONFIRMED_KEPT_DAYS} Tagen gelöscht" in body
