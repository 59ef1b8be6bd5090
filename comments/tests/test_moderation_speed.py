"""Moderating at newsroom speed: one POST per decision from the row, and back on the very same list."""

import html
import re

import pytest
from wagtail.models import ModelLogEntry

from comments.dsa.models import DecisionGround
from comments.models import CommentReport, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
INDEX_URL = "/admin/snippets/comments/storycomment/"
RESULTS_URL = INDEX_URL + "results/"


def row_form(content, comment, action):
    """The row's one-click form for `action` on `comment`: where it posts and the `next` it sends."""
    match = re.search(
        rf'<form action="(/admin/kommentare/{comment.pk}/{action}/)" method="post"[^>]*>'
        r'.*?name="next" value="([^"]*)"',
        content,
        re.S,
    )
    assert match, f"no {action} button in the row of comment {comment.pk}"
    return match.group(1), html.unescape(match.group(2))


def test_pending_rows_have_an_approve_button_outside_the_more_menu(client, moderator, story):
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)
    published = StoryCommentFactory(story=story, status=CommentStatus.PUBLISHED)

    content = client.get(INDEX_URL, {"status": "pending"}).content.decode()

    action, next_url = row_form(content, erika, "approve")
    assert next_url == INDEX_URL + "?status=pending"
    assert 'data-moderation-key="a"' in content
    assert f'<form action="/admin/kommentare/{published.pk}/approve/"' not in content


def test_approve_from_the_row_is_one_post_back_to_the_same_list(client, moderator, story):
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)
    StoryCommentFactory(story=story, user_name="Jan", status=CommentStatus.PENDING)
    query = {"status": "pending", "ordering": "user_name", "q": "Erika"}
    action, next_url = row_form(client.get(INDEX_URL, query).content.decode(), erika, "approve")

    response = client.post(action, {"next": next_url}, follow=True)

    assert response.redirect_chain == [(next_url, 302)]
    assert StoryComment.objects.get(pk=erika.pk).status == CommentStatus.PUBLISHED
    assert ModelLogEntry.objects.filter(action="comments.approve", object_id=str(erika.pk)).count() == 1
    content = response.content.decode()
    assert "Kommentar von Erika freigegeben." in content
    assert 'class="comment-tabs' in content  # the full, styled list, not the results partial
    assert response.context["request"].GET.dict() == query


@pytest.mark.parametrize("status", [CommentStatus.HIDDEN, CommentStatus.REMOVED, CommentStatus.SPAM])
def test_restore_from_the_row_is_one_post(client, moderator, story, status):
    comment = StoryCommentFactory(story=story, user_name="Olaf", status=status)
    action, next_url = row_form(
        client.get(INDEX_URL, {"status": status}).content.decode(), comment, "restore"
    )

    response = client.post(action, {"next": next_url}, follow=True)

    assert StoryComment.objects.get(pk=comment.pk).status == CommentStatus.PUBLISHED
    assert "Kommentar von Olaf wiederhergestellt." in response.content.decode()
    assert response.redirect_chain == [(INDEX_URL + f"?status={status}", 302)]


def test_settling_reports_is_a_row_button_too(client, moderator, story):
    comment = StoryCommentFactory(story=story, user_name="Kai")
    CommentReport.objects.create(comment=comment, reason="abuse")
    action, next_url = row_form(
        client.get(INDEX_URL, {"reported": "true"}).content.decode(), comment, "settle_reports"
    )

    response = client.post(action, {"next": next_url}, follow=True)

    assert "Meldungen zum Kommentar von Kai erledigt." in response.content.decode()
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()


def test_rows_fetched_by_search_send_the_full_list_as_next(client, moderator, story):
    """Search and filters swap in the results partial; its buttons must not lead back to it."""
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)

    content = client.get(RESULTS_URL, {"q": "Erika", "p": "1"}).content.decode()

    assert row_form(content, erika, "approve")[1] == INDEX_URL + "?q=Erika&p=1"
    assert (
        f"/admin/kommentare/{erika.pk}/remove/?next=%2Fadmin%2Fsnippets%2Fcomments%2Fstorycomment%2F%3Fq"
        in (content)
    )


def test_a_next_pointing_to_the_results_partial_lands_on_the_full_list(client, moderator, story):
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)

    response = client.post(
        f"/admin/kommentare/{erika.pk}/approve/", {"next": RESULTS_URL + "?q=Erika"}, follow=True
    )

    assert response.redirect_chain == [(INDEX_URL + "?q=Erika", 302)]
    assert 'class="comment-tabs' in response.content.decode()


