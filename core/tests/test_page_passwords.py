"""Guessing the password of a protected page is throttled per address and restriction, before Wagtail
checks the password."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

GUESSER = "203.0.113.7"
READER = "198.51.100.20"


@pytest.fixture
def restriction(home_page):
    return PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )


def enter(client, restriction, password, address=GUESSER):
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/",
        {"password": password, "return_url": "/"},
        REMOTE_ADDR=address,
    )


def test_after_ten_wrong_passwords_even_the_right_one_is_not_checked(client, restriction):
    assert {enter(client, restriction, "falsch").status_code for _ in range(10)} == {200}

    response = enter(client, restriction, "sesam")

    assert response.status_code == 429
    content = response.content.decode()
    assert "Zu viele falsche Passwörter für diese Seite." in content
    assert "Bitte versuchen Sie es in 15 Minuten noch einmal." in content
    assert "Fragen Sie die Person, von der Sie das Passwort haben" in content
    assert "public" not in response["Cache-Control"]
    assert client.get("/").context["form"] is not None  # still asks for the password


def test_another_address_still_gets_in(client, restriction):
    for _ in range(10):
        enter(client, restriction, "falsch")
    assert enter(client, restriction, "sesam").status_code == 429

    assert enter(Client(), restriction, "sesam", address=READER).status_code == 302


def test_a_huge_id_in_the_form_address_is_not_found(client):
    huge = "99999999999999999999"  # beyond every integer column
    assert client.get(f"/_util/authenticate_with_password/{huge}/{huge}/").status_code == 404


def test_a_password_sent_while_redis_is_away_is_asked_for_again_calmly(client, restriction, redis):
    redis.go_away()

    response = enter(client, restriction, "sesam")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    content = response.content.decode()
    assert (
        "Wir können Ihr Passwort gerade nicht prüfen. Bitte versuchen Sie es in einer Minute noch einmal."
        in content
    )
    assert 'name="password"' in content
    redis.come_back()
    assert client.get("/").context["form"] is not None  # not let in without the check
    assert enter(client, restriction, "sesam").status_code == 302
