"""Row buttons beside the "more" menu: decisions that need no reason act at once (a small POST form, so
approving from the listing is one click, or one key, without JavaScript); removal and spam are plain
links to their reason page. Keeping them out of the menu also keeps them in the row's DOM for the keys."""

from django.middleware.csrf import get_token
from wagtail.admin.widgets.button import BaseButton


class RowLinkButton(BaseButton):
    """A link shown in the row itself, not in the “more” menu."""

    allow_in_dropdown = False


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
