"""Moderators read the numbers for the transparency report (Art. 15 DSA) for a period of their choosing, on
the page and as a CSV file for Excel, without anyone's personal data."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.dsa.models import ContentNotice, DecisionGround, ModerationDecision, NoticeKind, Objection
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/kommentare/dsa-bericht/"
MARCH = {"von": "2026-03-01", "bis": "2026-03-31"}


def at(day, hour=12, minute=0):
    """A moment in the site's time zone, e.g. at("03-01", 0) for midnight starting 1 March 2026."""
    month, day = (int(part) for part in day.split("-"))
    return timezone.make_aware(datetime.datetime(2026, month, day, hour, minute))


def decision(comment, outcome, decided_at, ground=None, automated=False, explanation=""):
    return ModerationDecision.record(
        comment,
        outcome,
        ground,
        explanation=explanation,
        automated=automated,
        decided_at=decided_at,
    )


def notice(comment, kind, created_at, decided=None):
    return ContentNotice.objects.create(
        comment=comment,
        kind=kind,
        explanation="Das ist eine Beleidigung von Herrn Beispiel.",
        notifier_name="Nora Notz",
        notifier_email="nora@example.org",
        good_faith=True,
        evidence_text=comment.comment,
        created_at=created_at,
        decision=decided,
    )


@pytest.fixture
def march(story):
    """A known March 2026: four notices received (one at each edge of the month), six decisions, two
    objections, and records just outside the month that must not count."""
    comment = StoryCommentFactory(story=story, user_name="Erika Mustermann", comment="Geheimer Kommentartext")
    grounds = {ground.code or ground.title: ground for ground in DecisionGround.objects.all()}
    insult = grounds["Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)"]
    spam = grounds["Werbung oder Spam"]

    first = decision(comment, "remove", at("03-01", 10), insult, explanation="Geheime Erläuterung")
    notice(comment, NoticeKind.INSULT, at("03-01", 0), first)  # 10 hours
    kept = decision(comment, "keep", at("03-11"))
    notice(comment, NoticeKind.INSULT, at("03-10"), kept)  # 24 hours
    notice(
        comment,
        NoticeKind.HATE,
        at("03-31", 23, 30),
        decision(comment, "remove", at("04-02", 23, 30), insult),
    )
    notice(comment, NoticeKind.OTHER, at("03-20"))  # still open
    notice(comment, NoticeKind.INSULT, at("02-28", 23, 59))  # February
    notice(comment, NoticeKind.INSULT, at("04-01", 0))  # April

    decision(comment, "hold", at("03-05"), grounds["links"], automated=True)
    decision(comment, "spam", at("03-06"), grounds["word_list"], automated=True)
    removal = decision(comment, "remove", at("03-15"), spam)
    decision(comment, "remove", at("02-15"), spam)  # February

    answer = decision(comment, "restore", at("03-13"))
    Objection.objects.create(
        decision=first,
        party="commenter",
        text="Geheimer Einspruch",
        created_at=at("03-12"),
        answer=answer,
        reversed=True,
    )
    Objection.objects.create(
        decision=kept,
        party="notifier",
        notice=kept.notices.get(),
        text="Bitte prüfen",
        created_at=at("03-20"),
    )
    Objection.objects.create(decision=removal, party="commenter", text="Später", created_at=at("04-05"))


def tables(response):
    """Each table on the page by its heading: {row label: [cells]}."""
    page = BeautifulSoup(response.content, "html.parser")
    return {
        page.find(id=table["aria-labelledby"]).get_text(strip=True): {
            row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in table.tbody.find_all("tr")
        }
        for table in page.select("table.listing")
    }


def test_notices_received_in_the_period_by_kind_with_their_state_and_median_time(client, moderator, march):
    response = client.get(REPORT_URL, MARCH)

    assert "Zeitraum: 1. März 2026 bis 31. März 2026" in response.content.decode()
    figures = tables(response)
    assert figures["Meldungen rechtswidriger Inhalte"] == {
        "Eingegangen": ["4"],
        "Entschieden": ["3"],
        "Offen": ["1"],
        "Stunden bis zur Entscheidung (Median)": ["24,0"],
    }
    by_kind = figures["Meldungen nach Art des Verstoßes"]
    assert by_kind["Beleidigung, üble Nachrede oder Verleumdung"] == ["2"]
    assert by_kind["Volksverhetzung oder Hassrede"] == ["1"]
    assert by_kind["Sonstiges"] == ["1"]
    assert by_kind["Betrug oder Spam"] == ["0"]
    by_outcome = figures["Meldungen nach Entscheidung"]
    assert (by_outcome["Entfernt"], by_outcome["Belassen"], by_outcome["Verborgen"]) == (["2"], ["1"], ["0"])


