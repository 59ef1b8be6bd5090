"""The "Geschichten" menu: "Neue Geschichte", "Alle Geschichten", authors and categories. Each item shows
only to those who may use it, and the menu disappears when none does."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import Author, StoryCategory, StoryPage
from .access import may_add_stories, may_list_stories
from .listing import COLUMNS, StoryFilterSet, StoryIndexView

# The hook through which items join the menu besides its viewsets (Wagtail's `submenu_hook`).
STORY_MENU_HOOK = "register_story_menu_item"


class NewStoryMenuItem(MenuItem):
    """One click to a new story: Wagtail's choose-parent step, which goes straight on to the form when
    there is only one story index the editor may add to."""

    def __init__(self):
        super().__init__(
            _("Neue Geschichte"),
            reverse("geschichten:choose_parent"),
            name="new-story",
            icon_name="plus",
            order=0,
        )

    def is_shown(self, request):
        return may_add_stories(request.user)


class StoryListingMenuItem(MenuItem):
    def is_shown(self, request):
        return may_list_stories(request.user)


class StoryListingViewSet(PageListingViewSet):
    model = StoryPage
    name = "geschichten"
    icon = "list-ul"
    menu_label = _("Alle Geschichten")
    menu_item_class = StoryListingMenuItem
    index_view_class = StoryIndexView
    columns = COLUMNS
    filterset_class = StoryFilterSet


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
    """A snippet group, as Wagtail registers snippets through one; the story listing sits in it as any
    viewset may."""

    items = (StoryListingViewSet, AuthorViewSet, StoryCategoryViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Geschichten")
    menu_name = "stories"
    menu_order = 200
    submenu_hook = STORY_MENU_HOOK
