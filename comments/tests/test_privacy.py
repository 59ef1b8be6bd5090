"""Moderators answer access and erasure requests for an e-mail address: they see what is stored,
export it as JSON and anonymise or delete it, each step confirmed and logged per comment."""

import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from blog.tests.factories import StoryPageFactory
from comments.dsa.models import ContentNotice, DecisionGround, NoticeKind, Objection
from comments.mails import send_comment_mail
from comments.models import CommentConfirmation, CommentReport, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db

PRIVACY_URL = "/admin/kommentare/datenschutz/"
EXPORT_URL = "/admin/kommentare/datenschutz/export/"
ERASE_URL = "/admin/kommentare/datenschutz/loeschen/"
ADDRESS = "paula@example.org"


def paulas_comment(story, **kwargs):
    defaults = {
        "user_name": "Paula Pfeffer",
        "user_email": ADDRESS,
        "user_url": "https://paula.example.org",
        "ip_address": "192.0.2.0",
        "followup": True,
    }
    return StoryCommentFactory(story=story, **{**defaults, **kwargs})


def erase_data(mode, confirm_email=ADDRESS):
    return {"email": ADDRESS, "mode": mode, "confirm_email": confirm_email}


def test_summary_lists_exactly_the_comments_of_that_address_in_any_case_and_status(
    client, moderator, story, django_user_model
):
    paulas_comment(story, comment="Erster Gedanke", user_email="Paula@Example.org")
    paulas_comment(story, comment="Noch nicht bestätigt", status=CommentStatus.UNCONFIRMED)
    account = django_user_model.objects.create_user("paula", "PAULA@example.org", "x")
    StoryCommentFactory(
        story=story, comment="Angemeldet geschrieben", user=account, user_email="alt@example.org"
    )
    StoryCommentFactory(story=story, comment="Von jemand anderem", user_email="jan@example.org")

    response = client.get(PRIVACY_URL, {"email": "pAula@example.ORG"})

    content = response.content.decode()
    assert response.status_code == 200
    assert {comment.comment for comment in response.context["comments"]} == {
        "Erster Gedanke",
        "Noch nicht bestätigt",
        "Angemeldet geschrieben",
    }
    assert "Von jemand anderem" not in content
    assert "Veröffentlicht: 2" in content and "Unbestätigt: 1" in content and "Spam: 0" in content
    assert "Die Adresse gehört zum Benutzerkonto paula." in content
    assert '<a href="/blog/esel/">Wie Esel Emil heimkam</a>' in content
    assert '<label class="w-field__label" for="id_email"' in content
    assert f'action="{EXPORT_URL}"' in content and f'action="{ERASE_URL}"' in content


def test_summary_says_when_nothing_is_stored(client, moderator, story):
    StoryCommentFactory(story=story, user_email="jan@example.org")

    content = client.get(PRIVACY_URL, {"email": ADDRESS}).content.decode()

    assert "Zu dieser Adresse sind keine Kommentare gespeichert." in content
    assert "Zu dieser Adresse gibt es kein Benutzerkonto." in content
    assert f'action="{ERASE_URL}"' not in content


def test_summary_refuses_an_invalid_address(client, moderator):
    response = client.get(PRIVACY_URL, {"email": "keine-adresse"})
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in response.content.decode()
    assert "comments" not in response.context


def count_summary_queries(client):
    client.get(PRIVACY_URL, {"email": ADDRESS})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PRIVACY_URL, {"email": ADDRESS})
    return len(queries), len(response.context["comments"])


def test_summary_queries_do_not_grow_with_the_comments(client, moderator, story_index):
    stories = [StoryPageFactory(parent=story_index) for _ in range(3)]
    for number in range(3):
        paulas_comment(stories[number])
    with_three, shown = count_summary_queries(client)
    assert shown == 3
    for number in range(27):
        paulas_comment(stories[number % 3], status=list(CommentStatus)[number % 5])

    assert count_summary_queries(client) == (with_three, 30)


