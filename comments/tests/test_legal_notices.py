"""Anyone can report a comment as illegal (Art. 16 DSA): the notice is stored with the comment's text as
evidence, acknowledged by mail with a reference number, and every refusal keeps what was typed."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from blog.tests.factories import StoryPageFactory
from comments.dsa.models import ContentNotice
from comments.dsa.views import NOTICES_PER_IP_PER_HOUR
from comments.models import CommentStatus
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_english_messages import english  # noqa: F401 - a reader who chose English
from comments.tests.test_redis_away import form_values

pytestmark = pytest.mark.django_db

NOTICE_URL = "/kommentare/rechtswidrig-melden/"
ONLY_ABUSE_ANONYMOUS = (
    "Anonym bleiben können nur Meldungen über Darstellungen sexuellen Missbrauchs von Kindern"
)


@pytest.fixture
def comment(story):
    return StoryCommentFactory(story=story, comment="Der Kollege Meier ist ein Betrüger und Dieb.")


def notice_data(reported, **changes):
    data = {
        "comment": str(reported.pk),
        "kind": "insult",
        "explanation": "„Betrüger und Dieb“ ist eine Verleumdung von Herrn Meier (§ 187 StGB).",
        "name": "Paula Prüfer",
        "email": "paula@example.org",
        "good_faith": "on",
    }
    data.update(changes)
    return data


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def field_error(response, field):
    error = page(response).find(id=f"id_{field}-fehler")
    return error.get_text() if error else ""


def test_a_reader_reports_the_comment_they_came_from_and_gets_a_reference(client, comment):
    form = client.get(f"{NOTICE_URL}?kommentar={comment.pk}")
    shown = page(form)
    assert shown.h1.get_text() == "Rechtswidrige Inhalte melden"
    assert "Der Kollege Meier ist ein Betrüger und Dieb." in shown.select_one("figure").get_text()
    assert "Wie Esel Emil heimkam" in shown.select_one("figure").get_text()
    assert shown.select_one("input[name=comment]")["value"] == str(comment.pk)

    response = client.post(NOTICE_URL, notice_data(comment), follow=True)

    notice = ContentNotice.objects.get()
    assert (notice.comment, notice.kind, notice.good_faith) == (comment, "insult", True)
    assert notice.evidence_text == "Der Kollege Meier ist ein Betrüger und Dieb."
    assert (notice.notifier_name, notice.notifier_email) == ("Paula Prüfer", "paula@example.org")
    result = page(response)
    assert result.h1.get_text() == "Ihre Meldung ist eingegangen"
    assert notice.reference in result.select_one(".lead").get_text()
    assert re.fullmatch(r"DSA-\d{4}-\d{5}", notice.reference)


def test_the_evidence_keeps_the_text_as_it_was_reported(client, comment):
    client.post(NOTICE_URL, notice_data(comment))

    comment.comment = "Ganz harmlos."
    comment.save()

    assert ContentNotice.objects.get().evidence_text == "Der Kollege Meier ist ein Betrüger und Dieb."


def test_the_notice_is_logged_on_the_comment(client, comment):
    client.post(NOTICE_URL, notice_data(comment))

    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.notice")
    assert entry.data == {"notice": ContentNotice.objects.get().pk, "kind": "insult"}
    assert entry.message == "Meldung nach DSA eingegangen"


def test_the_notifier_gets_an_acknowledgment_with_the_reference(client, comment):
    client.post(NOTICE_URL, notice_data(comment))

    notice = ContentNotice.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["paula@example.org"]
    assert message.subject == f"Ihre Meldung {notice.reference} ist eingegangen"
    assert "Hallo Paula Prüfer," in message.body
    assert "Kommentar zur Geschichte „Wie Esel Emil heimkam“" in message.body
    assert "„Der Kollege Meier ist ein Betrüger und Dieb.“" in message.body
    assert "Art der Rechtsverletzung: Beleidigung, üble Nachrede oder Verleumdung" in message.body
    assert "Eingegangen am:" in message.body
    assert "Wie es weitergeht" in message.body
    assert notice.reference in message.alternatives[0][0]


def test_the_footer_links_to_the_notice_form(client, home_page):
    link = page(client.get("/")).find("a", string="Rechtswidrige Inhalte melden")

    assert link["href"] == NOTICE_URL


def test_the_report_page_offers_the_notice_form_for_this_comment(client, comment):
    report = page(client.get(f"/kommentare/melden/{comment.pk}/"))

    box = report.find(id="rechtswidrig-titel").parent
    assert box.h2.get_text() == "Halten Sie den Kommentar für rechtswidrig?"
    assert (
        box.find("a", string="Rechtswidrigen Inhalt melden")["href"] == f"{NOTICE_URL}?kommentar={comment.pk}"
    )
    assert report.select_one("form#meldung input[name=reason]")  # the house-rules report is still there


@pytest.mark.parametrize("missing", ["name", "email"])
def test_name_and_address_are_required_for_most_kinds(client, comment, missing):
    response = client.post(NOTICE_URL, notice_data(comment, **{missing: ""}))

    assert response.status_code == 400
    assert ONLY_ABUSE_ANONYMOUS in field_error(response, missing)
    assert not ContentNotice.objects.exists()


def test_a_notice_about_child_sexual_abuse_may_stay_anonymous(client, comment):
    response = client.post(NOTICE_URL, notice_data(comment, kind="child_abuse", name="", email=""))

    assert response.status_code == 302
    notice = ContentNotice.objects.get()
    assert (notice.kind, notice.notifier_name, notice.notifier_email) == ("child_abuse", "", "")
    assert mail.outbox == []
    result = page(client.get(response["Location"]))
    assert "keine E-Mail-Adresse angegeben" in result.get_text()


@pytest.mark.parametrize(
    "named",
    [
        "http://testserver/blog/esel/#kommentar-{pk}",
        "https://kundengeschichten.example.org/blog/esel/#kommentar-{pk}",
        "kommentar-{pk}",
        "#kommentar-{pk}",
        " {pk} ",
    ],
)
def test_the_comment_can_be_named_by_its_address_its_anchor_or_its_number(client, comment, named):
    response = client.post(NOTICE_URL, notice_data(comment, comment=named.format(pk=comment.pk)))

    assert response.status_code == 302
    assert ContentNotice.objects.get().comment == comment


@pytest.mark.parametrize(
    "status",
    [CommentStatus.PENDING, CommentStatus.UNCONFIRMED, CommentStatus.HIDDEN, CommentStatus.REMOVED],
)
def test_a_comment_readers_cannot_see_is_refused_at_the_field(client, comment, status):
    comment.status = status
    comment.save()

    response = client.post(NOTICE_URL, notice_data(comment))

    assert response.status_code == 400
    assert "Diesen Kommentar finden wir nicht" in field_error(response, "comment")
    assert not ContentNotice.objects.exists()


@pytest.mark.parametrize(
    "named", ["999999", "kommentar-abc", "http://testserver/blog/esel/", "99999999999999999999"]
)
def test_an_unknown_comment_is_refused_at_the_field(client, comment, named):
    response = client.post(NOTICE_URL, notice_data(comment, comment=named))

    assert response.status_code == 400
    assert "Diesen Kommentar finden wir nicht" in field_error(response, "comment")
    assert page(response).select_one("input#id_comment")["value"] == named


def test_a_comment_on_a_story_that_is_offline_is_refused(client, story_index):
    draft = StoryPageFactory(parent=story_index, slug="entwurf", live=False)
    comment = StoryCommentFactory(story=draft)

    response = client.post(NOTICE_URL, notice_data(comment))

    assert "Diesen Kommentar finden wir nicht" in field_error(response, "comment")
    assert not ContentNotice.objects.exists()


def test_a_link_to_a_comment_readers_cannot_see_asks_which_comment(client, comment):
    comment.status = CommentStatus.PENDING
    comment.save()

    shown = page(client.get(f"{NOTICE_URL}?kommentar={comment.pk}"))

    assert "Betrüger" not in shown.get_text()
    assert shown.select_one("input#id_comment")["value"] == ""


def test_good_faith_is_required(client, comment):
    data = notice_data(comment)
    del data["good_faith"]

    response = client.post(NOTICE_URL, data)

    assert response.status_code == 400
    assert "in gutem Glauben" in field_error(response, "good_faith")
    assert not ContentNotice.objects.exists()


def test_a_refused_notice_keeps_everything_typed_and_the_comment(client, comment):
    data = notice_data(comment, email="paula-at-example", explanation="Verleumdung,\nsiehe § 187 StGB.")

    response = client.post(NOTICE_URL, data)

    assert response.status_code == 400
    shown = page(response)
    assert shown.title.get_text().startswith("Fehler: Rechtswidrige Inhalte melden")
    summary = shown.select_one(".error-summary")
    assert summary.a["href"] == "#id_email"
    kept = form_values(response, "#meldung")
    assert kept["explanation"] == "Verleumdung,\nsiehe § 187 StGB."
    assert (kept["name"], kept["email"], kept["comment"]) == (
        "Paula Prüfer",
        "paula-at-example",
        str(comment.pk),
    )
    assert shown.select_one("input[name=kind][value=insult]").has_attr("checked")
    assert shown.select_one("input[name=good_faith]").has_attr("checked")
    assert "Der Kollege Meier ist ein Betrüger" in shown.select_one("figure").get_text()


def test_an_explanation_with_hidden_characters_is_refused(client, comment):
    response = client.post(NOTICE_URL, notice_data(comment, explanation="Verleumdung \u202enietsiehc\u202c"))

    assert response.status_code == 400
    assert "Steuerzeichen" in field_error(response, "explanation")
    assert not ContentNotice.objects.exists()


def test_a_notice_sent_from_another_site_is_refused(comment):
    foreign = Client(headers={"Sec-Fetch-Site": "cross-site"})

    response = foreign.post(NOTICE_URL, notice_data(comment))

    assert response.status_code == 403
    assert "kam nicht von unserer Seite" in page(response).select_one(".error-summary").get_text()
    assert form_values(response, "#meldung")["explanation"] == notice_data(comment)["explanation"]
    assert not ContentNotice.objects.exists()
    assert mail.outbox == []


def test_notices_are_limited_per_network(client, comment):
    for _ in range(NOTICES_PER_IP_PER_HOUR):
        assert client.post(NOTICE_URL, notice_data(comment)).status_code == 302

    response = client.post(NOTICE_URL, notice_data(comment))

    assert NOTICES_PER_IP_PER_HOUR == 5
    assert response.status_code == 429
    assert (
        "schon mehrere Meldungen rechtswidriger Inhalte"
        in page(response).select_one(".error-summary").get_text()
    )
    assert ContentNotice.objects.count() == NOTICES_PER_IP_PER_HOUR


def test_a_notice_sent_while_redis_is_away_comes_back_with_the_text_and_a_calm_503(client, comment, redis):
    redis.go_away()

    response = client.post(NOTICE_URL, notice_data(comment))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Wir können Ihre Meldung gerade nicht annehmen" in response.content.decode()
    assert form_values(response, "#meldung")["explanation"] == notice_data(comment)["explanation"]
    assert not ContentNotice.objects.exists()
    assert mail.outbox == []


def test_the_notice_pages_set_no_cookie_are_not_indexed_and_never_cached(client, comment):
    form = client.get(f"{NOTICE_URL}?kommentar={comment.pk}")
    refused = client.post(NOTICE_URL, notice_data(comment, explanation=""))
    sent = client.post(NOTICE_URL, notice_data(comment))
    result = client.get(sent["Location"])

    for response in (form, refused, sent, result):
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]
    for response in (form, result):
        assert page(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not client.cookies


def test_a_forged_or_old_result_address_is_gone(client):
    response = client.get(f"{NOTICE_URL}eingegangen/nicht-signiert/")

    assert response.status_code == 410
    assert "nur einen Tag lang" in response.content.decode()


def test_the_notice_form_is_english_for_english_readers(english, comment):  # noqa: F811
    shown = page(english.get(f"{NOTICE_URL}?kommentar={comment.pk}"))

    assert shown.h1.get_text() == "Report illegal content"
    assert shown.select_one("fieldset legend").get_text(strip=True).startswith("What kind of infringement")
