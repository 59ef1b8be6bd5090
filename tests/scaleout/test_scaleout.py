"""Scale-out proof against the production stack of `scripts/prod-stack.sh` (two gunicorn app servers A and
B behind Varnish, one PostgreSQL, one Redis, the task worker, mails over SMTP to a sink).

Everything goes over plain HTTP, as a reader, a moderator and the front cache see it; `manage.py shell`
with the stack's environment only publishes the new story and reads the policy. The tests run in file
order and build on each other: the story published first carries the comments of the later ones.
"""

import contextlib
import email
import email.policy
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
VARNISH = os.environ.get("SCALEOUT_BASE", "")
APP_A = os.environ.get("SCALEOUT_APP_A", "")
APP_B = os.environ.get("SCALEOUT_APP_B", "")
MAIL_DIR = Path(os.environ.get("SCALEOUT_MAIL_DIR", "."))
TIMEOUT = 10  # seconds for one HTTP request
POLL_STEP = 0.05
VISIBLE_WITHIN = 1.0
# What a browser sends with a form posted from one of our own pages.
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}


# Helpers


def stack_env():
    """The stack's production environment (SECRET_KEY, DATABASE_URL, ...), from its env file."""
    env = {"PATH": os.environ["PATH"]}
    for line in Path(os.environ["SCALEOUT_ENV_FILE"]).read_text().splitlines():
        match = re.fullmatch(r"export (\w+)=(?:'(.*)'|(.*))", line.strip())
        if match:
            env[match[1]] = match[2] if match[2] is not None else match[3]
    return env


