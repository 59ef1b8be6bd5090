"""Factories for stories and what belongs to them; small generated images keep renditions fast."""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from blog.models import Author, StoryAuthor, StoryCategory, StoryIndexPage, StoryPage


def make_image_file(name="bild.jpg", size=(64, 36), color="#2a6f97", image_format="JPEG", **save_kwargs):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, image_format, **save_kwargs)
    buffer.seek(0)
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = "Ein blaues Testbild"
    file = factory.LazyFunction(make_image_file)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Autorin {n}")
    slug = factory.Sequence(lambda n: f"autorin-{n}")
    role = "Kundenservice"
    bio = "Schreibt über Menschen, die helfen."


class StoryCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")
    description = "Geschichten aus einem Bereich."


class PageFactory(factory.Factory):
    """Adds the page below `parent` and publishes it unless `live=False` (then it stays a draft)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, parent=None, live=True, **kwargs):
        page = cls.build_page(model_class, **kwargs)
        if not live:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    @classmethod
    def build_page(cls, model_class, **kwargs):
        return model_class(**kwargs)


class StoryIndexPageFactory(PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Alle Geschichten"
    slug = "blog"
    intro = "Geschichten aus unserem Kundenservice."


class StoryPageFactory(PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Geschichte Nummer {n}")
    slug = factory.Sequence(lambda n: f"geschichte-{n}")
    teaser = "Eine kurze Geschichte über Hilfe, die ankommt."
    date = datetime.date(2026, 3, 14)
    hero_image = factory.SubFactory(ImageFactory)
    hero_alt = "Eine Kundenberaterin am Telefon"
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Der Anruf", "level": "h2"}),
            ("paragraph", "<p>Am Montagmorgen rief eine Kundin an.</p>"),
            ("quote", {"text": "Danke für alles!", "source": "Familie K.", "source_url": ""}),
        ]
    )

    @classmethod
    def build_page(cls, model_class, authors=(), categories=(), tags=(), **kwargs):
        page = model_class(**kwargs)
        page.story_authors = [StoryAuthor(author=author) for author in authors]
        page.categories = list(categories)
        page.tags.set(list(tags))
        return page
