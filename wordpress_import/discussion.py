"""A WordPress post's comments brought into the story's discussion: threads, dates, names and statuses
kept, each comment remembered by its `ImportRecord`, and nothing set off: no mail, no webhook, no moderator
alert, no purge per comment (the comments are stored at once by `comments.bulk`; the importer purges once
at the end).

Kept: the name and the text as the plain text our comments are (tags stripped, entities decoded; a link
keeps its text and its address as text), the e-mail address (for the privacy tools; never shown), the
website (http and https only), the date and the status. Not kept: the IP address (privacy by design: an old
address identifies a person and serves no purpose here) and WordPress's user accounts. A comment by a
WordPress user whose e-mail address is that of an author's account here becomes a Team comment of that
account; every other comment is anonymous, as a reader's comment on our site is.

A reply whose parent did not come over (a pingback, a comment missing from the export, one erased here
since) starts a thread of its own; replies deeper than our threads go join the level the site would put
them on (`StoryComment.reply_parent`).
"""

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from blog.models import Author
from comments.bulk import add_comments, insert_many
from comments.forms import NAME_HIDDEN_CHARACTERS, TEXT_HIDDEN_CHARACTERS
from comments.models import StoryComment
from comments.statuses import CommentStatus

from .models import ImportRecord
from .records import fingerprint

# WordPress's `comment_approved`; anything else waits for a moderator.
STATUSES = {
    "1": CommentStatus.PUBLISHED,
    "0": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
    "post-trashed": CommentStatus.REMOVED,
}
NAME_MAX_LENGTH = StoryComment._meta.get_field("user_name").max_length
EMAIL_MAX_LENGTH = StoryComment._meta.get_field("user_email").max_length
URL_MAX_LENGTH = StoryComment._meta.get_field("user_url").max_length


@dataclass
class CommentResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_pings: int = 0  # pingbacks and trackbacks
    skipped_erased: int = 0  # imported before, erased here since (privacy tools/moderators deleted it)
    by_status: Counter = field(default_factory=Counter)  # our status value -> number created or updated


def import_comments(story, item, *, source, dry_run=False):
    """The comments of `item` (a `wxr.Item`) on `story`, the saved StoryPage it became. A comment imported
    before is left as it is while its WordPress data is unchanged; when it changed (approved since), its
    status and text follow WordPress; once erased here it never comes back. New comments on a story
    imported before join its threads. With `dry_run` nothing is written, only counted."""
    result = CommentResult()
    comments, seen = [], set()
    for comment in item.comments:
        if comment.is_ping:
            result.skipped_pings += 1
        elif comment.wp_id not in seen:
            seen.add(comment.wp_id)
            comments.append(comment)
    if not comments:
        return result

    records = {
        record.wp_id: record
        for record in ImportRecord.objects.filter(
            source=source, kind=ImportRecord.Kind.COMMENT, wp_id__in=[str(c.wp_id) for c in comments]
        )
    }
    # The story's comments in one query (a list of ids would be split into batches on SQLite).
    stored = {ours.pk: ours for ours in StoryComment.objects.for_page(story)} if records else {}
    answered = {}  # WordPress id -> the id of a stored comment, or a new comment, replies hang under
    new, changed, changed_records = [], [], []
    for comment in comments:
        record = records.get(str(comment.wp_id))
        if record is None:
            new.append(comment)
            continue
        ours = stored.get(record.object_id)
        if ours is None or is_erased(ours):
            result.skipped_erased += 1
            continue
        answered[comment.wp_id] = ours.pk
        fingerprint = fingerprint_of(comment)
        if record.fingerprint == fingerprint:
            result.unchanged += 1
            continue
        take_changes(ours, comment)
        record.fingerprint = fingerprint
        record.imported_at = timezone.now()
        changed.append(ours)
        changed_records.append(record)
        result.updated += 1
        result.by_status[ours.status] += 1

    accounts = team_accounts() if any(c.user_id and c.author_email for c in new) else {}
    replies, new_records = [], []
    for comment in parents_first(new):
        ours = new_comment(comment, accounts)
        replies.append((ours, answered.get(comment.parent_id) if comment.parent_id else None))
        new_records.append((comment, ours))
        answered[comment.wp_id] = ours
        result.created += 1
        result.by_status[ours.status] += 1
    if dry_run:
        return result

    add_comments(story, replies)
    if changed:
        fields = set()
        for ours in changed:
            fields |= ours.follow_text_and_status({"status", "comment", "first_published_at"})
        StoryComment.objects.bulk_update(changed, sorted(fields))
        ImportRecord.objects.bulk_update(changed_records, ["fingerprint", "imported_at"])
    insert_many(
        ImportRecord,
        [
            ImportRecord(
                source=source,
                kind=ImportRecord.Kind.COMMENT,
                wp_id=str(comment.wp_id),
                object_id=ours.pk,
                fingerprint=fingerprint_of(comment),
            )
            for comment, ours in new_records
        ],
    )
    return result


