"""A reader comments on a story: posting, confirming by mail, and every refusal."""

import datetime
import re
import secrets
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone

from blog.models import StoryAuthor
from blog.tests.factories import AuthorFactory, StoryPageFactory
from comments.fill_time import StartMark
from comments.forms import FORM_MAX_AGE, CommentForm
from comments.models import CommentConfirmation, CommentPolicy, CommentStatus, ModerationMode, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
POST_URL = "/kommentare/posten/"


def start_mark(story, seconds_ago=60):
    """The signed start mark the page's script fetches when the reader starts writing."""
    return StartMark(story.pk, time.time() - seconds_ago, secrets.token_urlsafe(12)).signed()


def comment_data(story, seconds_ago=60, **changes):
    timestamp = int(time.time()) - seconds_ago
    form = CommentForm(story, CommentPolicy())
    data = {
        "content_type": "blog.storypage",
        "object_pk": str(story.pk),
        "timestamp": str(timestamp),
        "security_hash": form.initial_security_hash(timestamp),
        "started": start_mark(story, seconds_ago),
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "comment": "Was für eine schöne Geschichte!\nDanke an Tobias.",
        "consent": "on",
        "website": "",
        "parent": "",
    }
    data.update(changes)
    return data


def confirmation_link(message):
    return re.search(r"http://testserver(/kommentare/bestaetigen/[^/\s]+/)", message.body).group(1)


def test_anonymous_reader_posts_confirms_and_is_held_then_shown_after_approval(client, story, policy):
    response = client.post(POST_URL, comment_data(story), follow=True)

    assert response.redirect_chain[-1][0] == "/blog/esel/?kommentar=gesendet#kommentar-hinweis"
    assert "Bitte bestätigen Sie Ihren Kommentar" in response.content.decode()
    comment = StoryComment.objects.get()
    assert comment.status == CommentStatus.UNCONFIRMED
    assert not BeautifulSoup(response.content, "html.parser").select(".comment-list")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika@example.org"]
    assert "Wie Esel Emil heimkam" in message.subject
    assert message.alternatives[0][1] == "text/html"
    link = confirmation_link(message)
    assert "erika" not in link and "Erika" not in message.body
    assert "schöne Geschichte" not in message.body

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    assert (
        StoryComment.objects.get().status == CommentStatus.UNCONFIRMED
    )  # a GET (mail scanner) confirms nothing

    response = client.post(link, follow=True)
    assert "wird von unserem Team geprüft" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert "schöne Geschichte" not in client.get(story.url).content.decode()

    comment.status = CommentStatus.PUBLISHED
    comment.save()
    page = client.get(story.url).content.decode()
    assert "Was für eine schöne Geschichte!" in page
    assert "1 Kommentar" in page


def test_returning_commenter_is_published_after_confirming(client, story, policy):
    StoryCommentFactory(story=story, user_email="Erika@example.org")
    client.post(POST_URL, comment_data(story))

    response = client.post(confirmation_link(mail.outbox[0]), follow=True)

    assert "Ihr Kommentar ist veröffentlicht" in response.content.decode()
    assert StoryComment.objects.published().count() == 2


def test_confirmation_link_works_once(client, story, policy):
    client.post(POST_URL, comment_data(story))
    link = confirmation_link(mail.outbox[0])

    assert client.post(link).status_code == 302
    assert client.post(link).status_code == 410
    assert client.get(link).status_code == 410
    assert StoryComment.objects.count() == 1


def test_confirmation_link_expires(client, story, policy):
    client.post(POST_URL, comment_data(story))
    CommentConfirmation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    assert client.post(confirmation_link(mail.outbox[0])).status_code == 410
    assert StoryComment.objects.get().status == CommentStatus.UNCONFIRMED


def test_link_for_a_removed_comment_does_nothing(client, story, policy):
    client.post(POST_URL, comment_data(story))
    StoryComment.objects.update(status=CommentStatus.REMOVED)

    assert client.post(confirmation_link(mail.outbox[0])).status_code == 410
    assert StoryComment.objects.get().status == CommentStatus.REMOVED


def test_only_a_hash_of_the_token_is_stored(client, story, policy):
    client.post(POST_URL, comment_data(story))
    token = confirmation_link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]
    stored = CommentConfirmation.objects.get()
    assert stored.token_hash != token
    assert stored.token_hash == CommentConfirmation.hash_token(token)


