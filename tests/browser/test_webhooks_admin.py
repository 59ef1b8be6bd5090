"""A superuser connects the team's chat: Einstellungen › Webhooks, a new endpoint with its events, the secret
to copy, "Test senden", and the delivery log says "Zugestellt" once the chat (a local receiver that checks
the signature) has it. Both admin pages pass axe's WCAG 2.2 A/AA rules. `UPDATE_SCREENSHOTS=1` keeps the
pages in docs/screenshots/moderation."""

import threading

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from comments.tests.test_webhooks import Receiver
from comments.webhooks.models import WebhookEndpoint
from home.tests.factories import HomePageFactory
from tests.browser.conftest import serve_site_from
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_FOLDER = "moderation"  # see the `shots` fixture
PASSWORD = "geheim-und-lang"


@pytest.fixture
def chat():
    server = Receiver()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def chief(live_server, migrated_db, django_user_model):
    serve_site_from(HomePageFactory(parent=Page.get_first_root_node()))
    django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


def settle(page):
    page.wait_for_function("document.getAnimations().every(a => a.finish() || true)")


def test_the_team_connects_its_chat_and_sees_the_test_arrive(page, live_server, chief, chat, shots):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.get_by_role("button", name="Einstellungen").click()
    page.get_by_role("link", name="Webhooks").click()
    page.get_by_role("link", name="Webhook hinzufügen").first.click()

    page.get_by_role("textbox", name="Name").fill("Team-Chat")
    page.get_by_role("textbox", name="Adresse").fill(chat.url)
    page.get_by_label("Kommentar wartet auf Prüfung").check()
    page.get_by_label("DSA-Meldung eingegangen").check()
    page.get_by_role("button", name="Erstellen").click()

    expect(page.get_by_text("Kopieren Sie das Geheimnis für den Empfänger.")).to_be_visible()
    secret = WebhookEndpoint.objects.get().secret
    expect(page.get_by_role("textbox", name="Geheimnis")).to_have_value(secret)
    settle(page)
    assert violations(page) == {}
    page.screenshot(path=shots / "webhook-endpoint.png", full_page=True)

    page.get_by_role("link", name="Zustellungen und Test").click()
    page.get_by_role("button", name="Test senden").click()
    expect(page.get_by_text("Testnachricht an „Team-Chat“ verschickt.")).to_be_visible()
    page.reload()
    expect(page.get_by_role("cell", name="Zugestellt")).to_be_visible()
    [message] = chat.verified(secret)
    assert message["type"] == "webhook.test"
    settle(page)
    assert violations(page) == {}
    page.screenshot(path=shots / "webhook-deliveries.png", full_page=True)
