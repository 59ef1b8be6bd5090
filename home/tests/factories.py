import factory

from blog.tests.factories import PageFactory
from home.models import FaqPage, HomePage, StandardPage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Start"
    slug = "start"
    intro = "Geschichten, in denen unser Kundenservice den Unterschied macht."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")
    intro = "Eine Inhaltsseite."
    body = factory.LazyFunction(lambda: [("text", "<h2>Abschnitt</h2><p>Text der Seite.</p>")])


class FaqPageFactory(PageFactory):
    class Meta:
        model = FaqPage

    title = "Häufige Fragen"
    slug = "faq"
    intro = "Antworten auf das, was Leserinnen und Leser oft fragen."
    questions = factory.LazyFunction(
        lambda: [
            (
                "item",
                {
                    "question": "Wer schreibt die Geschichten?",
                    "answer": "<p>Unser Kommunikationsteam gemeinsam mit dem Kundenservice.</p>",
                },
            ),
            (
                "item",
                {
                    "question": "Kann ich eine Geschichte vorschlagen?",
                    "answer": "<p>Ja, schreiben Sie uns.</p>",
                },
            ),
        ]
    )