def fingerprint_of(comment):
    """A hash of what WordPress says about the comment (the IP address left out: it is not kept)."""
    return fingerprint({key: value for key, value in asdict(comment).items() if key != "author_ip"})


def is_erased(comment):
    """Deleted by the privacy tools but kept as an empty placeholder because replies hang below it."""
    return comment.status == CommentStatus.REMOVED and not comment.comment and not comment.user_email


def status_of(comment):
    return STATUSES.get(comment.approved, CommentStatus.PENDING)


def submitted_at(comment):
    """WordPress's time in UTC; else its local time, read in the site's time zone; else now."""
    if comment.date_gmt is not None:
        return comment.date_gmt
    if comment.date is not None:
        return timezone.make_aware(comment.date, timezone.get_default_timezone())
    return timezone.now()


def take_changes(ours, comment):
    """A comment changed in WordPress since the last import: its status and text follow. Who wrote it
    stays as it is here (the privacy tools may have anonymised it)."""
    ours.status = status_of(comment)
    ours.comment = plain_text(comment.content)
    if ours.status == CommentStatus.PUBLISHED and ours.first_published_at is None:
        ours.first_published_at = submitted_at(comment)


def new_comment(comment, accounts):
    status = status_of(comment)
    submit_date = submitted_at(comment)
    email = comment.author_email.strip()
    if len(email) > EMAIL_MAX_LENGTH:
        email = ""
    user_id = accounts.get(email.casefold()) if comment.user_id and email else None
    return StoryComment(
        user_id=user_id,
        is_team=user_id is not None,
        user_name=plain_name(comment.author_name),
        user_email=email,
        user_url=website(comment.author_url),
        ip_address=None,
        comment=plain_text(comment.content),
        submit_date=submit_date,
        status=status,
        first_published_at=submit_date if status == CommentStatus.PUBLISHED else None,
        followup=False,
        site_id=settings.SITE_ID,
    )


def team_accounts():
    """E-mail address (case-folded) -> the account of an author here that has it."""
    return {
        email.casefold(): user_id
        for email, user_id in Author.objects.filter(user__isnull=False).values_list("user__email", "user_id")
        if email
    }


def parents_first(comments):
    """The new comments in the order they were written, each reply after the comment it answers (so that
    replies to one comment stay in time order). A loop of replies, which only a damaged export has, is cut
    at its earliest comment."""
    comments = sorted(comments, key=lambda c: (submitted_at(c), c.wp_id))
    ids = {comment.wp_id for comment in comments}
    replies = defaultdict(list)
    for comment in comments:
        if comment.parent_id in ids and comment.parent_id != comment.wp_id:
            replies[comment.parent_id].append(comment)
    placed, order = set(), []

    def place(comment):
        stack = [comment]
        while stack:
            current = stack.pop()
            if current.wp_id in placed:
                continue
            placed.add(current.wp_id)
            order.append(current)
            stack.extend(reversed(replies[current.wp_id]))

    for comment in comments:
        if comment.parent_id not in ids or comment.parent_id == comment.wp_id:
            place(comment)
    for comment in comments:
        if comment.wp_id not in placed:
            place(comment)
    return order


def plain_name(value):
    """A name as readers see it: one line of text, no tags, entities decoded; "Anonym" when empty."""
    name = unescape(nh3.clean(value, tags=set()))
    name = " ".join(NAME_HIDDEN_CHARACTERS.sub(" ", name).split())[:NAME_MAX_LENGTH].strip()
    if not name:
        with translation.override(settings.LANGUAGE_CODE):
            name = gettext("Anonym")
    return name


def website(value):
    """The commenter's website when it is a web address; `javascript:` and the like are dropped."""
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or len(value) > URL_MAX_LENGTH:
        return ""
    if any(character.isspace() or ord(character) < 32 for character in value):
        return ""
    return value


def is_web_address(value):
    return urlsplit(value).scheme.lower() in ("http", "https")


class PlainText(HTMLParser):
    """Cleaned HTML as the plain text our comments are: paragraphs and line breaks kept, each link's
    address written after its text (unless the text is the address)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []  # (address, where its text starts)

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p":
            self.parts.append("\n\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag):
        if tag == "p":
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            address, start = self.links.pop()
            text = "".join(self.parts[start:]).strip()
            if address and is_web_address(address) and address.rstrip("/") not in text:
                self.parts.append(f" ({address})" if text else address)

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html):
    """WordPress keeps a comment as HTML written by the commenter; `nh3` takes out every tag (scripts and
    styles with their content) but paragraphs, line breaks and links to web addresses, which become text."""
    cleaned = nh3.clean(
        html.replace("\r\n", "\n"),
        tags={"a", "p", "br"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=None,
    )
    parser = PlainText()
    parser.feed(cleaned)
    parser.close()
    text = TEXT_HIDDEN_CHARACTERS.sub("", "".join(parser.parts))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
