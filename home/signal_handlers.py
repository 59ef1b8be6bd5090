"""Our workflow mails in place of Wagtail's: the same signals and dispatch uids as `wagtail.admin`'s
`register_signal_handlers()`, so exactly one mail goes out per event, whichever app is ready first;
connected by `register_signal_handlers()` in HomeConfig.ready()."""

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved

from .notifications import ApprovalNotifier, SubmissionNotifier

submission_notifier = SubmissionNotifier()
approval_notifier = ApprovalNotifier()

RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", submission_notifier),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", approval_notifier),
]


def register_signal_handlers():
    for signal, sender, dispatch_uid, receiver in RECEIVERS:
        # Wagtail's own receiver is connected under this uid if its admin was ready first; connecting
        # under a uid already taken would add nothing.
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
