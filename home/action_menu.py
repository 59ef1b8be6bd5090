"""The page editor's action menu in the words of "Redaktionelle Freigabe".

Wagtail builds its workflow buttons from the names of the workflow and its task ("In Redaktionelle
Freigabe einreichen", "Freigeben und Veröffentlichen"); these say plainly what a click does, whatever the
workflow is called.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    WorkflowMenuItem,
)


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Erneut zur Freigabe einreichen")
        else:
            context["label"] = _("Zur Freigabe einreichen")
        return context


class CancelApprovalMenuItem(CancelWorkflowMenuItem):
    label = _("Freigabe abbrechen")


class RestartApprovalMenuItem(RestartWorkflowMenuItem):
    label = _("Freigabe von vorn beginnen")


OUR_ITEMS = {
    SubmitForModerationMenuItem: SubmitForApprovalMenuItem,
    CancelWorkflowMenuItem: CancelApprovalMenuItem,
    RestartWorkflowMenuItem: RestartApprovalMenuItem,
}


def use_approval_words(menu_items, request, context):
    """Wagtail's `construct_page_action_menu` hook: our items in place of Wagtail's, and the review
    actions labelled exactly as the task names them (Wagtail appends "und Veröffentlichen" to approvals)."""
    page = context.get("page")
    if not (page and page.pk):
        page = None
    labels = review_labels(page, request.user)
    one_step = is_one_step(page)
    items = []
    for item in menu_items:
        if isinstance(item, RestartWorkflowMenuItem) and one_step:
            continue  # sent back in a one-step workflow, "von vorn beginnen" is "erneut einreichen"
        if type(item) in OUR_ITEMS:
            item = OUR_ITEMS[type(item)](order=item.order)
        elif isinstance(item, WorkflowMenuItem) and (item.name, item.launch_modal) in labels:
            item.label = labels[(item.name, item.launch_modal)]
        items.append(item)
    menu_items[:] = items


def review_labels(page, user):
    task = page.current_workflow_task if page else None
    if not task:
        return {}
    return {(name, modal): label for name, label, modal in task.get_actions(page, user)}


def is_one_step(page):
    state = page.current_workflow_state if page else None
    return bool(state) and state.workflow.workflow_tasks.count() == 1
