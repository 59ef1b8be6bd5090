"""Production settings pass Django's deployment checks, refuse to start half-configured and wire up the
production stack from the environment alone (each test starts a fresh process with only that environment)."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def closed_port():
    """A loopback port nothing listens on: check --deploy and settings must not need Redis running."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def production_env(tmp_path):
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60 + "-not-a-real-secret-but-long-and-random-enough",
        "ALLOWED_HOSTS": "geschichten.example.org",
        "BASE_URL": "https://geschichten.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{closed_port()}/0",
    }


def run(args, env):
    return subprocess.run(
        args,
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def manage(*args, env):
    return run([sys.executable, "manage.py", *args], env)


# Prints what the production settings made of the environment, and how two requests fare.
INSPECT = """
import json
import django
from django.conf import settings
django.setup()
from django.core.files.storage import storages
from django.test import Client
database = settings.DATABASES["default"]
client = Client()
plain_http = client.get("/", HTTP_HOST="geschichten.example.org")
health = client.get("/healthz", HTTP_HOST="geschichten.example.org")
ready = client.get("/readyz", HTTP_HOST="geschichten.example.org")
print(json.dumps({
    "engine": database["ENGINE"],
    "conn_max_age": database["CONN_MAX_AGE"],
    "conn_health_checks": database["CONN_HEALTH_CHECKS"],
    "database_options": database.get("OPTIONS", {}),
    "caches": {alias: [cache["BACKEND"], cache["LOCATION"]] for alias, cache in settings.CACHES.items()},
    "session_engine": settings.SESSION_ENGINE,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "middleware": settings.MIDDLEWARE[:3],
    "staticfiles": settings.STORAGES["staticfiles"]["BACKEND"],
    "default_storage": type(storages["default"]).__name__,
    "media_url_example": storages["default"].url("images/bild.jpg"),
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER,
    "csrf_trusted_origins": settings.CSRF_TRUSTED_ORIGINS,
    "email_backend": settings.EMAIL_BACKEND,
    "plain_http": [plain_http.status_code, plain_http.get("Location")],
    "health": [health.status_code, health.content.decode()],
    "ready": [ready.status_code, ready.content.decode()],
}))
"""


def inspect(env):
    result = run([sys.executable, "-c", INSPECT], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_production_settings(production_env):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_variables_stop_the_start_with_one_message_naming_them_all(production_env):
    env = {k: v for k, v in production_env.items() if k not in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL")}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Production settings need these environment variables: " in result.stderr
    assert "SECRET_KEY, DATABASE_URL, REDIS_URL (see the configuration table in README.md)" in result.stderr
    assert "KeyError" not in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "DATABASE_URL", "REDIS_URL"])
def test_each_required_variable_is_named_when_missing(production_env, missing):
    result = manage("check", env={**production_env, missing: " "})
    assert result.returncode != 0
    assert f"environment variables: {missing} (see" in result.stderr


def test_nonsense_addresses_are_refused_clearly(production_env):
    result = manage("check", env={**production_env, "DATABASE_URL": "mongodb://db/stories"})
    assert "DATABASE_URL is not a database URL Django understands" in result.stderr
    result = manage("check", env={**production_env, "REDIS_URL": "127.0.0.1:6379"})
    assert "REDIS_URL must start with redis://" in result.stderr
    result = manage("check", env={**production_env, "SECURE_SSL_REDIRECT": "vielleicht"})
    assert "SECURE_SSL_REDIRECT must be 1/true/yes/on or 0/false/no/off" in result.stderr


def test_production_stack_comes_from_the_environment(production_env):
    settings = inspect(
        {
            **production_env,
            "DATABASE_URL": "postgres://stories:secret@db.internal:5432/stories",
            "FRONTEND_CACHE_PURGE_URL": "http://varnish.internal:6081",
        }
    )
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["conn_max_age"] > 0 and settings["conn_health_checks"] is True
    assert settings["database_options"]["connect_timeout"] == 5
    # One Redis, two caches: one that only misses while Redis is away, one that must hold.
    assert settings["caches"] == {
        "default": ["core.cache.TolerantRedisCache", production_env["REDIS_URL"]],
        "limits": ["django.core.cache.backends.redis.RedisCache", production_env["REDIS_URL"]],
    }
    assert settings["session_engine"] == "django.contrib.sessions.backends.db"
    assert settings["tasks"] == "django_tasks_db.DatabaseBackend"
    assert settings["middleware"][:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert settings["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert settings["default_storage"] == "FileSystemStorage"
    assert settings["frontend_cache"] == {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": "http://varnish.internal:6081",
        }
    }
    assert settings["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert settings["csrf_trusted_origins"] == ["https://geschichten.example.org"]
    # Only a proxy we were told about may say "this was https".
    assert settings["proxy_ssl_header"] is None


def test_plain_http_is_redirected_but_health_checks_are_answered(production_env):
    settings = inspect(production_env)
    assert settings["plain_http"] == [301, "https://geschichten.example.org/"]
    # Monitoring and the load balancer ask over plain HTTP; Redis is not running here, the SQLite file is:
    # monitoring hears of it, the load balancer keeps the server, which serves pages without Redis.
    assert settings["health"] == [503, "unavailable: cache\n"]
    assert settings["ready"] == [200, "ok\n"]


def test_behind_a_tls_proxy_its_header_is_trusted(production_env):
    settings = inspect({**production_env, "BEHIND_TLS_PROXY": "1"})
    assert settings["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_s3_bucket_switches_media_to_s3_storage(production_env):
    s3 = {
        "S3_BUCKET": "geschichten-media",
        "S3_ENDPOINT_URL": "https://s3.example.net",
        "S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
        "S3_SECRET_ACCESS_KEY": "not-a-real-secret",
        "S3_REGION": "eu-central-1",
        "S3_CUSTOM_DOMAIN": "media.geschichten.example.org",
    }
    settings = inspect({**production_env, **s3})
    assert settings["default_storage"] == "MediaStorage"
    # Plain URLs without expiring signatures: pages with them sit in the front cache.
    assert settings["media_url_example"] == "https://media.geschichten.example.org/images/bild.jpg"

    incomplete = {k: v for k, v in s3.items() if k not in ("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")}
    result = manage("check", env={**production_env, **incomplete})
    assert "environment variables: S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (see" in result.stderr
