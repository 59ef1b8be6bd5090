"""Who moderates: one permission, held by the Moderatoren group (and superusers)."""

MODERATE_PERMISSION = "comments.change_storycomment"


def is_moderator(user):
    """May judge comments, reply as the team and use the privacy tools."""
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))
