"""Settings shared by every environment; environment-specific files import from here."""

from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "core",
    "home",
    "blog",
    "wagtail.contrib.forms",
    # Purges the front cache when pages change; does nothing until WAGTAILFRONTENDCACHE names one.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.sites",
    # The comments library must come before django_comments; our app after both (its ready() undoes a
    # signal the library connects in its own).
    "django_comments_xtd",
    "django_comments",
    "comments",
    "wordpress_import",
    "demo",
    # Background work (mails, rendition warm-up); the database backend's tables exist everywhere.
    "django_tasks",
    "django_tasks_db",
    # Throttles failed logins (admin, Django admin, front-end login) and keeps an audit of lockouts.
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the session, CSRF and messages middleware, so it sees every cookie they set.
    "core.middleware.SharedCacheMiddleware",
    "core.csp.ContentSecurityPolicyMiddleware",
    "core.availability.ServiceUnavailableMiddleware",
    # Before the page cache: "/?p=12" (an old WordPress address) would get the home page.
    "core.query_redirects.QueryRedirectMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.CachedSiteMiddleware",
    # Last, as django-axes requires: it turns a login its backend refused into the lockout page (429), which
    # the middleware above still marks private.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out client before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the source language of our own strings; English comes from locale/en.
LANGUAGE_CODE = "de"
# The language everything editors and readers write is in (stories, pages, comments): no translated content
# exists. Pages in another interface language mark it with lang="de" (core.languages).
CONTENT_LANGUAGE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"

MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Development and tests serve uploads from Django; production serves them from the web server or storage.
SERVE_MEDIA_FILES = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Development and tests run background work at once; production queues it for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# What `manage.py run_schedule` (make run) runs every minute; production has a systemd timer for each
# (docs/deploy.md). Webhook retries wait for it where tasks run at once.
EVERY_MINUTE = ["publish_scheduled", "send_due_webhooks"]

# Content-Security-Policy, sent by django-csp through core.csp (Django 5.2 has none of its own); the media
# storage's origin is added when uploads live elsewhere. Public pages: nothing inline, nothing from other
# hosts, except the video players a reader loads with a click (blog.blocks.PrivacyEmbedBlock).
PUBLIC_PAGES_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# The Wagtail admin (and the previews shown in it) still needs inline scripts and styles: choosers, date
# fields and inline panels start with a <script> element of their own, its scripts add <style> elements
# and style attributes, and the upload form shows the chosen images from blob: URLs. No 'unsafe-eval'.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_PAGES_POLICY}
CONTENT_SECURITY_POLICY_ADMIN = {
    **PUBLIC_PAGES_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *PUBLIC_PAGES_POLICY["frame-src"]],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"

# Wagtail
WAGTAIL_SITE_NAME = "Kundengeschichten"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always go through Wagtail's view, which checks the restrictions of private collections, also
# with S3 storage (where Wagtail would otherwise redirect to the bucket); the media server serves images only.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The admin would otherwise ask a foreign host for new Wagtail releases from the editor's browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from Gravatar: the admin shows its own placeholder instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Stories submitted for "Redaktionelle Freigabe" (home/editorial.py) are announced to the Chefredaktion, who
# review them; administrators get no mail for each one (and no second mail when they are in the group). Mails
# come from DEFAULT_FROM_EMAIL, like every other mail of the site.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Uploads: a clear form error instead of a 500 for files that are too large, too many pixels or broken.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "blog.forms.StoryImageForm"
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 78
WAGTAILIMAGES_JPEG_QUALITY = 82

WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [(CONTENT_LANGUAGE, "Deutsch")]

STORIES_PER_PAGE = 12

# Two caches (core.cache): `default` is only a cache (site data, pages, fragments, renditions), `limits`
# must hold (rate limits, the page-password throttle, spent start marks). Production puts both in Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cache"},
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}

# Seconds the pages anonymous readers get are kept whole in the shared cache (core.page_cache.
# PageCacheMiddleware); every publication or comment decision replaces them. 0: render every time.
PAGE_CACHE_TIMEOUT = 0
# Query parameters whose values make pages of their own that the page cache keeps beside the plain address,
# when the page says it served that variant (`request.served_query_variants`): the discussion's sort orders.
PAGE_CACHE_QUERY_VARIANTS = {"sortierung": ("neueste", "hilfreich")}
# Paths whose addresses with a query ("/?p=12") are looked up among Wagtail's redirects before a page answers
# (core.query_redirects): the site root; add "/blog/" for a WordPress blog that lived below /blog/.
QUERY_REDIRECT_PATHS = ["/"]

# Comments: django-comments-xtd with our own model, views and templates (no REST API, no React plugin).
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.StoryComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2  # three visible levels: 0, 1, 2
COMMENTS_XTD_CONFIRM_EMAIL = True
COMMENT_MAX_LENGTH = 3000

LOGIN_URL = "wagtailadmin_login"

# Failed logins (django-axes), counted by its database handler rather than its cache handler on Redis:
# every app server shares PostgreSQL just as it shares Redis, so a lockout holds on all of them, survives a
# Redis flush, and the rows are the audit the cache handler does not keep (/django-admin/axes/).
# axes applies one limit to every parameter set and locks when any set reaches it; an address's count
# includes every account tried from it, so a set ["username", "ip_address"] next to it would never decide.
# 5 failures from one address within the cool-off lock that address out for every account (even with the
# right password); other addresses still log in. A limit per account alone would let anyone lock the
# editors out. A successful login clears the address's count.
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "login_locked.html"
# The audit keeps failures (with the lockout flag), not every successful login of every editor; the failure
# log is pruned by `manage.py axes_reset_failure_logs --age 30` (docs/deploy.md).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_DISABLE_ACCESS_LOG = True
# The client's address is REMOTE_ADDR only: Varnish speaks the PROXY protocol to gunicorn, which puts the
# reader's address there. Headers such as X-Forwarded-For are the client's to invent and never read.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Wrong passwords for a password-protected page (core.page_passwords), per address and restriction.
PAGE_PASSWORD_FAILURE_LIMIT = 10
PAGE_PASSWORD_COOLOFF = timedelta(minutes=15)
