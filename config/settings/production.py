"""Production settings: every secret and address comes from the environment, read here only.

Several app servers share PostgreSQL (DATABASE_URL: data, sessions, the task queue), Redis (REDIS_URL: the
cache, and the rate limits that must hold) and the media storage (a shared directory or an S3-compatible bucket); `manage.py db_worker` runs
the background tasks. README.md lists the variables.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.cache import redis_caches

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "DATABASE_URL", "REDIS_URL"]
S3_REQUIRED = ["S3_ENDPOINT_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default):
    value = env(name).lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be 1/true/yes/on or 0/false/no/off.")


def env_int(name, default):
    try:
        return int(env(name) or default)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number.") from None


# One message naming everything that is missing, instead of one restart per variable.
missing = [name for name in REQUIRED if not env(name)]
if env("S3_BUCKET"):
    missing += [name for name in S3_REQUIRED if not env(name)]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + ", ".join(missing)
        + " (see the configuration table in README.md)."
    )

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
WAGTAILADMIN_BASE_URL = env("BASE_URL").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [
    f"{urlsplit(WAGTAILADMIN_BASE_URL).scheme}://{urlsplit(WAGTAILADMIN_BASE_URL).netloc}"
]

# Database: postgres://user:password@host:5432/name (psycopg 3), or sqlite:////path/db.sqlite3 for a
# single machine. Persistent connections are checked before reuse, so the site recovers by itself once
# PostgreSQL is back after a restart.
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env("DATABASE_URL"),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Django understands: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (a 503 page) rather than hang while PostgreSQL is unreachable.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# Redis, shared by every app server, as two caches (core.cache): `default` is only a cache (site data,
# whole pages, fragments, Wagtail's renditions), missed while Redis is away, so pages are built from the
# database; `limits` must hold (comment and report rate limits, the page-password throttle, spent start
# marks): while Redis is away those posts get a calm 503 with what the reader typed.
if not env("REDIS_URL").startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
CACHES = redis_caches(
    env("REDIS_URL"),
    key_prefix=env("CACHE_KEY_PREFIX", "stories"),
    # A stopped or hanging Redis costs seconds, not the operating system's timeout.
    options={"socket_connect_timeout": 2, "socket_timeout": 2},
)
# Sessions (editors, readers of password-protected pages) in PostgreSQL only: a logout must stay one, and a
# cache that misses writes while Redis is away could hand a deleted session back once it returns. Logins
# keep working while Redis is away (django-axes counts failures in PostgreSQL too).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Whole pages for anonymous readers, shared by all app servers; replaced on every change anyway.
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)

# Background work (mails, rendition warm-up, search index, front-cache purges): `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Webhooks to the team's chat only over TLS (comments.webhooks.admin).
WEBHOOKS_HTTPS_ONLY = True

# Outgoing mail over SMTP.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Static files: hashed, compressed, served by WhiteNoise from STATIC_ROOT (`manage.py collectstatic`).
if env("STATIC_ROOT"):
    STATIC_ROOT = env("STATIC_ROOT")
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: a directory all app servers share (served by the web server under MEDIA_URL), or an
# S3-compatible bucket. There only the renditions readers see are public-read; documents (served by
# Wagtail's view, which checks private collections) and original uploads are private, read by the app
# alone (core.storage; docs/deploy.md says what the bucket must allow).
if env("MEDIA_ROOT"):
    MEDIA_ROOT = env("MEDIA_ROOT")
if env("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL"),
            "access_key": env("S3_ACCESS_KEY_ID"),
            "secret_key": env("S3_SECRET_ACCESS_KEY"),
            "region_name": env("S3_REGION") or None,
            "custom_domain": env("S3_CUSTOM_DOMAIN") or None,
            # Renditions by plain URLs without expiring signatures: pages with them sit in the front cache.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Front cache (Varnish with deploy/varnish/default.vcl): pages are purged when they change, refreshed
# behind the readers when a change only adds to them (core.frontend_cache).
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# HTTPS. Behind a proxy that ends TLS, BEHIND_TLS_PROXY=1 trusts its X-Forwarded-Proto header (only then:
# otherwise a client could claim https itself).
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers ask the app servers directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# No address of ours travels to other sites with a click.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview views allow same-origin framing themselves; everything else stays unframeable.
X_FRAME_OPTIONS = "DENY"
# Cookies only over HTTPS. SECURE_COOKIES=0 is for trying the stack over plain HTTP on loopback only
# (`make serve-prod`): browsers would otherwise drop the session and CSRF cookies and nobody could log in.
SECURE_COOKIES = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Logs go to stdout, for the process manager or container runtime to collect.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "WARNING")},
}
