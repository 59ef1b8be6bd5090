"""Names and texts with control or direction characters are refused before they reach a page or a mail."""

import pytest
from django.core import mail

from comments.models import StoryComment
from comments.tests.test_posting import POST_URL, comment_data, refused

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "Anna\r\nBcc: x@example.org"}, "Steuerzeichen"),
        ({"name": "Anna\u202egpj.exe"}, "Steuerzeichen"),
        ({"name": "Anna\u200f"}, "Steuerzeichen"),
        ({"name": "Anna\x07"}, "Steuerzeichen"),
    ],
)
def test_names_with_control_or_direction_characters_are_refused(client, story, policy, changes, message):
    assert message in refused(client.post(POST_URL, comment_data(story, **changes)))
    assert mail.outbox == []


@pytest.mark.parametrize(
    "text",
    ["Schön\x00 war es", "Schön\x1b[2J war es", "Schön \u202eeis raw\u202c", "Schön \u2066war\u2069 es"],
)
def test_text_with_control_or_direction_characters_is_refused(client, story, policy, text):
    response = client.post(POST_URL, comment_data(story, comment=text))
    assert response.status_code == 400
    assert "Steuerzeichen" in response.content.decode()
    assert not StoryComment.objects.exists()
    assert mail.outbox == []


def test_text_with_line_breaks_tabs_and_marks_is_taken(client, story, policy):
    text = "Erste Zeile\r\n\tzweite Zeile mit \u200fRLM"
    assert client.post(POST_URL, comment_data(story, comment=text)).status_code == 302
    assert StoryComment.objects.get().comment == text
