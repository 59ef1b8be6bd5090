"""Blocks in the admin ("Sperren"): the active and lifted ones, a form to add one (prefilled from a
comment), and lifting. Every block and every lift is logged in Wagtail's audit log."""

import uuid

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_lazy as _, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.log_actions import log

from comments.commenters import BlockKind, CommenterBlock
from comments.models import StoryComment
from comments.permissions import is_moderator

from .access import moderator_required

# Shown in the listing: which blocks (`?status=`).
SHOWN = {"active": _("Aktiv"), "lifted": _("Aufgehoben oder abgelaufen"), "all": _("Alle")}


class BlockForm(forms.ModelForm):
    class Meta:
        model = CommenterBlock
        fields = ["kind", "value", "reason", "ends_on"]
        widgets = {
            "kind": forms.RadioSelect,
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "value": {"required": _("Bitte geben Sie an, was gesperrt wird.")},
            "reason": {"required": _("Bitte geben Sie einen Grund für die Sperre an.")},
        }


def log_block(block, action, user):
    log(block, action, user=user, uuid=uuid.uuid4(), data={"block": str(block), "reason": block.reason})


@method_decorator(moderator_required, name="dispatch")
class BlockListView(WagtailAdminTemplateMixin, TemplateView):
    """The blocks, active first by default; each with its reason, end and who set or lifted it."""

    template_name = "comments/admin/blocks.html"
    page_title = _("Sperren")
    header_icon = "cross"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.request.GET.get("status", "active")
        shown = shown if shown in SHOWN else "active"
        blocks = CommenterBlock.objects.select_related("created_by", "lifted_by")
        active = CommenterBlock.objects.active()
        if shown == "active":
            blocks = blocks.filter(pk__in=active)
        elif shown == "lifted":
            blocks = blocks.exclude(pk__in=active)
        context.update(blocks=blocks, shown=shown, filters=SHOWN.items())
        return context


@method_decorator(moderator_required, name="dispatch")
class AddBlockView(WagtailAdminTemplateMixin, TemplateView):
    """A new block; `?comment=<id>` fills in the comment's address (the "Sperren" link on a comment)."""

    template_name = "comments/admin/block_form.html"
    page_title = _("Sperre hinzufügen")
    header_icon = "cross"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("comments_admin:blocks"), "label": gettext("Sperren")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        comment = StoryComment.objects.filter(pk=self.request.GET.get("comment") or None).first()
        if comment is None or not comment.user_email:
            return {"kind": BlockKind.EMAIL}
        return {"kind": BlockKind.EMAIL, "value": comment.user_email.casefold(), "comment": comment}

    def get(self, request, *args, **kwargs):
        initial = self.get_initial()
        comment = initial.pop("comment", None)
        return self.render_to_response(
            self.get_context_data(form=BlockForm(initial=initial), comment=comment)
        )

    def post(self, request, *args, **kwargs):
        form = BlockForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            block = form.save(commit=False)
            block.created_by = request.user
            block.save()
            log_block(block, "comments.block", request.user)
        messages.success(request, gettext("Gesperrt: %(block)s.") % {"block": block})
        return redirect("comments_admin:blocks")


@moderator_required
def lift_block(request, pk):
    """POST: the block ends now; it stays in the list as lifted."""
    block = get_object_or_404(CommenterBlock, pk=pk)
    if request.method == "POST" and block.lifted_at is None:
        with transaction.atomic():
            block.lifted_at, block.lifted_by = timezone.now(), request.user
            block.save(update_fields=["lifted_at", "lifted_by"])
            log_block(block, "comments.lift_block", request.user)
        messages.success(request, gettext("Sperre aufgehoben: %(block)s.") % {"block": block})
    return redirect("comments_admin:blocks")


def block_url(comment):
    return f"{reverse('comments_admin:add_block')}?comment={comment.pk}"


def block_button(comment):
    return Button(pgettext_lazy("Aktion", "Sperren"), url=block_url(comment), priority=50)


class BlocksMenuItem(MenuItem):
    """ "Sperren" in the menu, for moderators only."""

    def is_shown(self, request):
        return is_moderator(request.user)


LOG_ACTIONS = [
    ("comments.block", pgettext_lazy("Aktion", "Sperren"), _("Gesperrt")),
    ("comments.lift_block", _("Sperre aufheben"), _("Sperre aufgehoben")),
]
