"""The Team's answers: a moderator pins one Team reply per comment, readers see it first under that comment,
and "Offene Fragen" lists the reader comments still waiting for a Team answer, with a reply form beside each."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from blog.tests.factories import AuthorFactory, StoryCategoryFactory, StoryPageFactory
from blog.tests.test_purge import STORY_URLS
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

from .test_thread import count_story_queries

pytestmark = pytest.mark.django_db
QUESTIONS_URL = "/admin/kommentare/fragen/"


def pin_url(reply):
    return f"/admin/kommentare/antwort/{reply.pk}/anheften/"


def unpin_url(reply):
    return f"/admin/kommentare/antwort/{reply.pk}/nicht-mehr-anheften/"


def detail_url(comment):
    return f"/admin/snippets/comments/storycomment/inspect/{comment.pk}/"


def team_reply(story, parent, **kwargs):
    return StoryCommentFactory(
        story=story, parent=parent, is_team=True, user_name="Tobias vom Team", **kwargs
    )


def thread_items(client, story):
    """The discussion's list items as readers get them: (id, text of the item)."""
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    return [(item["id"], " ".join(item.get_text().split())) for item in soup.select(".comment-list > li")]


def reloaded(comment):
    return StoryComment.objects.get(pk=comment.pk)


# Pinning a Team reply


def test_a_pinned_reply_comes_first_under_its_comment_with_label_and_link(client, moderator, story):
    question = StoryCommentFactory(story=story, comment="Wann kommt Emil wieder?")
    early = StoryCommentFactory(story=story, parent=question, comment="Ich frage mich das auch.")
    StoryCommentFactory(story=story, parent=early, comment="Ich auch!")
    answer = team_reply(story, question, comment="Emil kommt im Mai zurück.")
    later = StoryCommentFactory(story=story, comment="Ein neuer Gedanke.")

    response = client.post(pin_url(answer), {"next": detail_url(answer)})

    assert response.status_code == 302
    items = thread_items(client, story)
    assert [item_id for item_id, _ in items] == [
        f"kommentar-{question.pk}",
        f"kommentar-{answer.pk}",
        f"kommentar-{early.pk}",
        f"kommentar-{early.pk + 1}",
        f"kommentar-{later.pk}",
    ]
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    pinned = soup.find(id=f"kommentar-{answer.pk}")
    assert "comment--pinned" in pinned["class"]
    assert pinned.select_one(".badge").get_text(strip=True) == "Team"
    assert pinned.select_one(".comment__pin").get_text(strip=True) == "Antwort des Teams"
    link = soup.find(id=f"kommentar-{question.pk}").find("a", string="Zur Antwort des Teams")
    assert link["href"] == f"#kommentar-{answer.pk}"
    assert soup.find(id=f"kommentar-{early.pk}").find("a", string="Zur Antwort des Teams") is None


def test_a_pinned_reply_keeps_its_own_replies_below_it(client, moderator, story):
    question = StoryCommentFactory(story=story, comment="Frage")
    StoryCommentFactory(story=story, parent=question, comment="Leser antwortet")
    answer = team_reply(story, question, comment="Team antwortet")
    thanks = StoryCommentFactory(story=story, parent=answer, comment="Danke!")

    answer.pin(moderator)

    texts = [c.comment for c in StoryComment.objects.thread_for(story)]
    assert texts == ["Frage", "Team antwortet", "Danke!", "Leser antwortet"]
    assert [c.level for c in StoryComment.objects.thread_for(story)] == [0, 1, 2, 1]
    assert thanks.pk in [c.pk for c in StoryComment.objects.thread_for(story)]


def test_pinning_another_reply_unpins_the_first(client, moderator, story):
    question = StoryCommentFactory(story=story)
    first = team_reply(story, question, comment="Erste Antwort")
    second = team_reply(story, question, comment="Bessere Antwort")
    first.pin(moderator)

    client.post(pin_url(second))

    assert reloaded(first).pinned_under_id is None
    assert reloaded(second).pinned_under_id == question.pk
    assert [c.comment for c in StoryComment.objects.thread_for(story)][1] == "Bessere Antwort"


def test_the_database_holds_one_pinned_reply_per_comment(moderator, story):
    question = StoryCommentFactory(story=story)
    first = team_reply(story, question)
    second = team_reply(story, question)
    first.pin(moderator)

    with pytest.raises(IntegrityError), transaction.atomic():
        StoryComment.objects.filter(pk=second.pk).update(pinned_under_id=question.pk)


