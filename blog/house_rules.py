"""The house rules: what a story needs before it is submitted for review or published.

Drafts may miss any of them: saving a draft and autosaving pass (Wagtail defers validation then), so
nobody is warned while still writing. The story form (`blog.editor.forms.StoryPageForm`) checks them when the
editor submits or publishes, and the approval of a story in review checks its latest version again
(`blog.editor.views`). A search description is not asked for on its own: the teaser, which is required, stands
in for it in search results and previews (`templates/base.html`).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import get_text_list
from django.utils.translation import gettext, gettext_lazy as _


@dataclass(frozen=True)
class Gap:
    """Something a story still lacks: the field it belongs to, its name in a list, what to do about it."""

    field: str
    name: Promise
    advice: Promise


HERO_IMAGE = Gap(
    "hero_image",
    _("ein Titelbild"),
    _("Bitte ein Titelbild wählen: Übersichten, Vorschauen und die Geschichte selbst zeigen es."),
)
HERO_ALT = Gap(
    "hero_alt",
    _("ein Alternativtext zum Titelbild"),
    _("Bitte einen Alternativtext angeben: das Titelbild hat keine Beschreibung."),
)
TEASER = Gap(
    "teaser",
    _("ein Anreißer"),
    _(
        "Bitte einen Anreißer schreiben: er steht in Übersichten und, ohne eigene Suchbeschreibung, bei Suchmaschinen."
    ),
)
AUTHORS = Gap(
    "story_authors",
    _("eine Autorin oder ein Autor"),
    _("Bitte mindestens eine Autorin oder einen Autor hinzufügen."),
)
CATEGORIES = Gap(
    "categories",
    _("eine Kategorie"),
    _("Bitte mindestens eine Kategorie wählen: über sie finden Leserinnen und Leser verwandte Geschichten."),
)


def gaps(*, hero_image, hero_alt, teaser, author_count, category_count):
    """The gaps of a story with these values, in the order the editor shows the fields."""
    found = []
    if not teaser:
        found.append(TEASER)
    if not hero_image:
        found.append(HERO_IMAGE)
    elif not (hero_alt or hero_image.description):
        found.append(HERO_ALT)
    if not author_count:
        found.append(AUTHORS)
    if not category_count:
        found.append(CATEGORIES)
    return found


def summary(found):
    """One sentence naming everything that is missing, for the message above the editor."""
    names = get_text_list([str(gap.name) for gap in found], gettext("und"))
    return gettext("Für die Veröffentlichung fehlt noch: %(gaps)s.") % {"gaps": names}
