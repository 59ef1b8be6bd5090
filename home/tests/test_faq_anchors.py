"""Every FAQ answer has an address of its own, and a call to action can lead straight to one."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StreamBlockValidationError

from home.blocks import CallToActionBlock, FaqBlock
from home.tests.factories import FaqPageFactory

pytestmark = pytest.mark.django_db


def test_each_answer_has_the_address_of_its_mark_or_its_question(client, home_page):
    faq = FaqPageFactory(
        parent=home_page,
        questions=[
            (
                "item",
                {
                    "question": "Kann ich eine Geschichte vorschlagen?",
                    "answer": "<p>Ja.</p>",
                    "anchor": "geschichte-vorschlagen",
                },
            ),
            (
                "item",
                {"question": "Wie werde ich Benachrichtigungen über Antworten los?", "answer": "<p>So.</p>"},
            ),
        ],
    )
    soup = BeautifulSoup(client.get(faq.url).content, "html.parser")

    answers = {
        answer["id"]: answer.find_parent("details").summary.get_text(strip=True)
        for answer in soup.select("details [id]")
    }

    assert answers == {
        "geschichte-vorschlagen": "Kann ich eine Geschichte vorschlagen?",
        "wie-werde-ich-benachrichtigungen-ueber-antworten-los": "Wie werde ich Benachrichtigungen über Antworten los?",
    }


def test_two_questions_with_one_mark_are_refused():
    block = FaqBlock()
    questions = block.to_python(
        [
            {
                "type": "item",
                "value": {"question": "Wie erreiche ich Sie?", "answer": "<p>A</p>", "anchor": ""},
            },
            {
                "type": "item",
                "value": {"question": "Kontakt", "answer": "<p>B</p>", "anchor": "wie-erreiche-ich-sie"},
            },
        ]
    )

    with pytest.raises(StreamBlockValidationError) as refused:
        block.clean(questions)

    assert list(refused.value.block_errors) == [1]


def test_a_call_to_action_leads_to_a_place_on_its_page(home_page):
    faq = FaqPageFactory(parent=home_page)
    block = CallToActionBlock()
    value = block.to_python(
        {
            "title": "Eine Geschichte erlebt?",
            "text": "Erzählen Sie sie uns.",
            "link_page": faq.pk,
            "link_url": "",
            "link_anchor": "geschichte-vorschlagen",
            "link_text": "Geschichte vorschlagen",
        }
    )

    link = BeautifulSoup(block.render(value), "html.parser").find("a", string="Geschichte vorschlagen")

    assert link["href"] == "/faq/#geschichte-vorschlagen"
