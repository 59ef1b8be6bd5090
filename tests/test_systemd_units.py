"""The systemd units docs/deploy.md hands operators: every long-running one (the app server, the task
worker) takes all its processes with it when it ends, and comes back by itself; what must happen on time
has a timer."""

import re
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "docs" / "deploy.md"


def units():
    """Each ```ini block of docs/deploy.md as {key: [values]}, continued lines joined, comments left out."""
    for block in re.findall(r"```ini\n(.*?)```", DEPLOY.read_text(), re.DOTALL):
        settings = {}
        for line in block.replace("\\\n", " ").splitlines():
            key, equals, value = line.partition("=")
            if equals and not line.startswith("#"):
                settings.setdefault(key.strip(), []).append(value.strip())
        yield settings


LONG_RUNNING = [unit for unit in units() if "ExecStart" in unit and unit.get("Type") != ["oneshot"]]


def test_the_app_server_and_the_task_worker_are_long_running_units():
    commands = [" ".join(unit["ExecStart"]) for unit in LONG_RUNNING]
    assert any("gunicorn" in command for command in commands)
    assert any("manage.py db_worker" in command for command in commands)


@pytest.mark.parametrize("unit", LONG_RUNNING, ids=lambda unit: unit["Description"][0])
def test_a_long_running_unit_takes_its_whole_control_group_when_it_ends(unit):
    """Workers whose gunicorn master was killed would otherwise keep the port from the restarted master."""
    assert unit.get("KillMode") == ["control-group"]


@pytest.mark.parametrize("unit", LONG_RUNNING, ids=lambda unit: unit["Description"][0])
def test_a_long_running_unit_is_started_again_when_it_ends(unit):
    assert unit.get("Restart") == ["always"]


def timers_with_their_services():
    """Each timer unit with the oneshot service block right before it in docs/deploy.md."""
    blocks = list(units())
    return [(blocks[index - 1], unit) for index, unit in enumerate(blocks) if "OnCalendar" in unit and index]


def test_scheduled_publishing_runs_every_minute():
    """Go-live and expiry dates editors set fire only when publish_scheduled runs."""
    minutely = [
        " ".join(service.get("ExecStart", []))
        for service, timer in timers_with_their_services()
        if timer["OnCalendar"] == ["minutely"]
    ]
    assert any("manage.py publish_scheduled" in command for command in minutely)


def test_due_webhook_messages_are_sent_every_minute():
    """Retries whose queued task got lost still reach the team's chat (`send_due_webhooks`)."""
    minutely = [
        " ".join(service.get("ExecStart", []))
        for service, timer in timers_with_their_services()
        if timer["OnCalendar"] == ["minutely"]
    ]
    assert any("manage.py send_due_webhooks" in command for command in minutely)


def test_the_daily_clean_up_also_prunes_notices_and_objections_past_retention():
    """Personal data in DSA notices and objections goes once the retention setting says so
    (`prune_moderation_records`), with the other daily clean-ups."""
    daily = [
        service.get("ExecStart", [])
        for service, timer in timers_with_their_services()
        if timer["OnCalendar"] == ["daily"] and service.get("Type") == ["oneshot"]
    ]
    assert any(
        any("manage.py purge_unconfirmed_comments" in line for line in commands)
        and any("manage.py prune_moderation_records" in line for line in commands)
        for commands in daily
    )
