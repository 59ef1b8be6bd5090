import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from blog.tests.factories import StoryPageFactory
from comments.models import CommentPolicy


@pytest.fixture
def story(story_index):
    """A story from today, so its discussion is open."""
    return StoryPageFactory(
        parent=story_index, title="Wie Esel Emil heimkam", slug="esel", date=timezone.localdate()
    )


@pytest.fixture
def moderator(client, django_user_model):
    """A member of the "Moderatoren" group, logged in."""
    user = django_user_model.objects.create_user(
        "moderatorin", "mod@example.org", "x", first_name="Mara", last_name="Moder"
    )
    user.groups.add(Group.objects.get(name="Moderatoren"))
    client.force_login(user)
    return user


@pytest.fixture
def client():
    """A browser on our own pages: it says where a form came from, as every current browser does."""
    return Client(headers={"Sec-Fetch-Site": "same-origin"})


@pytest.fixture
def policy(home_page):
    """The comment rules of the default site, saved so that a test can change them."""
    return CommentPolicy.for_site(Site.objects.get(is_default_site=True))
