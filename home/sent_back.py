"""A page sent back to the Redaktion opens with what the reviewer asked for, above the form: Wagtail
shows the comment only in the status panel's "Details anschauen" dialog."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name


def show_what_to_change(request, page):
    """Wagtail's `before_edit_page` hook; on opening the editor only, not again after each save."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if not state or state.status != state.STATUS_NEEDS_CHANGES or not state.current_task_state:
        return
    task_state = state.current_task_state.specific
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    comment = task_state.get_comment()
    if reviewer and comment:
        text = _("%(reviewer)s hat die Seite an die Redaktion zurückgegeben: „%(comment)s“")
    elif reviewer:
        text = _("%(reviewer)s hat die Seite an die Redaktion zurückgegeben.")
    elif comment:
        text = _("Die Seite ist an die Redaktion zurückgegeben: „%(comment)s“")
    else:
        text = _("Die Seite ist an die Redaktion zurückgegeben.")
    messages.warning(request, text % {"reviewer": reviewer, "comment": comment})
