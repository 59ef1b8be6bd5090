"""A refused comment or report lands the reader at the top of their form, where a summary says what went
wrong, each field's error a link to the field; the page title starts with "Fehler:"."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from comments.tests.factories import StoryCommentFactory
from comments.tests.test_posting import POST_URL, comment_data, confirmation_link

pytestmark = pytest.mark.django_db


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


def summary_of(response, form_id="kommentar-formular"):
    return page_of(response).find(id=form_id).select_one(".error-summary")


def summary_links(response, form_id="kommentar-formular"):
    return {link["href"]: link.get_text() for link in summary_of(response, form_id).select("a")}


def title_of(response):
    return page_of(response).title.get_text()


def test_the_title_of_a_refused_comment_starts_with_error(client, story, policy):
    assert title_of(client.get(story.url)).startswith("Wie Esel Emil heimkam")

    response = client.post(POST_URL, comment_data(story, email="keine-adresse"))

    assert title_of(response).startswith("Fehler: Wie Esel Emil heimkam")


def test_every_field_error_is_listed_as_a_link_to_its_field(client, story, policy):
    response = client.post(POST_URL, comment_data(story, name="", email="keine-adresse", consent=""))

    assert summary_links(response) == {
        "#id_name": "Bitte geben Sie Ihren Namen an.",
        "#id_email": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
        "#id_consent": "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.",
    }
    form = page_of(response).find(id="kommentar-formular")
    assert all(form.find(id=href[1:]) for href in summary_links(response))


def test_the_summary_is_the_first_thing_in_the_form_and_can_take_the_focus(client, story, policy):
    response = client.post(POST_URL, comment_data(story, email=""))

    summary = summary_of(response)
    assert summary["tabindex"] == "-1"
    assert summary.has_attr("data-focus-on-load")
    assert summary.find_previous("h3")["id"] == "kommentar-formular-titel"
    assert summary.find_next("input", attrs={"type": "email"})["id"] == "id_email"
    assert page_of(response).find(id="kommentar-formular")["action"].endswith("#kommentar-formular")


def test_an_empty_form_sent_at_once_lists_every_missing_field_not_the_speed(client, story, policy):
    response = client.post(
        POST_URL, comment_data(story, seconds_ago=0, name="", email="", comment="", consent="")
    )

    assert response.status_code == 400
    assert set(summary_links(response)) == {"#id_name", "#id_email", "#id_comment", "#id_consent"}
    assert "sehr schnell" not in summary_of(response).get_text()


@pytest.mark.parametrize(
    ("post", "status", "message"),
    [
        (lambda story: {"data": comment_data(story, seconds_ago=0)}, 400, "Das ging sehr schnell"),
        (
            lambda story: {"data": comment_data(story, website="https://spam.example")},
            400,
            "konnte nicht gesendet werden",
        ),
        (
            lambda story: {"data": comment_data(story), "headers": {"Sec-Fetch-Site": "cross-site"}},
            403,
            "nicht von unserer Seite",
        ),
    ],
    ids=["too fast", "honeypot", "foreign origin"],
)
def test_a_refusal_of_the_whole_form_is_said_in_the_summary(story, policy, post, status, message):
    arguments = post(story)
    response = Client(headers=arguments.get("headers", {"Sec-Fetch-Site": "same-origin"})).post(
        POST_URL, arguments["data"]
    )

    assert response.status_code == status
    assert message in summary_of(response).get_text()
    assert title_of(response).startswith("Fehler: ")


def test_a_rate_limit_is_said_in_the_summary(client, story, policy):
    policy.posts_per_ip_per_hour = 1
    policy.save()
    client.post(POST_URL, comment_data(story, email="eins@example.org"))

    response = client.post(POST_URL, comment_data(story, email="zwei@example.org", comment="Noch einer"))

    assert response.status_code == 429
    assert "viele Kommentare" in summary_of(response).get_text()
    assert title_of(response).startswith("Fehler: ")


def test_redis_away_is_said_in_the_summary(client, story, policy, redis):
    redis.go_away()

    response = client.post(POST_URL, comment_data(story))

    assert response.status_code == 503
    assert "gerade nicht annehmen" in summary_of(response).get_text()
    assert title_of(response).startswith("Fehler: ")


def test_the_second_step_is_no_error_but_says_so_first(client, story, policy):
    response = client.post(POST_URL, comment_data(story, started=""))

    assert response.status_code == 200
    assert title_of(response).startswith("Noch ein Schritt: Wie Esel Emil heimkam")
    form = page_of(response).find(id="kommentar-formular")
    assert not form.select(".error-summary")
    assert form.find(attrs={"data-focus-on-load": True}).get_text().startswith("Noch ein Schritt")


# Reporting a comment


@pytest.fixture
def report_url(story):
    return f"/kommentare/melden/{StoryCommentFactory(story=story).pk}/"


def test_a_refused_report_lands_at_its_form_with_a_summary(client, report_url):
    assert title_of(client.get(report_url)).startswith("Kommentar melden")

    response = client.post(report_url, {"note": "Bitte prüfen"})

    assert response.status_code == 400
    assert title_of(response).startswith("Fehler: Kommentar melden")
    assert page_of(response).find(id="meldung")["action"] == "#meldung"
    assert summary_links(response, "meldung") == {"#id_reason_0": "Bitte wählen Sie einen Grund."}
    assert page_of(response).find(id="id_reason_0")


def test_a_report_from_another_site_is_said_in_the_summary(report_url):
    response = Client(headers={"Sec-Fetch-Site": "cross-site"}).post(report_url, {"reason": "spam"})

    assert response.status_code == 403
    assert "nicht von unserer Seite" in summary_of(response, "meldung").get_text()
    assert title_of(response).startswith("Fehler: ")


def test_a_confirmation_from_another_site_titles_its_page_as_an_error(client, story, policy):
    client.post(POST_URL, comment_data(story))
    link = confirmation_link(mail.outbox[-1])
    assert title_of(client.get(link)).startswith("Kommentar bestätigen")

    response = Client(headers={"Sec-Fetch-Site": "cross-site"}).post(link)

    assert response.status_code == 403
    assert title_of(response).startswith("Fehler: Kommentar bestätigen")
