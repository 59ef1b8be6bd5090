from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .dashboard import ScheduledPanel
from .models import Author, StoryCategory


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Autorinnen und Autoren")
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]
    list_export = ["name", "slug", "role", "bio"]


class StoryCategoryViewSet(SnippetViewSet):
    model = StoryCategory
    icon = "folder-open-inverse"
    menu_label = _("Kategorien")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class StoryViewSetGroup(SnippetViewSetGroup):
    items = (AuthorViewSet, StoryCategoryViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Geschichten")
    menu_name = "stories"
    menu_order = 200


register_snippet(StoryViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_scheduled_panel(request, panels):
    panels.append(ScheduledPanel())
