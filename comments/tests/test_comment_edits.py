"""An author edits their own comment from the signed link while the window lasts: a clean edit goes live at
once marked "bearbeitet", one the policy would hold waits for a moderator while the old text stays public."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from comments import editing
from comments.models import CommentStatus, ModerationMode, StoryComment
from comments.revisions import CommentEdit, CommentVersion
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link
from comments.webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

OLD = "Was für eine schöne Geschichte!"


@pytest.fixture
def own(story, policy):
    """A comment published a minute ago, under the default policy (15 minutes, first-time moderation)."""
    return StoryCommentFactory(
        story=story,
        comment=OLD,
        user_name="Erika Mustermann",
        first_published_at=timezone.now() - datetime.timedelta(minutes=1),
    )


def edit_url(comment):
    return reverse("comments:edit", args=[editing.link_token(comment)])


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


def story_text(client, story):
    return page_of(Client().get(story.url)).select_one("#kommentare").get_text(" ")


def actions(comment):
    return list(ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list("action", flat=True))


def test_the_edit_page_shows_the_text_and_until_when(client, own, policy):
    page = page_of(client.get(edit_url(own)))
    assert page.h1.get_text() == "Kommentar bearbeiten"
    assert page.find("textarea").get_text() == OLD
    until = timezone.localtime(own.first_published_at + datetime.timedelta(minutes=15))
    assert f"bis {until:%H:%M} Uhr bearbeiten" in page.get_text()


def test_a_clean_edit_goes_live_marked_edited(client, own, story):
    response = client.post(edit_url(own), {"comment": "Was für eine wunderschöne Geschichte!"})

    assert "Ihre Änderung ist online." in page_of(response).get_text()
    own.refresh_from_db()
    assert own.comment == "Was für eine wunderschöne Geschichte!"
    assert "wunderschöne" in own.comment_html and own.edited_at is not None
    shown = page_of(Client().get(story.url)).select_one(f"#kommentar-{own.pk}")
    assert "wunderschöne Geschichte" in shown.get_text()
    assert shown.select_one(".comment__edited").get_text().startswith("bearbeitet ")
    assert shown.select_one(".comment__edited time")["datetime"]
    assert OLD not in story_text(client, story)
    assert list(CommentVersion.objects.filter(comment=own).values_list("text", flat=True)) == [OLD]
    assert "comments.edit" in actions(own)


def test_a_clean_edit_purges_the_story_as_a_withdrawal(client, own, story, purged):
    purged.clear()
    client.post(edit_url(own), {"comment": "Neuer Text"})
    assert story.url in " ".join(map(str, purged))


def test_after_the_window_editing_is_refused_and_the_text_shown_again(client, own):
    StoryComment.objects.filter(pk=own.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(minutes=16)
    )

    response = client.post(edit_url(own), {"comment": "Zu spät geschrieben"})

    assert response.status_code == 403
    page = page_of(response)
    assert page.h1.get_text() == "Bearbeiten nicht mehr möglich"
    assert "Die Zeit zum Bearbeiten Ihres Kommentars ist abgelaufen." in page.get_text()
    assert page.find("textarea", id="ihr-text").get_text() == "Zu spät geschrieben"
    assert page.find("a", string="Kommentar zurückziehen")
    own.refresh_from_db()
    assert own.comment == OLD


def test_no_editing_when_the_policy_says_0_minutes(client, own, policy):
    policy.edit_minutes = 0
    policy.save()
    page = page_of(client.get(edit_url(own)))
    assert page.h1.get_text() == "Bearbeiten nicht mehr möglich"
    assert page.find("textarea") is None


def test_an_edit_with_a_held_word_waits_and_the_old_text_stays(client, own, story, policy):
    policy.held_words = "Rabattcode"
    policy.save()

    response = client.post(edit_url(own), {"comment": "Mit Rabattcode wird es noch schöner!"})

    assert "Ihre Änderung wird von unserem Team geprüft" in page_of(response).get_text()
    own.refresh_from_db()
    assert own.comment == OLD and own.edited_at is None
    assert OLD in story_text(client, story)
    assert "Rabattcode" not in story_text(client, story)
    held = CommentEdit.objects.get(comment=own)
    assert held.status == CommentEdit.Status.WAITING and held.reasons[0]["words"] == ["Rabattcode"]
    assert "comments.edit_held" in actions(own)


def test_an_edit_with_too_many_links_is_held(client, own, policy):
    client.post(edit_url(own), {"comment": "https://a.example https://b.example https://c.example"})
    assert CommentEdit.objects.get(comment=own).reasons[0]["rule"] == "links"
    own.refresh_from_db()
    assert own.comment == OLD


def test_a_first_comment_is_not_held_again_but_moderation_of_all_holds_edits(client, own, policy):
    assert policy.moderation_mode == ModerationMode.FIRST_TIME
    client.post(edit_url(own), {"comment": "Erste Änderung"})
    own.refresh_from_db()
    assert own.comment == "Erste Änderung"

    policy.moderation_mode = ModerationMode.ALL
    policy.save()
    client.post(edit_url(own), {"comment": "Zweite Änderung"})
    own.refresh_from_db()
    assert own.comment == "Erste Änderung"
    assert CommentEdit.objects.get(comment=own, status=CommentEdit.Status.WAITING).text == "Zweite Änderung"


def test_an_edit_from_another_site_is_refused_with_the_text_kept(own):
    response = Client(headers={"Sec-Fetch-Site": "cross-site"}).post(edit_url(own), {"comment": "Fremd"})
    assert response.status_code == 403
    page = page_of(response)
    assert "kam nicht von unserer Seite" in page.get_text()
    assert page.find("textarea").get_text() == "Fremd"
    own.refresh_from_db()
    assert own.comment == OLD


def test_a_mail_scanner_following_the_link_changes_nothing(client, own):
    client.get(edit_url(own))
    own.refresh_from_db()
    assert own.comment == OLD and not CommentVersion.objects.exists()


@pytest.mark.parametrize("token", ["kaputt", "1.x:abc:def"])
def test_a_bad_token_is_a_410(client, own, token):
    response = client.get(reverse("comments:edit", args=[token]))
    assert response.status_code == 410
    assert "Dieser Link funktioniert nicht mehr" in response.content.decode()


def test_a_link_with_a_replaced_key_no_longer_works(client, own):
    url = edit_url(own)
    StoryComment.objects.filter(pk=own.pk).update(edit_key="neu")
    assert client.get(url).status_code == 410


def test_an_expired_link_is_a_410(client, own, monkeypatch):
    url = edit_url(own)
    later = timezone.now() + datetime.timedelta(days=editing.LINK_VALID_DAYS + 1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    assert client.get(url).status_code == 410


def test_the_edit_page_carries_the_token_for_the_browser(client, own):
    url = edit_url(own)
    shown = page_of(client.get(url)).select_one("[data-own-comment]")
    assert shown["data-own-comment"] == str(own.pk)
    assert url.endswith(f"/{shown['data-token']}/")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.*", shown["data-editable-until"])


def detail_url(comment):
    return reverse("wagtailsnippets_comments_storycomment:inspect", args=[comment.pk])


@pytest.fixture
def held(client, own, policy):
    policy.held_words = "Rabattcode"
    policy.save()
    client.post(edit_url(own), {"comment": "Eine schöne Geschichte mit Rabattcode!"})
    return CommentEdit.objects.get(comment=own)


def test_the_moderator_sees_the_held_edit_word_by_word(client, own, held, moderator):
    page = page_of(client.get(detail_url(own)))
    section = page.find("section", attrs={"aria-labelledby": "edit-heading"})
    assert section.h2.get_text() == "Änderung wartet auf Prüfung"
    assert "Wortliste: Rabattcode" in section.get_text()
    diff = section.select_one(".comment-diff")
    assert [d.get_text() for d in diff.find_all("del")] == ["Was für eine", "Geschichte!"]
    assert [i.get_text() for i in diff.find_all("ins")] == ["Eine", "Geschichte mit Rabattcode!"]
    assert section.find("button", string="Änderung übernehmen")
    assert section.find("button", string="Änderung ablehnen")


def test_accepting_the_held_edit_puts_it_online(client, own, held, moderator, story):
    url = reverse("comments_admin:decide_edit", args=[held.pk, "uebernehmen"])
    response = client.post(url, follow=True)

    assert "Die Änderung ist übernommen und jetzt online." in response.content.decode()
    own.refresh_from_db()
    assert own.comment == "Eine schöne Geschichte mit Rabattcode!" and own.edited_at
    assert "Rabattcode" in story_text(client, story)
    held.refresh_from_db()
    assert held.status == CommentEdit.Status.APPLIED and held.decided_by == moderator
    assert "comments.edit_accept" in actions(own)
    history = page_of(client.get(detail_url(own))).find(
        "section", attrs={"aria-labelledby": "author-history-heading"}
    )
    assert OLD in history.get_text() and "Übernommen" in history.get_text()


def test_refusing_the_held_edit_keeps_the_old_text(client, own, held, moderator, story):
    client.post(reverse("comments_admin:decide_edit", args=[held.pk, "ablehnen"]))

    own.refresh_from_db()
    assert own.comment == OLD
    held.refresh_from_db()
    assert held.status == CommentEdit.Status.REFUSED
    assert "comments.edit_refuse" in actions(own)
    assert "Rabattcode" not in story_text(client, story)


def test_only_moderators_decide_on_edits(own, held, django_user_model):
    someone = Client()
    someone.force_login(
        django_user_model.objects.create_user("redakteur", "r@example.org", "x", is_staff=True)
    )
    response = someone.post(reverse("comments_admin:decide_edit", args=[held.pk, "uebernehmen"]))
    assert response.status_code in (302, 403)
    held.refresh_from_db()
    assert held.status == CommentEdit.Status.WAITING


def test_the_audit_log_names_the_edits(client, own, held, moderator):
    client.post(reverse("comments_admin:decide_edit", args=[held.pk, "ablehnen"]))
    history = client.get(
        reverse("wagtailsnippets_comments_storycomment:history", args=[own.pk])
    ).content.decode()
    assert "Änderung zur Prüfung zurückgehalten" in history
    assert "Änderung abgelehnt" in history


def test_the_online_mail_carries_the_edit_and_withdraw_links(client, story, policy, moderator):
    held = StoryCommentFactory(story=story, status=CommentStatus.PENDING, tell_when_published=True)
    mail.outbox.clear()

    held.moderate("approve", moderator)

    (message,) = [m for m in mail.outbox if m.to == [held.user_email]]
    assert message.subject == "Ihr Kommentar ist online"
    held.refresh_from_db()
    until = timezone.localtime(held.first_published_at + datetime.timedelta(minutes=15))
    assert f"Bearbeiten können Sie Ihren Kommentar bis {until:%H:%M} Uhr:" in message.body
    edit_link = re.search(r"http://testserver(/kommentare/bearbeiten/[^/\s]+/)", message.body).group(1)
    withdraw_link = re.search(r"http://testserver(/kommentare/zurueckziehen/[^/\s]+/)", message.body).group(1)
    assert "Zurückziehen können Sie ihn jederzeit" in message.body
    html = message.alternatives[0][0]
    assert "Kommentar bearbeiten" in html and "Kommentar zurückziehen" in html
    assert page_of(client.get(edit_link)).find("textarea").get_text() == held.comment
    assert page_of(client.get(withdraw_link)).h1.get_text() == "Kommentar zurückziehen"


def test_the_online_mail_without_editing_has_only_the_withdraw_link(story, policy, moderator):
    policy.edit_minutes = 0
    policy.save()
    held = StoryCommentFactory(story=story, status=CommentStatus.PENDING, tell_when_published=True)
    mail.outbox.clear()

    held.moderate("approve", moderator)

    (message,) = [m for m in mail.outbox if m.to == [held.user_email]]
    assert "/kommentare/bearbeiten/" not in message.body
    assert "/kommentare/zurueckziehen/" in message.body


def test_the_confirmed_page_offers_editing_and_withdrawing(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.save()
    client.post(POST_URL, comment_data(story))
    page = page_of(client.post(confirmation_link(mail.outbox[-1]), follow=True))

    comment = StoryComment.objects.get()
    own = page.select_one("[data-own-comment]")
    assert own["data-own-comment"] == str(comment.pk) and own["data-editable-until"]
    edit = page.find("a", string="Kommentar bearbeiten")
    assert edit["href"] == reverse("comments:edit", args=[own["data-token"]])
    assert page.find("a", string="Kommentar zurückziehen")["href"].startswith("/kommentare/zurueckziehen/")
    assert page.find("script", src=re.compile(r"comments/own_comments\.js$"))


def test_a_held_comments_confirmed_page_offers_no_editing(client, story, policy):
    client.post(POST_URL, comment_data(story))
    page = page_of(client.post(confirmation_link(mail.outbox[-1]), follow=True))
    assert page.find("a", string="Kommentar bearbeiten") is None


def test_the_story_page_loads_the_script_with_the_link_patterns(client, own, story):
    script = page_of(Client().get(story.url)).find("script", src=re.compile(r"own_comments\.js$"))
    assert script["data-edit-url"] == "/kommentare/bearbeiten/TOKEN/"
    assert script["data-withdraw-url"] == "/kommentare/zurueckziehen/TOKEN/"
    assert script["data-edit-label"] == "Bearbeiten"


def test_the_listing_has_a_tab_for_comments_with_a_waiting_edit(client, own, held, moderator, story):
    StoryCommentFactory(story=story, comment="Ohne Änderung")
    response = client.get(reverse("wagtailsnippets_comments_storycomment:list"), {"edit_waiting": "true"})

    tabs = {tab["label"]: tab for tab in response.context["tabs"]}
    assert tabs["Änderung wartet"]["count"] == 1 and tabs["Änderung wartet"]["active"]
    assert [comment.pk for comment in response.context["object_list"]] == [own.pk]


def test_the_edit_page_sets_no_cookie_and_works_without_one(own):
    url = edit_url(own)
    response = Client().get(url)
    assert not response.cookies and "csrfmiddlewaretoken" not in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]

    without_cookies = Client(enforce_csrf_checks=True, headers={"Origin": "http://testserver"})
    response = without_cookies.post(url, {"comment": "Ohne Cookie geändert"})
    assert response.status_code == 200 and not response.cookies
    own.refresh_from_db()
    assert own.comment == "Ohne Cookie geändert"


def test_an_edit_while_redis_is_away_comes_back_with_the_text_and_a_calm_503(client, own, redis):
    redis.go_away()
    response = client.post(edit_url(own), {"comment": "Gleich noch einmal"})

    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = page_of(response)
    assert "Wir können Ihre Änderung gerade nicht annehmen." in page.get_text()
    assert page.find("textarea").get_text() == "Gleich noch einmal"
    own.refresh_from_db()
    assert own.comment == OLD


def test_too_many_edits_from_one_network_are_refused_with_the_text_kept(client, own):
    for number in range(editing.EDITS_PER_IP_PER_HOUR):
        client.post(edit_url(own), {"comment": f"Fassung {number}"})
    response = client.post(edit_url(own), {"comment": "Eine zu viel"})

    assert response.status_code == 429
    page = page_of(response)
    assert "Aus Ihrem Netz kamen in kurzer Zeit viele Änderungen." in page.get_text()
    assert page.find("textarea").get_text() == "Eine zu viel"


def hold_an_edit(own, policy):
    policy.held_words = "Rabattcode"
    policy.save()
    reader = Client(headers={"Sec-Fetch-Site": "same-origin"})
    reader.post(edit_url(own), {"comment": "Eine schöne Geschichte mit Rabattcode!"})
    return CommentEdit.objects.get(comment=own)


def test_a_held_edit_calls_the_moderators_by_mail_and_webhook(own, moderator, policy, story):
    WebhookEndpoint.objects.create(name="Team-Chat", url="http://chat.invalid/", events=["comment.waiting"])
    mail.outbox.clear()

    hold_an_edit(own, policy)

    [message] = [m for m in mail.outbox if m.to == ["mod@example.org"]]
    assert message.subject == f"Geänderter Kommentar wartet auf Prüfung: „{story.title}“"
    assert "Erika Mustermann hat den eigenen Kommentar" in message.body
    assert "bis dahin bleibt der bisherige Text online" in message.body
    assert "Eine schöne Geschichte mit Rabattcode!" in message.body
    assert own.user_email not in message.body
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.event == "comment.waiting"
    assert delivery.payload["data"]["change"] == "edit"
    assert delivery.payload["data"]["comment"]["id"] == own.pk
    assert "Rabattcode" not in str(delivery.payload) and "Erika" not in str(delivery.payload)


def test_no_moderator_mail_for_a_held_edit_when_the_policy_turned_them_off(own, moderator, policy):
    policy.notify_moderators = False
    policy.save()
    mail.outbox.clear()
    hold_an_edit(own, policy)
    assert not [m for m in mail.outbox if m.to == ["mod@example.org"]]


@pytest.mark.parametrize(
    ("decision", "subject", "words"),
    [
        ("uebernehmen", "Ihre Änderung ist online", "geprüft und übernommen"),
        ("ablehnen", "Ihre Änderung wurde nicht übernommen", "Ihr bisheriger Text bleibt online"),
    ],
)
def test_the_author_hears_what_became_of_the_held_edit(
    client, own, moderator, policy, story, decision, subject, words
):
    held = hold_an_edit(own, policy)
    mail.outbox.clear()

    client.post(reverse("comments_admin:decide_edit", args=[held.pk, decision]))

    [message] = mail.outbox
    assert message.to == [own.user_email]
    assert message.subject == subject
    assert words in message.body
    assert f"#kommentar-{own.pk}" in message.body
