"""A reader comments on a story and answers in the thread, in Chromium, without any other host."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from redis.exceptions import ConnectionError as RedisConnectionError
from wagtail.models import Page, Site

from blog.tests.factories import StoryIndexPageFactory, StoryPageFactory
from comments.models import CommentPolicy, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def story(live_server, migrated_db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    serve_site_from(home)
    story_index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=story_index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )
    policy = CommentPolicy.for_site(Site.objects.get())
    policy.min_fill_seconds = 1
    policy.save()
    return story


@pytest.fixture
def story_url(story, live_server):
    return live_server.url + story.url


def write_comment(page, text):
    page.fill("#id_name", "Erika Mustermann")
    page.fill("#id_email", "erika@example.org")
    page.fill("#id_comment", text)
    page.check("#id_consent")
    page.wait_for_timeout(1200)  # the policy's minimum fill time
    page.click("text=Kommentar senden")


def confirm_from_mail(page, live_server_url):
    link = re.search(r"http://[^/\s]+(/kommentare/bestaetigen/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(live_server_url + link)
    page.click("text=Ja, Kommentar bestätigen")


def test_reader_posts_a_comment_and_a_reply(page, story_url, live_server):
    page.goto(story_url)
    write_comment(page, "Was für eine schöne Geschichte!")
    assert "Fast geschafft" in page.locator("#kommentar-hinweis").inner_text()

    confirm_from_mail(page, live_server.url)
    assert "wird von unserem Team geprüft" in page.locator(".lead").inner_text()

    StoryComment.objects.filter(comment="Was für eine schöne Geschichte!").update(
        status=CommentStatus.PUBLISHED, is_public=True
    )
    page.goto(story_url)
    page.reload()  # the browser may keep the story for a minute; the moderators' decision is newer
    assert page.locator("#kommentare-titel").inner_text() == "1 Kommentar"

    page.click("text=Antworten")
    assert "Antwort an Erika Mustermann" in page.locator("#kommentar-formular").inner_text()
    write_comment(page, "Und noch ein Nachtrag von mir.")
    confirm_from_mail(page, live_server.url)

    assert page.locator("h1").inner_text() == "Ihr Kommentar ist veröffentlicht"
    page.click("text=Ihren Kommentar unter der Geschichte ansehen")
    assert page.locator("#kommentar-hinweis").inner_text() == "Danke! Ihr Kommentar ist veröffentlicht."
    reply = page.locator(".comment--level-1")
    assert "Und noch ein Nachtrag von mir." in reply.inner_text()
    assert page.locator("#kommentare-titel").inner_text() == "2 Kommentare"
    assert page.requests.foreign(live_server.url) == []


def test_refused_comment_keeps_the_text(page, story_url):
    page.goto(story_url)
    page.fill("#id_name", "Erika Mustermann")
    page.fill("#id_email", "keine-adresse")
    page.fill("#id_comment", "Mein langer Text, der nicht verloren gehen darf.")
    page.check("#id_consent")
    page.wait_for_timeout(1200)
    page.click("text=Kommentar senden")

    assert "gültige E-Mail-Adresse" in page.locator("#kommentar-formular").inner_text()
    assert page.input_value("#id_comment") == "Mein langer Text, der nicht verloren gehen darf."


def test_without_javascript_a_second_click_sends_the_comment(browser, story_url):
    """The page may come from a shared cache, so without the script's start mark the reader's writing
    time is measured from a second click; nothing typed is lost on the way."""
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(story_url)
    write_comment(page, "Ganz ohne JavaScript geschrieben.")

    assert "Noch ein Schritt" in page.locator("#kommentar-formular").inner_text()
    expect(page.locator("#kommentar-formular .notice")).to_be_in_viewport()  # where the reader is
    assert page.input_value("#id_comment") == "Ganz ohne JavaScript geschrieben."
    assert page.is_checked("#id_consent")
    assert not StoryComment.objects.exists()

    page.wait_for_timeout(1200)  # the policy's minimum fill time, from the second step on
    page.click("text=Kommentar senden")
    assert "Fast geschafft" in page.locator("#kommentar-hinweis").inner_text()
    assert StoryComment.objects.get().comment == "Ganz ohne JavaScript geschrieben."
    context.close()


# Messages in view: whatever just happened is where the reader is, on a phone and on a desktop, with and
# without JavaScript.

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
LONG_COMMENT = (
    "Unser Emil ist damals am Bahnhof verloren gegangen, und wir haben tagelang gesucht. "
    "Dass Ihr Team ihn gefunden und mit der Post nach Hause geschickt hat, werden meine Kinder nie "
    "vergessen. Vielen Dank an alle, die mitgeholfen haben!"
)


@pytest.fixture
def open_page(browser):
    """A fresh browser window: a phone or a desktop, with or without JavaScript."""
    contexts = []

    def open_(viewport=PHONE, javascript=True):
        context = browser.new_context(viewport=viewport, locale="de-DE", java_script_enabled=javascript)
        context.set_default_timeout(60_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def screenshot(page, name):
    """For looking at by hand (var/ is not in git), once smooth scrolling has come to rest."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_refused_comment_puts_the_reader_at_the_error_summary(open_page, story_url, viewport):
    page = open_page(viewport)
    page.goto(story_url)
    page.fill("#id_name", "Erika Mustermann")
    page.fill("#id_email", "keine-adresse")
    page.fill("#id_comment", "Mein Text bleibt.")
    page.wait_for_timeout(1200)
    page.click("text=Kommentar senden")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert page.title().startswith("Fehler: Wie Esel Emil heimkam")
    assert summary.locator("a").all_inner_texts() == [
        "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
        "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.",
    ]
    if viewport == PHONE:
        screenshot(page, "kommentar-fehler-375")

    summary.locator("a[href='#id_email']").click()
    expect(page.locator("#id_email")).to_be_focused()
    expect(page.locator("label[for=id_email]")).to_be_in_viewport()
    assert page.input_value("#id_comment") == "Mein Text bleibt."


