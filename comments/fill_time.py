"""How long a reader took to write a comment, measured even when the story page came from a shared cache.

The page (and the timestamp signed into its form) may be an hour old for every reader who gets it from
Varnish or the page cache, so it says nothing about the reader. Instead the form fetches a signed *start
mark* when the reader first touches it (`views.start_writing`, never cached, no cookie); without
JavaScript the server hands one out with a second "Kommentar senden" step. A mark serves one comment:
a program that fetched one cannot post many comments with it. Spent marks are remembered where things
must hold (`core.cache.limits_cache`): while Redis is away, checking a mark raises and the post is
answered with "please send again shortly".
"""

import secrets
import time
from dataclasses import dataclass

from django.core import signing

from core.cache import limits_cache

SALT = "comments.fill_time"


@dataclass(frozen=True)
class StartMark:
    story_pk: int
    started_at: float
    nonce: str

    @classmethod
    def issue(cls, story_pk):
        return cls(story_pk, time.time(), secrets.token_urlsafe(12))

    @classmethod
    def read(cls, value, story_pk, max_age):
        """The valid, unused mark for this story that `value` carries, or None."""
        try:
            data = signing.loads(value, salt=SALT, max_age=max_age)
            mark = cls(int(data["story"]), float(data["at"]), str(data["nonce"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None
        if mark.story_pk != story_pk or not 0 <= mark.seconds_ago() <= max_age or mark.is_used():
            return None
        return mark

    def signed(self):
        return signing.dumps({"story": self.story_pk, "at": self.started_at, "nonce": self.nonce}, salt=SALT)

    def seconds_ago(self):
        return time.time() - self.started_at

    @property
    def cache_key(self):
        return f"comments:start-mark-used:{self.nonce}"

    def is_used(self):
        return limits_cache.get(self.cache_key) is not None

    def use(self, max_age):
        """Marks this mark as spent; False if another request spent it first."""
        return limits_cache.add(self.cache_key, 1, max_age)