@pytest.mark.parametrize(
    "kind",
    ["reader reply", "pending team reply", "top-level team comment"],
)
def test_only_a_published_team_reply_can_be_pinned(client, moderator, story, kind):
    question = StoryCommentFactory(story=story)
    reply = {
        "reader reply": lambda: StoryCommentFactory(story=story, parent=question),
        "pending team reply": lambda: team_reply(story, question, status=CommentStatus.PENDING),
        "top-level team comment": lambda: StoryCommentFactory(story=story, is_team=True),
    }[kind]()

    response = client.post(pin_url(reply), follow=True)

    assert reloaded(reply).pinned_under_id is None
    assert "Nur eine veröffentlichte Antwort des Teams auf einen Kommentar lässt sich anheften." in (
        response.content.decode()
    )


def test_unpinning_puts_the_reply_back_in_its_place(client, moderator, story):
    question = StoryCommentFactory(story=story, comment="Frage")
    StoryCommentFactory(story=story, parent=question, comment="Leser")
    answer = team_reply(story, question, comment="Team")
    answer.pin(moderator)

    response = client.post(unpin_url(answer), {"next": detail_url(answer)}, follow=True)

    assert reloaded(answer).pinned_under_id is None
    assert [c.comment for c in StoryComment.objects.thread_for(story)] == ["Frage", "Leser", "Team"]
    assert "Die Antwort ist nicht mehr angeheftet" in response.content.decode()
    assert "Antwort des Teams" not in " ".join(text for _, text in thread_items(client, story))


@pytest.mark.parametrize("status", [CommentStatus.REMOVED, CommentStatus.HIDDEN, CommentStatus.PENDING])
def test_taking_a_pinned_reply_from_readers_unpins_it(moderator, story, status):
    question = StoryCommentFactory(story=story)
    answer = team_reply(story, question)
    answer.pin(moderator)

    action = {CommentStatus.REMOVED: "remove", CommentStatus.HIDDEN: "hide", CommentStatus.PENDING: "hold"}
    reloaded(answer).moderate(action[status], moderator)

    assert reloaded(answer).status == status
    assert reloaded(answer).pinned_under_id is None


def test_pin_and_unpin_are_logged_in_german(client, moderator, story):
    answer = team_reply(story, StoryCommentFactory(story=story))
    client.post(pin_url(answer))
    client.post(unpin_url(answer))

    entries = ModelLogEntry.objects.filter(object_id=str(answer.pk)).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == ["comments.pin", "comments.unpin"]
    assert [entry.message for entry in entries] == [
        "Antwort des Teams angeheftet",
        "Antwort des Teams nicht mehr angeheftet",
    ]
    assert all(entry.user == moderator for entry in entries)


@pytest.fixture
def cached_story(story_index):
    """A story on every listing of `blog.tests.test_purge.STORY_URLS`."""
    return StoryPageFactory(
        parent=story_index,
        slug="esel",
        title="Wie Esel Emil heimkam",
        date=datetime.date(2026, 11, 18),
        authors=[AuthorFactory(slug="tobias")],
        categories=[StoryCategoryFactory(slug="kundenservice")],
        tags=["Kuscheltier"],
    )


def test_pinning_renews_the_story_everywhere(
    cached_story, moderator, front_cache, django_capture_on_commit_callbacks
):
    answer = team_reply(cached_story, StoryCommentFactory(story=cached_story))
    front_cache.refreshed.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer.pin(moderator)
    assert sorted(front_cache.refreshed) == sorted(STORY_URLS)
    assert front_cache.purged == []  # the same comments in another order: no reader waits for a render


def test_unpinning_renews_the_story_everywhere(
    cached_story, moderator, front_cache, django_capture_on_commit_callbacks
):
    answer = team_reply(cached_story, StoryCommentFactory(story=cached_story))
    answer.pin(moderator)  # its purge is never committed in this test
    front_cache.refreshed.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer.unpin(moderator)
    assert sorted(front_cache.refreshed) == sorted(STORY_URLS)


def test_the_detail_view_offers_pinning_only_for_a_published_team_reply(client, moderator, story):
    question = StoryCommentFactory(story=story)
    answer = team_reply(story, question)

    assert "Anheften" in client.get(detail_url(answer)).content.decode()
    assert pin_url(answer) not in client.get(detail_url(question)).content.decode()
    answer.pin(moderator)
    assert unpin_url(answer) in client.get(detail_url(answer)).content.decode()


def test_the_story_page_costs_the_same_queries_with_pins(client, moderator, story):
    questions = [StoryCommentFactory(story=story) for _ in range(5)]
    answers = [team_reply(story, question) for question in questions]
    for question in questions:
        StoryCommentFactory(story=story, parent=question)
    without_pins = count_story_queries(client, story)

    for answer in answers:
        answer.pin(moderator)

    assert count_story_queries(client, story) == without_pins


