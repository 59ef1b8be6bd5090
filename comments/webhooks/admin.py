"""The "Webhooks" item under Einstellungen: endpoints with their secret, a test message and each
endpoint's delivery log with "Erneut senden". Only for who may change endpoints (superusers; the
permission is in no group): an endpoint decides where news of the moderation goes, and the moderators
hear of it in their chat anyway."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from .events import send_test
from .models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from .sending import send_after_commit

URL_NAMESPACE = "webhooks"
MANAGE_PERMISSION = "comments.change_webhookendpoint"
LOG_LENGTH = 100


def may_manage(user):
    return bool(user and user.is_authenticated and user.has_perm(MANAGE_PERMISSION))


def manager_required(view):
    """Everyone else gets Wagtail's answer to a missing permission."""

    def wrapped(request, *args, **kwargs):
        if not may_manage(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def deliveries_url(endpoint):
    return reverse(f"{URL_NAMESPACE}:deliveries", args=[endpoint.pk])


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Ereignisse"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte wählen Sie mindestens ein Ereignis.")},
    )

    def clean_url(self):
        """In production (`WEBHOOKS_HTTPS_ONLY`) only https: the signature proves the sender, but only
        TLS keeps the message from others on the way."""
        url = self.cleaned_data["url"]
        if urlsplit(url).scheme not in ("http", "https"):
            raise forms.ValidationError(_("Bitte eine Adresse mit http:// oder https:// eingeben."))
        if getattr(settings, "WEBHOOKS_HTTPS_ONLY", False) and not url.startswith("https://"):
            raise forms.ValidationError(_("Bitte eine Adresse mit https:// eingeben."))
        return url


class SecretPanel(Panel):
    """The endpoint's secret with a copy button, once it exists: the receiver needs it to verify."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "comments/admin/webhooks/secret_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(secret=self.instance.secret, deliveries_url=deliveries_url(self.instance))
            return context


class EndpointCreateView(generic.CreateView):
    """After saving, the edit page: that is where the new secret is shown for copying."""

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_success_message(self, instance):
        return gettext("Webhook „%(name)s“ angelegt. Kopieren Sie das Geheimnis für den Empfänger.") % {
            "name": instance.name
        }


class EndpointEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(_("Zustellungen"), url=deliveries_url(self.object), icon_name="list-ul", priority=5),
        ]


class EventsColumn(Column):
    def get_value(self, instance):
        return ", ".join(instance.event_labels())


class DeliveriesColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">{}</a>', deliveries_url(instance), gettext("Zustellungen"))


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    menu_name = "webhooks"
    add_to_settings_menu = True
    add_view_class = EndpointCreateView
    edit_view_class = EndpointEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        "url",
        EventsColumn("events", label=_("Ereignisse")),
        BooleanColumn("active", label=_("Aktiv")),
        DeliveriesColumn("deliveries", label=_("Zustellungen")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("events"),
            FieldPanel("active"),
            SecretPanel(heading=_("Geheimnis")),
        ],
        base_form_class=WebhookEndpointForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/zustellungen/", DeliveryLogView.as_view(), name="deliveries"),
            path("<int:pk>/test/", send_test_message, name="send_test"),
            path("zustellungen/<int:pk>/erneut/", send_again, name="send_again"),
        ]


@method_decorator(manager_required, name="dispatch")
class DeliveryLogView(WagtailAdminTemplateMixin, TemplateView):
    """An endpoint's deliveries, newest first: status, attempts, last answer and error."""

    template_name = "comments/admin/webhooks/deliveries.html"
    header_icon = "link-external"

    @cached_property
    def endpoint(self):
        return get_object_or_404(WebhookEndpoint, pk=self.kwargs["pk"])

    def get_page_title(self):
        return gettext("Zustellungen an „%(name)s“") % {"name": self.endpoint.name}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": gettext("Webhooks")},
            {"url": reverse(f"{URL_NAMESPACE}:edit", args=[self.endpoint.pk]), "label": self.endpoint.name},
            {"url": "", "label": gettext("Zustellungen")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            endpoint=self.endpoint,
            deliveries=self.endpoint.deliveries.all()[:LOG_LENGTH],
            statuses=DeliveryStatus,
        )
        return context


@manager_required
@require_POST
def send_test_message(request, pk):
    """ "Test senden": a signed `webhook.test` message, sent by the task worker like every other."""
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    send_test(endpoint)
    messages.success(request, gettext("Testnachricht an „%(name)s“ verschickt.") % {"name": endpoint.name})
    return redirect(deliveries_url(endpoint))


@manager_required
@require_POST
def send_again(request, pk):
    """ "Erneut senden": one more attempt at a failed delivery, with the same message."""
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    if delivery.status == DeliveryStatus.FAILED:
        delivery.send_again(timezone.now())
        send_after_commit(delivery)
        messages.success(request, gettext("Die Nachricht wird erneut gesendet."))
    return redirect(deliveries_url(delivery.endpoint))
