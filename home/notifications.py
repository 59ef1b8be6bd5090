"""What the workflow mails need beyond Wagtail's own: who submitted a story, who decided, with which
comment, and whether the approval published it or scheduled it (and for when).

Wagtail's notifiers render `wagtailadmin/notifications/<event>.txt` in each recipient's admin language and
send them; these subclasses only add to the context. Our wording is in `home/templates/wagtailadmin/
notifications/`; `signal_handlers.py` puts these notifiers in the place of Wagtail's.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
)


class SubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the reviewers (the task's groups): a story waits for them, sent by `submitted_by`."""

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["submitted_by"] = kwargs.get("user") or task_state.workflow_state.requested_by
        return context


class ApprovalNotifier(WorkflowStateApprovalEmailNotifier):
    """To whoever submitted: approved by `reviewer` (with `comment`), and live now or at `go_live_at`."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        context["reviewer"] = kwargs.get("user") or (task_state and task_state.finished_by)
        context["comment"] = task_state.specific.get_comment() if task_state else ""
        # Wagtail publishes the approved revision, or marks it for its go-live date and clears every other.
        context["go_live_at"] = (
            context["object"]
            .revisions.filter(approved_go_live_at__isnull=False)
            .values_list("approved_go_live_at", flat=True)
            .first()
        )
        return context
