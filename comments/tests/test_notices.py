"""After sending, the reader hears what happened where they were: at the form, under the comment they
answered or reported, or under their own comment once it is published. No cookie carries it: the outcome
is a fixed sentence named in the address, so the page is the same for everyone and may be shared."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from blog.tests.factories import StoryPageFactory
from comments.models import StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data

pytestmark = pytest.mark.django_db


def notice_in(response):
    return BeautifulSoup(response.content, "html.parser").find(id="kommentar-hinweis")


def test_a_sent_comment_hears_check_your_mail_right_above_the_form(client, story, policy):
    response = client.post(POST_URL, comment_data(story), follow=True)

    assert response.redirect_chain == [("/blog/esel/?kommentar=gesendet#kommentar-hinweis", 302)]
    notice = notice_in(response)
    assert "Fast geschafft: Wir haben Ihnen eine E-Mail geschickt." in notice.get_text()
    assert notice.find_next_sibling("form")["id"] == "kommentar-formular"


def test_a_sent_reply_hears_it_under_the_comment_it_answers(client, story, policy):
    anna = StoryCommentFactory(story=story, user_name="Anna")

    response = client.post(POST_URL, comment_data(story, parent=str(anna.pk)), follow=True)

    notice = notice_in(response)
    assert "Fast geschafft" in notice.get_text()
    assert notice.find_parent("li")["id"] == f"kommentar-{anna.pk}"
    assert notice.find_previous_sibling("article")  # below Anna's comment, where the reply form was


def test_sending_a_comment_sets_no_cookie(client, story, policy):
    client.post(POST_URL, comment_data(story), follow=True)

    assert not client.cookies


def test_the_page_with_the_notice_is_the_same_for_everyone_and_may_be_shared(story, policy):
    response = Client().get(f"{story.url}?kommentar=gesendet")

    assert "Fast geschafft" in notice_in(response).get_text()
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_a_published_comment_is_thanked_below_itself(client, story, policy, admin_user):
    client.force_login(admin_user)

    response = client.post(POST_URL, comment_data(story, name="", email="", comment="Danke!"), follow=True)

    comment = StoryComment.objects.get()
    assert response.redirect_chain[-1][0] == (
        f"/blog/esel/?kommentar=veroeffentlicht&bei={comment.pk}#kommentar-hinweis"
    )
    notice = notice_in(response)
    assert notice.get_text(strip=True) == "Danke! Ihr Kommentar ist veröffentlicht."
    assert notice.find_parent("li")["id"] == f"kommentar-{comment.pk}"


def test_a_held_comment_of_a_logged_in_reader_hears_it_at_the_form(client, story, policy, django_user_model):
    client.force_login(django_user_model.objects.create_user("lea", "lea@example.org", "x"))

    response = client.post(POST_URL, comment_data(story, name="", email=""), follow=True)

    notice = notice_in(response)
    assert "wird von unserem Team geprüft" in notice.get_text()
    assert notice.find_next_sibling("form")["id"] == "kommentar-formular"


def test_a_repeated_comment_hears_it_at_the_form(client, story, policy, admin_user):
    client.force_login(admin_user)
    data = comment_data(story, name="", email="", comment="Nur einmal, bitte")
    client.post(POST_URL, data)

    response = client.post(POST_URL, data, follow=True)

    assert notice_in(response).get_text(strip=True) == "Diesen Kommentar haben wir schon erhalten."


def test_a_comment_on_a_closed_discussion_hears_it_was_not_taken(client, story, policy):
    story.comments_enabled = False
    story.save_revision().publish()

    response = client.post(POST_URL, comment_data(story), follow=True)

    notice = notice_in(response)
    assert "Ihr Kommentar wurde nicht angenommen" in notice.get_text()
    assert notice.find_parent(id="kommentare")
    assert not StoryComment.objects.exists()


def test_a_report_is_thanked_under_the_comment_reported(client, story):
    comment = StoryCommentFactory(story=story)

    response = client.post(f"/kommentare/melden/{comment.pk}/", {"reason": "spam"}, follow=True)

    notice = notice_in(response)
    assert "Danke für Ihre Meldung" in notice.get_text()
    assert notice.find_parent("li")["id"] == f"kommentar-{comment.pk}"
    assert not client.cookies


def test_only_the_outcomes_the_site_names_are_shown(client, story):
    comment = StoryCommentFactory(story=story)

    assert notice_in(client.get(f"{story.url}?kommentar=doppelt")) is not None
    for query in ("kommentar=quatsch", "kommentar=<b>", f"bei={comment.pk}", "kommentar="):
        assert notice_in(client.get(f"{story.url}?{query}")) is None, query


def test_a_notice_for_a_comment_not_shown_on_this_story_stands_at_the_form(client, story, story_index):
    elsewhere = StoryCommentFactory(story=StoryPageFactory(parent=story_index))

    response = client.get(f"{story.url}?kommentar=gemeldet&bei={elsewhere.pk}")

    assert notice_in(response).find_next_sibling("form")["id"] == "kommentar-formular"
