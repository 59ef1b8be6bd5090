"""Moderators find every open DSA case in one queue, "Meldungen (DSA)": comments with notices nobody has
decided, and objections nobody has answered, the longest waiting first, each beside its comment."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.menu import admin_menu

from blog.tests.factories import StoryPageFactory
from comments.dsa.models import ContentNotice, DecisionGround, NoticeKind, Objection
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
QUEUE_URL = "/admin/kommentare/meldungen/"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def notice(comment, days=0, **fields):
    fields = {"kind": NoticeKind.INSULT, "explanation": "Das ist beleidigend.", **fields}
    return ContentNotice.objects.create(comment=comment, created_at=days_ago(days), **fields)


def contested_removal(comment, moderator):
    spam = DecisionGround.objects.get(title="Werbung oder Spam")
    return comment.moderate("remove", moderator, ground=spam, explanation="Nur ein Link zu einem Shop.")


def objection(decision, days=0, **fields):
    fields = {"party": "commenter", "text": "Das war keine Werbung, sondern ein Tipp.", **fields}
    return Objection.objects.create(decision=decision, created_at=days_ago(days), **fields)


def cases(response):
    """The queue's cases as the headings read, in order."""
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(heading.get_text().split()) for heading in page.select(".dsa-case h2")]


def test_several_notices_about_one_comment_are_one_case_listed_by_the_oldest(client, moderator, story):
    recent = StoryCommentFactory(story=story, comment="Neu gemeldet")
    older = StoryCommentFactory(story=story, comment="Früh gemeldet")
    first, second = notice(older, days=5), notice(older, days=1)
    third = notice(recent, days=2)

    response = client.get(QUEUE_URL)

    assert cases(response) == [
        f"Meldungen {first.reference}, {second.reference}",
        f"Meldung {third.reference}",
    ]


def test_an_open_objection_is_a_case_of_its_own_by_its_date(client, moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story, comment="Ein Tipp mit Link")
    removal = contested_removal(comment, moderator)
    objection(removal, days=3)
    other = StoryCommentFactory(story=story)
    later = notice(other, days=1)

    response = client.get(QUEUE_URL)

    assert cases(response) == ["Einspruch", f"Meldung {later.reference}"]
    content = response.content.decode()
    assert "Das war keine Werbung, sondern ein Tipp." in content
    assert "Verfasser des Kommentars" in content
    assert "„Entfernt“ vom" in content and "(Werbung oder Spam)" in content
    assert "Einspruch prüfen" in content


def test_a_notifiers_objection_names_their_notice(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    reported = notice(comment, days=4)
    kept = comment.moderate("keep", moderator, explanation="Zugespitzt, aber zulässig.")
    objection(kept, party="notifier", notice=reported, text="Das ist sehr wohl beleidigend.")

    assert cases(client.get(QUEUE_URL)) == [f"Einspruch zu {reported.reference}"]


def test_a_case_shows_its_facts_beside_the_comment_in_its_thread(client, moderator, story):
    question = StoryCommentFactory(story=story, comment="Wo war Emil so lange?", user_name="Bert")
    comment = StoryCommentFactory(
        story=story, parent=question, comment="Frag doch den Dummkopf von Autor.", user_name="Paula"
    )
    StoryCommentFactory.create_batch(2, story=story, parent=comment)
    StoryCommentFactory(story=story, parent=comment, status=CommentStatus.UNCONFIRMED)
    reported = notice(comment, days=3, kind=NoticeKind.INSULT, explanation="Beleidigt den Autor.")

    content = " ".join(client.get(QUEUE_URL).content.decode().split())

    for text in (
        reported.reference,
        "seit 3 Tagen",
        date_format(timezone.localtime(reported.created_at).date(), "DATE_FORMAT"),
        "Beleidigung, üble Nachrede oder Verleumdung",
        "Beleidigt den Autor.",
        "anonym",
        '<a href="/blog/esel/#kommentar-',
        "Wie Esel Emil heimkam",
        "Antwort auf Bert",
        "Wo war Emil so lange?",
        "Frag doch den Dummkopf von Autor.",
        "Veröffentlicht",
        "2 Antworten darauf",
        f'href="/admin/kommentare/{comment.pk}/entscheiden/"',
    ):
        assert text in content, text


def test_a_named_notifier_is_shown_by_name(client, moderator, story):
    notice(StoryCommentFactory(story=story), notifier_name="Nora Nennt", notifier_email="nora@example.org")

    content = client.get(QUEUE_URL).content.decode()

    assert "Nora Nennt" in content and "anonym" not in content


def test_decided_notices_and_answered_objections_leave_the_queue(client, moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story)
    notice(comment)
    removal = contested_removal(comment, moderator)
    contested = objection(removal)
    colleague = django_user_model.objects.create_user("kollege", "k@example.org", "x")
    comment.moderate("restore", colleague, explanation="Ein hilfreicher Tipp.", answering=contested)

    response = client.get(QUEUE_URL)

    assert cases(response) == []
    assert "Keine offenen Meldungen." in response.content.decode()


def test_the_menu_counts_the_open_cases_right_after_the_comments(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    notice(comment)
    notice(comment)
    objection(contested_removal(StoryCommentFactory(story=story), moderator))

    dashboard = client.get("/admin/").content.decode()

    assert "Meldungen (DSA) (2)" in dashboard
    assert QUEUE_URL in dashboard
    request = client.get("/admin/").wsgi_request
    names = [item.name for item in sorted(admin_menu.menu_items_for_request(request), key=lambda i: i.order)]
    assert names[names.index("comments") + 1] == "dsa_cases"


def test_the_menu_item_has_no_number_while_nothing_is_open(client, moderator):
    dashboard = client.get("/admin/").content.decode()

    assert "Meldungen (DSA)" in dashboard
    assert "Meldungen (DSA) (" not in dashboard


def test_editors_see_no_queue_and_are_refused(client, django_user_model, story):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    notice(StoryCommentFactory(story=story), explanation="Vertrauliche Begründung")

    assert "Meldungen (DSA)" not in client.get("/admin/").content.decode()
    response = client.get(QUEUE_URL)
    assert response.status_code == 403
    assert "Kein Zugriff" in response.content.decode()
    assert "Vertrauliche Begründung" not in response.content.decode()


def test_the_dashboard_links_to_the_open_cases(client, moderator, story):
    notice(StoryCommentFactory(story=story))
    notice(StoryCommentFactory(story=story))

    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").find(id="comments-section")

    links = {" ".join(a.get_text().split()): a["href"] for a in panel.find_all("a", class_="button")}
    assert links["2 offene Fälle (DSA)"] == QUEUE_URL


def test_queue_queries_do_not_grow_with_the_cases(
    client, moderator, story_index, django_assert_max_num_queries
):
    stories = [StoryPageFactory(parent=story_index) for _ in range(3)]

    def add_cases(count):
        for number in range(count):
            parent = StoryCommentFactory(story=stories[number % 3])
            comment = StoryCommentFactory(story=stories[number % 3], parent=parent)
            StoryCommentFactory(story=stories[number % 3], parent=comment)
            notice(comment)
            notice(comment, notifier_name="Nora")
            if number % 2:
                objection(contested_removal(StoryCommentFactory(story=stories[number % 3]), moderator))

    add_cases(2)
    client.get(QUEUE_URL)  # warms Wagtail's caches (site root paths, settings)
    with django_assert_max_num_queries(1000) as few_cases:
        client.get(QUEUE_URL)
    add_cases(18)
    with django_assert_max_num_queries(len(few_cases)):
        response = client.get(QUEUE_URL)
    assert len(cases(response)) == 20 + 10