def test_ip_address_is_stored_truncated(client, story, policy):
    client.post(POST_URL, comment_data(story), REMOTE_ADDR="203.0.113.77")
    assert StoryComment.objects.get().ip_address == "203.0.113.0"


def test_logged_in_reader_needs_no_mail(client, story, policy, django_user_model):
    user = django_user_model.objects.create_user(
        "leser", "leser@example.org", "x", first_name="Lea", last_name="Leser"
    )
    client.force_login(user)

    client.post(POST_URL, comment_data(story, name="", email=""))

    comment = StoryComment.objects.get()
    assert (comment.user, comment.user_name, comment.user_email) == (user, "Lea Leser", "leser@example.org")
    assert comment.status == CommentStatus.PENDING
    assert mail.outbox == []


def test_moderator_reply_is_published_at_once_with_team_badge(client, story, policy, admin_user):
    client.force_login(admin_user)
    client.post(POST_URL, comment_data(story, name="", email="", comment="Danke, das freut uns!"))

    comment = StoryComment.objects.get()
    assert comment.status == CommentStatus.PUBLISHED and comment.is_team
    assert BeautifulSoup(client.get(story.url).content, "html.parser").select_one(".comment--team .badge")


def refused(response, text="Was für eine schöne Geschichte!"):
    """A refusal re-shows the story with the reader's text still in the form."""
    assert response.status_code in (400, 429)
    soup = BeautifulSoup(response.content, "html.parser")
    assert text in soup.find("textarea").get_text()
    assert not StoryComment.objects.exists()
    return soup.find(id="kommentar-formular").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"website": "https://spam.example"}, "konnte nicht gesendet werden"),
        ({"security_hash": "0" * 40}, "konnte nicht gesendet werden"),
        ({"consent": ""}, "Bitte stimmen Sie der Verarbeitung"),
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"email": ""}, "Bitte geben Sie Ihre E-Mail-Adresse an"),
        ({"name": ""}, "Bitte geben Sie Ihren Namen an"),
    ],
)
def test_refusals_say_why_and_keep_the_text(client, story, policy, changes, message):
    assert message in refused(client.post(POST_URL, comment_data(story, **changes)))


def test_empty_comment_is_refused(client, story, policy):
    response = client.post(POST_URL, comment_data(story, comment="   "))
    assert response.status_code == 400
    assert "Bitte schreiben Sie einen Kommentar" in response.content.decode()
    assert not StoryComment.objects.exists()


def test_too_fast_is_refused(client, story, policy):
    assert "Das ging sehr schnell" in refused(client.post(POST_URL, comment_data(story, seconds_ago=0)))


def test_expired_form_is_refused(client, story, policy):
    text = refused(client.post(POST_URL, comment_data(story, seconds_ago=FORM_MAX_AGE + 60)))
    assert "zu lange geöffnet" in text


def test_too_long_comment_is_refused(client, story, policy):
    policy.max_length = 100
    policy.save()
    long_text = "Sehr lang. " * 20
    text = refused(client.post(POST_URL, comment_data(story, comment=long_text)), text=long_text.strip())
    assert "höchstens 100 Zeichen" in text


def test_posting_rate_per_ip_is_limited(client, story, policy):
    policy.posts_per_ip_per_hour = 2
    policy.save()
    for number in range(2):
        client.post(POST_URL, comment_data(story, email=f"leser{number}@example.org"))
    StoryComment.objects.all().delete()

    text = refused(client.post(POST_URL, comment_data(story, email="neu@example.org")))
    assert "in kurzer Zeit viele Kommentare" in text


def test_confirmation_mails_per_network_are_limited(client, story, policy):
    policy.confirmation_mails_per_ip_per_hour = 1
    policy.save()
    client.post(POST_URL, comment_data(story, email="eins@example.org"), REMOTE_ADDR="198.51.100.1")
    StoryComment.objects.all().delete()

    text = refused(
        client.post(POST_URL, comment_data(story, email="zwei@example.org"), REMOTE_ADDR="198.51.100.9")
    )
    assert "Aus Ihrem Netz" in text
    assert len(mail.outbox) == 1


def test_confirmation_mails_per_address_are_limited(client, story, policy):
    policy.confirmation_mails_per_email_per_day = 1
    policy.save()
    client.post(POST_URL, comment_data(story), REMOTE_ADDR="198.51.100.1")
    StoryComment.objects.all().delete()

    text = refused(client.post(POST_URL, comment_data(story), REMOTE_ADDR="198.51.100.2"))
    assert "Bestätigungsmails" in text
    assert len(mail.outbox) == 1