def shell(code):
    """Runs `code` in `manage.py shell` against the stack; its last output line is JSON."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=stack_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def stack(*command):
    """A subcommand of scripts/prod-stack.sh for the running stack (pg-stop, redis-stop, restart-app app1, ...); its
    standard output."""
    result = subprocess.run(
        [shutil.which("bash"), os.environ["SCALEOUT_STACK"], *command],
        stdout=subprocess.PIPE,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


class Inputs(HTMLParser):
    """name -> value of the <input> fields of the form with `form_id` (of every form without one)."""

    def __init__(self, html, form_id=None):
        super().__init__()
        self.form_id = form_id
        self.inside = form_id is None
        self.values = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id is not None:
            self.inside = attrs.get("id") == self.form_id
        elif tag == "input" and self.inside and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.form_id is not None:
            self.inside = False


def get(url, session=None, **kwargs):
    return (session or requests).get(url, timeout=TIMEOUT, allow_redirects=False, **kwargs)


def cached_in_varnish(path):
    """Fetches `path` through Varnish until it comes from the cache, like a second reader would."""
    for _ in range(3):
        response = get(VARNISH + path)
        assert response.status_code == 200, response.status_code
        if response.headers.get("X-Cache") == "HIT":
            return response
    pytest.fail(f"{path} is not cached by Varnish: {dict(response.headers)}")


def wait_until_visible(targets, text, limit):
    """Polls every target (name -> URL) every 50 ms until its page contains `text`; seconds per target."""
    start = time.monotonic()
    seen = {}
    while len(seen) < len(targets):
        for name, url in targets.items():
            if name not in seen and text in get(url).text:
                seen[name] = time.monotonic() - start
        if len(seen) < len(targets):
            if time.monotonic() - start > limit:
                missing = sorted(set(targets) - set(seen))
                pytest.fail(f"not visible after {limit:.2f} s on {missing} (visible on {seen})")
            time.sleep(POLL_STEP)
    return seen


def mail_to(address, limit=15):
    """The body of the first mail to `address` that the SMTP sink kept (sent by the task worker)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for path in sorted(MAIL_DIR.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if address in str(message["To"]):
                return message.get_body(preferencelist=("plain",)).get_content()
        time.sleep(0.1)
    pytest.fail(f"no mail to {address} within {limit} s in {MAIL_DIR}")


def post_comment(server, story, form, text, address):
    data = {
        **form,
        "name": "Robin Beispiel",
        "email": address,
        "comment": text,
        "consent": "on",
        "website": "",
    }
    return requests.post(
        f"{server}/kommentare/posten/",
        data=data,
        headers=SAME_ORIGIN,
        timeout=TIMEOUT,
        allow_redirects=False,
    )


def comment_form(server, story):
    """The hidden fields of the comment form on the story page (signed timestamp included) and the start
    mark the page's script fetches when the reader starts writing."""
    response = get(server + story["path"])
    assert response.status_code == 200
    fields = Inputs(response.text, "kommentar-formular").values
    assert {"content_type", "object_pk", "timestamp", "security_hash", "started"} <= set(fields), fields
    return {**fields, "started": start_mark(server, fields)}, time.monotonic()


def start_mark(server, form):
    """A fresh start mark from `server`; each serves one comment."""
    response = get(f"{server}/kommentare/start/{form['object_pk']}/")
    assert response.status_code == 200 and "no-store" in response.headers["Cache-Control"]
    return response.json()["started"]


def wait_out_fill_time(fetched_at, story):
    remaining = story["min_fill_seconds"] + 0.2 - (time.monotonic() - fetched_at)
    if remaining > 0:
        time.sleep(remaining)


def admin_session(server):
    """A moderator logged in to the Wagtail admin on `server`."""
    session = requests.Session()
    login = get(f"{server}/admin/login/", session)
    token = Inputs(login.text).values["csrfmiddlewaretoken"]
    response = session.post(
        f"{server}/admin/login/",
        data={
            "username": os.environ["SCALEOUT_ADMIN_USER"],
            "password": os.environ["SCALEOUT_ADMIN_PASSWORD"],
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    assert "sessionid" in session.cookies
    return session


# The story everything else builds on.


@pytest.fixture(scope="module")
def story(measurements):
    """A new story, published through Wagtail (save_revision().publish()) while the story index sits in
    Varnish's cache; the purge goes out through the task queue."""
    cached_in_varnish("/blog/")
    title = f"Skalierungstest {uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    data = shell(f"""
import json
from blog.models import StoryIndexPage, StoryPage
from comments.models import CommentPolicy
from wagtail.models import Site

index = StoryIndexPage.objects.live().first()
story = StoryPage(
    title={title!r},
    slug={title.lower().replace(" ", "-")!r},
    teaser="Eine Geschichte, die nur der Skalierungstest erzählt.",
    body=[("paragraph", "<p>Zwei App-Server, ein Varnish, eine Datenbank.</p>")],
)
index.add_child(instance=story)
story.save_revision().publish()
policy = CommentPolicy.for_site(Site.objects.get(is_default_site=True))
print(json.dumps({{
    "id": story.pk,
    "path": story.url,
    "index_path": index.url,
    "min_fill_seconds": policy.min_fill_seconds,
    "posts_per_ip": policy.posts_per_ip_per_hour,
    "mails_per_ip": policy.confirmation_mails_per_ip_per_hour,
}}))
""")
    data["title"] = title
    data["published_at"] = time.monotonic()
    measurements.append(f"story published via manage.py shell in {data['published_at'] - started:.2f} s")
    return data


# 1. A story published on A appears on B and through Varnish


def test_published_story_appears_on_b_and_through_varnish(story, measurements):
    seen = wait_until_visible(
        {"B": APP_B + story["index_path"], "Varnish": VARNISH + story["index_path"]}, story["title"], 5
    )
    measurements.append(
        "new story on the index after publishing: "
        + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in seen.items())
    )
    assert get(VARNISH + story["path"]).status_code == 200
    assert get(APP_A + story["path"]).status_code == 200


# 1b. The schedule (the stack's `scheduler`, publish_scheduled every minute) publishes and unpublishes on time


def test_scheduled_stories_go_live_and_expire_on_both_servers_and_through_varnish(story, measurements):
    """One story scheduled a few seconds ahead, one live story expiring then: within the next run of the
    schedule (at most a minute) both servers and Varnish show the first and no longer the second."""
    suffix = uuid.uuid4().hex[:8]
    coming, going = f"Geplant {suffix}", f"Abgelaufen {suffix}"
    data = shell(f"""
import datetime, json
from django.utils import timezone
from blog.models import StoryIndexPage, StoryPage

index = StoryIndexPage.objects.live().first()
soon = timezone.now() + datetime.timedelta(seconds=5)
coming = StoryPage(title={coming!r}, slug={coming.lower().replace(" ", "-")!r}, teaser="Kommt gleich.", go_live_at=soon)
going = StoryPage(title={going!r}, slug={going.lower().replace(" ", "-")!r}, teaser="Geht gleich.", expire_at=soon)
index.add_child(instance=coming)
index.add_child(instance=going)
coming.save_revision().publish()
going.save_revision().publish()
print(json.dumps({{"index_path": index.url, "coming_live": StoryPage.objects.get(pk=coming.pk).live}}))
""")
    assert data["coming_live"] is False
    listings = {
        "A": APP_A + data["index_path"],
        "B": APP_B + data["index_path"],
        "Varnish": VARNISH + data["index_path"],
    }
    wait_until_visible(listings, going, 5)
    seen = wait_until_visible(listings, coming, 75)
    measurements.append(
        "scheduled story on the index after its go-live time was set (5 s ahead): "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in seen.items())
    )
    for name, url in listings.items():
        until(lambda url=url: going not in get(url).text, 75, f"expired story still listed on {name}")


def test_simultaneous_runs_of_the_schedule_publish_each_story_once(measurements):
    """Three hosts start the schedule at the same second (and the stack's own scheduler may join): each
    due story is published exactly once."""
    suffix = uuid.uuid4().hex[:8]
    data = shell(f"""
import datetime, json
from django.utils import timezone
from blog.models import StoryIndexPage, StoryPage

index = StoryIndexPage.objects.live().first()
past = timezone.now() - datetime.timedelta(minutes=1)
ids = []
for number in range(20):
    story = StoryPage(title=f"Gleichzeitig {suffix} {{number}}", slug=f"gleichzeitig-{suffix}-{{number}}",
                      teaser="Einmal, nicht zweimal.", go_live_at=timezone.now() + datetime.timedelta(hours=1))
    index.add_child(instance=story)
    revision = story.save_revision()
    revision.publish()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    ids.append(story.pk)
print(json.dumps({{"ids": ids}}))
""")
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "publish_scheduled"],
            cwd=ROOT,
            env=stack_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    counts = shell(f"""
import json
from wagtail.models import PageLogEntry
from blog.models import StoryPage
ids = {data["ids"]!r}
print(json.dumps({{
    "live": StoryPage.objects.filter(pk__in=ids, live=True).count(),
    "most_publications": max(
        PageLogEntry.objects.filter(page_id=pk, action="wagtail.publish.scheduled").count() for pk in ids
    ),
}}))
""")
    assert counts == {"live": 20, "most_publications": 1}
    waited = sum("Another run" in stdout for stdout, _ in outputs)
    measurements.append(
        f"three simultaneous schedule runs, 20 due stories: each published once ({waited} runs waited)"
    )


# 2. Comment posted on A, confirmed by mail, approved on B: visible everywhere within a second


def test_comment_approved_on_b_is_visible_everywhere_within_a_second(story, measurements):
    form, fetched_at = comment_form(APP_A, story)
    address = f"leserin-{uuid.uuid4().hex[:8]}@example.org"
    text = f"Ein Kommentar quer durch den Stapel {uuid.uuid4().hex[:8]}"
    wait_out_fill_time(fetched_at, story)

    posted = post_comment(APP_A, story, form, text, address)
    assert posted.status_code == 302, posted.text[:2000]
    story["posts"] = 1
    # Back to the story, where "please confirm by mail" stands at the form (no cookie: in the address).
    assert posted.headers["Location"].endswith(f"{story['path']}?kommentar=gesendet#kommentar-hinweis")

    # The confirmation mail goes out over SMTP through the task worker.
    link = re.search(r"https?://\S+/kommentare/bestaetigen/\S+/", mail_to(address))
    assert link, "no confirmation link in the mail"
    reader = requests.Session()
    confirm_page = get(link[0], reader)
    assert confirm_page.status_code == 200
    assert not reader.cookies  # no cookie for an anonymous reader, the link is the permission
    confirmed = reader.post(link[0], headers=SAME_ORIGIN, timeout=TIMEOUT, allow_redirects=False)
    assert confirmed.status_code == 302, confirmed.text[:500]

    # A first-time commenter waits for a moderator; meanwhile Varnish keeps the page without it.
    assert text not in get(APP_A + story["path"]).text
    cached_in_varnish(story["path"])

    moderator = admin_session(APP_B)
    listing = get(f"{APP_B}/admin/snippets/comments/storycomment/?status=pending", moderator)
    assert listing.status_code == 200
    comment_id = shell(f"""
import json
from comments.models import StoryComment
print(json.dumps(StoryComment.objects.get(user_email={address!r}).pk))
""")
    approve_url = f"{APP_B}/admin/kommentare/{comment_id}/approve/"
    confirm = get(approve_url, moderator)
    assert confirm.status_code == 200
    approved = moderator.post(
        approve_url,
        data={"csrfmiddlewaretoken": Inputs(confirm.text).values["csrfmiddlewaretoken"]},
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    assert approved.status_code == 302, approved.text[:500]

    seen = wait_until_visible(
        {
            "A": APP_A + story["path"],
            "B": APP_B + story["path"],
            "Varnish": VARNISH + story["path"],
        },
        text,
        VISIBLE_WITHIN,
    )
    measurements.append(
        "approved comment visible after the moderator's POST returned: "
        + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in seen.items())
    )
    story["approved_text"] = text


# Varnish keeps one copy per page, however the host is spelled, and apart per scheme


def test_host_spellings_share_one_copy_and_https_gets_its_own(story):
    host = VARNISH.split("://", 1)[1]
    cached_in_varnish(story["path"])
    hostname, port = host.rsplit(":", 1)
    response = get(VARNISH + story["path"], headers={"Host": f"{hostname}.:{port}"})
    assert response.status_code == 200
    assert response.headers["X-Cache"] == "HIT"
    over_https = get(VARNISH + story["path"], headers={"X-Forwarded-Proto": "https"})
    assert over_https.headers["X-Cache"] == "MISS"


# A change that only adds (a comment shown) refreshes a page behind its readers; one that takes away
# (a comment hidden) leaves no copy to serve. The app's side of it: core/tests/test_frontend_cache.py.


def send_purge(path, soft=False):
    response = requests.request(
        "PURGE",
        VARNISH + path,
        headers={"Host": VARNISH.split("://", 1)[1], **({"X-Purge": "soft"} if soft else {})},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:500]


def copy_served(response):
    """Which stored copy Varnish answered with: the id of the fetch that stored it (None on a miss)."""
    ids = response.headers["X-Varnish"].split()
    return ids[1] if len(ids) == 2 else None


def test_a_soft_purge_serves_the_old_copy_while_the_new_one_is_fetched(story):
    https = {"X-Forwarded-Proto": "https"}
    old = copy_served(cached_in_varnish(story["path"]))
    get(VARNISH + story["path"], headers=https)
    old_https = copy_served(get(VARNISH + story["path"], headers=https))
    get(VARNISH + story["path"] + "?seite=2")

    send_purge(story["path"], soft=True)

    assert copy_served(get(VARNISH + story["path"])) == old  # at once, from the copy it had
    assert copy_served(get(VARNISH + story["path"], headers=https)) == old_https  # every variant
    assert get(VARNISH + story["path"] + "?seite=2").headers["X-Cache"] == "MISS"  # others are banned
    deadline = time.monotonic() + 2
    while copy_served(get(VARNISH + story["path"])) in (old, None):
        assert time.monotonic() < deadline, "Varnish did not fetch the new copy within 2 s"
        time.sleep(POLL_STEP)


def test_a_purge_leaves_no_copy_to_serve(story):
    cached_in_varnish(story["path"])
    send_purge(story["path"])
    assert get(VARNISH + story["path"]).headers["X-Cache"] == "MISS"


def test_only_renditions_are_served_from_the_media_directory():
    """Documents go through the app's document view (private collections) and original uploads stay with
    the app; their files stay behind, while renditions pass to the media server."""
    files = shell("""
import json
from wagtail.images import get_image_model

image = get_image_model().objects.order_by("pk").first()
print(json.dumps({"original": image.file.name, "rendition": image.get_rendition("fill-100x100").file.name}))
""")
    assert get(f"{VARNISH}/media/{files['rendition']}").status_code == 200
    assert get(f"{VARNISH}/media/{files['original']}").status_code == 404
    assert get(VARNISH + "/media/documents/preisliste.pdf").status_code == 404


# 3. Rate limits are shared by both app servers (Redis)


def test_rate_limit_holds_across_both_servers(story, measurements):
    used = shell("""
import json
from comments.models import CommentPolicy
from comments.screening import rate_limits
from core.cache import limits_cache
from wagtail.models import Site

limits = rate_limits(CommentPolicy.for_site(Site.objects.get(is_default_site=True)))
print(json.dumps({
    name: limits_cache.get(limits[name].cache_key("127.0.0.0"), 0) for name in ("posts_per_ip", "mails_per_ip")
}))
""")
    allowed = min(story["posts_per_ip"] - used["posts_per_ip"], story["mails_per_ip"] - used["mails_per_ip"])
    assert allowed > 0, used
    form, _ = comment_form(APP_B, story)
    servers = [APP_A, APP_B]
    marks = [start_mark(servers[number % 2], form) for number in range(allowed + len(servers))]
    wait_out_fill_time(time.monotonic(), story)

    for number in range(allowed):
        response = post_comment(
            servers[number % 2],
            story,
            {**form, "started": marks.pop()},
            f"Kommentar Nummer {number} zum Test der Grenzen",
            f"grenze-{number}-{uuid.uuid4().hex[:6]}@example.org",
        )
        assert response.status_code == 302, (number, response.status_code)
    story["posts"] = story.get("posts", 0) + allowed

    for server in servers:
        refused = post_comment(
            server,
            story,
            {**form, "started": marks.pop()},
            "Einer zu viel",
            f"zuviel-{uuid.uuid4().hex[:6]}@example.org",
        )
        assert refused.status_code == 429, (server, refused.status_code)
    measurements.append(
        f"rate limit: {allowed} more posts accepted alternating A/B, the next refused on both (429)"
    )


# 4. PostgreSQL goes away and comes back


def app_master_pids():
    state = Path(os.environ["PROD_STACK_DIR"])
    return {name: (state / f"{name}.pid").read_text().strip() for name in ("app1", "app2")}


def purged_just_before(story):
    """The story, its index and home in the app's page cache, then purged everywhere the way a comment
    shown on the story purges them, once the task worker has sent the (soft) purge to Varnish (asking
    Varnish would fetch the pages again); then banned from Varnish, as if its few seconds of grace for
    them had run out, so they must come from the app servers."""
    paths = (story["path"], story["index_path"], "/")
    for path in paths:
        cached_in_varnish(path)
    shell(f"""
import time
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from blog.purging import purge_story_with_change

queued = timezone.now()
with transaction.atomic():
    purge_story_with_change({story["id"]}, withdraw=False)
purges = DBTaskResult.objects.filter(task_path="core.frontend_cache.refresh_urls_task", enqueued_at__gte=queued)
deadline = time.monotonic() + 10
while not purges.filter(status="SUCCESSFUL").exists():
    assert time.monotonic() < deadline, "the purge was not sent"
    time.sleep(0.05)
print(1)
""")
    for path in paths:
        send_purge(path)
    return paths


def test_database_outage_gives_calm_503_and_recovers_by_itself(story, measurements):
    pids = app_master_pids()
    cached_in_varnish("/faq/")
    just_purged = purged_just_before(story)
    stack("pg-stop")
    try:
        # A query of their own keeps the requests away from the app's page cache in Redis: these pages
        # need the database.
        for server in (APP_A, APP_B):
            for path in (story["path"], "/", story["index_path"], "/suche/"):
                response = get(f"{server}{path}?q=pause-{uuid.uuid4().hex[:8]}")
                assert response.status_code == 503, (server, path, response.status_code)
                assert response.headers.get("Retry-After"), (server, path)
                assert "no-store" in response.headers.get("Cache-Control", "")
                assert "Gleich wieder da" in response.text
                assert "Traceback" not in response.text
                assert "OperationalError" not in response.text
        # Varnish still serves the page it has; pages purged just before (a comment shown) come from the
        # app servers' last good copies; a page neither has is a calm 503 as well.
        kept = get(VARNISH + "/faq/")
        assert kept.status_code == 200 and kept.headers["X-Cache"] == "HIT"
        answers = []
        for path in just_purged:
            for _ in range(4):  # both app servers, in turn
                answer = get(VARNISH + path)
                assert answer.status_code == 200, (path, answer.status_code)
                # the last good copy, or (a page whose data all sits in the site cache) rendered from it
                answers.append(answer.headers.get("X-Page-Cache"))
        measurements.append(
            "PostgreSQL away, pages purged just before, through Varnish: "
            + ", ".join(f"{answers.count(state)} {state}" for state in sorted(set(answers), key=str))
        )
        assert story.get("approved_text", "") in get(VARNISH + story["path"]).text
        missing = get(f"{VARNISH}/blog/?nicht-im-cache={uuid.uuid4().hex}")
        assert missing.status_code == 503
        assert missing.headers.get("Retry-After")
    finally:
        stack("pg-start")
    restarted = time.monotonic()

    # Both app servers answer again by themselves, without a restart.
    back = {}
    while len(back) < 2:
        for name, server in (("A", APP_A), ("B", APP_B)):
            if name not in back and get(server + story["path"]).status_code == 200:
                back[name] = time.monotonic() - restarted
        if len(back) < 2:
            assert time.monotonic() - restarted < 10, f"app servers not back after 10 s: {back}"
            time.sleep(0.1)
    assert app_master_pids() == pids
    for pid in pids.values():
        os.kill(int(pid), 0)  # the same gunicorn masters are still running

    # And Varnish once its health probe has seen them healthy again.
    while get(f"{VARNISH}/blog/?nach-der-pause={uuid.uuid4().hex}").status_code != 200:
        assert time.monotonic() - restarted < 15, "Varnish does not reach the app servers again"
        time.sleep(0.2)
    varnish_back = time.monotonic() - restarted
    measurements.append(
        "after PostgreSQL restarted: "
        + ", ".join(f"{name} 200 after {seconds:.2f} s" for name, seconds in back.items())
        + f", through Varnish after {varnish_back:.2f} s"
    )

    # Nothing lost: every comment posted before the outage is still there, the approved one is shown.
    stored = shell(f"""
import json
from comments.models import StoryComment
print(json.dumps(StoryComment.objects.filter(object_pk="{story["id"]}").count()))
""")
    assert stored == story.get("posts", 0)
    if "approved_text" in story:
        assert story["approved_text"] in get(APP_A + story["path"]).text
        assert story["approved_text"] in get(APP_B + story["path"]).text


# 5. An app server's master dies: restart-app stops its orphaned workers, readers notice nothing


def process_group(leader):
    """The live processes in the process group of `leader` (a gunicorn master and its workers, also once
    the master is gone); zombies have let go of everything and are left out."""
    members = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _, group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue
        if group == str(leader) and state != "Z":
            members.add(int(stat.parent.name))
    return members


def listening_on(port):
    """The pids holding a listening TCP socket on `port`, read from /proc (a connection would wake them)."""
    sockets = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                sockets.add(f"socket:[{fields[9]}]")
    pids = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) in sockets:
                pids.add(int(fd.parts[2]))
        except OSError:
            continue
    return pids


class Readers(threading.Thread):
    """Readers asking Varnish, one after the other, for pages it cannot have cached, so that an app server
    answers each: (marker, status, seconds) per request until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            marker = uuid.uuid4().hex[:12]
            started = time.monotonic()
            try:
                status = get(f"{VARNISH}/?leser={marker}").status_code
            except requests.RequestException as error:
                status = type(error).__name__
            self.answers.append((marker, status, time.monotonic() - started))
            self.stopping.wait(0.05)

    def stop(self):
        self.stopping.set()
        self.join(TIMEOUT + 1)


def healthy(server):
    try:
        return get(server + "/healthz").status_code == 200
    except requests.RequestException:
        return False


def access_log(name):
    return (Path(os.environ["PROD_STACK_DIR"]) / "logs" / f"{name}.log").read_text(errors="replace")


def test_restarting_an_app_server_whose_master_died_stops_its_orphaned_workers(measurements):
    port = urlsplit(APP_A).port
    master = int(app_master_pids()["app1"])
    assert process_group(master) - {master}, "app1 has no workers to begin with"
    readers = Readers()
    readers.start()
    try:
        time.sleep(0.5)
        os.kill(master, signal.SIGKILL)
        killed = time.monotonic()
        while master in process_group(master):
            assert time.monotonic() - killed < 5, "app1's master does not end on SIGKILL"
            time.sleep(0.01)
        # The trouble: without their master the workers live on and keep the port, so no new gunicorn
        # can bind it, and app1 is gone for good once they have ended.
        orphans = process_group(master) - {master}
        holders = listening_on(port)
        assert orphans, "app1's workers ended with their master"
        assert holders and holders <= orphans, (holders, orphans)

        output = stack("restart-app", "app1")
        restarted = time.monotonic()
        assert re.search(r"app1 restarted in [0-9.]+ s", output), output

        new_master = int(app_master_pids()["app1"])
        assert new_master != master
        assert healthy(APP_A)
        assert not process_group(master), "a worker of the killed master is still running"
        assert listening_on(port) <= process_group(new_master)

        # Varnish sends readers to app1 again once its probe has seen it healthy.
        rotation = len(readers.answers)
        while not any(marker in access_log("app1") for marker, _, _ in readers.answers[rotation:]):
            assert time.monotonic() - restarted < 15, "Varnish does not send readers to app1 again"
            time.sleep(0.2)
        back_in_rotation = time.monotonic() - restarted
    finally:
        readers.stop()
        if not healthy(APP_A):
            # Whatever went wrong, the tests after this one get a stack with both app servers.
            with contextlib.suppress(subprocess.CalledProcessError):
                stack("restart-app", "app1")

    lost = [(status, f"{seconds:.2f} s") for _, status, seconds in readers.answers if status != 200]
    assert not lost, f"{len(lost)} of {len(readers.answers)} readers got no page: {lost[:10]}"
    by_app2 = access_log("app2")
    measurements.append(
        f"app1's master SIGKILLed: {len(orphans)} orphaned workers held its port; restart-app: "
        f"{output.strip().splitlines()[-1]}; back in Varnish's rotation {back_in_rotation:.2f} s later; "
        f"readers through Varnish meanwhile: {len(readers.answers)} requests, all 200 "
        f"(app2 answered {sum(marker in by_app2 for marker, _, _ in readers.answers)}), "
        f"slowest {max(seconds for _, _, seconds in readers.answers):.2f} s"
    )


# 6. Redis goes away and comes back: readers keep reading, posts wait calmly


def until(condition, limit, what):
    """Polls `condition` every 0.1 s; the seconds it took to hold."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit, f"{what}: not within {limit} s"
        time.sleep(0.1)
    return time.monotonic() - start


def kept_in_page_cache(server, path):
    return get(server + path).headers.get("X-Page-Cache") == "hit"


def test_redis_outage_keeps_pages_refuses_posts_calmly_and_recovers(story, measurements):
    pictured = shell("""
import json
from blog.models import StoryPage

stories = StoryPage.objects.live().exclude(hero_image=None).order_by("pk")
story = next((s for s in stories if any(b.block_type == "image" for b in s.body)), stories.first())
print(json.dumps(story.url))
""")
    paths = ["/", story["index_path"], pictured]
    form, fetched_at = comment_form(APP_A, story)
    text = f"Ein Kommentar, während Redis fehlt {uuid.uuid4().hex[:8]}"
    address = f"pause-{uuid.uuid4().hex[:8]}@example.org"
    wait_out_fill_time(fetched_at, story)
    for path in paths:
        cached_in_varnish(path)

    stack("redis-stop")
    try:
        # Both app servers build every page from the database: plain addresses (the page cache's) and
        # ones with a query of their own.
        timings = []
        for server in (APP_A, APP_B):
            for path in paths:
                for url in (server + path, f"{server}{path}?ohne-redis={uuid.uuid4().hex[:8]}"):
                    started = time.monotonic()
                    response = get(url)
                    timings.append(time.monotonic() - started)
                    assert response.status_code == 200, (url, response.status_code)
                    assert "Gleich wieder da" not in response.text
                    assert "X-Page-Cache" not in response.headers
        pictures = re.findall(r'src="(/media/images/[^"]+)"', get(APP_B + pictured).text)
        assert pictures, "no pictures on the story page"

        # Varnish keeps its copies and fetches what it has not from the app servers, which stay healthy.
        fetched = 0
        for _ in range(5):
            for path in paths:
                assert get(VARNISH + path).status_code == 200
                response = get(f"{VARNISH}{path}?ohne-redis={uuid.uuid4().hex}")
                assert response.status_code == 200, (path, response.status_code)
                assert response.headers["X-Cache"] == "MISS"
                fetched += 1
        assert get(VARNISH + pictures[0]).status_code == 200

        # Posting needs the rate limits: a calm 503 with the reader's text, nothing stored.
        for server in (APP_A, APP_B, VARNISH):
            refused = post_comment(server, story, form, text, address)
            assert refused.status_code == 503, (server, refused.status_code)
            assert refused.headers.get("Retry-After")
            assert "Wir können Ihren Kommentar gerade nicht annehmen" in refused.text
            assert text in refused.text

        # Monitoring hears of it; the load balancer keeps both servers.
        for server in (APP_A, APP_B):
            health = get(server + "/healthz")
            assert (health.status_code, health.text) == (503, "unavailable: cache\n")
            assert get(server + "/readyz").status_code == 200

        # Editors log in and work: sessions and failed logins are in PostgreSQL.
        moderator = admin_session(APP_B)
        assert get(f"{APP_B}/admin/", moderator).status_code == 200
    finally:
        stack("redis-start")
    restarted = time.monotonic()
    measurements.append(
        f"Redis stopped: {len(timings)} page views on A and B all 200 (slowest {max(timings):.2f} s), "
        f"{fetched} fetched through Varnish all 200, comment posts 503 with the text kept"
    )

    # Back to normal by itself: health, posting (Redis came back empty, so the rate limits start
    # again), and the page cache on both servers (each process asks Redis again after its pause).
    healthy = until(
        lambda: all(get(server + "/healthz").status_code == 200 for server in (APP_A, APP_B)), 10, "healthz"
    )
    posted = post_comment(APP_A, story, form, text, address)
    assert posted.status_code == 302, posted.text[:2000]
    story["posts"] = story.get("posts", 0) + 1
    taken = time.monotonic() - restarted
    until(lambda: all(kept_in_page_cache(server, "/") for server in (APP_A, APP_B)), 15, "page cache")
    cached = time.monotonic() - restarted
    measurements.append(
        f"after Redis restarted: /healthz 200 on A and B after {healthy:.2f} s, the same comment taken "
        f"after {taken:.2f} s, home page from the page cache on A and B after {cached:.2f} s"
    )
