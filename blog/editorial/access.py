"""Who may write stories and who may see the list of them: the menu, the listing and the dashboard ask
here, so a comments-only moderator meets none of it."""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.views.pages.listing import IndexView
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import StoryIndexPage, StoryPage

policy = PagePermissionPolicy()


def of_types(pages, *models):
    return pages.filter(content_type__in=ContentType.objects.get_for_models(*models).values())


def may_add_stories(user):
    """May add a story below some story index (Wagtail's "add" permission is inherited down the tree, so
    one on the home page counts too)."""
    return of_types(policy.instances_user_has_permission_for(user, "add"), StoryIndexPage).exists()


def may_list_stories(user):
    """May add stories, or do with one of them anything the page listing offers (edit, publish, lock…)."""
    pages = policy.instances_user_has_any_permission_for(user, IndexView.any_permission_required)
    return of_types(pages, StoryIndexPage, StoryPage).exists()
