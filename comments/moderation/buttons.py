"""Row buttons that act at once: a small POST form per decision, so approving from the listing is one
click (and one key) without JavaScript, and lands back on the same list."""

from django.middleware.csrf import get_token
from wagtail.admin.widgets.button import BaseButton


class DecisionButton(BaseButton):
    """A decision that needs no reason, as a button of its own in the row (never in the "more" menu)."""

    template_name = "comments/admin/includes/decision_button.html"
    allow_in_dropdown = False

    def __init__(self, label, url, *, next_url, **kwargs):
        super().__init__(label, url, **kwargs)
        self.next_url = next_url

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = context["request"]
        context["csrf_token"] = get_token(request) if request else ""
        return context