def confirm_and_get_status(client, story, **changes):
    client.post(POST_URL, comment_data(story, **changes))
    client.post(confirmation_link(mail.outbox[-1]))
    return StoryComment.objects.order_by("-pk").first().status


def test_comment_with_too_many_links_is_held(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.save()
    links = "https://a.example https://b.example https://c.example"
    assert confirm_and_get_status(client, story, comment=links) == CommentStatus.PENDING


def test_comment_with_a_disallowed_word_is_spam(client, story, policy):
    policy.moderation_mode = ModerationMode.POST
    policy.disallowed_words = "Gratis-Kredit\n"
    policy.save()
    assert confirm_and_get_status(client, story, comment="Hier GRATIS-KREDIT holen") == CommentStatus.SPAM


@pytest.mark.parametrize(
    ("mode", "returning", "expected"),
    [
        (ModerationMode.ALL, True, CommentStatus.PENDING),
        (ModerationMode.FIRST_TIME, False, CommentStatus.PENDING),
        (ModerationMode.FIRST_TIME, True, CommentStatus.PUBLISHED),
        (ModerationMode.POST, False, CommentStatus.PUBLISHED),
    ],
)
def test_moderation_modes(client, story, policy, mode, returning, expected):
    policy.moderation_mode = mode
    policy.save()
    if returning:
        StoryCommentFactory(story=story, user_email="erika@example.org")
    assert confirm_and_get_status(client, story) == expected


def test_story_with_comments_turned_off_takes_none(client, story, policy):
    story.comments_enabled = False
    story.save_revision().publish()

    response = client.post(POST_URL, comment_data(story), follow=True)

    assert "geschlossen" in response.content.decode()
    assert not StoryComment.objects.exists()
    assert not BeautifulSoup(client.get(story.url).content, "html.parser").find(id="kommentar-formular")


def test_old_story_is_closed_and_says_so(client, story_index, policy):
    old = StoryPageFactory(parent=story_index, date=timezone.localdate() - datetime.timedelta(days=200))

    soup = BeautifulSoup(client.get(old.url).content, "html.parser")

    assert not soup.find(id="kommentar-formular")
    assert "wurden am" in soup.find(id="kommentare").get_text()
    assert client.post(POST_URL, comment_data(old)).status_code == 302
    assert not StoryComment.objects.exists()


def test_unpublished_story_takes_no_comments(client, story_index, policy):
    draft = StoryPageFactory(parent=story_index, live=False)
    assert client.post(POST_URL, comment_data(draft)).status_code == 404
    assert not StoryComment.objects.exists()


def test_scheduled_story_takes_no_comments_and_does_not_crash(client, story_index, policy):
    scheduled = StoryPageFactory(parent=story_index, live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()
    assert client.post(POST_URL, comment_data(scheduled)).status_code == 404


def test_reply_form_names_the_parent_and_threads_the_reply(client, story, policy, admin_user):
    parent = StoryCommentFactory(story=story, user_name="Paul")
    page = BeautifulSoup(client.get(f"{story.url}?antwort={parent.pk}").content, "html.parser")
    assert "Antwort an Paul" in page.find(id="kommentar-formular").get_text()
    assert page.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)

    client.force_login(admin_user)
    client.post(POST_URL, comment_data(story, name="", email="", parent=str(parent.pk), comment="Antwort"))

    reply = StoryComment.objects.get(comment="Antwort")
    assert (reply.parent_id, reply.level) == (parent.pk, 1)


def test_reply_beyond_the_deepest_level_joins_that_level(client, story, policy, admin_user):
    top = StoryCommentFactory(story=story)
    middle = StoryCommentFactory(story=story, parent=top)
    deepest = StoryCommentFactory(story=story, parent=middle)
    client.force_login(admin_user)

    client.post(
        POST_URL, comment_data(story, name="", email="", parent=str(deepest.pk), comment="Noch tiefer")
    )

    reply = StoryComment.objects.get(comment="Noch tiefer")
    assert (reply.parent_id, reply.level) == (middle.pk, 2)


def test_reply_to_a_hidden_comment_becomes_a_new_thread(client, story, policy, admin_user):
    hidden = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    client.force_login(admin_user)

    client.post(POST_URL, comment_data(story, name="", email="", parent=str(hidden.pk), comment="Neu"))

    assert StoryComment.objects.get(comment="Neu").level == 0


def test_story_author_answers_as_team(client, story, policy, django_user_model):

    user = django_user_model.objects.create_user("tobias", "tobias@example.org", "x", first_name="Tobias")
    StoryAuthor.objects.create(page=story, author=AuthorFactory(user=user))
    client.force_login(user)

    client.post(POST_URL, comment_data(story, name="", email="", comment="Gern geschehen!"))

    comment = StoryComment.objects.get()
    assert comment.is_team and comment.status == CommentStatus.PUBLISHED


@pytest.mark.parametrize(
    "url", ["/comments/api/feedback/", "/comments/reply/1/", "/comments/post/", "/comments/cr/1/1/"]
)
def test_library_views_and_api_are_not_reachable(client, story, url):
    StoryCommentFactory(story=story, status=CommentStatus.PENDING, comment="Geheimer Entwurf")
    response = client.get(url)
    assert response.status_code == 404
    assert "Geheimer Entwurf" not in response.content.decode()


def test_reply_to_the_deepest_level_after_its_parent_was_deleted_starts_a_thread(
    client, story, policy, admin_user
):
    top = StoryCommentFactory(story=story)
    middle = StoryCommentFactory(story=story, parent=top)
    deepest = StoryCommentFactory(story=story, parent=middle)
    StoryComment.objects.filter(pk=middle.pk).delete()
    client.force_login(admin_user)

    response = client.post(
        POST_URL, comment_data(story, name="", email="", parent=str(deepest.pk), comment="Neu")
    )

    assert response.status_code == 302
    assert StoryComment.objects.get(comment="Neu").level == 0


def test_a_refused_reply_still_says_whom_it_answers(client, story, policy):
    parent = StoryCommentFactory(story=story, user_name="Paul")

    response = client.post(POST_URL, comment_data(story, parent=str(parent.pk), email="kein-at-zeichen"))

    form = BeautifulSoup(response.content, "html.parser").find(id="kommentar-formular")
    assert response.status_code == 400
    assert "Antwort an Paul" in form.get_text()
    assert form.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)


