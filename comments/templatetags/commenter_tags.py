"""The detail view's part about who wrote a comment and why the screening held it back
(`{% commenter_record comment %}` in `comments/admin/inspect.html`)."""

from django import template

from comments import reasons, wordlists
from comments.models import CommentPolicy
from comments.moderation.blocks import block_url
from comments.moderation.commenters import record_context
from comments.screening import screened_fields

register = template.Library()


@register.inclusion_tag("comments/admin/includes/commenter_record.html", takes_context=True)
def commenter_record(context, comment):
    words = "\n".join(reasons.matched_words(comment.screening_reasons))
    name, _email, url, text = screened_fields(comment)
    request = context.get("request")
    record = record_context(comment, CommentPolicy.for_request(request)) if comment.user_email else {}
    return {
        **record,
        "request": request,
        "may_moderate": context.get("may_moderate"),
        "block_url": block_url(comment) if comment.user_email else "",
        "comment": comment,
        "reasons": reasons.described(comment.screening_reasons),
        "marked_text": wordlists.marked(text, wordlists.find(words, text)) if words else None,
        "marked_name": wordlists.marked(name, wordlists.find(words, name)) if words else None,
        "marked_url": wordlists.marked(url or "", wordlists.find(words, url or "")) if words else None,
    }
