"""Comment counts where moderators and editors work: the dashboard, the page explorer, the page editor."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.tests.factories import StoryPageFactory
from comments.models import CommentReport, CommentStatus, StoryDiscussion
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
INDEX_URL = "/admin/snippets/comments/storycomment/"


def login(client, django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client, django_user_model):
    return login(client, django_user_model, "moderatorin", "Moderatoren")


@pytest.fixture
def editor(client, django_user_model):
    """Edits pages, may not moderate."""
    return login(client, django_user_model, "redakteur", "Redaktion")


@pytest.fixture
def chief_editor(client, django_user_model):
    """Edits pages and moderates: the page explorer and editor need page permissions."""
    return login(client, django_user_model, "chefin", "Chefredaktion", "Moderatoren")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def queries_for(client, url):
    client.get(url)  # warm Wagtail's caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def minutes_ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


# Dashboard


def test_dashboard_shows_moderators_the_queue_reports_and_latest_waiting_comments(client, moderator, story):
    waiting = [
        StoryCommentFactory(
            story=story,
            status=CommentStatus.PENDING,
            user_name=f"Wartende {n}",
            comment=f"Wartender Text {n}",
            submit_date=minutes_ago(10 * n),
        )
        for n in range(6)
    ]
    reported = StoryCommentFactory(story=story)
    CommentReport.objects.create(comment=reported, reason="spam")
    CommentReport.objects.create(comment=reported, reason="abuse")
    settled = StoryCommentFactory(story=story)
    CommentReport.objects.create(comment=settled, reason="spam", resolved_at=timezone.now())
    StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED, comment="Noch unbestätigt")

    panel = soup(client.get("/admin/")).find(id="comments-section")

    assert panel.find("h2").get_text(strip=True) == "Kommentare"
    links = {" ".join(a.get_text().split()): a["href"] for a in panel.find_all("a", class_="button")}
    assert links["6 warten auf Prüfung"] == f"{INDEX_URL}?status=pending"
    assert links["1 gemeldet"] == f"{INDEX_URL}?reported=true"
    rows = panel.find("tbody").find_all("tr")
    assert [row.find("a").get_text(strip=True) for row in rows] == [f"Wartende {n}" for n in range(5)]
    assert "Wartender Text 5" not in panel.get_text() and "Noch unbestätigt" not in panel.get_text()
    first = rows[0]
    assert first.find("a")["href"] == f"{INDEX_URL}inspect/{waiting[0].pk}/"
    assert "Wartender Text 0" in first.get_text() and "Wie Esel Emil heimkam" in first.get_text()
    assert first.find("time")
    # Approving is one click; removal and spam ask for their ground on the confirmation page first.
    form = first.find("form")
    assert form["action"] == reverse("comments_admin:moderate", args=[waiting[0].pk, "approve"])
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("input", attrs={"name": "next"})["value"] == "/admin/"
    links = first.select("td:last-child a.button")
    assert [link["href"] for link in links] == [
        reverse("comments_admin:moderate", args=[waiting[0].pk, action]) + "?next=/admin/"
        for action in ("remove", "spam")
    ]
    buttons = [form.find("button", type="submit"), *links]
    for button, label in zip(buttons, ["Freigeben", "Entfernen", "Spam"], strict=True):
        assert button.get_text(" ", strip=True).startswith(label)
        assert (
            "Kommentar von Wartende 0 zu „Wie Esel Emil heimkam“"
            in button.find(class_="w-sr-only").get_text()
        )


def test_dashboard_says_when_nothing_waits(client, moderator, story):
    StoryCommentFactory(story=story)

    panel = soup(client.get("/admin/")).find(id="comments-section")

    assert "0 warten auf Prüfung" in " ".join(panel.get_text().split())
    assert "Kein Kommentar wartet auf Prüfung." in panel.get_text()
    assert not panel.find("form")


def test_dashboard_has_no_comment_panel_for_editors(client, editor, story):
    StoryCommentFactory(story=story, status=CommentStatus.PENDING, comment="Geheimer Wartetext")

    page = soup(client.get("/admin/"))

    assert page.find(id="comments-section") is None
    assert "Geheimer Wartetext" not in page.get_text()


def test_dashboard_queries_do_not_grow_with_the_waiting_comments(client, moderator, story_index):
    stories = [StoryPageFactory(parent=story_index) for _ in range(4)]

    def add_waiting(count):
        for number in range(count):
            comment = StoryCommentFactory(story=stories[number % 4], status=CommentStatus.PENDING)
            CommentReport.objects.create(comment=comment, reason="spam")

    add_waiting(2)
    with_two = queries_for(client, "/admin/")
    add_waiting(18)
    assert queries_for(client, "/admin/") == with_two


# Page explorer


def comment_buttons(response):
    """The comment button of each story row, as {story id: label}."""
    buttons = {}
    for link in soup(response).select("td.title a.button"):
        if link["href"].startswith(f"{INDEX_URL}?story="):
            buttons[int(link["href"].rpartition("=")[2])] = " ".join(link.get_text().split())
    return buttons


def test_explorer_shows_each_storys_comment_count_to_moderators(client, chief_editor, story_index):
    busy = StoryPageFactory(parent=story_index, title="Viel los")
    quiet = StoryPageFactory(parent=story_index, title="Ruhig")
    for status in [CommentStatus.PUBLISHED] * 3 + [CommentStatus.PENDING] * 2 + [CommentStatus.SPAM]:
        StoryCommentFactory(story=busy, status=status)
    StoryCommentFactory(story=quiet, status=CommentStatus.UNCONFIRMED)

    response = client.get(f"/admin/pages/{story_index.pk}/")

    assert comment_buttons(response) == {busy.pk: "Kommentare (3), 2 warten", quiet.pk: "Kommentare (0)"}
    link = soup(response).find("a", href=f"{INDEX_URL}?story={busy.pk}")
    assert link["aria-label"] == "Kommentare (3), 2 warten: Viel los"


def test_explorer_search_results_keep_the_counts(client, chief_editor, story_index):
    story = StoryPageFactory(parent=story_index, title="Gesuchter Esel")
    StoryCommentFactory(story=story)

    response = client.get(f"/admin/pages/{story_index.pk}/", {"q": "Esel"})

    assert comment_buttons(response) == {story.pk: "Kommentare (1)"}


def test_explorer_shows_editors_no_comment_buttons(client, editor, story):
    StoryCommentFactory(story=story)

    response = client.get(f"/admin/pages/{story.get_parent().pk}/")

    assert "Wie Esel Emil heimkam" in response.content.decode()
    assert comment_buttons(response) == {}


def test_explorer_queries_do_not_grow_with_the_stories(client, chief_editor, story_index):
    def add_stories(count):
        for _ in range(count):
            story = StoryPageFactory(parent=story_index)
            StoryCommentFactory(story=story)
            StoryCommentFactory(story=story, status=CommentStatus.PENDING)

    url = f"/admin/pages/{story_index.pk}/"
    add_stories(3)
    with_three = queries_for(client, url)
    add_stories(9)
    assert queries_for(client, url) == with_three
    assert len(comment_buttons(client.get(url))) == 12


# Page editor


def summary_panel(client, story):
    heading = soup(client.get(f"/admin/pages/{story.pk}/edit/")).find(
        "span", attrs={"data-panel-heading-text": True}, string="Kommentare"
    )
    return heading and heading.find_parent("section")


def panel_text(panel):
    return " ".join(panel.get_text().split())


def test_editor_panel_counts_the_storys_comments_by_status(client, editor, story):
    statuses = (
        [CommentStatus.PUBLISHED] * 2
        + [CommentStatus.PENDING] * 3
        + [CommentStatus.SPAM, CommentStatus.HIDDEN, CommentStatus.HIDDEN]
        + [CommentStatus.REMOVED, CommentStatus.UNCONFIRMED]
    )
    comments = [StoryCommentFactory(story=story, status=status) for status in statuses]
    CommentReport.objects.create(comment=comments[0], reason="spam")
    CommentReport.objects.create(comment=comments[0], reason="abuse")
    CommentReport.objects.create(comment=comments[1], reason="spam", resolved_at=timezone.now())
    StoryCommentFactory(story=StoryPageFactory(parent=story.get_parent()))  # another story's

    text = panel_text(summary_panel(client, story))

    for expected in (
        "2 veröffentlicht",
        "3 warten auf Prüfung",
        "1 Spam",
        "2 verborgen",
        "1 entfernt",
        "2 offene Meldungen",
    ):
        assert expected in text


def today_minus(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    "setup, expected",
    [
        ({"date": 10}, ["Die Diskussion ist offen.", "Sie schließt automatisch am"]),
        ({"date": 100, "decision": StoryDiscussion.OPEN}, ["Die Diskussion ist offen.", "wieder geöffnet"]),
        ({"date": 10, "decision": StoryDiscussion.CLOSED}, ["ist geschlossen.", "Von der Moderation am"]),
        ({"date": 100}, ["ist geschlossen.", "Automatisch am", "nach der Frist"]),
        (
            {"date": 10, "comments_enabled": False, "decision": StoryDiscussion.OPEN},
            ["ist geschlossen.", "Von der Redaktion abgeschaltet"],
        ),
    ],
    ids=["open", "reopened", "closed-by-moderator", "closed-by-date", "turned-off-by-editors"],
)
def test_editor_panel_says_whether_and_why_the_discussion_is_open(
    client, chief_editor, story_index, setup, expected
):
    story = StoryPageFactory(
        parent=story_index,
        date=today_minus(setup["date"]),
        comments_enabled=setup.get("comments_enabled", True),
    )
    if "decision" in setup:
        StoryDiscussion.decide(story, setup["decision"], chief_editor)

    text = panel_text(summary_panel(client, story))

    for phrase in expected:
        assert phrase in text
    if "geschlossen." in expected[0]:
        assert "ist offen" not in text


def test_editor_panel_goes_by_the_published_story_not_the_draft(client, editor, story):
    story.comments_enabled = False
    story.save_revision()

    text = panel_text(summary_panel(client, story))

    assert "Die Diskussion ist offen." in text
    assert "Der Entwurf ändert „Kommentare erlaubt“" in text


def test_editor_panel_links_to_moderation_only_for_moderators(client, django_user_model, story):
    login(client, django_user_model, "redakteur", "Redaktion")
    panel = summary_panel(client, story)
    assert "Kommentare zu dieser Geschichte moderieren" not in panel.get_text()
    assert not panel.find("a", href=lambda href: href and href.startswith(INDEX_URL))

    login(client, django_user_model, "chefin", "Chefredaktion", "Moderatoren")
    link = summary_panel(client, story).find("a", href=f"{INDEX_URL}?story={story.pk}")
    assert " ".join(link.get_text().split()) == "Kommentare zu dieser Geschichte moderieren"


def test_editor_panel_is_absent_while_a_story_is_created(client, chief_editor, story_index):
    text = soup(client.get(f"/admin/pages/add/blog/storypage/{story_index.pk}/")).get_text()

    assert "Kommentare erlaubt" in text
    assert "Die Diskussion ist" not in text and "moderieren" not in text
