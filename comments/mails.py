"""Mails to commenters, sent through the task queue (immediately in development and tests)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import UNCONFIRMED_KEPT_DAYS


def absolute_url(path):
    """A link for a mail, built from our configured address (production's BASE_URL), never from the
    request's Host header, which the sender of a form can choose."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_comment_mail(template, recipient, context):
    """Render `comments/mail/<template>` as subject, text and HTML, in German, and send it. Deadlines the
    mails name come from where they are enforced (`kept_days`: `purge_unconfirmed_comments`)."""
    context = {"kept_days": UNCONFIRMED_KEPT_DAYS, **context}
    with translation.override("de"):
        subject = " ".join(render_to_string(f"comments/mail/{template}_subject.txt", context).split())
        text = render_to_string(f"comments/mail/{template}.txt", context)
        html = render_to_string(f"comments/mail/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[recipient])
    message.attach_alternative(html, "text/html")
    message.send()