def test_without_javascript_a_refused_comment_lands_on_the_error_summary(open_page, story_url):
    page = open_page(PHONE, javascript=False)
    page.goto(story_url)
    page.click("text=Kommentar senden")

    assert page.url.endswith("/kommentare/posten/#kommentar-formular")
    expect(page.locator(".error-summary")).to_be_in_viewport()
    assert page.title().startswith("Fehler: ")


def test_an_empty_form_sent_at_once_names_the_missing_fields_not_the_speed(open_page, story_url):
    page = open_page(DESKTOP)
    page.goto(story_url)
    page.click("text=Kommentar senden")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert summary.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))") == [
        "#id_name",
        "#id_email",
        "#id_comment",
        "#id_consent",
    ]
    assert "sehr schnell" not in summary.inner_text()


def refuse_from_another_site(page, monkeypatch, story_url):
    """A copy of the story on another site, whose form posts to ours: the browser says it is cross-site."""
    origin = story_url.split("/blog/")[0]
    copy = Client().get(story_url).content.decode().replace('action="/', f'action="{origin}/')
    page.route("http://andere.example/**", lambda route: route.fulfill(body=copy, content_type="text/html"))
    return "http://andere.example/esel/"


def refuse_for_the_rate_limit(page, monkeypatch, story_url):
    policy = CommentPolicy.for_site(Site.objects.get())
    policy.posts_per_ip_per_hour = 0
    policy.save()
    return story_url


def refuse_while_redis_is_away(page, monkeypatch, story_url):
    def redis_away(policy):
        raise RedisConnectionError("weg")

    monkeypatch.setattr("comments.views.rate_limits", redis_away)
    return story_url


@pytest.mark.parametrize(
    ("refuse", "status", "message"),
    [
        (refuse_from_another_site, 403, "nicht von unserer Seite"),
        (refuse_for_the_rate_limit, 429, "viele Kommentare"),
        (refuse_while_redis_is_away, 503, "gerade nicht annehmen"),
    ],
    ids=["403", "429", "503"],
)
def test_a_refused_post_lands_on_the_form_with_the_reason(
    open_page, story_url, monkeypatch, refuse, status, message
):
    page = open_page(PHONE)
    page.goto(refuse(page, monkeypatch, story_url))
    with page.expect_response("**/kommentare/posten/") as answer:
        write_comment(page, "Ein Text, der bleibt.")

    assert answer.value.status == status
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert message in summary.inner_text()
    assert page.title().startswith("Fehler: ")
    assert page.input_value("#id_comment") == "Ein Text, der bleibt."


def test_without_javascript_the_second_step_is_where_the_reader_is(open_page, story_url):
    page = open_page(PHONE, javascript=False)
    page.goto(story_url)
    write_comment(page, "Ohne JavaScript.")

    expect(page.locator("#kommentar-schritt")).to_be_in_viewport()
    assert page.title().startswith("Noch ein Schritt: ")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_after_sending_the_reader_sees_the_next_step_at_the_form(open_page, story_url, javascript):
    page = open_page(PHONE, javascript=javascript)
    page.goto(story_url)
    write_comment(page, "Was für eine schöne Geschichte!")
    if not javascript:
        page.wait_for_timeout(1200)
        page.click("text=Kommentar senden")  # the second step

    notice = page.locator("#kommentar-hinweis")
    expect(notice).to_be_in_viewport()
    assert "Fast geschafft" in notice.inner_text()
    if javascript:
        expect(notice).to_be_focused()
        screenshot(page, "kommentar-gesendet-375")
    assert page.context.cookies() == []