def test_the_reason_page_returns_to_the_list_it_came_from(client, moderator, story):
    erika = StoryCommentFactory(story=story, user_name="Erika", status=CommentStatus.PENDING)
    back = INDEX_URL + "?status=pending&p=1&q=Erika"
    url = f"/admin/kommentare/{erika.pk}/remove/"
    page = client.get(url, {"next": RESULTS_URL + "?status=pending&p=1&q=Erika"}).content.decode()
    assert f'name="next" value="{html.escape(back)}"' in page

    ground = DecisionGround.objects.get(title="Werbung oder Spam")
    response = client.post(
        url, {"next": back, "ground": ground.pk, "explanation": "Nur Werbung."}, follow=True
    )

    assert response.redirect_chain == [(back, 302)]
    assert "Kommentar von Erika entfernt." in response.content.decode()
    assert StoryComment.objects.get(pk=erika.pk).status == CommentStatus.REMOVED


def test_bulk_actions_return_to_the_full_list(client, moderator, story):
    comments = StoryCommentFactory.create_batch(2, story=story, status=CommentStatus.PENDING)
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    back = "status=pending&q=Leserin&p=1"

    response = client.post(
        f"/admin/bulk/comments/storycomment/approve_comments/?next={RESULTS_URL}%3F{back.replace('&', '%26')}&{ids}"
    )

    assert response["Location"] == f"{INDEX_URL}?{back}"
    assert StoryComment.objects.filter(status=CommentStatus.PUBLISHED).count() == 2


def test_the_bulk_bar_offers_no_delete(client, moderator, story):
    StoryCommentFactory(story=story)

    content = client.get(INDEX_URL).content.decode()

    assert "/admin/bulk/comments/storycomment/approve_comments/" in content
    assert "/admin/bulk/comments/storycomment/delete/" not in content
    assert "Löschen" not in re.search(r"bulk-actions-buttons.*?</ul>", content, re.S).group(0)


def test_the_detail_view_knows_its_neighbours_in_the_list_and_moves_on_after_a_decision(
    client, moderator, story
):
    anna, bert, cleo = (
        StoryCommentFactory(story=story, user_name=name, status=CommentStatus.PENDING)
        for name in ("Anna", "Bert", "Cleo")
    )
    StoryCommentFactory(story=story, user_name="Dora", status=CommentStatus.PUBLISHED)
    listing = client.get(INDEX_URL, {"status": "pending", "ordering": "user_name"}).content.decode()
    query = "status=pending&amp;ordering=user_name"
    assert f'href="{INDEX_URL}inspect/{bert.pk}/?{query}"' in listing

    content = client.get(f"{INDEX_URL}inspect/{bert.pk}/?status=pending&ordering=user_name").content.decode()

    assert (
        f'<a href="{INDEX_URL}inspect/{anna.pk}/?{query}" rel="prev" data-moderation-key="k">Vorheriger</a>'
        in (content)
    )
    assert (
        f'<a href="{INDEX_URL}inspect/{cleo.pk}/?{query}" rel="next" data-moderation-key="j">Nächster</a>'
        in (content)
    )
    response = client.post(
        f"/admin/kommentare/{bert.pk}/approve/",
        {"next": f"{INDEX_URL}inspect/{cleo.pk}/?status=pending&ordering=user_name"},
        follow=True,
    )
    assert "Kommentar von Bert freigegeben." in response.content.decode()
    assert f'name="next" value="{INDEX_URL}?{query}"' in response.content.decode()  # Cleo is the last


def test_the_detail_view_opened_on_its_own_stays_after_a_decision(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)

    content = client.get(f"{INDEX_URL}inspect/{comment.pk}/").content.decode()

    assert f'name="next" value="{INDEX_URL}inspect/{comment.pk}/"' in content
    assert 'rel="next"' not in content


def test_each_row_has_its_own_block_link_for_the_key_b(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING, user_name="Erika")

    content = client.get(INDEX_URL).content.decode()

    link = re.search(r'<a href="([^"]+)" data-moderation-key="b">Sperren</a>', content)
    assert link and html.unescape(link.group(1)) == f"/admin/kommentare/sperren/neu/?comment={comment.pk}"
    form = client.get(html.unescape(link.group(1))).content.decode()
    assert comment.user_email in form
