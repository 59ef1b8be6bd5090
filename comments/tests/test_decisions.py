"""Every decision about a comment is stored with its ground, by a person or by a check of the comment
policy, and settles the notices of illegal content that waited for it."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from comments.dsa.models import ContentNotice, DecisionGround, ModerationDecision, NoticeKind, Objection
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db


def ground(title_start):
    return DecisionGround.objects.get(title__startswith=title_start)


def test_a_removal_is_stored_with_its_ground_explanation_and_moderator(moderator, story):
    comment = StoryCommentFactory(story=story)
    insult = ground("Beleidigung, üble Nachrede")

    decision = comment.moderate("remove", moderator, ground=insult, explanation="Nennt eine Kollegin „dumm“.")

    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED
    stored = ModerationDecision.objects.get()
    assert stored == decision
    assert (stored.outcome, stored.ground, stored.decided_by, stored.automated) == (
        "remove",
        insult,
        moderator,
        False,
    )
    assert (stored.status_before, stored.status_after) == ("published", "removed")
    assert stored.ground_title == "Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)"
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.remove")
    assert entry.data["ground"] == stored.ground_title
    assert entry.data["explanation"] == "Nennt eine Kollegin „dumm“."


def test_the_decision_keeps_the_grounds_words_when_the_team_rewords_it(moderator, story):
    comment = StoryCommentFactory(story=story)
    spam = ground("Werbung oder Spam")
    comment.moderate("spam", moderator, ground=spam)

    spam.title = "Werbung"
    spam.save()

    assert ModerationDecision.objects.get().ground_title == "Werbung oder Spam"


def test_a_decision_settles_the_notices_that_waited_for_it(moderator, story):
    comment = StoryCommentFactory(story=story)
    notices = [
        ContentNotice.objects.create(comment=comment, kind=NoticeKind.INSULT, explanation="Beleidigend.")
        for _ in range(2)
    ]

    decision = comment.moderate("keep", moderator, explanation="Scharf, aber sachlich.")

    assert set(decision.notices.all()) == set(notices)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_nothing_to_decide_stores_nothing(moderator, story):
    comment = StoryCommentFactory(story=story)

    assert comment.moderate("approve", moderator) is None
    assert not ModerationDecision.objects.exists()


def test_a_hidden_comment_leaves_the_page_but_keeps_its_place_in_the_thread(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Ein fragwürdiger Satz.")
    StoryCommentFactory(story=story, parent=comment, comment="Eine Antwort darauf.")

    comment.moderate("hide", moderator, ground=ground("Persönliche Daten"), explanation="Telefonnummer.")

    page = client.get(story.url).content.decode()
    assert "Ein fragwürdiger Satz." not in page
    assert "Eine Antwort darauf." in page
    assert "Dieser Kommentar ist nicht mehr sichtbar." in page


def test_a_comment_held_for_its_links_is_an_automated_decision(client, story, policy):
    text = "Siehe https://a.example, https://b.example und https://c.example"
    client.post(POST_URL, comment_data(story, comment=text))
    client.post(confirmation_link(mail.outbox[0]))

    comment = StoryComment.objects.get()
    assert comment.status == CommentStatus.PENDING
    decision = ModerationDecision.objects.get()
    assert (decision.outcome, decision.automated, decision.decided_by) == ("hold", True, None)
    assert decision.ground.code == "links"
    assert (decision.status_before, decision.status_after) == ("unconfirmed", "pending")
    assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="comments.hold").exists()


def test_a_comment_caught_by_the_word_list_is_an_automated_spam_decision(client, story, policy):
    policy.disallowed_words = "billige uhren"
    policy.save()
    client.post(POST_URL, comment_data(story, comment="Billige Uhren hier!"))
    client.post(confirmation_link(mail.outbox[0]))

    decision = ModerationDecision.objects.get()
    assert (decision.outcome, decision.automated, decision.ground.code) == ("spam", True, "word_list")
    assert not decision.owes_statement


def test_a_first_comment_held_by_the_moderation_mode_is_no_decision(client, story, policy):
    client.post(POST_URL, comment_data(story))
    client.post(confirmation_link(mail.outbox[0]))

    assert StoryComment.objects.get().status == CommentStatus.PENDING
    assert not ModerationDecision.objects.exists()


def test_an_objection_is_answered_by_another_moderator_only(moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story)
    removal = comment.moderate("remove", moderator, ground=ground("Werbung oder Spam"))
    objection = Objection.objects.create(decision=removal, party="commenter", text="Das war keine Werbung.")

    with pytest.raises(PermissionDenied):
        comment.moderate("restore", moderator, answering=objection)

    colleague = django_user_model.objects.create_user("kollegin", "k@example.org", "x")
    answer = comment.moderate("restore", colleague, explanation="Ein Erfahrungsbericht.", answering=objection)
    objection.refresh_from_db()
    assert (objection.answer, objection.reversed) == (answer, True)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_upholding_a_decision_is_stored_though_nothing_changes(moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story)
    removal = comment.moderate("remove", moderator, ground=ground("Werbung oder Spam"))
    objection = Objection.objects.create(decision=removal, party="commenter", text="Bitte prüfen.")
    colleague = django_user_model.objects.create_user("kollegin", "k@example.org", "x")

    answer = comment.moderate("remove", colleague, ground=removal.ground, answering=objection)

    assert answer is not None
    objection.refresh_from_db()
    assert objection.reversed is False