def test_editors_may_not_pin(client, django_user_model, story):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    answer = team_reply(story, StoryCommentFactory(story=story))

    assert client.post(pin_url(answer)).status_code == 403
    assert reloaded(answer).pinned_under_id is None


# "Offene Fragen"


def question_texts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(item.select_one(".dsa-thread__text").get_text().split()) for item in soup.select(".dsa-case")
    ]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_questions_are_reader_comments_without_a_team_reply_newest_first(client, moderator, story):
    StoryCommentFactory(story=story, comment="Ältere Frage", submit_date=days_ago(3))
    newest = StoryCommentFactory(story=story, comment="Neueste Frage", submit_date=days_ago(1))
    StoryCommentFactory(story=story, parent=newest, comment="Leser antwortet", submit_date=days_ago(0))
    answered = StoryCommentFactory(story=story, comment="Beantwortet", submit_date=days_ago(2))
    team_reply(story, answered, comment="Antwort des Teams")
    StoryCommentFactory(story=story, comment="Wartet auf Prüfung", status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, comment="Entfernt", status=CommentStatus.REMOVED)
    StoryCommentFactory(story=story, comment="Zu alt", submit_date=days_ago(31))
    StoryCommentFactory(story=story, is_team=True, comment="Beitrag des Teams")
    hidden_answer = StoryCommentFactory(story=story, comment="Antwort verborgen", submit_date=days_ago(2))
    team_reply(story, hidden_answer, status=CommentStatus.HIDDEN)

    response = client.get(QUESTIONS_URL)

    assert response.status_code == 200
    assert question_texts(response) == [
        "Leser antwortet",
        "Neueste Frage",
        "Antwort verborgen",
        "Ältere Frage",
    ]
    page = response.content.decode()
    assert "aus den letzten 30 Tagen" in page
    assert "Wie Esel Emil heimkam" in page
    assert "4 offene Fragen" in page


def test_questions_can_be_filtered_by_story(client, moderator, story, story_index):
    other = StoryPageFactory(parent=story_index, title="Die Reise der Giraffe")
    StoryCommentFactory(story=story, comment="Frage zu Emil")
    StoryCommentFactory(story=other, comment="Frage zur Giraffe")

    response = client.get(QUESTIONS_URL, {"story": other.pk})

    assert question_texts(response) == ["Frage zur Giraffe"]
    soup = BeautifulSoup(response.content, "html.parser")
    options = [option.get_text(strip=True) for option in soup.select("#questions-story option")]
    assert options == ["Alle Geschichten", "Die Reise der Giraffe", "Wie Esel Emil heimkam"]
    assert (
        soup.select_one("#questions-story option[selected]").get_text(strip=True) == "Die Reise der Giraffe"
    )


def test_questions_are_paginated_by_25(client, moderator, story):
    for number in range(30):
        StoryCommentFactory(
            story=story,
            comment=f"Frage {number}",
            submit_date=days_ago(1) + datetime.timedelta(minutes=number),
        )

    first = client.get(QUESTIONS_URL)
    second = client.get(QUESTIONS_URL, {"p": 2})

    assert len(question_texts(first)) == 25
    assert question_texts(first)[0] == "Frage 29"
    assert question_texts(second) == [f"Frage {number}" for number in range(4, -1, -1)]


def test_a_reply_from_the_list_is_published_as_team_and_leaves_the_list(
    client, moderator, story, story_index
):
    other = StoryPageFactory(parent=story_index, title="Die Reise der Giraffe")
    question = StoryCommentFactory(story=story, comment="Wann kommt Emil wieder?", user_name="Erika")
    StoryCommentFactory(story=other, comment="Frage zur Giraffe")
    url = f"{QUESTIONS_URL}?story={story.pk}"

    response = client.post(url, {"frage": question.pk, f"frage-{question.pk}-comment": "Im Mai!"})

    assert response.status_code == 302
    assert response["Location"] == url
    reply = StoryComment.objects.get(comment="Im Mai!")
    assert (reply.parent_id, reply.is_team, reply.status) == (question.pk, True, CommentStatus.PUBLISHED)
    page = client.get(url)
    assert "Ihre Antwort an Erika ist veröffentlicht." in page.content.decode()
    assert question_texts(client.get(QUESTIONS_URL)) == ["Frage zur Giraffe"]
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.find(id=f"kommentar-{reply.pk}").select_one(".badge").get_text(strip=True) == "Team"


