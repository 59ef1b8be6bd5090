"""Links in mails point to our own address, whatever Host header the request carried."""

import pytest
from django.core import mail
from django.test import override_settings

from comments.tests.test_posting import POST_URL, comment_data

pytestmark = pytest.mark.django_db


@override_settings(
    ALLOWED_HOSTS=["boese.example", "testserver"], WAGTAILADMIN_BASE_URL="https://geschichten.example"
)
def test_confirmation_link_uses_the_base_url_not_the_host_header(client, story, policy):
    client.post(POST_URL, comment_data(story), HTTP_HOST="boese.example")

    body = mail.outbox[0].body
    assert "https://geschichten.example/kommentare/bestaetigen/" in body
    assert "boese.example" not in body