def test_with_javascript_the_reply_form_opens_under_the_comment_answered(open_page, story, story_url):
    paul = StoryCommentFactory(story=story, user_name="Paul", comment=LONG_COMMENT)
    StoryCommentFactory(story=story, user_name="Anna", comment="Schön!")
    page = open_page(PHONE)
    page.goto(story_url)

    page.locator(f"#kommentar-{paul.pk}").get_by_role("link", name="Antworten").click()

    form = page.locator(f"#kommentar-{paul.pk} #kommentar-formular")
    expect(form).to_be_visible()
    expect(form.locator("h3")).to_have_text("Antwort an Paul")
    expect(form.locator("blockquote")).to_have_text(LONG_COMMENT[:199].rstrip() + "…")
    expect(form.locator("h3")).to_be_in_viewport()
    expect(page.locator("#id_name")).to_be_focused()  # where the reader starts: the name is still empty
    assert page.input_value("input[name=parent]") == str(paul.pk)
    screenshot(page, "antwort-formular-375")

    page.fill("#id_name", "Erika")
    page.fill("#id_email", "erika@example.org")
    page.click("text=Nicht antworten, sondern einen neuen Kommentar schreiben")
    expect(page.locator(".comment-list #kommentar-formular")).to_have_count(0)
    expect(page.locator("#kommentar-formular h3")).to_have_text("Ihr Kommentar")
    expect(page.locator("#kommentar-formular blockquote")).to_be_hidden()
    expect(page.locator("#id_comment")).to_be_focused()  # name and address are filled in
    assert page.input_value("input[name=parent]") == ""

    page.locator(f"#kommentar-{paul.pk}").get_by_role("link", name="Antworten").click()
    expect(form.locator("h3")).to_have_text("Antwort an Paul")
    expect(page.locator("#id_comment")).to_be_focused()


def test_a_refused_reply_stays_under_its_comment_and_a_sent_one_is_confirmed_there(
    open_page, story, story_url
):
    paul = StoryCommentFactory(story=story, user_name="Paul", comment="Kurz und gut.")
    StoryCommentFactory(story=story, user_name="Anna", comment="Schön!")
    page = open_page(PHONE)
    page.goto(story_url)
    page.locator(f"#kommentar-{paul.pk}").get_by_role("link", name="Antworten").click()
    page.fill("#id_comment", "Genau so war es.")
    page.wait_for_timeout(1200)
    page.click("text=Kommentar senden")

    form = page.locator(f"#kommentar-{paul.pk} #kommentar-formular")
    expect(form.locator(".error-summary")).to_be_focused()
    expect(form.locator("h3")).to_have_text("Antwort an Paul")
    expect(form.locator("blockquote")).to_have_text("Kurz und gut.")

    page.fill("#id_name", "Erika")
    page.fill("#id_email", "erika@example.org")
    page.check("#id_consent")
    page.click("text=Kommentar senden")

    notice = page.locator(f"#kommentar-{paul.pk} #kommentar-hinweis")
    expect(notice).to_be_focused()
    expect(notice).to_be_in_viewport()
    assert StoryComment.objects.get(comment="Genau so war es.").parent_id == paul.pk
    screenshot(page, "antwort-gesendet-375")


def test_without_javascript_the_reply_form_says_and_quotes_what_it_answers(open_page, story, story_url):
    paul = StoryCommentFactory(story=story, user_name="Paul", comment="Kurz und gut.")
    page = open_page(PHONE, javascript=False)
    page.goto(story_url)

    page.locator(f"#kommentar-{paul.pk}").get_by_role("link", name="Antworten").click()

    form = page.locator("#kommentar-formular")
    expect(form).to_be_in_viewport()
    expect(form.locator("h3")).to_have_text("Antwort an Paul")
    expect(form.locator("blockquote")).to_have_text("Kurz und gut.")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_refused_report_lands_on_its_summary(open_page, story, live_server, javascript):
    comment = StoryCommentFactory(story=story, comment=LONG_COMMENT * 3)
    page = open_page(PHONE, javascript=javascript)
    page.goto(f"{live_server.url}/kommentare/melden/{comment.pk}/")
    page.click("text=Meldung senden")

    summary = page.locator(".error-summary")
    expect(summary).to_be_in_viewport()
    assert page.title().startswith("Fehler: Kommentar melden")
    if javascript:
        expect(summary).to_be_focused()
        screenshot(page, "meldung-fehler-375")
        summary.get_by_role("link", name="Bitte wählen Sie einen Grund.").click()
        expect(page.locator("#id_reason_0")).to_be_focused()
        expect(page.locator("legend")).to_be_in_viewport()
        page.check("#id_reason_0")
        page.click("text=Meldung senden")
        notice = page.locator(f"#kommentar-{comment.pk} #kommentar-hinweis")
        expect(notice).to_be_focused()
        expect(notice).to_be_in_viewport()


def test_the_confirmation_shows_the_comment_on_a_phone(open_page, story_url, live_server):
    page = open_page(PHONE)
    page.goto(story_url)
    write_comment(page, LONG_COMMENT)
    confirm_from_mail(page, live_server.url)

    expect(page.locator("h1")).to_have_text("Ihr Kommentar ist bestätigt")
    expect(page.locator(".confirmed__comment")).to_contain_text("Erika Mustermann")
    screenshot(page, "bestaetigt-375")
    page.reload()
    expect(page.locator("h1")).to_have_text("Ihr Kommentar ist bestätigt")
    assert page.context.cookies() == []
