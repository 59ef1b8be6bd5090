"""What production relies on, tested in-process: the Content-Security-Policy, /healthz, a calm 503 while
the database or the cache is gone (and recovery right after), and background work through the task queue."""

import datetime
import re
import socket
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command, get_commands
from django.db.backends.utils import CursorWrapper
from django.db.utils import OperationalError
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from blog.tasks import warm_story_renditions
from blog.tests.factories import AuthorFactory, ImageFactory, StoryPageFactory
from comments.mails import send_comment_mail
from comments.models import CommentStatus
from comments.notifications import notify_moderators
from comments.tests.factories import StoryCommentFactory
from core.cache import redis_caches

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent

PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
    "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)


def directives(policy):
    """A policy header as {directive: sources}; django-csp does not keep the directives' order."""
    return {name: sources for name, _, sources in (part.strip().partition(" ") for part in policy.split(";"))}


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Renditions and rate limits are cached; ids of rolled-back rows come back in the next test."""
    cache.clear()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_on_a_closed_port():
    """The production caches (`core.cache.redis_caches`) on a Redis that refuses every connection."""
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    return redis_caches(f"redis://127.0.0.1:{closed_port()}/0", options=options)


def database_down():
    """Every query fails the way a stopped PostgreSQL makes it fail."""
    return mock.patch.object(
        CursorWrapper,
        "execute",
        side_effect=OperationalError("connection to server failed: Connection refused"),
    )


# Content-Security-Policy


def test_public_pages_get_the_strict_policy(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == directives(PUBLIC_POLICY)
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"


INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"  # inline script
    r"|<style\b|\sstyle=|\son[a-z]+=|javascript:",  # inline styles, event handlers, script URLs
    re.IGNORECASE,
)


def test_public_templates_need_nothing_the_strict_policy_blocks():
    """The site frame's templates and the apps' own; mails are no web pages, and the admin's templates get
    the admin's policy."""
    template_dirs = [ROOT / "templates", *sorted(ROOT.glob("*/templates"))]
    comments = ROOT / "comments" / "templates" / "comments"
    skipped = [comments / "mail", comments / "admin"]
    pages = [
        path
        for templates in template_dirs
        for path in sorted(templates.rglob("*"))
        if path.suffix in (".html", ".jinja", ".jinja2") and not any(path.is_relative_to(s) for s in skipped)
    ]
    assert len(pages) > 30
    offending = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in pages
        for match in INLINE_CODE.finditer(path.read_text())
    ]
    assert offending == []


def test_admin_gets_the_policy_wagtail_needs(client, admin_client, home_page):
    assert directives(client.get("/admin/login/")["Content-Security-Policy"]) == directives(ADMIN_POLICY)
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == directives(ADMIN_POLICY)


def test_admin_preview_may_be_framed_by_the_admin_only(admin_client, story_index):
    story = StoryPageFactory(parent=story_index)
    response = admin_client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self' 'unsafe-inline'"


def test_a_draft_viewed_in_the_admin_gets_the_admin_policy(admin_client, story_index):
    """Wagtail renders the draft through the middleware again, for the page's public URL; the policy of
    the admin request that shows it wins."""
    story = StoryPageFactory(parent=story_index)
    response = admin_client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert directives(response["Content-Security-Policy"]) == directives(ADMIN_POLICY)


def test_media_from_object_storage_is_allowed_as_images(client, home_page):
    s3 = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "media", "custom_domain": "media.example.org", "querystring_auth": False},
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": s3}):
        policy = Client().get("/")["Content-Security-Policy"]
    assert directives(policy)["img-src"] == "'self' data: https://media.example.org"


# /healthz


def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain"
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_the_cache_when_redis_is_down(client):
    with override_settings(CACHES=redis_on_a_closed_port()):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable: cache\n"
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_the_database_when_it_is_down(client, caplog):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable: database\n"
    assert [(record.name, record.levelname) for record in caplog.records] == [
        ("core.availability", "WARNING")
    ]


@pytest.mark.parametrize("down", ["database", "cache"])
def test_the_front_cache_probe_stays_healthy_while_one_part_answers(client, down):
    """Varnish keeps sending readers while the app can still give them pages (stale copies from Redis
    while the database is away, pages rendered without caches while Redis is away)."""
    outage = database_down() if down == "database" else override_settings(CACHES=redis_on_a_closed_port())
    with outage:
        response = client.get("/readyz")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_front_cache_probe_fails_when_nothing_answers(client):
    with database_down(), override_settings(CACHES=redis_on_a_closed_port()):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"unavailable: database, cache\n"


# Database or cache gone: a 503 page, and back to normal on the next request


def assert_calm_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert directives(response["Content-Security-Policy"]) == directives(PUBLIC_POLICY)
    html = response.content.decode()
    assert '<h1 class="page-header__title">Gleich wieder da</h1>' in html
    assert "/static/css/site.css" in html
    assert "Traceback" not in html and "OperationalError" not in html and "Connection refused" not in html


