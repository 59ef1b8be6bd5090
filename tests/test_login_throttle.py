"""Guessing an editor's password is throttled per client address (django-axes), with a German page that
says when to try again, and every lockout is recorded for the audit."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("redakteurin", "redaktion@example.org", "richtig-geheim")


def log_in(client, password, address=ATTACKER, **headers):
    return client.post(
        LOGIN, {"username": "redakteurin", "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, times, address=ATTACKER, **headers):
    return [log_in(client, "falsch", address, **headers).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_address_out_even_with_the_right_one(client, editor):
    assert fail(client, 4) == [200, 200, 200, 200]
    assert fail(client, 1) == [429]

    response = log_in(client, "richtig-geheim")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_is_german_and_says_when_to_try_again_and_whom_to_ask(client, editor):
    fail(client, 5)

    response = log_in(client, "richtig-geheim")

    content = response.content.decode()
    assert "Zu viele Anmeldeversuche" in content
    assert "Bitte versuchen Sie es in 15 Minuten noch einmal." in content
    assert "wenden Sie sich bitte an die Administration der Website" in content
    assert "Traceback" not in content
    assert "public" not in response["Cache-Control"]


def test_another_address_still_logs_in(client, editor):
    fail(client, 5)
    assert log_in(client, "richtig-geheim").status_code == 429

    response = log_in(Client(), "richtig-geheim", address=COLLEAGUE)

    assert response.status_code == 302


def test_forwarded_for_headers_do_not_change_the_address(client, editor):
    """Varnish hands the reader's address to gunicorn through the PROXY protocol; a header is the client's."""
    for number in range(5):
        log_in(client, "falsch", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")

    response = log_in(client, "richtig-geheim", HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert response.status_code == 429


def test_a_successful_login_starts_the_count_again(client, editor):
    fail(client, 4)
    assert log_in(client, "richtig-geheim").status_code == 302
    client.logout()

    assert fail(client, 5) == [200, 200, 200, 200, 429]


def test_the_django_admin_login_is_throttled_too(client, editor):
    for _ in range(5):
        client.post(
            "/django-admin/login/", {"username": "redakteurin", "password": "x"}, REMOTE_ADDR=ATTACKER
        )

    response = client.post(
        "/django-admin/login/",
        {"username": "redakteurin", "password": "richtig-geheim"},
        REMOTE_ADDR=ATTACKER,
    )

    assert response.status_code == 429


def test_lockouts_are_recorded_for_the_audit_in_the_django_admin(client, editor, admin_client):
    fail(client, 5)

    attempts = admin_client.get("/django-admin/axes/accessattempt/").content.decode()
    failures = admin_client.get("/django-admin/axes/accessfailurelog/?locked_out__exact=1").content.decode()

    assert "redakteurin" in attempts and ATTACKER in attempts
    assert "redakteurin" in failures and ATTACKER in failures


def test_a_login_without_the_security_cookie_gets_a_german_page_that_says_why(editor):
    response = Client(enforce_csrf_checks=True).post(
        LOGIN, {"username": "redakteurin", "password": "richtig-geheim"}
    )

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="de">' in page
    assert "Formular nicht angenommen" in page
    assert "ohne unser Sicherheits-Cookie" in page
    assert "Bitte erlauben Sie Cookies" in page