def test_a_reply_to_the_deepest_level_also_leaves_the_list(client, moderator, story):
    top = StoryCommentFactory(story=story, comment="Oben", submit_date=days_ago(3))
    middle = StoryCommentFactory(story=story, parent=top, comment="Mitte", submit_date=days_ago(2))
    deepest = StoryCommentFactory(story=story, parent=middle, comment="Ganz unten", submit_date=days_ago(1))

    client.post(QUESTIONS_URL, {"frage": deepest.pk, f"frage-{deepest.pk}-comment": "Antwort"})

    assert StoryComment.objects.get(comment="Antwort").parent_id == middle.pk  # joins the deepest level
    assert question_texts(client.get(QUESTIONS_URL)) == ["Oben"]


def test_an_empty_reply_keeps_the_list_and_says_what_is_wrong(client, moderator, story):
    question = StoryCommentFactory(story=story, comment="Frage")
    field = f"frage-{question.pk}-comment"

    response = client.post(QUESTIONS_URL, {"frage": question.pk, field: "   "})

    assert response.status_code == 200
    assert "Die Antwort ist nicht veröffentlicht." in response.content.decode()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("textarea", attrs={"name": field}) is not None
    assert "Dieses Feld muss ausgefüllt werden." in soup.find(id=f"frage-{question.pk}").get_text()
    assert not StoryComment.objects.filter(is_team=True).exists()


def test_a_too_long_reply_keeps_the_text_in_place(client, moderator, story, settings):
    question = StoryCommentFactory(story=story)
    field = f"frage-{question.pk}-comment"
    text = "Zu lang " * 500

    response = client.post(QUESTIONS_URL, {"frage": question.pk, field: text})

    textarea = BeautifulSoup(response.content, "html.parser").find("textarea", attrs={"name": field})
    assert textarea.get_text().strip() == text.strip()


def test_a_reply_to_an_unknown_question_is_not_found(client, moderator, story):
    assert client.post(QUESTIONS_URL, {"frage": "abc", "frage-abc-comment": "Hallo"}).status_code == 404
    assert not StoryComment.objects.exists()


def test_no_answer_needed_takes_a_comment_off_the_list_and_is_logged(client, moderator, story):
    thanks = StoryCommentFactory(story=story, comment="Danke, schöne Geschichte!", user_name="Erika")
    StoryCommentFactory(story=story, comment="Eine echte Frage?")

    response = client.post(
        f"{QUESTIONS_URL}{thanks.pk}/nicht-noetig/", {"next": f"{QUESTIONS_URL}?p=1"}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"{QUESTIONS_URL}?p=1"
    assert question_texts(response) == ["Eine echte Frage?"]
    assert "Der Kommentar von Erika braucht keine Antwort" in response.content.decode()
    entry = ModelLogEntry.objects.get(object_id=str(thanks.pk), action="comments.no_answer_needed")
    assert entry.user == moderator
    assert entry.message == "Als „Keine Antwort nötig“ markiert"


def test_editors_see_no_questions_and_are_refused(client, django_user_model, story):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    question = StoryCommentFactory(story=story, comment="Geheime Frage")

    assert "Offene Fragen" not in client.get("/admin/").content.decode()
    response = client.get(QUESTIONS_URL)
    assert response.status_code == 403
    assert "Geheime Frage" not in response.content.decode()
    assert (
        client.post(QUESTIONS_URL, {"frage": question.pk, f"frage-{question.pk}-comment": "x"}).status_code
        == 403
    )
    assert client.post(f"{QUESTIONS_URL}{question.pk}/nicht-noetig/").status_code == 403
    assert not StoryComment.objects.filter(is_team=True).exists()
    assert not reloaded(question).needs_no_answer


def test_moderators_find_the_questions_in_the_menu(client, moderator):
    assert f'"url": "{QUESTIONS_URL}"' in client.get("/admin/").content.decode()


def count_question_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUESTIONS_URL)
    return len(queries), len(question_texts(response))


def test_questions_cost_the_same_queries_for_5_or_25(client, moderator, story_index):
    stories = [StoryPageFactory(parent=story_index) for _ in range(3)]

    def add_questions(count):
        """Questions on three stories, every second one a reply, some by signed-in readers."""
        root = None
        for number in range(count):
            if number % 2:
                StoryCommentFactory(
                    story=stories[number % 3], parent=root, user=moderator if number % 3 else None
                )
            else:
                root = StoryCommentFactory(story=stories[number % 3])

    add_questions(5)
    client.get(QUESTIONS_URL)  # warms Wagtail's caches (site root paths, settings)
    five = count_question_queries(client)
    assert five[1] == 5
    add_questions(40)
    assert count_question_queries(client) == (five[0], 25)
