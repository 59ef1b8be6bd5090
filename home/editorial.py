"""The review step of "Redaktionelle Freigabe": Wagtail's group approval, in the newsroom's words.

A proxy of Wagtail's GroupApprovalTask (no table of its own). Wagtail asks the task for its actions
wherever a reviewer meets them (the action menu, the dashboard's review list, the comment dialog), so
the words are said once, here, instead of being patched in each of those places.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask


class SendBackForm(forms.Form):
    """A story sent back without a word on what to change helps nobody, so the comment is required."""

    comment = forms.CharField(
        label=_("Was soll die Redaktion ändern?"),
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("Bitte schreiben Sie der Redaktion, was sie ändern soll.")},
    )


def goes_live_later(obj):
    """Whether approving `obj` schedules it instead of publishing it: the revision under review has a
    go-live date in the future (Wagtail then publishes it at that time)."""
    revision = obj.get_latest_revision()
    go_live_at = revision.as_object().go_live_at if revision else getattr(obj, "go_live_at", None)
    return bool(go_live_at and go_live_at > timezone.now())


class EditorialApprovalTask(GroupApprovalTask):
    """Members of the chosen groups approve (which publishes or schedules) or send back with a comment."""

    class Meta:
        proxy = True
        verbose_name = _("Redaktionelle Freigabe durch eine Gruppe")
        verbose_name_plural = _("Redaktionelle Freigaben durch eine Gruppe")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.id:
            # Wagtail's Task records the concrete model; a new task of this kind must name the proxy.
            self.content_type = ContentType.objects.get_for_model(self, for_concrete_model=False)

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user):
            return []
        approve = _("Freigeben und einplanen") if goes_live_later(obj) else _("Freigeben und veröffentlichen")
        return [
            ("reject", _("Zurück an die Redaktion"), True),
            ("approve", approve, False),
            ("approve", _("Mit Kommentar freigeben"), True),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return SendBackForm
        return super().get_form_for_action(action)

    @classmethod
    def get_description(cls):
        return _(
            "Mitglieder der gewählten Gruppen geben frei (die Seite wird veröffentlicht oder zum "
            "Veröffentlichungsdatum eingeplant) oder geben sie mit einem Kommentar an die Redaktion zurück."
        )
