"""Signals of the comments app; the receivers are in `signal_handlers`."""

from django.dispatch import Signal

# Sent after a StoryComment is saved, with `comment` and `status_before` (None for a new comment). What
# readers see of its story, and who must hear of it, follows from the two.
comment_saved = Signal()

# Sent after a moderation decision is stored (in its transaction), with `decision` and `notices`, the
# notices of illegal content it settles. The commenter and the notifiers are told from it.
decision_made = Signal()