def test_story_pages_carry_no_csrf_token_and_set_no_cookie(client, story, policy):
    response = client.get(story.url)
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://evil.example"},
        {"Referer": "https://evil.example/blog/esel/"},
        {},
    ],
)
def test_posts_from_other_sites_are_refused_and_keep_the_text(story, policy, headers):
    response = Client(headers=headers).post(POST_URL, comment_data(story, comment="Von woanders"))

    assert response.status_code == 403
    assert "nicht von unserer Seite" in response.content.decode()
    assert "Von woanders" in response.content.decode()
    assert not StoryComment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver"},
        {"Referer": "http://testserver/blog/esel/"},
        {"Sec-Fetch-Site": "none"},
    ],
)
def test_posts_from_our_own_pages_are_taken_without_a_csrf_cookie(story, policy, headers):
    response = Client(headers=headers).post(POST_URL, comment_data(story))
    assert response.status_code == 302
    assert StoryComment.objects.count() == 1


def test_a_replayed_post_stores_no_second_comment(client, story, policy, admin_user):
    client.force_login(admin_user)
    data = comment_data(story, name="", email="", comment="Nur einmal, bitte")

    client.post(POST_URL, data)
    replay = client.post(POST_URL, data, follow=True)

    assert StoryComment.objects.filter(comment="Nur einmal, bitte").count() == 1
    assert "Diesen Kommentar haben wir schon erhalten." in replay.content.decode()


HUGE = "99999999999999999999"  # beyond every integer column, also PostgreSQL's bigint


def test_huge_ids_in_posts_and_links_are_not_found_never_an_error(client, story, policy):
    assert client.post(POST_URL, comment_data(story, object_pk=HUGE)).status_code == 404
    assert client.get(f"/kommentare/melden/{HUGE}/").status_code == 404
    assert client.post(f"/kommentare/melden/{HUGE}/", {"reason": "spam"}).status_code == 404
    assert client.get(f"/kommentare/start/{HUGE}/").status_code == 404
    assert not StoryComment.objects.exists()


def test_a_reply_to_a_huge_id_becomes_a_new_thread(client, story, policy):
    response = client.post(POST_URL, comment_data(story, parent=HUGE))

    assert response.status_code == 302
    assert StoryComment.objects.get().parent_id == StoryComment.objects.get().pk  # its own thread
