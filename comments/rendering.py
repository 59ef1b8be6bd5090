"""The HTML of a discussion. A story can carry a thousand comments, so this is the one place where
markup is written in Python rather than in a template: the same markup as a template would give, built
from strings prepared once per page (translations, URLs) and once per comment at save time (its text
as HTML, see `StoryComment.save`). About a hundred times faster than a template loop.
"""

from html import escape

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone
from django.utils.translation import gettext

from core.languages import content_lang_attribute

from .statuses import CommentStatus

REPORT_URL_PLACEHOLDER = 999999999


def text_as_html(text):
    """A reader's plain text as HTML: everything escaped, line breaks kept, addresses made into links
    that pass no reputation and no window access."""
    linked = urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    linked = linked.replace("<a href=", '<a rel="nofollow ugc noopener" href=')
    return linebreaks(linked, autoescape=False)


class ThreadRenderer:
    """Renders `StoryCommentQuerySet.thread_for()` as the list items of one `<ol class="comment-list">`."""

    def __init__(self, can_reply, notice_at=None, notice_html="", order=""):
        self.can_reply = can_reply
        # What a reader hears after answering, reporting or publishing (`comments.notices`), below that
        # comment: where the reply form was, or the comment itself.
        self.notice_at = notice_at
        self.notice_html = notice_html
        report_url = reverse("comments:report", args=[REPORT_URL_PLACEHOLDER])
        self.report_url_start, self.report_url_end = report_url.split(str(REPORT_URL_PLACEHOLDER))
        helpful_url = reverse("comments:helpful", args=[REPORT_URL_PLACEHOLDER])
        self.helpful_url_start, self.helpful_url_end = helpful_url.split(str(REPORT_URL_PLACEHOLDER))
        self.helpful = escape(gettext("Hilfreich"))
        # In a sorted discussion (`threads.in_order`) answering and voting come back to the same order.
        self.order_query = f"sortierung={escape(order)}&amp;" if order else ""
        self.order_field = f'<input type="hidden" name="sortierung" value="{escape(order)}">' if order else ""
        self.team = escape(gettext("Team"))
        self.pinned = escape(gettext("Antwort des Teams"))
        self.to_pinned = escape(gettext("Zur Antwort des Teams"))
        self.reply = escape(gettext("Antworten"))
        self.report = escape(gettext("Melden"))
        self.reply_to = escape(gettext("Antwort auf %(name)s"))
        self.reply_to_hidden = escape(gettext("Antwort auf einen nicht mehr sichtbaren Kommentar"))
        self.removed = escape(gettext("Dieser Kommentar ist nicht mehr sichtbar."))
        self.withdrawn = escape(gettext("Vom Verfasser zurückgezogen."))
        self.edited = escape(gettext("bearbeitet"))
        # Readers write in the content's language: on an English page their text is marked German.
        self.content_lang = content_lang_attribute()
        self.days = {}
        self.timezone = get_current_timezone()

    def render(self, comments):
        return mark_safe("".join(map(self.render_comment, comments)))  # noqa: S308 - escaped below

    def render_comment(self, comment):
        # Lean markup (a story with 200 comments stays well under 160 KB): the list's CSS styles the
        # elements by their place, so only the item carries classes.
        pk = comment.pk
        anchor = f"kommentar-{pk}"
        classes = f"comment comment--level-{comment.level}" if comment.level else "comment"
        if comment.is_team:
            classes += " comment--team"
        pinned_reply = comment.pinned_reply
        if comment.pinned_under_id is not None:
            classes += " comment--pinned"
        if not comment.is_published:
            removed = self.withdrawn if comment.status == CommentStatus.WITHDRAWN else self.removed
            return f'<li class="{classes}" id="{anchor}"><p class="comment__removed">{removed}</p></li>'
        badge = f' <span class="badge">{self.team}</span>' if comment.is_team else ""
        if comment.pinned_under_id is not None:
            badge += f' <strong class="comment__pin">{self.pinned}</strong>'
        parent = comment.reply_to
        if parent is None:
            reply_to = ""
        elif parent.is_published:
            link = f'<a href="#kommentar-{parent.pk}">{escape(parent.user_name)}</a>'
            reply_to = f"<p>{self.reply_to % {'name': link}}</p>"
        else:
            reply_to = f'<p><a href="#kommentar-{parent.pk}">{self.reply_to_hidden}</a></p>'
        reply = (
            f'<a href="?{self.order_query}antwort={comment.pk}#kommentar-formular">{self.reply}</a> '
            if self.can_reply
            else ""
        )
        if pinned_reply is not None:
            reply = f'<a href="#kommentar-{pinned_reply.pk}">{self.to_pinned}</a> {reply}'

        edited = (
            f' <span class="comment__edited">{self.edited} {self.date(comment.edited_at)}</span>'
            if comment.edited_at is not None
            else ""
        )
        text = comment.comment_html or text_as_html(comment.comment)
        if self.content_lang:
            text = f'<div class="comment__text"{self.content_lang}>{text}</div>'
        return (
            f'<li class="{classes}" id="{anchor}"><article><header><span class="avatar" aria-hidden="true">'
            f"{escape(comment.initials)}</span> <b>{escape(comment.user_name)}</b>{badge} "
            f'<a href="#{anchor}">{self.date(comment.submit_date)}</a>{edited}{reply_to}</header>'
            f"{text}"
            f"<footer>{self.helpful_button(pk, comment.helpful_count)}"
            f'{reply}<a href="{self.report_url_start}{pk}{self.report_url_end}" rel="nofollow">'
            f"{self.report}</a></footer></article>{self.notice_html if pk == self.notice_at else ''}</li>"
        )

    def helpful_button(self, pk, count):
        """ "Hilfreich (3)": a small form that works without JavaScript; helpful.js sends it by fetch."""
        label = f"{self.helpful} ({count})" if count else self.helpful
        return (
            f'<form class="comment__helpful" action="{self.helpful_url_start}{pk}{self.helpful_url_end}" '
            f'method="post">{self.order_field}<button type="submit" data-count="{count}">{label}</button></form> '
        )

    def date(self, moment):
        """`<time>` to the minute: the day in the language's date format (formatted once per day and
        page; Django's formatting costs more than the whole rest of a comment), the time as 24-hour clock.
        Absolute, so it stays true in every cache; `data-relative` lets site.js say "vor 3 Stunden"."""
        local = moment.astimezone(self.timezone)
        day = self.days.get(local.date())
        if day is None:
            day = self.days[local.date()] = date_format(local.date(), "DATE_FORMAT")
        return (
            f'<time datetime="{local.isoformat(timespec="minutes")}" data-relative="time">'
            f"{day}, {local.hour:02d}:{local.minute:02d}</time>"
        )


def render_thread(comments, can_reply, notice_at=None, notice_html="", order=""):
    return ThreadRenderer(can_reply, notice_at, notice_html, order).render(comments)
