"""Any page, not only stories, leaves the front cache (Varnish) when it leaves the public site: made
private, deleted, or moved to a new address by a new slug."""

import pytest
from wagtail.models import PageViewRestriction

from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    section = StandardPageFactory(parent=home_page, title="Service", slug="service")
    StandardPageFactory(parent=section, title="Tarife", slug="tarife")
    return section


def test_a_private_section_leaves_the_front_cache_with_every_page_below(
    page, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert {"http://localhost/service/", "http://localhost/service/tarife/"} <= set(purged)


def test_a_deleted_page_leaves_the_front_cache(page, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert {"http://localhost/service/", "http://localhost/service/tarife/"} <= set(purged)


def test_a_new_slug_purges_the_old_addresses_below_too(page, purged, django_capture_on_commit_callbacks):
    page.slug = "kundenservice"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert {
        "http://localhost/service/",
        "http://localhost/service/tarife/",
        "http://localhost/kundenservice/",
    } <= set(purged)
