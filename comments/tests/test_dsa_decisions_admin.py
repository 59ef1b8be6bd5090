"""Moderators decide notices and objections in the admin with a ground and an explanation; the grounds are
theirs to word; every single and bulk decision that takes a comment from readers is reasoned; a comment's
detail page tells its whole DSA history. Nobody else gets in."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.admin.menu import settings_menu

from comments.dsa.models import ContentNotice, DecisionGround, ModerationDecision, NoticeKind, Objection
from comments.models import CommentReport, CommentStatus, StoryComment
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db
QUEUE_URL = "/admin/kommentare/meldungen/"
INDEX_URL = "/admin/snippets/comments/storycomment/"
GROUNDS_URL = "/admin/snippets/comments/decisionground/"


def ground(title_start):
    return DecisionGround.objects.get(title__startswith=title_start)


def decide_url(comment):
    return f"/admin/kommentare/{comment.pk}/entscheiden/"


def objection_url(objection):
    return f"/admin/kommentare/einspruch/{objection.pk}/"


def notice(comment, **fields):
    fields = {"kind": NoticeKind.INSULT, "explanation": "Beleidigt eine Kollegin.", **fields}
    return ContentNotice.objects.create(comment=comment, **fields)


def page(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def errors(response):
    return [" ".join(error.get_text().split()) for error in page(response).select(".error-message")]


def refused(response):
    return response.status_code == 403 and "Kein Zugriff" in response.content.decode()


def colleague_of(django_user_model, client=None):
    user = django_user_model.objects.create_user(
        "kollege", "k@example.org", "x", first_name="Kai", last_name="Kollege"
    )
    user.groups.add(Group.objects.get(name="Moderatoren"))
    if client is not None:
        client.force_login(user)
    return user


# Grounds in the settings


def settings_menu_items(client):
    """{label: url} of the Settings menu the logged-in user sees."""
    request = client.get("/admin/").wsgi_request
    return {str(item.label): str(item.url) for item in settings_menu.menu_items_for_request(request)}


def test_a_moderator_rewords_the_statement_of_a_ground(client, moderator):
    insult = ground("Beleidigung, Drohung")
    assert settings_menu_items(client) == {"Entscheidungsgründe": GROUNDS_URL}

    response = client.post(
        f"{GROUNDS_URL}edit/{insult.pk}/",
        {
            "kind": "house_rule",
            "title": insult.title,
            "statement": "Angriffe auf Menschen veröffentlichen wir nicht.",
            "active": "on",
            "sort_order": "2",
            "code": "word_list",
        },
    )

    assert response.status_code == 302
    insult.refresh_from_db()
    assert insult.statement == "Angriffe auf Menschen veröffentlichen wir nicht."
    assert insult.code == ""


def test_the_grounds_list_shows_kind_and_whether_offered_and_filters_by_kind(client, moderator):
    DecisionGround.objects.filter(title__startswith="Urheber").update(active=False)

    listing = page(client.get(GROUNDS_URL, {"kind": "legal"}))

    rows = [" ".join(row.get_text().split()) for row in listing.select("tbody tr")]
    assert len(rows) == 8
    assert all("Gesetz" in row for row in rows)
    assert not any("Werbung oder Spam" in row for row in rows)
    assert any(row.startswith("Urheberrechtsverletzung") for row in rows)


def test_no_ground_is_deleted_not_even_by_a_superuser(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    spam = ground("Werbung oder Spam")

    listing = page(client.get(GROUNDS_URL))
    assert not listing.select(f'a[href="{GROUNDS_URL}delete/{spam.pk}/"]')
    assert not listing.select("tbody input[type=checkbox]")  # no bulk action is left to choose
    assert (
        f"{GROUNDS_URL}delete/{spam.pk}/" not in client.get(f"{GROUNDS_URL}edit/{spam.pk}/").content.decode()
    )
    assert refused(client.post(f"{GROUNDS_URL}delete/{spam.pk}/"))
    assert DecisionGround.objects.filter(pk=spam.pk).exists()


def test_an_editor_sees_no_grounds_and_is_refused(client, django_user_model):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    spam = ground("Werbung oder Spam")

    assert "Entscheidungsgründe" not in settings_menu_items(client)
    assert GROUNDS_URL not in client.get("/admin/").content.decode()
    assert refused(client.get(GROUNDS_URL))
    assert refused(client.post(f"{GROUNDS_URL}edit/{spam.pk}/", {"title": "Anders", "statement": "x"}))
    spam.refresh_from_db()
    assert spam.title == "Werbung oder Spam"


# The decision page


def test_the_decision_page_shows_notices_reports_and_earlier_decisions(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Jetzt freundlich formuliert.", user_name="Paula")
    reported = notice(
        comment,
        notifier_name="Nora Nennt",
        notifier_email="nora@example.org",
        good_faith=True,
        evidence_text="Vorher stand hier eine Beleidigung.",
    )
    unchanged = notice(comment, kind=NoticeKind.HATE, evidence_text="Jetzt freundlich formuliert.")
    CommentReport.objects.create(comment=comment, reason="abuse", note="Klingt gemein")
    comment.moderate("hide", moderator, ground=ground("Persönliche Daten"), explanation="Nennt eine Nummer.")
    ContentNotice.objects.update(decision=None)

    content = " ".join(client.get(decide_url(comment)).content.decode().split())

    for text in (
        reported.reference,
        unchanged.reference,
        "Beleidigung, üble Nachrede oder Verleumdung",
        "Volksverhetzung oder Hassrede",
        "Beleidigt eine Kollegin.",
        "Nora Nennt",
        "nora@example.org",
        "anonym",
        "Vorher stand hier eine Beleidigung.",
        "Jetzt freundlich formuliert.",
        "Wie Esel Emil heimkam",
        "Frühere Entscheidungen",
        "Verborgen",
        "Persönliche Daten",
        "Nennt eine Nummer.",
        "Mara Moder",
    ):
        assert text in content, text
    assert content.count("Kommentar zum Zeitpunkt der Meldung") == 1


def test_the_decision_page_offers_the_four_decisions_and_what_fits_the_status(client, moderator, story):
    def offered(comment):
        form = page(client.get(decide_url(comment))).find("form", class_="dsa-form")
        return [" ".join(label.get_text().split()) for label in form.select("fieldset label")]

    four = ["Belassen", "Verbergen", "Entfernen", "Als Spam einstufen"]
    assert offered(StoryCommentFactory(story=story)) == four
    assert offered(StoryCommentFactory(story=story, status=CommentStatus.PENDING)) == [*four, "Freigeben"]
    assert offered(StoryCommentFactory(story=story, status=CommentStatus.REMOVED)) == [
        *four,
        "Wiederherstellen",
    ]


def test_the_grounds_are_grouped_and_only_active_ones_offered(client, moderator, story):
    DecisionGround.objects.filter(title__startswith="Betrug").update(active=False)

    select = page(client.get(decide_url(StoryCommentFactory(story=story)))).find(
        "select", attrs={"name": "ground"}
    )

    groups = {
        group["label"]: [option.get_text() for option in group.find_all("option")]
        for group in select("optgroup")
    }
    assert list(groups) == ["Kommentarregeln", "Gesetz"]
    assert "Werbung oder Spam" in groups["Kommentarregeln"]
    assert "Volksverhetzung (§ 130 StGB)" in groups["Gesetz"]
    assert not any(title.startswith("Betrug") for title in groups["Gesetz"])


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"action": "remove", "explanation": "Beleidigt."}, "Bitte wählen Sie den Grund"),
        ({"action": "spam", "explanation": ""}, "Bitte wählen Sie den Grund"),
        (
            {"action": "hide", "ground": "Persönliche Daten", "explanation": "  "},
            "Bitte erläutern Sie die Entscheidung",
        ),
        ({"action": "remove", "ground": "Werbung oder Spam"}, "Bitte erläutern Sie die Entscheidung"),
        ({"action": "keep", "explanation": ""}, "Bitte erläutern Sie, warum der Kommentar bleibt"),
        ({"explanation": "Ohne Entscheidung"}, "Bitte wählen Sie eine Entscheidung."),
        ({"action": "approve", "explanation": "Nicht angeboten"}, "Bitte wählen Sie eine der angebotenen"),
    ],
)
def test_a_decision_without_its_reasons_is_refused_and_keeps_what_was_typed(
    client, moderator, story, data, field_error
):
    comment = StoryCommentFactory(story=story)
    notice(comment)
    if "ground" in data:
        data = {**data, "ground": ground(data["ground"]).pk}

    response = client.post(decide_url(comment), data)

    assert any(error.startswith(field_error) for error in errors(response)), errors(response)
    assert "Nichts ist gespeichert." in response.content.decode()
    if data.get("explanation", "").strip():
        assert data["explanation"] in response.content.decode()
    assert not ModerationDecision.objects.exists()
    assert ContentNotice.objects.get().decision is None
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_spam_needs_no_explanation(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    notice(comment, kind=NoticeKind.FRAUD)

    client.post(decide_url(comment), {"action": "spam", "ground": ground("Werbung oder Spam").pk})

    assert ModerationDecision.objects.get().outcome == "spam"


def test_deciding_a_notice_settles_it_and_returns_to_the_queue(client, moderator, story):
    comment = StoryCommentFactory(story=story, comment="Der Autor ist ein Dummkopf.")
    reported = notice(comment)
    CommentReport.objects.create(comment=comment, reason="abuse")
    insult = ground("Beleidigung, üble Nachrede")

    response = client.post(
        decide_url(comment),
        {"action": "remove", "ground": insult.pk, "explanation": "Nennt den Autor „Dummkopf“."},
        follow=True,
    )

    assert response.redirect_chain == [(QUEUE_URL, 302)]
    assert "Entscheidung gespeichert: Entfernt." in response.content.decode()
    assert "Keine offenen Meldungen." in response.content.decode()
    decision = ModerationDecision.objects.get()
    assert (decision.outcome, decision.ground, decision.explanation, decision.decided_by) == (
        "remove",
        insult,
        "Nennt den Autor „Dummkopf“.",
        moderator,
    )
    reported.refresh_from_db()
    assert reported.decision == decision
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED


def test_keeping_a_comment_stores_why_and_no_ground(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    notice(comment)

    client.post(
        decide_url(comment),
        {"action": "keep", "ground": ground("Werbung oder Spam").pk, "explanation": "Scharf, aber sachlich."},
    )

    decision = ModerationDecision.objects.get()
    assert (decision.outcome, decision.ground, decision.explanation) == (
        "keep",
        None,
        "Scharf, aber sachlich.",
    )
    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED


def test_the_decision_page_goes_back_to_a_local_next_only(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    data = {"action": "keep", "explanation": "Passt."}

    here = f"{INDEX_URL}inspect/{comment.pk}/"
    assert client.post(decide_url(comment), {**data, "next": here})["Location"] == here
    assert (
        client.post(decide_url(comment), {**data, "next": "https://evil.example/"})["Location"] == QUEUE_URL
    )


def test_unconfirmed_comments_have_no_decision_page(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.UNCONFIRMED)
    assert client.get(decide_url(comment)).status_code == 404


# Single and bulk decisions


def test_removing_from_the_row_menu_asks_for_ground_and_explanation(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    url = f"/admin/kommentare/{comment.pk}/remove/"

    confirm = page(client.get(url, {"next": INDEX_URL}))
    assert confirm.find("select", attrs={"name": "ground"})
    assert confirm.find("textarea", attrs={"name": "explanation"})

    refused_response = client.post(url, {"next": INDEX_URL, "explanation": "Werbung für einen Shop."})
    assert any(error.startswith("Bitte wählen Sie den Grund") for error in errors(refused_response))
    assert "Werbung für einen Shop." in refused_response.content.decode()
    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED

    spam = ground("Werbung oder Spam")
    response = client.post(
        url, {"next": INDEX_URL, "ground": spam.pk, "explanation": "Werbung für einen Shop."}
    )
    assert response["Location"] == INDEX_URL
    decision = ModerationDecision.objects.get()
    assert (decision.outcome, decision.ground, decision.explanation) == (
        "remove",
        spam,
        "Werbung für einen Shop.",
    )


def test_approving_stays_one_confirmation(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    url = f"/admin/kommentare/{comment.pk}/approve/"

    assert not page(client.get(url)).find("select", attrs={"name": "ground"})
    client.post(url)

    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("hide_comments", CommentStatus.HIDDEN),
        ("remove_comments", CommentStatus.REMOVED),
        ("spam_comments", CommentStatus.SPAM),
    ],
)
def test_bulk_decisions_that_take_comments_away_carry_one_ground_for_each(
    client, moderator, story, action, status
):
    comments = StoryCommentFactory.create_batch(3, story=story)
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    url = f"/admin/bulk/comments/storycomment/{action}/?next={INDEX_URL}&{ids}"
    privacy = ground("Persönliche Daten")

    assert page(client.get(url)).find("select", attrs={"name": "ground"})
    refused_response = client.post(url, {"explanation": "Telefonnummern."})
    assert any(error.startswith("Bitte wählen Sie den Grund") for error in errors(refused_response))
    assert not ModerationDecision.objects.exists()

    response = client.post(url, {"ground": privacy.pk, "explanation": "Telefonnummern."})

    assert response.status_code == 302
    assert set(StoryComment.objects.values_list("status", flat=True)) == {status}
    decisions = ModerationDecision.objects.all()
    assert len(decisions) == 3
    assert {(d.ground, d.explanation, d.decided_by) for d in decisions} == {
        (privacy, "Telefonnummern.", moderator)
    }


def test_the_bulk_menu_offers_hiding(client, moderator, story):
    StoryCommentFactory(story=story)

    assert "/admin/bulk/comments/storycomment/hide_comments/" in client.get(INDEX_URL).content.decode()


# Objections


@pytest.fixture
def contested(moderator, story):
    """Mara removed a comment as advertising; its writer objects."""
    comment = StoryCommentFactory(story=story, comment="Schaut euch diesen Laden an!")
    removal = comment.moderate(
        "remove", moderator, ground=ground("Werbung oder Spam"), explanation="Ein Link zu einem Shop."
    )
    return Objection.objects.create(decision=removal, party="commenter", text="Das war ein ehrlicher Tipp.")


def test_the_objection_page_shows_the_contested_decision_and_the_objection(
    client, django_user_model, contested
):
    colleague_of(django_user_model, client)

    content = " ".join(client.get(objection_url(contested)).content.decode().split())

    for text in (
        "Angefochtene Entscheidung",
        "Entfernt",
        "Werbung oder Spam",
        "Ein Link zu einem Shop.",
        "Mara Moder",
        "Das war ein ehrlicher Tipp.",
        "Verfasser des Kommentars",
        "Schaut euch diesen Laden an!",
        "Entscheidung bestätigen („Entfernt“)",
        "Wiederherstellen",
    ):
        assert text in content, text


def test_the_moderator_who_decided_may_not_answer_the_objection(client, moderator, contested):
    response = client.get(objection_url(contested))

    content = response.content.decode()
    assert (
        "Über diesen Einspruch muss eine andere Person entscheiden als die, die die Entscheidung getroffen hat."
        in content
    )
    assert not page(response).find("form", class_="dsa-form")

    answer = client.post(objection_url(contested), {"answer": "restore", "explanation": "Doch in Ordnung."})

    assert refused(answer)
    contested.refresh_from_db()
    assert contested.answer is None
    assert StoryComment.objects.get().status == CommentStatus.REMOVED
    assert ModerationDecision.objects.count() == 1


def test_another_moderator_upholds_the_decision_with_its_ground(client, django_user_model, contested):
    colleague = colleague_of(django_user_model, client)

    response = client.post(
        objection_url(contested),
        {"answer": "uphold", "explanation": "Der Link führt nur zum Shop."},
        follow=True,
    )

    assert response.redirect_chain == [(QUEUE_URL, 302)]
    assert "Einspruch beantwortet: Die Entscheidung ist bestätigt." in response.content.decode()
    contested.refresh_from_db()
    answer = contested.answer
    assert (answer.outcome, answer.ground, answer.decided_by, contested.reversed) == (
        "remove",
        ground("Werbung oder Spam"),
        colleague,
        False,
    )


def test_another_moderator_restores_the_comment(client, django_user_model, contested):
    colleague_of(django_user_model, client)

    client.post(
        objection_url(contested), {"answer": "restore", "explanation": "Ein ehrlicher Erfahrungsbericht."}
    )

    contested.refresh_from_db()
    assert contested.reversed is True
    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED
    follow_up = page(client.get(objection_url(contested)))
    assert "Entscheidung geändert" in follow_up.get_text()
    assert not follow_up.find("form", class_="dsa-form")


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"answer": "uphold"}, "Bitte erläutern Sie Ihre Antwort"),
        ({"answer": "restore", "explanation": " "}, "Bitte erläutern Sie Ihre Antwort"),
        ({"answer": "hide", "explanation": "Lieber verbergen."}, "Bitte wählen Sie den Grund"),
        ({"explanation": "Ohne Wahl."}, "Bitte wählen Sie, ob die Entscheidung bleibt"),
    ],
)
def test_an_answer_without_its_reasons_is_refused(client, django_user_model, contested, data, field_error):
    colleague_of(django_user_model, client)

    response = client.post(objection_url(contested), data)

    assert any(error.startswith(field_error) for error in errors(response)), errors(response)
    contested.refresh_from_db()
    assert contested.answer is None


def test_an_automated_decision_is_reviewed_by_any_moderator(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.SPAM)
    automated = ModerationDecision.objects.create(
        comment=comment, outcome="spam", ground=ground("Unerwünschte Wörter"), automated=True
    )
    objection = Objection.objects.create(decision=automated, party="commenter", text="Kein Spam.")

    client.post(
        objection_url(objection), {"answer": "restore", "explanation": "Das Wort war harmlos gemeint."}
    )

    objection.refresh_from_db()
    assert objection.answer.decided_by == moderator
    assert StoryComment.objects.get().status == CommentStatus.PUBLISHED


# The comment's history


def test_the_detail_page_tells_the_dsa_history_in_time_order(client, moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story)
    now = timezone.now()
    first = notice(comment, created_at=now - datetime.timedelta(days=3), notifier_name="Nora Nennt")
    removal = comment.moderate(
        "remove", moderator, ground=ground("Beleidigung, üble"), explanation="Beleidigt."
    )
    ModerationDecision.objects.filter(pk=removal.pk).update(decided_at=now - datetime.timedelta(days=2))
    objection = Objection.objects.create(
        decision=removal,
        party="commenter",
        text="Das war Satire.",
        created_at=now - datetime.timedelta(days=1),
    )
    colleague = colleague_of(django_user_model)
    comment.moderate("restore", colleague, explanation="Erkennbar Satire.", answering=objection)
    second = notice(comment, kind=NoticeKind.HATE)

    history = page(client.get(f"{INDEX_URL}inspect/{comment.pk}/")).find(class_="dsa-history")

    items = [" ".join(item.get_text().split()) for item in history.find_all("li", recursive=False)]
    assert [item.split(" · ")[0] for item in items] == [
        f"Meldung {first.reference}",
        "Entscheidung: Entfernt",
        "Einspruch (Verfasser des Kommentars)",
        "Entscheidung: Wiederhergestellt",
        f"Meldung {second.reference}",
    ]
    assert "Nora Nennt" in items[0]
    assert "Beleidigt." in items[1] and "Mara Moder" in items[1]
    assert "Das war Satire." in items[2] and "Entscheidung geändert" in items[2]
    assert "Antwort auf den Einspruch" in items[3] and "Kai Kollege" in items[3]
    assert "anonym" in items[4] and "offen" in items[4]
    assert history.find("a", href=f"{decide_url(comment)}?next={INDEX_URL}inspect/{comment.pk}/")


def test_an_automated_decision_says_so_in_the_history(client, moderator, story):
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    ModerationDecision.objects.create(
        comment=comment, outcome="hold", ground=ground("Zu viele Links"), automated=True
    )

    history = page(client.get(f"{INDEX_URL}inspect/{comment.pk}/")).find(class_="dsa-history")

    assert "Zur Prüfung zurückgehalten" in history.get_text() and "automatisch" in history.get_text()


def test_an_open_objection_links_to_its_review_from_the_detail_page(client, moderator, contested):
    content = client.get(f"{INDEX_URL}inspect/{contested.decision.comment_id}/").content.decode()

    assert f'href="{objection_url(contested)}?next=' in content


def test_the_history_costs_the_same_queries_however_long(client, moderator, django_user_model, story):
    comment = StoryCommentFactory(story=story)
    colleague = colleague_of(django_user_model)
    url = f"{INDEX_URL}inspect/{comment.pk}/"

    def add_round():
        notice(comment)
        removal = comment.moderate(
            "remove", moderator, ground=ground("Werbung oder Spam"), explanation="Shop."
        )
        objection = Objection.objects.create(decision=removal, party="commenter", text="Kein Shop.")
        comment.moderate("restore", colleague, explanation="Doch kein Shop.", answering=objection)

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # the first view creates the site's settings rows
    add_round()
    few = count()
    for _ in range(5):
        add_round()
    assert count() == few


# Nobody else


def test_non_moderators_are_refused_everywhere_and_change_nothing(client, django_user_model, contested):
    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    comment = contested.decision.comment
    notice(comment, explanation="Geheime Begründung")

    for url in (QUEUE_URL, decide_url(comment), objection_url(contested)):
        response = client.get(url)
        assert refused(response), url
        assert "Geheime Begründung" not in response.content.decode()
    assert refused(client.post(decide_url(comment), {"action": "restore", "explanation": "Weil ich will."}))
    assert refused(
        client.post(objection_url(contested), {"answer": "restore", "explanation": "Weil ich will."})
    )
    assert refused(client.post(f"/admin/bulk/comments/storycomment/hide_comments/?id={comment.pk}"))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED
    assert ModerationDecision.objects.count() == 1
