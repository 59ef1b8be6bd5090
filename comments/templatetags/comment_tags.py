from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments.rendering import render_thread, text_as_html

register = template.Library()


@register.filter
def comment_text(text):
    """A reader's plain text as HTML (see `comments.rendering.text_as_html`)."""
    return mark_safe(text_as_html(text))  # noqa: S308 - escaped by urlize


@register.simple_tag
def comment_thread(comments, can_reply, notice=None, order=""):
    """The list items of a discussion (see `comments.rendering`), with the notice that belongs under one
    of them (`comments.notices`), in the reader's `order` (`comments.threads.in_order`)."""
    if notice is not None and notice.at:
        notice_html = render_to_string("comments/notice.html", {"notice": notice})
        return render_thread(comments, bool(can_reply), notice.at, notice_html, order)
    return render_thread(comments, bool(can_reply), order=order)
