"""A story's discussion where readers meet it: below the story, and as a count on its cards and under its
title. Plugged into the blog through its extension hooks (`blog.extensions`, registered in `wagtail_hooks`),
so the blog knows nothing of comments."""

from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.template.loader import get_template, render_to_string

from blog.models import StoryPage

from .forms import CommentForm
from .models import CommentPolicy, StoryComment, StoryDiscussion, count_on_each_story
from .notices import notice_for
from .statuses import CommentStatus
from .threads import ORDER_PARAMETER, ORDERS, in_order


def with_comment_count(stories):
    """Cards say "6 Kommentare": the published comments of each story, as one subquery."""
    return stories.annotate(comment_count=count_on_each_story(CommentStatus.PUBLISHED))


def with_discussion_decision(stories):
    """A moderator's decision to close or reopen the discussion comes with the story for its page."""
    decision = StoryDiscussion.objects.filter(page_id=OuterRef("pk")).values("decision")[:1]
    return stories.annotate(discussion_decision=Subquery(decision))


def card_comment_count(story, context):
    if not (story.comments_enabled or getattr(story, "comment_count", 0)):
        return ""
    url = story.get_url(request=context.get("request"))
    return render_to_string("comments/card_count.html", {"story": story, "url": url})


def header_comment_count(story, context):
    """The "6 Kommentare" under a story's title, a link down to its discussion. The count comes with the
    story for its page (`with_comment_count` on the serving queryset); only a preview asks for it."""
    if hasattr(story, "comment_count"):
        count = story.comment_count
    else:
        count = StoryComment.objects.for_page(story).published().count()
    if not (story.comments_enabled or count):
        return ""
    return render_to_string("comments/header_count.html", {"count": count})


def discussion_context(story, request, comment_form=None):
    """The discussion and the form; `comment_form` is a reader's refused form shown again."""
    order = request.GET.get(ORDER_PARAMETER, "")
    if order in ORDERS:
        # The page cache keeps this variant of the page only when it was served (`core.page_cache`).
        request.served_query_variants = {ORDER_PARAMETER: order}
    else:
        order = ""
    comments = in_order(StoryComment.objects.thread_for(story), order)
    policy = CommentPolicy.for_request(request)
    if hasattr(story, "discussion_decision"):  # fetched with the page (with_discussion_decision)
        decision = story.discussion_decision
    else:
        decision = StoryDiscussion.decision_for(story)
    closed = policy.is_closed_for(story, decision)
    reply_to = None
    # A refused reply keeps answering the same comment; a fresh form answers the one in the link.
    wanted = (
        comment_form.data.get("parent", "") if comment_form is not None else request.GET.get("antwort", "")
    )
    if not closed and str(wanted).isdigit():
        reply_to = next((c for c in comments if c.pk == int(wanted) and c.is_published), None)
    if not closed and comment_form is None:
        initial = {"parent": reply_to.pk if reply_to else None}
        comment_form = CommentForm.for_request(request, story, policy, initial=initial)
    return {
        "comments": comments,
        "notice": notice_for(request, comments),
        "comment_count": sum(comment.is_published for comment in comments),
        "comments_closed_on": policy.closed_by_age_on(story, decision),
        "reply_to": reply_to,
        "order": order,
        # Sorting one comment (and its replies) changes nothing: the links appear from two on.
        "can_sort": sum(comment.level == 0 for comment in comments) > 1,
        "comment_form": None if closed else comment_form,
    }


def render_discussion(context):
    """The section below a story, rendered with the story page's context (request, settings)."""
    story, request = context["page"], context["request"]
    with context.push(discussion_context(story, request, context.get("comment_form"))):
        return get_template("comments/discussion.html").template.render(context)


def plain_order_for_unknown(page, request, serve_args, serve_kwargs):
    """A story asked for in a sort order we do not have (`?sortierung=alt`, typed or old) is sent to its
    address in the default order, which no cache keeps (a 302 is private): the story's page exists in
    exactly three cached variants, whatever readers type (`before_serve_page`)."""
    order = request.GET.getlist(ORDER_PARAMETER)
    if not order or not isinstance(page, StoryPage) or (len(order) == 1 and order[0] in ORDERS):
        return None
    query = request.GET.copy()
    del query[ORDER_PARAMETER]
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)
