"""The "Moderatoren" group: exactly what running the discussion needs, and no delete permission
(deleting comments would break threads; moderators remove instead)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("comments", "storycomment", "view_storycomment"),
    ("comments", "storycomment", "change_storycomment"),
    ("comments", "commentreport", "view_commentreport"),
    ("comments", "commentreport", "change_commentreport"),
    ("django_comments", "comment", "can_moderate"),
]


def create_moderators(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Moderatoren")
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        for app_label, model, codename in MODERATOR_PERMISSIONS
    )


def remove_moderators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderatoren").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # After Wagtail's migrations that hand "choose" permissions to every admin group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_moderators, remove_moderators)]
