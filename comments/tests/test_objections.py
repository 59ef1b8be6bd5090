"""The link in a statement of reasons, or in a notifier's answer, lets its reader object to the decision
once, before the deadline (modelled on Art. 20 DSA); every other use of it says why it cannot be used."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from comments.dsa.links import objection_link_for, objection_token
from comments.dsa.models import ContentNotice, DecisionGround, ModerationSettings, NoticeKind, Objection
from comments.dsa.views import store_objection
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_redis_away import form_values

pytestmark = pytest.mark.django_db

OBJECTION = "Das war keine Werbung, sondern meine Erfahrung mit dem Kundenservice."


@pytest.fixture
def decider(django_user_model):
    """The moderator who decided; not the reader using the link, who is not logged in."""
    return django_user_model.objects.create_user("entscheiderin", "mod@example.org", "x")


@pytest.fixture
def comment(story):
    return StoryCommentFactory(
        story=story, comment="Bei Firma X gibt es alles billiger!", user_email="kai@example.org"
    )


@pytest.fixture
def removal(comment, decider):
    spam = DecisionGround.objects.get(title__startswith="Werbung oder Spam")
    return comment.moderate("remove", decider, ground=spam, explanation="Wirbt für einen Händler.")


def objection_address(decision, notice=None):
    return reverse("comments:object", args=[objection_token(decision, notice)])


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_link_shows_the_decision_and_its_ground(client, removal):
    shown = page(client.get(objection_address(removal)))

    text = " ".join(shown.get_text().split())
    assert shown.h1.get_text() == "Einspruch gegen eine Entscheidung"
    assert "Bei Firma X gibt es alles billiger!" in shown.select_one("figure").get_text()
    assert "Kommentar zur Geschichte „Wie Esel Emil heimkam“" in text
    assert "Entfernt" in shown.find("strong").get_text()
    assert f"Grund: {removal.ground_title}" in text
    assert "Wirbt für einen Händler." in text
    assert (
        shown.find("label", attrs={"for": "id_text"})
        .get_text()
        .startswith("Warum sollen wir die Entscheidung überprüfen?")
    )
    assert "eine andere Person als die, die die Entscheidung getroffen hat" in text


def test_the_commenter_objects_once_and_it_is_stored_and_logged(client, removal, comment):
    response = client.post(objection_address(removal), {"text": OBJECTION})

    assert response.status_code == 200
    assert page(response).h1.get_text() == "Ihr Einspruch ist eingegangen"
    objection = Objection.objects.get()
    assert (objection.decision, objection.party, objection.notice) == (removal, "commenter", None)
    assert (objection.text, objection.email) == (OBJECTION, "kai@example.org")
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.objection")
    assert entry.data["objection"] == objection.pk
    assert entry.message == "Einspruch eingegangen"


def test_a_second_use_of_the_link_is_refused(client, removal):
    client.post(objection_address(removal), {"text": OBJECTION})

    again = client.post(objection_address(removal), {"text": "Noch einmal."})
    later = client.get(objection_address(removal))

    for response in (again, later):
        assert response.status_code == 410
        assert page(response).h1.get_text() == "Ihr Einspruch ist schon eingegangen"
    assert Objection.objects.get().text == OBJECTION


def test_two_clicks_at_once_store_one_objection(removal):
    first, second = objection_link_for(objection_token(removal)), objection_link_for(objection_token(removal))

    assert store_objection(first, OBJECTION) is not None
    assert store_objection(second, "Doppelt.") is None
    assert Objection.objects.count() == 1


def test_after_the_deadline_the_link_says_so(client, removal):
    days = ModerationSettings.load().objection_days
    removal.decided_at -= datetime.timedelta(days=days + 1)
    removal.save()
    deadline = removal.decided_at + datetime.timedelta(days=days)

    response = client.post(objection_address(removal), {"text": OBJECTION})

    assert response.status_code == 410
    shown = page(response)
    assert shown.h1.get_text() == "Die Einspruchsfrist ist abgelaufen"
    assert f"bis zum {date_format(timezone.localtime(deadline), 'DATE_FORMAT')} möglich" in shown.get_text()
    assert not Objection.objects.exists()


def test_a_forged_link_is_refused(client, removal):
    token = objection_token(removal)

    response = client.get(reverse("comments:object", args=[token[:-2] + "xx"]))

    assert response.status_code == 410
    assert page(response).h1.get_text() == "Dieser Link funktioniert nicht"


def test_the_notifier_objects_with_their_own_link(client, comment, decider):
    notice = ContentNotice.objects.create(
        comment=comment,
        kind=NoticeKind.FRAUD,
        explanation="Betrügerische Werbung.",
        notifier_email="paula@example.org",
    )
    keep = comment.moderate("keep", decider, explanation="Eine Empfehlung, keine Täuschung.")

    shown = page(client.get(objection_address(keep, notice)))
    assert notice.reference in shown.select_one(".lead").get_text()

    client.post(objection_address(keep, notice), {"text": "Es ist doch Betrug."})

    objection = Objection.objects.get()
    assert (objection.party, objection.notice, objection.email) == ("notifier", notice, "paula@example.org")
    assert client.post(objection_address(keep), {"text": OBJECTION}).status_code == 200  # the commenter's own


def test_an_empty_objection_is_refused_with_a_message(client, removal):
    response = client.post(objection_address(removal), {"text": "  "})

    assert response.status_code == 400
    assert "Bitte schreiben Sie, warum" in page(response).select_one(".error-summary").get_text()
    assert page(response).title.get_text().startswith("Fehler:")
    assert not Objection.objects.exists()


def test_an_objection_sent_from_another_site_is_refused_and_keeps_the_text(removal):
    foreign = Client(headers={"Sec-Fetch-Site": "cross-site"})

    response = foreign.post(objection_address(removal), {"text": OBJECTION})

    assert response.status_code == 403
    assert form_values(response, "#einspruch")["text"] == OBJECTION
    assert not Objection.objects.exists()


def test_the_objection_pages_set_no_cookie(client, removal):
    shown = client.get(objection_address(removal))
    sent = client.post(objection_address(removal), {"text": OBJECTION})

    for response in (shown, sent):
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]
    assert not client.cookies
