"""Documents in a private collection stay private: they are only served through Wagtail's document view,
which checks the collection's restriction, never straight from the media directory, and a collection
made private leaves the front cache at once."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from blog.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 Vertrauliche Preisliste"


def document_in(collection):
    document = get_document_model()(title="Preisliste", collection=collection)
    document.file.save("preisliste.pdf", ContentFile(CONTENT), save=False)
    document.save()
    return document


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_private_document_is_not_served_to_anonymous_readers(client, home_page, private_collection):
    document = document_in(private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert CONTENT not in body_of(response)


def test_a_private_document_is_served_to_those_who_may_see_it(admin_client, home_page, private_collection):
    document = document_in(private_collection)
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert body_of(response) == CONTENT
    assert "public" not in response["Cache-Control"]


def test_no_document_is_served_straight_from_the_media_directory(client, home_page, private_collection):
    document = document_in(Collection.get_first_root_node())
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200  # through the document view, public ones are


def test_only_renditions_are_served_from_the_media_directory(client, home_page):
    """Original uploads may carry camera data (place, device): readers get renditions only."""
    image = ImageFactory()
    rendition = image.get_rendition("fill-100x100")
    assert client.get(rendition.url).status_code == 200
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_a_collection_made_private_leaves_the_front_cache(
    home_page, purged, django_capture_on_commit_callbacks
):
    collection = Collection.get_first_root_node().add_child(name="Bald intern")
    document = document_in(collection)
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert f"http://localhost{document.url}" in purged
