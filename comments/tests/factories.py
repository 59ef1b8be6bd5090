import factory
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from comments.models import CommentStatus, StoryComment


class StoryCommentFactory(factory.django.DjangoModelFactory):
    """A comment on `story`; pass `parent=` for a reply."""

    class Meta:
        model = StoryComment
        exclude = ("story", "parent")

    story = None
    parent = None
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.story))
    object_pk = factory.LazyAttribute(lambda o: str(o.story.pk))
    site_id = settings.SITE_ID
    user_name = factory.Sequence(lambda n: f"Leserin {n}")
    user_email = factory.Sequence(lambda n: f"leserin{n}@example.org")
    comment = "Was für eine schöne Geschichte!"
    status = CommentStatus.PUBLISHED
    parent_id = factory.LazyAttribute(lambda o: o.parent.pk if o.parent else 0)
