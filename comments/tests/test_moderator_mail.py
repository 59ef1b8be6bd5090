"""Moderators hear by mail when a comment waits for their review, unless the comment policy says not to."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import resolve
from wagtail.models import Site

from comments.models import CommentPolicy, CommentStatus, ModerationMode, StoryComment
from comments.notifications import moderator_addresses, notify_moderators
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db
INSPECT_URL = "http://testserver/admin/snippets/comments/storycomment/inspect/{}/"
QUEUE_URL = "http://testserver/admin/snippets/comments/storycomment/?status=pending"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Moderators are told when the transaction commits: `with committed():` runs those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def policy(home_page):
    return CommentPolicy.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def team(django_user_model):
    """Everyone who may judge comments, and some who may not. Returns the addresses to be told."""
    users = django_user_model.objects
    moderators = Group.objects.get(name="Moderatoren")
    change = Permission.objects.get(content_type__app_label="comments", codename="change_storycomment")

    users.create_user("mia", "mia@example.org", "x").groups.add(moderators)
    direct = users.create_user("dirk", "dirk@example.org", "x")
    direct.user_permissions.add(change)
    both = users.create_user("berta", "berta@example.org", "x")
    both.groups.add(moderators)
    both.user_permissions.add(change)
    users.create_superuser("sabine", "sabine@example.org", "x")
    users.create_user("mia-zweitkonto", "MIA@example.org", "x").groups.add(moderators)

    users.create_user("erwin", "erwin@example.org", "x").groups.add(Group.objects.get(name="Redaktion"))
    users.create_user("ines", "ines@example.org", "x", is_active=False).groups.add(moderators)
    users.create_user("ohne-adresse", "", "x").groups.add(moderators)
    users.create_user("leser", "leser@example.org", "x")
    return ["berta@example.org", "dirk@example.org", "mia@example.org", "sabine@example.org"]


def recipients():
    return sorted(address.casefold() for message in mail.outbox for address in message.to)


def test_confirmed_comment_mails_every_moderator_once_and_no_editor(client, story, policy, team, committed):
    with committed():
        client.post(POST_URL, comment_data(story))
    assert recipients() == ["erika@example.org"]  # the confirmation only: unconfirmed waits for nobody
    link = confirmation_link(mail.outbox[0])
    mail.outbox.clear()

    with committed():
        client.post(link)

    assert StoryComment.objects.get().status == CommentStatus.PENDING
    assert recipients() == team


def test_logged_in_readers_held_comment_mails_the_moderators(
    client, story, policy, team, committed, django_user_model
):
    client.force_login(django_user_model.objects.get(username="leser"))
    with committed():
        client.post(POST_URL, comment_data(story, name="", email=""))

    assert StoryComment.objects.get().status == CommentStatus.PENDING
    assert recipients() == team


@pytest.mark.parametrize("status", [CommentStatus.PUBLISHED, CommentStatus.SPAM, CommentStatus.UNCONFIRMED])
def test_comments_not_waiting_for_review_mail_nobody(story, policy, team, committed, status):
    with committed():
        StoryCommentFactory(story=story, status=status)
    assert mail.outbox == []


def test_published_and_spam_posts_mail_nobody(client, story, policy, team, committed):
    policy.moderation_mode = ModerationMode.POST
    policy.disallowed_words = "Gratis-Kredit"
    policy.save()
    for text in ("Schön!", "Hier Gratis-Kredit holen"):
        client.post(POST_URL, comment_data(story, comment=text))
        link = confirmation_link(mail.outbox[-1])
        mail.outbox.clear()
        with committed():
            client.post(link)
        assert mail.outbox == []
    assert sorted(StoryComment.objects.values_list("status", flat=True)) == [
        CommentStatus.PUBLISHED,
        CommentStatus.SPAM,
    ]


def test_policy_can_turn_the_mails_off(story, policy, team, committed):
    policy.notify_moderators = False
    policy.save()
    with committed():
        StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    assert mail.outbox == []


def test_unconfirmed_comment_mails_once_when_confirmed(story, policy, team, committed):
    with committed():
        comment = StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED)
    assert mail.outbox == []

    comment = StoryComment.objects.get(pk=comment.pk)
    with committed():
        comment.status = CommentStatus.PENDING
        comment.save()
    assert recipients() == team

    with committed():
        comment.comment = "Noch einmal gespeichert"
        comment.save()
        StoryComment.objects.get(pk=comment.pk).save()
    assert len(mail.outbox) == len(team)


def test_comment_sent_back_to_the_queue_by_a_moderator_mails_nobody(story, policy, team, committed):
    comment = StoryCommentFactory(story=story)
    comment = StoryComment.objects.get(pk=comment.pk)
    with committed():
        comment.status = CommentStatus.PENDING
        comment.save()
    assert mail.outbox == []


def test_comment_judged_before_the_mail_goes_out_mails_nobody(story, policy, team):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    mail.outbox.clear()  # the notice queued with the comment itself
    StoryComment.objects.filter(pk=comment.pk).update(status=CommentStatus.PUBLISHED)
    notify_moderators(comment.pk)
    assert mail.outbox == []


def test_mail_shows_the_comment_and_links_to_the_admin(story, policy, team, committed):
    with committed():
        comment = StoryCommentFactory(
            story=story,
            status=CommentStatus.PENDING,
            user_name="Erika Mustermann",
            user_email="erika@example.org",
            ip_address="203.0.113.0",
            comment="Schaut mal <b>hier</b>:\nhttps://a.example",
        )
    message = next(message for message in mail.outbox if message.to == ["dirk@example.org"])

    assert message.subject == "Neuer Kommentar wartet auf Prüfung: „Wie Esel Emil heimkam“"
    assert "Erika Mustermann" in message.body
    assert "Wie Esel Emil heimkam" in message.body
    assert "Schaut mal <b>hier</b>:\nhttps://a.example" in message.body
    assert INSPECT_URL.format(comment.pk) in message.body
    assert QUEUE_URL in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Schaut mal &lt;b&gt;hier&lt;/b&gt;:<br>https://a.example" in html
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert links == [INSPECT_URL.format(comment.pk), QUEUE_URL]
    for text in (message.subject, message.body, html):
        assert "erika@" not in text and "203.0.113" not in text

    detail = resolve(INSPECT_URL.format(comment.pk).removeprefix("http://testserver"))
    assert detail.view_name == "wagtailsnippets_comments_storycomment:inspect"
    assert detail.kwargs == {"pk": str(comment.pk)}
    path, query = QUEUE_URL.removeprefix("http://testserver").split("?")
    assert resolve(path).view_name == "wagtailsnippets_comments_storycomment:list"
    assert query == "status=pending"


def test_addresses_come_from_one_query(team, django_assert_num_queries):
    with django_assert_num_queries(1):
        addresses = moderator_addresses()
    assert sorted(address.casefold() for address in addresses) == team
