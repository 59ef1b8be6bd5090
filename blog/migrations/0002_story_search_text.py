"""The reader search finds parts of words (blog.search): each story's searchable text in one column, filled
for the stories there are, and on PostgreSQL a trigram index that answers `LIKE '%esel%'`. On SQLite the
extension and the index are left out; going back drops the index and leaves the extension (it may serve
others)."""

from django.db import migrations, models

from blog.search import build_search_text

TRIGRAM_INDEX = "blog_storypage_search_text_trgm"


def fill_search_text(apps, schema_editor):
    StoryPage = apps.get_model("blog", "StoryPage")
    StoryTag = apps.get_model("blog", "StoryTag")
    for story in StoryPage.objects.all():
        names = list(story.categories.values_list("name", flat=True))
        names += StoryTag.objects.filter(content_object_id=story.pk).values_list("tag__name", flat=True)
        body_texts = story.body.stream_block.get_searchable_content(story.body)
        story.search_text = build_search_text(story.title, story.teaser, body_texts, names)
        story.save(update_fields=["search_text"])


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON blog_storypage USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="search_text",
            field=models.TextField(blank=True, db_default="", default="", editable=False, verbose_name="Suchtext"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
