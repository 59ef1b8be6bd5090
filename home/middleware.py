from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


class ChosenLanguageMiddleware:
    """German for everyone unless the reader picked another language with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language header, so the
    site is German first and pages stay cacheable for anonymous readers.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class SharedCacheMiddleware:
    """Lets front caches (Varnish, a CDN) keep what anonymous readers see; never anything personal.

    A page is shareable when it is a plain GET for nobody in particular: no logged-in user, no
    preview, no cookie set in the response (CSRF, session, messages), not the admin. Shared caches
    keep it for an hour and are purged on every change (`blog.cache`); browsers revalidate after a
    minute. Everything else is marked private and uncached. Views that set Cache-Control themselves
    (the admin, feeds, /healthz) keep theirs.
    """

    BROWSER_MAX_AGE = 60
    SHARED_MAX_AGE = 60 * 60
    SHAREABLE_STATUS = {200, 301, 404, 410}
    PERSONAL_PATHS = ("/admin/", "/kommentare/", "/sprache/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.is_shareable(request, response):
            patch_cache_control(
                response, public=True, max_age=self.BROWSER_MAX_AGE, s_maxage=self.SHARED_MAX_AGE
            )
        else:
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        return response

    def is_shareable(self, request, response):
        user = getattr(request, "user", None)
        return (
            request.method in ("GET", "HEAD")
            and response.status_code in self.SHAREABLE_STATUS
            and not response.cookies
            and not request.path.startswith(self.PERSONAL_PATHS)
            and not getattr(request, "is_preview", False)
            and not (user is not None and user.is_authenticated)
        )
