"""Everyone learns what became of a comment: the commenter why it was held, hidden or removed and how to
object (Art. 17 DSA), each notifier what we did with their notice (Art. 16(5)), both sides how an objection
ended, and a commenter who asked for it that their comment is online."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone, translation

from comments.dsa.links import objection_link_for
from comments.dsa.models import ContentNotice, DecisionGround, ModerationDecision, NoticeKind, Objection
from comments.models import CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db

TEXT = "Der Kollege am Telefon war ein Idiot, das sage ich Ihnen."


def ground(title_start):
    return DecisionGround.objects.get(title__startswith=title_start)


def erikas_comment(story, **kwargs):
    defaults = {"user_name": "Erika Mustermann", "user_email": "erika@example.org", "comment": TEXT}
    return StoryCommentFactory(story=story, **{**defaults, **kwargs})


def notice_about(comment, name="Nora Notz", email="nora@example.org", kind=NoticeKind.INSULT):
    return ContentNotice.objects.create(
        comment=comment,
        kind=kind,
        explanation="Beleidigt einen Mitarbeiter.",
        notifier_name=name,
        notifier_email=email,
        good_faith=True,
        evidence_text=comment.comment,
    )


MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def german_date(moment):
    day = timezone.localtime(moment).date()
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def the_mail_to(address):
    messages = mails_to(address)
    assert len(messages) == 1, [message.subject for message in mail.outbox]
    return messages[0]


def objection_token_in(body):
    return re.search(r"http://testserver/kommentare/einspruch/([^/\s]+)/", body).group(1)


def html_of(message):
    return message.alternatives[0][0]


# The statement of reasons to the commenter


def test_a_removal_tells_the_commenter_what_why_by_whom_and_how_to_object(moderator, story):
    written = timezone.make_aware(datetime.datetime(2026, 3, 12, 10, 30))
    comment = erikas_comment(story, submit_date=written)
    insult = ground("Beleidigung, üble Nachrede")

    decision = comment.moderate(
        "remove", moderator, ground=insult, explanation="Nennt einen Mitarbeiter „Idiot“."
    )

    message = the_mail_to("erika@example.org")
    assert message.subject == "Entscheidung über Ihren Kommentar zu „Wie Esel Emil heimkam“"
    body = message.body
    assert "Sie haben am 12. März 2026 die Geschichte „Wie Esel Emil heimkam“ kommentiert:" in body
    assert TEXT in body
    assert "Wir haben Ihren Kommentar entfernt." in body
    assert "Grund (Gesetz): Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)" in body
    assert insult.statement in body
    assert "Erläuterung: Nennt einen Mitarbeiter „Idiot“." in body
    assert "Wie entschieden wurde: von einer Person aus unserem Moderationsteam." in body
    assert "Anlass war eine Meldung" not in body
    assert "Mara" not in body and "Moder" not in body.replace("Moderationsteam", "")
    assert "außergerichtliche Streitbeilegungsstelle" in body and "Art. 21" in body
    link = objection_link_for(objection_token_in(body))
    assert (link.decision, link.notice) == (decision, None)
    deadline = decision.decided_at + datetime.timedelta(days=183)
    assert f"bis zum {german_date(deadline)} Einspruch einlegen" in body
    assert "Einspruch einlegen" in html_of(message)
    decision.refresh_from_db()
    assert decision.commenter_told_at is not None


def test_the_statement_uses_the_grounds_text_as_it_reads_now(moderator, story):
    comment = erikas_comment(story)
    spam = ground("Werbung oder Spam")
    spam.statement = "Werbung gehört nicht in unsere Diskussionen."
    spam.save()

    comment.moderate("spam", moderator, ground=spam)

    body = the_mail_to("erika@example.org").body
    assert "Wir haben Ihren Kommentar als Spam eingestuft" in body
    assert "Grund (unsere Kommentarregeln): Werbung oder Spam" in body
    assert "Werbung gehört nicht in unsere Diskussionen." in body


@pytest.mark.parametrize(
    ("action", "status", "words"),
    [
        ("hide", CommentStatus.PUBLISHED, "Wir haben Ihren Kommentar verborgen"),
        ("hold", CommentStatus.PUBLISHED, "vorerst von der Seite genommen; er wird vor der Veröffentlichung"),
        ("remove", CommentStatus.PENDING, "Wir haben Ihren Kommentar entfernt."),
    ],
)
def test_each_restriction_is_put_in_plain_words(moderator, story, action, status, words):
    erikas_comment(story, status=status).moderate(action, moderator, ground=ground("Persönliche Daten"))

    assert words in the_mail_to("erika@example.org").body


def test_a_decision_after_a_notice_says_so_but_never_who_sent_it(moderator, story):
    comment = erikas_comment(story)
    notice_about(comment)

    comment.moderate("hide", moderator, ground=ground("Beleidigung, üble"), explanation="Bis zur Klärung.")

    message = the_mail_to("erika@example.org")
    assert "Anlass war eine Meldung, Ihr Kommentar sei rechtswidrig." in message.body
    for trace in ("Nora", "nora@example.org", "Beleidigt einen Mitarbeiter"):
        assert trace not in message.body and trace not in html_of(message)


def test_a_comment_held_for_its_links_hears_a_person_will_look_and_gets_no_objection_link(
    client, story, policy
):
    text = "Siehe https://a.example, https://b.example und https://c.example"
    client.post(POST_URL, comment_data(story, comment=text))
    client.post(confirmation_link(mail.outbox[0]))

    statement = mail.outbox[1]
    assert statement.to == ["erika@example.org"]
    assert "Ihr Kommentar wird vor der Veröffentlichung geprüft." in statement.body
    assert "Grund (unsere Kommentarregeln): Zu viele Links (automatische Prüfung)" in statement.body
    assert (
        "Wie entschieden wurde: automatisch durch unsere Kommentarregeln (Prüfung auf Links)."
        in statement.body
    )
    assert "Eine Person aus unserem Team prüft ihn; Sie hören von uns." in statement.body
    assert "/einspruch/" not in statement.body and "/einspruch/" not in html_of(statement)
    assert ModerationDecision.objects.get().commenter_told_at is not None


def test_spam_caught_by_the_word_list_hears_nothing(client, story, policy):
    policy.disallowed_words = "billige uhren"
    policy.save()
    client.post(POST_URL, comment_data(story, comment="Billige Uhren hier!"))
    client.post(confirmation_link(mail.outbox[0]))

    assert len(mail.outbox) == 1  # the confirmation only
    assert ModerationDecision.objects.get().commenter_told_at is None


def test_neither_an_unconfirmed_address_nor_the_team_gets_a_statement(moderator, story):
    unconfirmed = erikas_comment(story, status=CommentStatus.UNCONFIRMED)
    team_reply = erikas_comment(story, user_email="team@example.org", is_team=True)

    unconfirmed.moderate("remove", moderator, ground=ground("Werbung oder Spam"))
    team_reply.moderate("hide", moderator, ground=ground("Persönliche Daten"))

    assert mail.outbox == []
    assert not ModerationDecision.objects.filter(commenter_told_at__isnull=False).exists()


def test_the_statement_is_german_whatever_language_the_moderator_uses(moderator, story):
    comment = erikas_comment(story)

    with translation.override("en"):
        comment.moderate("remove", moderator, ground=ground("Werbung oder Spam"))

    body = the_mail_to("erika@example.org").body
    assert "Wir haben Ihren Kommentar entfernt." in body
    assert "Wie entschieden wurde: von einer Person" in body


# The notifier's answer


def test_the_notifier_hears_that_the_comment_stays_with_the_explanation_and_their_own_link(moderator, story):
    comment = erikas_comment(story)
    notice = notice_about(comment)

    decision = comment.moderate("keep", moderator, explanation="Scharf, aber keine Beleidigung.")

    message = the_mail_to("nora@example.org")
    assert message.subject == f"Ihre Meldung {notice.reference}: unsere Entscheidung"
    assert "einen Kommentar zur Geschichte „Wie Esel Emil heimkam“ als rechtswidrig gemeldet" in message.body
    assert f"(Ihre Meldung {notice.reference})" in message.body
    assert "Wir haben den Kommentar geprüft und belassen ihn." in message.body
    assert "Erläuterung: Scharf, aber keine Beleidigung." in message.body
    assert "Ihren Namen und Ihre Adresse erfährt die Person, die den Kommentar geschrieben hat, nicht." in (
        message.body
    )
    link = objection_link_for(objection_token_in(message.body))
    assert (link.decision, link.notice, link.party) == (decision, notice, "notifier")
    assert mails_to("erika@example.org") == []  # nothing was restricted: no statement


def test_every_notice_with_an_address_is_answered_with_its_reference(moderator, story):
    comment = erikas_comment(story)
    first = notice_about(comment)
    second = notice_about(comment, name="Olaf", email="olaf@example.org")
    notice_about(comment, name="", email="", kind=NoticeKind.CHILD_ABUSE)

    comment.moderate("remove", moderator, ground=ground("Beleidigung, üble"), explanation="Herabwürdigend.")

    assert first.reference in the_mail_to("nora@example.org").subject
    olafs = the_mail_to("olaf@example.org")
    assert second.reference in olafs.subject
    assert "Wir haben den Kommentar entfernt." in olafs.body
    assert "Grund (Gesetz): Beleidigung, üble Nachrede" in olafs.body
    assert len(mail.outbox) == 3  # and the commenter's statement


# The outcome of an objection


def contested_removal(moderator, story):
    comment = erikas_comment(story)
    notice_about(comment)
    notice_about(comment, kind=NoticeKind.HATE)  # the same notifier twice
    removal = comment.moderate(
        "remove", moderator, ground=ground("Beleidigung, üble"), explanation="Zu scharf."
    )
    objection = Objection.objects.create(
        decision=removal,
        party="commenter",
        text="Das war Kritik, keine Beleidigung.",
        email="erika@example.org",
    )
    mail.outbox.clear()
    return comment, objection


def test_a_reversed_decision_reaches_commenter_and_notifier_once_each_and_is_final(
    moderator, django_user_model, story
):
    comment, objection = contested_removal(moderator, story)
    colleague = django_user_model.objects.create_user("kollegin", "k@example.org", "x")

    comment.moderate(
        "restore", colleague, explanation="Im Zusammenhang als Kritik zu lesen.", answering=objection
    )

    assert len(mail.outbox) == 2  # no statement, no "online" mail, no second mail to the notifier
    erikas = the_mail_to("erika@example.org")
    assert "Sie haben Einspruch gegen unsere Entscheidung über Ihren Kommentar" in erikas.body
    assert "Ergebnis: Wir haben die Entscheidung geändert." in erikas.body
    assert "Wir haben Ihren Kommentar wieder veröffentlicht" in erikas.body
    assert f"http://testserver/blog/esel/#kommentar-{comment.pk}" in erikas.body
    assert "Erläuterung: Im Zusammenhang als Kritik zu lesen." in erikas.body
    assert "Diese Entscheidung ist endgültig" in erikas.body and "Art. 21" in erikas.body
    noras = the_mail_to("nora@example.org")
    references = [notice.reference for notice in objection.decision.notices.order_by("pk")]
    assert noras.subject == f"Ihre Meldung {', '.join(references)}: das Ergebnis des Einspruchs"
    assert "Gegen unsere Entscheidung zu Ihrer Meldung" in noras.body
    assert "Wir haben den Kommentar geprüft und wieder veröffentlicht." in noras.body
    assert "Diese Entscheidung ist endgültig" in noras.body
    assert TEXT not in noras.body and "/einspruch/" not in noras.body


def test_an_upheld_decision_says_so(moderator, django_user_model, story):
    comment, objection = contested_removal(moderator, story)
    colleague = django_user_model.objects.create_user("kollegin", "k@example.org", "x")

    answer = comment.moderate(
        "remove", colleague, ground=objection.decision.ground, explanation="Bleibt.", answering=objection
    )

    erikas = the_mail_to("erika@example.org")
    assert "Ergebnis: Wir bleiben bei unserer Entscheidung." in erikas.body
    assert "Wir haben Ihren Kommentar entfernt." in erikas.body
    assert "/blog/esel/#kommentar" not in erikas.body
    assert "Ergebnis: Wir bleiben bei unserer Entscheidung." in the_mail_to("nora@example.org").body
    answer.refresh_from_db()
    assert answer.commenter_told_at is not None


# "Ihr Kommentar ist online"


def post_and_confirm(client, story, **changes):
    client.post(POST_URL, comment_data(story, **changes))
    client.post(confirmation_link(mail.outbox[-1]))
    return StoryComment.objects.order_by("-pk").first()


def test_a_held_comment_that_asked_is_told_when_it_is_online(client, moderator, story, policy):
    client.logout()
    comment = post_and_confirm(client, story, tell_when_published="on")
    assert comment.status == CommentStatus.PENDING and comment.tell_when_published

    comment.moderate("approve", moderator)

    message = mail.outbox[-1]
    assert (message.to, message.subject) == (["erika@example.org"], "Ihr Kommentar ist online")
    assert f"http://testserver/blog/esel/#kommentar-{comment.pk}" in message.body
    assert "Sie erhalten diese Mail, weil Sie beim Schreiben darum gebeten haben." in message.body
    assert f'href="http://testserver/blog/esel/#kommentar-{comment.pk}"' in html_of(message)


def test_without_the_tick_an_approved_comment_gets_no_mail(client, moderator, story, policy):
    client.logout()
    comment = post_and_confirm(client, story)
    sent = len(mail.outbox)

    comment.moderate("approve", moderator)

    assert len(mail.outbox) == sent


def test_a_comment_published_at_once_gets_no_mail_though_it_asked(client, story, policy):
    erikas_comment(story, comment="Schon einmal hier.")  # a returning commenter is published at once
    comment = post_and_confirm(client, story, tell_when_published="on")

    assert comment.status == CommentStatus.PUBLISHED
    assert [message.subject for message in mail.outbox] == [mail.outbox[0].subject]  # the confirmation


def test_a_restored_comment_that_asked_is_told(moderator, story):
    comment = erikas_comment(story, status=CommentStatus.REMOVED, tell_when_published=True)

    comment.moderate("restore", moderator)

    assert the_mail_to("erika@example.org").subject == "Ihr Kommentar ist online"


def test_an_automatic_hold_keeps_its_promise_when_a_person_approves(client, moderator, story, policy):
    client.logout()
    text = "Siehe https://a.example, https://b.example und https://c.example"
    comment = post_and_confirm(client, story, comment=text)

    comment.moderate("approve", moderator)

    assert [message.subject for message in mails_to("erika@example.org")][-1] == "Ihr Kommentar ist online"
    assert "Sie erhalten diese Mail, weil" not in mail.outbox[-1].body


def test_the_comment_form_offers_the_mail_also_when_logged_in(client, story, policy, django_user_model):
    label = "Mir eine E-Mail schicken, sobald mein Kommentar freigegeben ist"
    assert label in client.get(story.url).content.decode()

    client.force_login(django_user_model.objects.create_user("leser", "leser@example.org", "x"))
    assert label in client.get(story.url).content.decode()
    client.post(POST_URL, comment_data(story, name="", email="", tell_when_published="on"))
    assert StoryComment.objects.get().tell_when_published