def test_export_downloads_everything_stored_as_json_and_logs_each_comment(client, moderator, story):
    first = paulas_comment(story, comment="Erster Gedanke")
    reply = paulas_comment(story, parent=first, comment="Nachtrag", status=CommentStatus.PENDING)
    CommentReport.objects.create(comment=first, reason="spam", note="Werbung?")
    StoryCommentFactory(story=story, parent=first, user_email="jan@example.org")

    response = client.post(EXPORT_URL, {"email": "PAULA@example.org", "confirm": "on"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kommentare-')
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)
    assert data["email"] == "PAULA@example.org"
    assert data["registered_user"] is False
    assert [entry["id"] for entry in data["comments"]] == [first.pk, reply.pk]
    exported = data["comments"][0]
    assert exported["story"] == {"title": "Wie Esel Emil heimkam", "url": "http://localhost/blog/esel/"}
    assert exported["submitted_at"] == first.submit_date.isoformat()
    assert exported["name"] == "Paula Pfeffer"
    assert exported["email"] == ADDRESS
    assert exported["website"] == "https://paula.example.org"
    assert exported["ip_address"] == "192.0.2.0"
    assert exported["text"] == "Erster Gedanke"
    assert exported["status"] == "published"
    assert exported["followup"] is True
    assert exported["parent_id"] is None
    # Another reader's note is that reader's data, not Paula's.
    assert exported["reports"] == [
        {"reason": "spam", "created_at": exported["reports"][0]["created_at"], "resolved_at": None}
    ]
    assert "Werbung?" not in response.content.decode()
    assert data["comments"][1]["parent_id"] == first.pk
    assert data["comments"][1]["status"] == "pending"

    entries = ModelLogEntry.objects.filter(action="comments.export")
    assert sorted(int(entry.object_id) for entry in entries) == [first.pk, reply.pk]
    assert entries.values("uuid").distinct().count() == 2
    assert {entry.user for entry in entries} == {moderator}


def test_export_without_confirmation_refuses_and_exports_nothing(client, moderator, story):
    paulas_comment(story)

    response = client.post(EXPORT_URL, {"email": ADDRESS})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert "Nichts exportiert: Bitte bestätigen Sie den Export." in content
    assert "Bitte bestätigen Sie den Export." in content.replace("Nichts exportiert: ", "", 1)
    assert not ModelLogEntry.objects.filter(action="comments.export").exists()


def test_anonymising_keeps_the_text_and_removes_everything_personal(
    client, moderator, story, django_user_model
):
    account = django_user_model.objects.create_user("paula", ADDRESS, "x")
    comment = paulas_comment(story, comment="Bleibt stehen", user=account)
    unconfirmed = paulas_comment(story, status=CommentStatus.UNCONFIRMED)
    CommentConfirmation.issue(unconfirmed, valid_days=3)
    other = StoryCommentFactory(story=story, user_name="Jan", user_email="jan@example.org")

    response = client.post(ERASE_URL, erase_data("anonymise"), follow=True)

    assert response.redirect_chain == [(f"{PRIVACY_URL}?email=paula%40example.org", 302)]
    assert "2 Kommentare anonymisiert." in response.content.decode()
    assert response.context["comments"] == []
    comment.refresh_from_db()
    assert comment.comment == "Bleibt stehen"
    assert comment.status == CommentStatus.PUBLISHED
    assert (comment.user_name, comment.user_email, comment.user_url) == ("Anonym", "", "")
    assert (comment.ip_address, comment.user_id, comment.followup) == (None, None, False)
    assert not CommentConfirmation.objects.exists()
    assert StoryComment.objects.get(pk=other.pk).user_name == "Jan"
    page = client.get(story.url).content.decode()
    assert "Bleibt stehen" in page and "Paula" not in page
    assert django_user_model.objects.filter(pk=account.pk).exists()


def test_deleting_removes_leaves_and_keeps_a_placeholder_where_replies_exist(client, moderator, story):
    with_reply = paulas_comment(story, comment="Hat eine Antwort")
    answer = StoryCommentFactory(story=story, parent=with_reply, comment="Antwort bleibt")
    others_root = StoryCommentFactory(story=story, comment="Fremder Beitrag")
    leaf = paulas_comment(story, parent=others_root, comment="Nur eine Antwort")
    own_thread = paulas_comment(story, comment="Eigener Faden")
    own_reply = paulas_comment(story, parent=own_thread, comment="Eigene Antwort")
    deep_root = paulas_comment(story, comment="Oben im Faden")
    middle = StoryCommentFactory(story=story, parent=deep_root, comment="Dazwischen")
    deep_leaf = paulas_comment(story, parent=middle, comment="Ganz unten")
    CommentReport.objects.create(comment=leaf, reason="abuse")
    CommentReport.objects.create(comment=with_reply, reason="abuse", note="zitiert den Text")
    assert StoryComment.objects.get(pk=others_root.pk).nested_count == 1

    response = client.post(ERASE_URL, erase_data("delete"), follow=True)

    assert (
        "4 Kommentare gelöscht. Von 2 Kommentaren mit Antworten bleibt je ein leerer Platzhalter."
        in response.content.decode()
    )
    remaining = set(StoryComment.objects.values_list("pk", flat=True))
    assert remaining == {with_reply.pk, answer.pk, others_root.pk, deep_root.pk, middle.pk}
    assert not {leaf.pk, own_thread.pk, own_reply.pk, deep_leaf.pk} & remaining
    placeholder = StoryComment.objects.get(pk=with_reply.pk)
    assert placeholder.comment == ""
    assert placeholder.status == CommentStatus.REMOVED
    assert (placeholder.user_name, placeholder.user_email, placeholder.ip_address) == ("Anonym", "", None)
    assert placeholder.nested_count == 1
    assert StoryComment.objects.get(pk=others_root.pk).nested_count == 0
    assert [StoryComment.objects.get(pk=c.pk).nested_count for c in (deep_root, middle)] == [1, 0]
    assert not CommentReport.objects.exists()

    page = client.get(story.url).content.decode()
    assert "Antwort bleibt" in page and "Fremder Beitrag" in page and "Dazwischen" in page
    assert "Dieser Kommentar ist nicht mehr sichtbar." in page
    for gone in ("Hat eine Antwort", "Nur eine Antwort", "Eigener Faden", "Ganz unten", "Paula"):
        assert gone not in page


def test_erasing_logs_one_entry_per_comment_without_the_address(client, moderator, story):
    kept = paulas_comment(story)
    StoryCommentFactory(story=story, parent=kept)
    leaf = paulas_comment(story)

    client.post(ERASE_URL, erase_data("delete"))

    entries = ModelLogEntry.objects.filter(action="comments.erase")
    assert sorted(int(entry.object_id) for entry in entries) == sorted([kept.pk, leaf.pk])
    assert entries.values("uuid").distinct().count() == 2
    assert {entry.user for entry in entries} == {moderator}
    assert entries.get(object_id=str(leaf.pk)).deleted
    for entry in entries:
        assert ADDRESS not in json.dumps(entry.data) and "Paula" not in entry.label
    history = client.get(f"/admin/snippets/comments/storycomment/history/{kept.pk}/").content.decode()
    assert "Daten gelöscht" in history


def test_export_shows_in_the_comment_history_and_the_site_history(
    client, moderator, story, django_user_model
):
    comment = paulas_comment(story)
    client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"})

    history = client.get(f"/admin/snippets/comments/storycomment/history/{comment.pk}/").content.decode()
    assert "Daten exportiert" in history and "Mara Moder" in history
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    site_history = client.get("/admin/reports/site-history/").content.decode()
    assert f"Kommentar {comment.pk}" in site_history and "Daten exportiert" in site_history


@pytest.mark.parametrize(
    ("confirm_email", "error"),
    [
        ("", "Bitte geben Sie die E-Mail-Adresse zur Bestätigung erneut ein."),
        ("jan@example.org", "Die Adresse stimmt nicht mit der gesuchten überein."),
    ],
)
def test_erasing_without_confirmation_refuses_and_changes_nothing(
    client, moderator, story, confirm_email, error
):
    comment = paulas_comment(story, comment="Unverändert")

    response = client.post(ERASE_URL, erase_data("delete", confirm_email=confirm_email))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Nichts gelöscht: Bitte prüfen Sie die Angaben." in content
    assert error in content
    unchanged = StoryComment.objects.get(pk=comment.pk)
    assert (unchanged.comment, unchanged.user_email, unchanged.user_name) == (
        "Unverändert",
        ADDRESS,
        "Paula Pfeffer",
    )
    assert not ModelLogEntry.objects.filter(action="comments.erase").exists()


def test_erasing_needs_a_mode(client, moderator, story):
    paulas_comment(story)
    response = client.post(ERASE_URL, {"email": ADDRESS, "confirm_email": ADDRESS})
    assert "Bitte wählen Sie, ob anonymisiert oder gelöscht werden soll." in response.content.decode()
    assert StoryComment.objects.get().user_email == ADDRESS


def test_export_and_erase_only_answer_posts(client, moderator):
    assert client.get(EXPORT_URL, {"email": ADDRESS}).status_code == 405
    assert client.get(ERASE_URL, {"email": ADDRESS}).status_code == 405


def test_posts_without_csrf_token_are_refused(moderator, story):
    comment = paulas_comment(story)
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(moderator)

    assert csrf_client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"}).status_code == 403
    assert csrf_client.post(ERASE_URL, erase_data("delete")).status_code == 403
    assert StoryComment.objects.get(pk=comment.pk).user_email == ADDRESS
    assert not ModelLogEntry.objects.exists()


def test_editors_without_the_group_get_403_everywhere_and_nothing_changes(client, django_user_model, story):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    comment = paulas_comment(story, comment="Geheimer Text")

    responses = [
        client.get(PRIVACY_URL, {"email": ADDRESS}),
        client.get(EXPORT_URL),
        client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"}),
        client.get(ERASE_URL),
        *(client.post(ERASE_URL, erase_data(mode)) for mode in ("anonymise", "delete")),
    ]

    for response in responses:
        assert response.status_code == 403
        content = response.content.decode()
        assert ADDRESS not in content and "Geheimer Text" not in content
    unchanged = StoryComment.objects.get(pk=comment.pk)
    assert (unchanged.comment, unchanged.user_email) == ("Geheimer Text", ADDRESS)
    assert not ModelLogEntry.objects.exists()


def test_deleting_leaves_no_copy_of_the_text_in_a_placeholder(client, moderator, story):
    with_reply = paulas_comment(story, comment="Meine Kundennummer ist 4711")
    StoryCommentFactory(story=story, parent=with_reply, comment="Antwort bleibt")

    client.post(ERASE_URL, erase_data("delete"))

    placeholder = StoryComment.objects.get(pk=with_reply.pk)
    assert "4711" not in placeholder.comment + placeholder.comment_html


# Mails in the task queue (production keeps every mail as a row until it is pruned)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_mails_about(comment):
    """What production's queue holds about Paula: her confirmation link, a reply notice to another
    subscriber quoting her, the moderators' notice quoting her; and one mail about somebody else."""
    send_comment_mail.enqueue(
        "confirmation",
        ADDRESS,
        {
            "story_title": "Esel",
            "confirm_url": "http://localhost/kommentare/bestaetigen/GEHEIM123/",
            "valid_days": 3,
        },
    )
    send_comment_mail.enqueue(
        "reply",
        "jan@example.org",
        {
            "story_title": "Esel",
            "reply_name": comment.user_name,
            "reply_text": comment.comment,
            "is_team": False,
        },
    )
    send_comment_mail.enqueue(
        "pending",
        "mara@example.org",
        {"story_title": "Esel", "comment_name": comment.user_name, "comment_text": comment.comment},
    )
    send_comment_mail.enqueue(
        "reply",
        "jan@example.org",
        {"story_title": "Esel", "reply_name": "Ole", "reply_text": "Ganz andere Worte"},
    )


def queue_as_text():
    return json.dumps([row.args_kwargs for row in DBTaskResult.objects.all()], ensure_ascii=False)


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasing_removes_her_mails_from_the_task_queue(client, moderator, story, mode):
    comment = paulas_comment(story, comment="Emil ist mein Held")
    with override_settings(TASKS=DATABASE_TASKS):
        queue_mails_about(comment)
        client.post(ERASE_URL, erase_data(mode))

    left = queue_as_text()
    for trace in (ADDRESS, "Paula Pfeffer", "GEHEIM123", "Emil ist mein Held"):
        assert trace not in left
    assert "Ganz andere Worte" in left  # somebody else's mail stays


def test_export_lists_her_confirmations_mails_subscriptions_and_history(client, moderator, story):
    comment = paulas_comment(story, comment="Emil ist mein Held", status=CommentStatus.UNCONFIRMED)
    CommentConfirmation.issue(comment, valid_days=3)
    with override_settings(TASKS=DATABASE_TASKS):
        queue_mails_about(comment)
        client.post(
            f"/admin/kommentare/{paulas_comment(story).pk}/remove/",
            {"ground": DecisionGround.objects.get(title="Werbung oder Spam").pk, "explanation": "Werbung."},
        )
        response = client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"})

    data = json.loads(response.content)
    content = response.content.decode()
    confirmation = data["comments"][0]["confirmation"]
    assert confirmation["used_at"] is None and confirmation["expires_at"]
    assert "GEHEIM123" not in content and CommentConfirmation.objects.get().token_hash not in content
    # The removal's statement of reasons waits in the queue too.
    assert [(mail["kind"], mail["status"]) for mail in data["mails"]] == [
        ("confirmation", "READY"),
        ("statement", "READY"),
    ]
    assert [subscription["story"] for subscription in data["subscriptions"]] == ["Wie Esel Emil heimkam"] * 2
    removed = data["comments"][1]
    assert [entry["action"] for entry in removed["history"]] == ["Kommentar entfernt"]


# Notices of illegal content, objections and decisions (DSA)


def jans_comment(story, **kwargs):
    return StoryCommentFactory(story=story, user_name="Jan", user_email="jan@example.org", **kwargs)


def paulas_notice(comment, **kwargs):
    defaults = {
        "kind": NoticeKind.INSULT,
        "explanation": "Jan beleidigt meine Nachbarin.",
        "notifier_name": "Paula Pfeffer",
        "notifier_email": "Paula@Example.org",
        "good_faith": True,
        "evidence_text": comment.comment,
    }
    return ContentNotice.objects.create(comment=comment, **{**defaults, **kwargs})


def removal_she_objected_to(story, moderator):
    comment = paulas_comment(story, comment="Emil ist mein Held")
    removal = comment.moderate(
        "remove",
        moderator,
        ground=DecisionGround.objects.get(title="Persönliche Daten"),
        explanation="Nennt eine Telefonnummer.",
    )
    Objection.objects.create(
        decision=removal, party="commenter", text="Das war meine eigene Nummer.", email=ADDRESS
    )
    return comment, removal


def test_export_includes_her_notices_objections_and_the_decisions_about_her_comments(
    client, moderator, story
):
    comment, removal = removal_she_objected_to(story, moderator)
    notice = paulas_notice(jans_comment(story))
    jans_comment(story).moderate("keep", moderator)  # another notice's decision, not hers
    notice.comment.moderate("keep", moderator, explanation="Keine Beleidigung.")

    data = json.loads(client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"}).content)

    assert data["comments"][0]["tell_when_published"] is False
    assert data["decisions"] == [
        {
            "comment_id": comment.pk,
            "outcome": "remove",
            "ground": "Persönliche Daten",
            "explanation": "Nennt eine Telefonnummer.",
            "automated": False,
            "decided_at": removal.decided_at.isoformat(),
        }
    ]
    assert data["notices"] == [
        {
            "reference": notice.reference,
            "kind": "insult",
            "name": "Paula Pfeffer",
            "explanation": "Jan beleidigt meine Nachbarin.",
            "created_at": notice.created_at.isoformat(),
            "decision": "keep",
        }
    ]
    assert [(o["text"], o["decision"], o["reversed"]) for o in data["objections"]] == [
        ("Das war meine eigene Nummer.", None, None)
    ]
    assert "Mara" not in json.dumps(data) and "moderatorin" not in json.dumps(data)


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasing_leaves_her_notices_and_objections_only_what_the_report_counts(
    client, moderator, story, mode
):
    _comment, removal = removal_she_objected_to(story, moderator)
    notice = paulas_notice(jans_comment(story))

    response = client.post(ERASE_URL, erase_data(mode), follow=True)

    assert (
        "Aus 1 Meldung und 1 Einspruch sind Name, Adresse und Begründung gelöscht."
        in response.content.decode()
    )
    notice.refresh_from_db()
    assert (notice.notifier_name, notice.notifier_email, notice.explanation) == ("", "", "")
    assert notice.pruned_at is not None
    assert (notice.kind, notice.comment.user_name) == ("insult", "Jan")
    assert notice.evidence_text == "Was für eine schöne Geschichte!"  # Jan's text is not hers to erase
    objection = Objection.objects.get()
    assert (objection.text, objection.email, objection.decision) == ("", "", removal)
    assert objection.pruned_at is not None


@pytest.mark.parametrize(("mode", "evidence_left"), [("anonymise", "Emil ist mein Held"), ("delete", "")])
def test_deleting_also_takes_her_text_from_the_notices_about_her_comments(
    client, moderator, story, mode, evidence_left
):
    comment = paulas_comment(story, comment="Emil ist mein Held")
    jans_notice = paulas_notice(comment, notifier_name="Jan", notifier_email="jan@example.org")

    client.post(ERASE_URL, erase_data(mode))

    jans_notice.refresh_from_db()
    assert jans_notice.evidence_text == evidence_left
    assert (jans_notice.notifier_name, jans_notice.explanation) == ("Jan", "Jan beleidigt meine Nachbarin.")


def test_erasing_forgets_her_wish_to_hear_when_a_comment_is_online(client, moderator, story):
    comment = paulas_comment(story, status=CommentStatus.PENDING, tell_when_published=True)

    client.post(ERASE_URL, erase_data("anonymise"))

    comment.refresh_from_db()
    assert comment.tell_when_published is False


def test_an_address_that_only_sent_a_notice_is_shown_exported_and_erased(client, moderator, story):
    notice = paulas_notice(jans_comment(story))

    content = client.get(PRIVACY_URL, {"email": ADDRESS}).content.decode()
    assert "Meldungen rechtswidriger Inhalte mit dieser Adresse: 1" in content
    assert "Zu dieser Adresse sind keine Kommentare gespeichert." in content
    assert f'action="{EXPORT_URL}"' in content and f'action="{ERASE_URL}"' in content

    data = json.loads(client.post(EXPORT_URL, {"email": ADDRESS, "confirm": "on"}).content)
    assert [exported["reference"] for exported in data["notices"]] == [notice.reference]

    client.post(ERASE_URL, erase_data("anonymise"))
    notice.refresh_from_db()
    assert notice.notifier_email == ""


def test_erasing_removes_queued_statements_that_quote_her_from_another_address(
    client, moderator, story, django_user_model
):
    account = django_user_model.objects.create_user("paula", ADDRESS, "x")
    comment = paulas_comment(story, user=account, user_email="alt@example.org", comment="Emil ist mein Held")
    with override_settings(TASKS=DATABASE_TASKS):
        comment.moderate("hide", moderator, ground=DecisionGround.objects.get(title="Persönliche Daten"))
        assert "Emil ist mein Held" in queue_as_text()
        client.post(ERASE_URL, erase_data("anonymise"))

    assert "Emil ist mein Held" not in queue_as_text() and "alt@example.org" not in queue_as_text()
