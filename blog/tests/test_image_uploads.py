"""Editors uploading images get clear form errors for bad files, and renditions carry no metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model

from blog.tests.factories import make_image_file

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/images/add/"


def jpeg_bytes(size=(320, 200), **save_kwargs):
    return make_image_file(size=size, **save_kwargs).read()


def upload(client, name, content, content_type="image/jpeg"):
    return client.post(
        ADD_URL,
        {"title": "Hochgeladen", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_a_good_image_is_stored(admin_client):
    response = upload(admin_client, "gut.jpg", jpeg_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Hochgeladen").exists()


def test_truncated_jpeg_gets_a_form_error(admin_client):
    content = jpeg_bytes(size=(800, 600), quality=95)
    response = upload(admin_client, "abgeschnitten.jpg", content[: len(content) // 2])
    assert response.status_code == 200
    assert "beschädigt oder unvollständig" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_file_that_is_no_image_gets_a_form_error(admin_client):
    response = upload(admin_client, "kaputt.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg" * 20)
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert response.context["form"].errors["file"]


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
def test_too_large_file_gets_a_form_error(admin_client):
    response = upload(admin_client, "gross.jpg", jpeg_bytes(size=(600, 400), quality=100))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_image_with_too_many_pixels_gets_a_form_error(admin_client):
    response = upload(admin_client, "riesig.jpg", jpeg_bytes(size=(400, 400)))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def photo_with_gps():
    exif = PILImage.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}  # GPSInfo
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), "#884400").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize("output_format", ["jpeg", "webp", "avif"])
def test_renditions_carry_no_exif_or_gps(admin_client, output_format):
    original = photo_with_gps()
    assert PILImage.open(io.BytesIO(original)).getexif()  # the upload really has EXIF
    upload(admin_client, "urlaub.jpg", original)
    image = get_image_model().objects.get()

    rendition = image.get_rendition(f"width-200|format-{output_format}")
    with rendition.file.open("rb") as stored, PILImage.open(stored) as rendered:
        assert not rendered.getexif()
        assert "exif" not in rendered.info


def test_uploaded_original_loses_gps_but_keeps_its_rotation(admin_client):
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held upright
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0)}
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), "#225588").save(buffer, "JPEG", exif=exif)

    upload(admin_client, "hochkant.jpg", buffer.getvalue())
    image = get_image_model().objects.get()

    assert (image.width, image.height) == (200, 320)
    with image.file.open("rb") as stored, PILImage.open(stored) as original:
        assert not original.getexif()
