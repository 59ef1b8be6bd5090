"""Notices and objections keep who sent them and what was reported only as long as the retention setting
says; the daily `prune_moderation_records` clears the rest and the transparency report stays the same."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.dsa.models import ContentNotice, ModerationDecision, ModerationSettings, NoticeKind, Objection
from comments.dsa.report import Period, TransparencyReport
from comments.tests.factories import StoryCommentFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def comment(story):
    return StoryCommentFactory(story=story, comment="Der gemeldete Text")


def decided(comment, days, outcome="remove"):
    return ModerationDecision.objects.create(comment=comment, outcome=outcome, decided_at=days_ago(days))


def notice(comment, decision=None, created_days_ago=None):
    created = days_ago(created_days_ago) if created_days_ago else (decision.decided_at if decision else None)
    return ContentNotice.objects.create(
        comment=comment,
        kind=NoticeKind.INSULT,
        explanation="Beleidigt meinen Nachbarn.",
        notifier_name="Nora Notz",
        notifier_email="nora@example.org",
        good_faith=True,
        evidence_text="Der gemeldete Text",
        decision=decision,
        created_at=(created or timezone.now()) - datetime.timedelta(hours=5),
    )


def objection(decision, answer=None, days=None):
    return Objection.objects.create(
        decision=decision,
        party="commenter",
        text="Das war keine Beleidigung.",
        email="erika@example.org",
        answer=answer,
        reversed=False if answer else None,
        created_at=days_ago(days) if days else timezone.now(),
    )


def prune():
    output = io.StringIO()
    call_command("prune_moderation_records", stdout=output)
    return output.getvalue().splitlines()[0]


def test_a_notice_decided_long_ago_keeps_only_what_the_report_counts(comment):
    old = notice(comment, decided(comment, 400))

    assert prune() == "1 notices and 0 objections pruned."

    old.refresh_from_db()
    assert (old.evidence_text, old.explanation, old.notifier_name, old.notifier_email) == ("", "", "", "")
    assert old.pruned_at is not None
    assert (old.kind, old.decision.outcome, old.comment) == ("insult", "remove", comment)


def test_young_and_undecided_notices_keep_everything(comment):
    young = notice(comment, decided(comment, 30))
    undecided = notice(comment, created_days_ago=500)

    assert prune() == "0 notices and 0 objections pruned."

    for kept in (young, undecided):
        kept.refresh_from_db()
        assert (kept.evidence_text, kept.notifier_email, kept.pruned_at) == (
            "Der gemeldete Text",
            "nora@example.org",
            None,
        )


def test_an_objection_answered_long_ago_loses_its_text_and_address(comment):
    contested = decided(comment, 420)
    answered = objection(contested, answer=decided(comment, 400, "keep"), days=410)
    waiting = objection(decided(comment, 500), days=450)

    assert prune() == "0 notices and 1 objections pruned."

    answered.refresh_from_db()
    assert (answered.text, answered.email, answered.reversed) == ("", "", False)
    assert answered.pruned_at is not None
    waiting.refresh_from_db()
    assert (waiting.text, waiting.email) == ("Das war keine Beleidigung.", "erika@example.org")


def test_the_evidence_stays_while_an_objection_to_its_decision_is_open_or_freshly_answered(comment):
    open_case = decided(comment, 400)
    notice_with_open_objection = notice(comment, open_case)
    objection(open_case, days=380)
    answered_case = decided(comment, 400)
    notice_with_fresh_answer = notice(comment, answered_case)
    objection(answered_case, answer=decided(comment, 10, "remove"), days=20)

    assert prune() == "0 notices and 0 objections pruned."

    for kept in (notice_with_open_objection, notice_with_fresh_answer):
        kept.refresh_from_db()
        assert kept.evidence_text == "Der gemeldete Text"


def test_the_teams_retention_setting_decides_how_long(comment):
    settings = ModerationSettings.load()
    settings.evidence_kept_days = 200
    settings.save()
    after_250_days = notice(comment, decided(comment, 250))
    after_190_days = notice(comment, decided(comment, 190))

    prune()

    after_250_days.refresh_from_db()
    after_190_days.refresh_from_db()
    assert (after_250_days.notifier_name, after_190_days.notifier_name) == ("", "Nora Notz")


def test_pruning_twice_prunes_nothing_more(comment):
    notice(comment, decided(comment, 400))
    prune()

    assert prune() == "0 notices and 0 objections pruned."


def test_the_report_shows_the_same_figures_after_pruning(comment):
    first = decided(comment, 400)
    notice(comment, first)
    notice(comment, created_days_ago=410)
    objection(first, answer=decided(comment, 390, "restore"), days=395)
    period = Period(timezone.localdate() - datetime.timedelta(days=500), timezone.localdate())

    def figures():
        return [(table.title, table.rows) for table in TransparencyReport(period).tables()]

    before = figures()
    assert prune() == "1 notices and 1 objections pruned."

    assert figures() == before
    assert ("Eingegangen", [2]) in before[0][1]
