"""Registrations only: the story editor's views, the "Geschichten" menu and the dashboard panels of the
blog."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .dashboard import ScheduledPanel
from .editor.views import StoryPageViewSet
from .editorial.access import may_add_stories
from .editorial.panels import MyStoriesPanel
from .editorial.viewsets import STORY_MENU_HOOK, NewStoryMenuItem, StoryViewSetGroup

hooks.register("register_admin_viewset", StoryPageViewSet)
register_snippet(StoryViewSetGroup)
hooks.register(STORY_MENU_HOOK, NewStoryMenuItem)


@hooks.register("construct_homepage_panels")
def add_my_stories_panel(request, panels):
    if may_add_stories(request.user):
        panels.append(MyStoriesPanel())


@hooks.register("construct_homepage_panels")
def add_scheduled_panel(request, panels):
    panels.append(ScheduledPanel())