def test_database_down_gives_a_503_page_and_the_site_recovers(client, home_page, caplog):
    with database_down():
        assert_calm_503(client.get("/"))
    assert [(record.name, record.levelname) for record in caplog.records] == [
        ("core.availability", "WARNING")
    ]
    assert client.get("/").status_code == 200


def test_database_down_in_a_middleware_gives_a_503_too(home_page):
    """Sessions live in the database: a failing session save happens after the view, in the middleware."""
    client = Client(raise_request_exception=False)
    with mock.patch.object(
        SessionMiddleware, "process_response", side_effect=OperationalError("connection to server failed")
    ):
        assert_calm_503(client.get("/"))
    assert client.get("/").status_code == 200


def test_other_errors_stay_500(home_page):
    client = Client(raise_request_exception=False)
    with mock.patch.object(CursorWrapper, "execute", side_effect=ZeroDivisionError):
        response = client.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response


# Background work


def test_mails_are_queued_for_the_worker_not_sent_inline(story_index, django_user_model):
    story = StoryPageFactory(parent=story_index)
    moderator = django_user_model.objects.create_user("mara", "mara@example.org", "x")
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    comment = StoryCommentFactory(story=story, status=CommentStatus.PENDING)
    mail.outbox.clear()  # sent at once when the comment was created (tests run tasks at once)

    with override_settings(TASKS=DATABASE_TASKS):
        notify_moderators(comment.pk)
        assert mail.outbox == []
        queued = DBTaskResult.objects.get()
        assert queued.task_path == "comments.mails.send_comment_mail"
        assert queued.args_kwargs["args"][:2] == ["pending", "mara@example.org"]

        run_worker_until_queue_is_empty()

    assert [message.to for message in mail.outbox] == [["mara@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


# The hourly pruning scripts/prod-stack.sh runs and docs/deploy.md schedules.
PRUNE_FINISHED_TASKS = ["--queue-name", "*", "--min-age-days", "0", "--failed-min-age-days", "7"]


def test_a_sent_mail_leaves_the_queue_at_the_next_pruning_a_failed_one_after_a_week():
    """Queued mails hold addresses, names and confirmation links: once sent they have no further use."""
    with override_settings(TASKS=DATABASE_TASKS):
        send_comment_mail.enqueue("pending", "mara@example.org", {"comment_name": "Paula"})
        failed = send_comment_mail.enqueue("pending", "ole@example.org", {"comment_name": "Paula"})
        run_worker_until_queue_is_empty()
        DBTaskResult.objects.filter(pk=failed.id).update(status="FAILED")

        call_command("prune_db_task_results", *PRUNE_FINISHED_TASKS, verbosity=0)
        assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [str(failed.id)]

        DBTaskResult.objects.update(finished_at=timezone.now() - datetime.timedelta(days=8))
        call_command("prune_db_task_results", *PRUNE_FINISHED_TASKS, verbosity=0)
        assert not DBTaskResult.objects.exists()


def run_worker_until_queue_is_empty():
    """`manage.py db_worker --batch`, minus what does not belong in a test: it would close the
    connection (and with it the test's transaction) and take over Ctrl+C."""
    worker = "django_tasks_db.management.commands.db_worker"
    with mock.patch(f"{worker}.close_old_connections"), mock.patch(f"{worker}.Worker.configure_signals"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_db_worker_command_exists():
    assert get_commands()["db_worker"] == "django_tasks_db"


@pytest.fixture
def illustrated_story(story_index):
    return StoryPageFactory(
        parent=story_index,
        slug="bebildert",
        authors=[AuthorFactory(photo=ImageFactory())],
        body=[
            ("paragraph", "<p>Ein Bild sagt mehr.</p>"),
            ("image", {"image": ImageFactory(), "alt_text": "Das Lager", "caption": "", "credit": ""}),
        ],
    )


def rendition_count():
    return get_image_model().get_rendition_model().objects.count()


def test_rendition_warm_up_makes_what_the_pages_show(client, illustrated_story, story_index):
    result = warm_story_renditions.enqueue(illustrated_story.pk)
    # hero: 3 formats x 4 sizes + the social image; body image: 3 x 2; author photo: 3
    assert result.return_value == 13 + 6 + 3
    made = rendition_count()
    assert made == 22

    cache.clear()  # pages must find them in the database, too
    for url in (illustrated_story.url, story_index.url, "/"):
        assert client.get(url).status_code == 200
    assert rendition_count() == made


def test_publishing_a_story_warms_its_renditions(story_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=story_index)
    assert story.hero_image.renditions.filter(filter_spec="format-avif|fill-1600x900").exists()


def test_publishing_queues_the_warm_up_for_the_worker(story_index, django_capture_on_commit_callbacks):
    with override_settings(TASKS=DATABASE_TASKS), django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=story_index)
    queued = DBTaskResult.objects.filter(task_path="blog.tasks.warm_story_renditions").get()
    assert queued.args_kwargs["args"] == [story.pk]
    assert rendition_count() == 0


def test_warm_up_of_a_story_that_is_gone_does_nothing(story_index):
    story = StoryPageFactory(parent=story_index, live=False)
    assert warm_story_renditions.enqueue(story.pk).return_value == 0
