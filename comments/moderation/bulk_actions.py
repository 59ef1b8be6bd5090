"""Decisions on many comments at once, from the listing's checkboxes. Each comment is saved (mails and
counts follow) and logged on its own; each story is purged once. Hiding, removing and marking as spam ask
for one ground and explanation on their confirmation page, which each comment's decision then carries."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _, ngettext
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from blog.models import StoryPage
from comments.dsa.admin_forms import ReasonForm
from comments.models import StoryComment, StoryDiscussion
from core import purging

from .access import forbidden
from .actions import SHORT_ACTION_LABELS
from .links import full_listing_url


class CommentStatusBulkAction(SnippetBulkAction):
    """Sets one status on many comments; each change is saved (mails, counts) and logged on its own."""

    models = [StoryComment]
    template_name = "comments/admin/confirm_bulk_status.html"
    moderation_action = None

    def __init__(self, request, model):
        super().__init__(request, model)
        self.next_url = full_listing_url(self.next_url)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", snippet)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, reasons=None, **kwargs):
        with transaction.atomic(), purging.batch():  # the changes and each story's one purge together
            decided = [
                comment.moderate(cls.moderation_action, user, **(reasons or {})) for comment in objects
            ]
            return sum(1 for decision in decided if decision), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Kommentar geändert.", "%(count)d Kommentare geändert.", num_parent_objects
        ) % {"count": num_parent_objects}


class ApproveBulkAction(CommentStatusBulkAction):
    display_name = SHORT_ACTION_LABELS["approve"]
    aria_label = _("Ausgewählte Kommentare freigeben")
    action_type = "approve_comments"
    action_priority = 10
    moderation_action = "approve"


class ReasonedBulkAction(CommentStatusBulkAction):
    """A decision that takes comments from readers, with the ground and explanation of `ReasonForm`."""

    form_class = ReasonForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.moderation_action}

    def get_execution_context(self):
        return {**super().get_execution_context(), "reasons": self.cleaned_form.reasons}


class HideBulkAction(ReasonedBulkAction):
    display_name = SHORT_ACTION_LABELS["hide"]
    aria_label = _("Ausgewählte Kommentare verbergen")
    action_type = "hide_comments"
    action_priority = 15
    moderation_action = "hide"


class RemoveBulkAction(ReasonedBulkAction):
    display_name = SHORT_ACTION_LABELS["remove"]
    aria_label = _("Ausgewählte Kommentare entfernen")
    action_type = "remove_comments"
    action_priority = 20
    moderation_action = "remove"


class SpamBulkAction(ReasonedBulkAction):
    display_name = SHORT_ACTION_LABELS["spam"]
    aria_label = _("Ausgewählte Kommentare als Spam einstufen")
    action_type = "spam_comments"
    action_priority = 30
    moderation_action = "spam"


class RestoreBulkAction(CommentStatusBulkAction):
    display_name = SHORT_ACTION_LABELS["restore"]
    aria_label = _("Ausgewählte Kommentare wieder veröffentlichen")
    action_type = "restore_comments"
    action_priority = 40
    moderation_action = "restore"


class DiscussionBulkAction(CommentStatusBulkAction):
    """Closes or reopens the discussions of the stories the selected comments belong to."""

    decision = None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        story_ids = {int(comment.object_pk) for comment in objects}
        for page in StoryPage.objects.filter(pk__in=story_ids):
            StoryDiscussion.decide(page, cls.decision, user)
        return len(story_ids), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Kommentare zu %(count)d Geschichte geändert.",
            "Kommentare zu %(count)d Geschichten geändert.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class CloseDiscussionBulkAction(DiscussionBulkAction):
    display_name = _("Geschichten schließen")
    aria_label = _("Kommentare zu den Geschichten der ausgewählten Kommentare schließen")
    action_type = "close_discussions"
    action_priority = 50
    decision = StoryDiscussion.CLOSED


class ReopenDiscussionBulkAction(DiscussionBulkAction):
    display_name = _("Geschichten wieder öffnen")
    aria_label = _("Kommentare zu den Geschichten der ausgewählten Kommentare wieder öffnen")
    action_type = "reopen_discussions"
    action_priority = 60
    decision = StoryDiscussion.OPEN


def forget_snippet_delete(model):
    """Wagtail offers its "Delete" bulk action for every snippet; for `model`, whose permission policy
    refuses deleting to everyone, it would only lead to a permission error, so it leaves the registry.
    Called once hooks are loaded (from the listing), since the registry collects them lazily."""
    registered = bulk_action_registry.get_bulk_actions_for_model(
        model._meta.app_label, model._meta.model_name
    )
    if any(action.action_type == "delete" for action in registered):
        bulk_action_registry.actions[model._meta.app_label][model._meta.model_name].pop("delete")
