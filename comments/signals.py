"""Keeps django.contrib.sites' Site in line with the address the site really runs at, and front
caches in line with deleted comments."""

from urllib.parse import urlsplit

from django.conf import settings


def sync_site_domain(sender, using="default", **kwargs):
    """After every migrate: the comments framework's Site gets the host of WAGTAILADMIN_BASE_URL,
    so no link ever names example.com."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc
    if domain:
        Site.objects.using(using).update_or_create(
            pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME}
        )


def purge_deleted_comment(sender, instance, **kwargs):
    """A deleted comment that readers could see leaves the cached story and listings too."""
    if instance.is_public:
        from blog.cache import purge_story_later

        purge_story_later(instance.object_pk)
