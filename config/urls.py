from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from blog import views as blog_views
from comments import urls as comments_urls
from core.availability import healthz, readyz
from core.page_passwords import throttled_authenticate_with_password

urlpatterns = [
    # Monitoring asks /healthz (database and Redis), load balancers /readyz (can this server give readers
    # pages: the database or Redis answers).
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),  # never_cache by Wagtail itself
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    # Choosing a language is harmless, so the form needs no CSRF token and pages stay cookie-free.
    path("sprache/", never_cache(csrf_exempt(set_language)), name="set_language"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA_FILES:
    urlpatterns += [
        # Renditions only: documents are served by Wagtail's document view, which checks private
        # collections; original uploads (camera data and all) are read by the app alone, as in the bucket.
        re_path(
            r"^media/(?P<path>images/.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += [
    # The comment feeds are public: the page cache keeps them (Varnish passes /kommentare/ to the app).
    path("kommentare/feed/", include((comments_urls.feed_urlpatterns, "comment_feeds"))),
    # Posting, confirming, muting and reporting are personal: no front cache or browser keeps them.
    path(
        "kommentare/",
        include((decorate_urlpatterns(comments_urls.urlpatterns, never_cache), comments_urls.app_name)),
    ),
    path("suche/", blog_views.search, name="search"),
    # Wagtail's own URL and name for the page-password form, throttled; personal like a login.
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        never_cache(throttled_authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]
