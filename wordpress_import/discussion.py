"""Stand-in for part E's comment import (dropped at merge): the same interface, counts only."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class CommentResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_pings: int = 0
    skipped_erased: int = 0
    by_status: Counter = field(default_factory=Counter)


def import_comments(story, item, *, source, dry_run=False):
    return CommentResult(skipped_pings=sum(1 for comment in item.comments if comment.is_ping))