def test_decisions_in_the_period_by_outcome_and_ground_split_by_who_decided(client, moderator, march):
    figures = tables(client.get(REPORT_URL, MARCH))

    by_outcome = figures["Entscheidungen nach Ergebnis"]
    assert by_outcome["Entfernt"] == ["0", "2", "2"]
    assert by_outcome["Zur Prüfung zurückgehalten"] == ["1", "0", "1"]
    assert by_outcome["Als Spam eingestuft"] == ["1", "0", "1"]
    assert by_outcome["Belassen"] == ["0", "1", "1"]
    assert by_outcome["Wiederhergestellt"] == ["0", "1", "1"]
    assert by_outcome["Freigegeben"] == ["0", "0", "0"]
    assert figures["Entscheidungen nach Grund"] == {
        "Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)": ["0", "1", "1"],
        "Unerwünschte Wörter (automatische Prüfung)": ["1", "0", "1"],
        "Werbung oder Spam": ["0", "1", "1"],
        "Zu viele Links (automatische Prüfung)": ["1", "0", "1"],
        "ohne Grund": ["0", "2", "2"],
    }


def test_objections_received_answered_and_reversed_by_party(client, moderator, march):
    figures = tables(client.get(REPORT_URL, MARCH))

    assert figures["Einsprüche"] == {
        "Verfasser des Kommentars": ["1", "1", "1"],
        "Meldende Person": ["1", "0", "0"],
    }
    assert figures["Einsprüche: Bearbeitungszeit"] == {"Stunden bis zur Antwort (Median)": ["24,0"]}


def test_the_csv_holds_the_same_figures_for_excel_and_nobodys_data(client, moderator, march):
    response = client.get(REPORT_URL, {**MARCH, "export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="dsa-bericht-2026-03-01-bis-2026-03-31.csv"'
    )
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeffAbschnitt;Merkmal;Wert\r\n")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert ["Meldungen rechtswidriger Inhalte", "Eingegangen", "4"] in rows
    assert ["Meldungen rechtswidriger Inhalte", "Stunden bis zur Entscheidung (Median)", "24,0"] in rows
    assert ["Meldungen nach Art des Verstoßes", "Volksverhetzung oder Hassrede", "1"] in rows
    assert ["Entscheidungen nach Ergebnis: automatisch", "Zur Prüfung zurückgehalten", "1"] in rows
    assert ["Entscheidungen nach Grund: durch eine Person", "Werbung oder Spam", "1"] in rows
    assert ["Einsprüche: Entscheidung geändert", "Verfasser des Kommentars", "1"] in rows
    assert all(len(row) == 3 for row in rows)
    for personal in ("Nora", "nora@example.org", "Erika", "Geheim", "Beispiel", "Mara", "moderatorin"):
        assert personal not in content


def test_the_page_shows_no_personal_data_either(client, moderator, march):
    content = client.get(REPORT_URL, MARCH).content.decode()

    for personal in ("Nora", "nora@example.org", "Erika", "Geheim", "Beispiel"):
        assert personal not in content


def test_without_a_period_the_report_covers_this_year_up_to_today(client, moderator):
    today = timezone.localdate()
    response = client.get(REPORT_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert f"Zeitraum: 1. Januar {today.year} bis " in content
    assert f'value="{today.year}-01-01"' in content and f'value="{today.isoformat()}"' in content
    assert f"von={today.year}-01-01&amp;bis={today.isoformat()}&amp;export=csv" in content
    assert "CSV herunterladen" in content


def test_a_period_that_ends_before_it_starts_is_refused(client, moderator, march):
    response = client.get(REPORT_URL, {"von": "2026-03-31", "bis": "2026-03-01"})

    content = response.content.decode()
    assert "Der letzte Tag liegt vor dem ersten. Bitte tauschen Sie die Daten." in content
    assert "Zeitraum:" not in content and not tables(response)


def count_queries(client):
    client.get(REPORT_URL, MARCH)
    with CaptureQueriesContext(connection) as queries:
        client.get(REPORT_URL, MARCH)
    return len(queries)


def test_the_report_needs_as_many_queries_for_many_records_as_for_few(client, moderator, story):
    comment = StoryCommentFactory(story=story)
    notice(comment, NoticeKind.INSULT, at("03-02"), decision(comment, "remove", at("03-03")))
    few = count_queries(client)
    for day in range(4, 24):
        made = decision(comment, "hide", at(f"03-{day:02d}"))
        notice(comment, NoticeKind.THREAT, at(f"03-{day:02d}", 8), made)
        Objection.objects.create(
            decision=made, party="commenter", text="x", created_at=at(f"03-{day:02d}", 9)
        )

    assert count_queries(client) == few


def test_moderators_find_it_under_reports_and_nobody_else_sees_it(client, moderator, django_user_model):
    assert REPORT_URL in client.get("/admin/").content.decode()

    editor = django_user_model.objects.create_user("redakteur", "red@example.org", "x")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(editor)
    assert REPORT_URL not in client.get("/admin/").content.decode()
    assert client.get(REPORT_URL).status_code == 403
    assert client.get(REPORT_URL, {**MARCH, "export": "csv"}).status_code == 403
