"""The communications team writes and publishes stories itself: Editors may publish."""

from django.db import migrations


def grant_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    editors = Group.objects.filter(name="Editors").first()
    publish = Permission.objects.filter(content_type__app_label="wagtailcore", codename="publish_page").first()
    if root and editors and publish:
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)


def revoke_publish(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Editors", page__depth=1, permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant_publish, revoke_publish)]
