"""With uploads in an S3-compatible bucket, nobody reads a document or an original upload straight from the
bucket: documents reach readers only through Wagtail's document view, which checks private collections.
Only the renditions readers see are public there, by plain URLs.

The bucket is a real local S3-compatible server (moto's), asked over HTTP without credentials, the way
anyone who knows or guesses an object's URL would ask.
"""

import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.models import Collection

from blog.tests.factories import ImageFactory, make_image_file
from core.storage import MediaStorage
from tests.test_private_documents import CONTENT, document_in

pytestmark = pytest.mark.django_db

BUCKET = "geschichten-media"
REGION = "us-east-1"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    """A local S3-compatible server on a free port, with an empty bucket, for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def bucket_storage(endpoint, **options):
    """The storage config/settings/production.py builds from the S3_* variables, on the local server."""
    return {
        "BACKEND": "core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            **CREDENTIALS,
            "region_name": REGION,
            "custom_domain": None,
            "querystring_auth": False,
            "file_overwrite": False,
            **options,
        },
    }


@pytest.fixture
def media_in_bucket(settings, s3_endpoint):
    settings.STORAGES = {**settings.STORAGES, "default": bucket_storage(s3_endpoint)}
    # Django drops the storage it built when STORAGES changes; the models' files use the new one.
    assert isinstance(default_storage, MediaStorage)
    assert isinstance(get_document_model()._meta.get_field("file").storage, MediaStorage)


@pytest.fixture(params=["private", "public"])
def any_collection(request, private_collection):
    return private_collection if request.param == "private" else Collection.get_first_root_node()


def anonymous_get(url):
    """Status and body of a plain GET without credentials (and past any proxy the environment names)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def served_body(response):
    assert response.streaming  # streamed from the bucket, never through a redirect to it
    body = b"".join(response.streaming_content)
    response.close()
    return body


def test_no_document_is_readable_straight_from_the_bucket(media_in_bucket, home_page, any_collection):
    document = document_in(any_collection)
    assert document.file.url.startswith(f"{default_storage.endpoint_url}/{BUCKET}/documents/")
    assert anonymous_get(document.file.url)[0] == 403


def test_a_public_default_acl_does_not_open_the_documents(settings, s3_endpoint, home_page):
    """AWS_DEFAULT_ACL = "public-read", django-storages' default before 1.10, is overruled."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": bucket_storage(s3_endpoint, default_acl="public-read"),
    }
    document = document_in(Collection.get_first_root_node())
    assert anonymous_get(document.file.url)[0] == 403


def test_those_who_may_see_a_document_get_it_through_the_document_view(
    media_in_bucket, admin_client, home_page, any_collection
):
    document = document_in(any_collection)
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert served_body(response) == CONTENT


def test_anonymous_readers_are_sent_to_log_in_for_a_private_document(
    media_in_bucket, client, home_page, private_collection
):
    document = document_in(private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailcore_login')}?next={document.url}"


def test_a_public_document_reaches_anonymous_readers_through_the_document_view(
    media_in_bucket, client, home_page
):
    document = document_in(Collection.get_first_root_node())
    response = client.get(document.url)
    assert response.status_code == 200
    assert served_body(response) == CONTENT


def test_a_rendition_is_readable_by_anyone_from_its_plain_url(media_in_bucket):
    image = ImageFactory(file=make_image_file("werkstatt.jpg", size=(320, 200)))
    rendition = image.get_rendition("fill-100x100")
    with default_storage.open(rendition.file.name, "rb") as stored:
        stored_bytes = stored.read()
    assert "?" not in rendition.url  # no expiring signature: pages with it may be cached
    assert anonymous_get(rendition.url) == (200, stored_bytes)


def test_an_original_upload_is_not_readable_from_the_bucket(media_in_bucket):
    image = ImageFactory(file=make_image_file("urlaub.jpg", size=(320, 200)))
    assert image.file.name.startswith("original_images/")
    assert anonymous_get(image.file.url)[0] == 403
