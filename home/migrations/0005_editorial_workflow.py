"""The editorial workflow "Redaktionelle Freigabe": the Redaktion writes and submits, the Chefredaktion
approves (which publishes or schedules) or sends back with a comment. Only the Chefredaktion publishes.

Wagtail's own migrations created the groups "Editors" and "Moderators" and the workflow "Moderators
approval" (one task for Moderators, assigned to the root page, so it covers the whole site); home/0002
let Editors publish. This renames them (members stay), gives each group exactly the permissions below
and assigns the workflow to the root page. Reversing restores Wagtail's defaults and home/0002's grant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (app_label, model, codename). Global permissions are the group's own; page permissions hold on the root
# page (the whole site); collection permissions on the root collection (all images and documents).
REDAKTION_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("blog", "author", "add_author"),
    ("blog", "author", "change_author"),
    ("blog", "storycategory", "add_storycategory"),
    ("blog", "storycategory", "change_storycategory"),
]
# Add and edit pages, submit them for approval. No publish: without it Wagtail lets them delete drafts only,
# never a live page.
REDAKTION_PAGE_PERMISSIONS = [
    ("wagtailcore", "page", "add_page"),
    ("wagtailcore", "page", "change_page"),
]
# Upload, edit and choose images and documents; delete only what they uploaded themselves (Wagtail's rule
# for owners).
REDAKTION_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]

CHEFREDAKTION_PERMISSIONS = REDAKTION_PERMISSIONS + [
    ("blog", "author", "delete_author"),
    ("blog", "storycategory", "delete_storycategory"),
]
# Everything the Redaktion does, plus publish (and so unpublish, schedule, delete live pages) and lock or
# unlock any page. No bulk delete: removing a page with all its children (the story index with every story)
# stays with the administrators.
CHEFREDAKTION_PAGE_PERMISSIONS = REDAKTION_PAGE_PERMISSIONS + [
    ("wagtailcore", "page", "publish_page"),
    ("wagtailcore", "page", "lock_page"),
    ("wagtailcore", "page", "unlock_page"),
]
CHEFREDAKTION_COLLECTION_PERMISSIONS = REDAKTION_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "delete_document"),
]

GROUPS = [
    # (Wagtail's name, our name, global, page, collection permissions)
    (
        "Editors",
        "Redaktion",
        REDAKTION_PERMISSIONS,
        REDAKTION_PAGE_PERMISSIONS,
        REDAKTION_COLLECTION_PERMISSIONS,
    ),
    (
        "Moderators",
        "Chefredaktion",
        CHEFREDAKTION_PERMISSIONS,
        CHEFREDAKTION_PAGE_PERMISSIONS,
        CHEFREDAKTION_COLLECTION_PERMISSIONS,
    ),
]
WORKFLOW_NAMES = ("Moderators approval", "Redaktionelle Freigabe")
TASK_NAMES = ("Moderators approval", "Freigabe durch die Chefredaktion")

# What Wagtail's migrations (and home/0002, for Editors) gave the groups: restored when reversing.
WAGTAIL_MEDIA_PERMISSIONS = [
    (app_label, model, f"{action}_{model}")
    for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ("add", "change", "choose", "delete")
]
WAGTAIL_GROUPS = [
    (
        "Redaktion",
        "Editors",
        [("wagtailadmin", "admin", "access_admin"), *WAGTAIL_MEDIA_PERMISSIONS],
        [("wagtailcore", "page", f"{action}_page") for action in ("add", "change", "publish")],
        [(a, m, c) for a, m, c in WAGTAIL_MEDIA_PERMISSIONS if not c.startswith("delete")],
    ),
    (
        "Chefredaktion",
        "Moderators",
        [("wagtailadmin", "admin", "access_admin"), *WAGTAIL_MEDIA_PERMISSIONS],
        [("wagtailcore", "page", f"{action}_page") for action in ("add", "change", "lock", "publish", "unlock")],
        [(a, m, c) for a, m, c in WAGTAIL_MEDIA_PERMISSIONS if not c.startswith("delete")],
    ),
]


def ensure_permissions_exist(apps):
    """Django creates permissions after all migrations; on a fresh database they don't exist yet."""
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def permissions(apps, triples):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        for app_label, model, codename in triples
    ]


def set_up_groups(apps, groups):
    """Renames each group (or creates it) and gives it exactly the listed permissions. Returns the groups
    by their new name."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    result = {}
    for old_name, new_name, global_permissions, page_permissions, collection_permissions in groups:
        group = (
            Group.objects.filter(name=new_name).first()
            or Group.objects.filter(name=old_name).first()
            or Group(name=new_name)
        )
        group.name = new_name
        group.save()
        group.permissions.set(permissions(apps, global_permissions))
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=root_page, permission=permission)
            for permission in permissions(apps, page_permissions)
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=root_collection, permission=permission)
            for permission in permissions(apps, collection_permissions)
        )
        result[new_name] = group
    return result


def set_up_workflow(apps, workflow_names, task_names, task_model, reviewers):
    """Renames the default workflow and its task (or creates them), hands the task to `reviewers` and
    assigns the workflow to the root page."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    old_workflow, new_workflow = workflow_names
    old_task, new_task = task_names
    content_type, _ = ContentType.objects.get_or_create(app_label=task_model[0], model=task_model[1])

    task = (
        GroupApprovalTask.objects.filter(name=new_task).first()
        or GroupApprovalTask.objects.filter(name=old_task).first()
        or GroupApprovalTask(name=new_task, content_type=content_type)
    )
    task.name = new_task
    task.active = True
    task.save()
    Task.objects.filter(pk=task.pk).update(content_type=content_type)
    task.groups.set([reviewers])

    workflow = (
        Workflow.objects.filter(name=new_workflow).first()
        or Workflow.objects.filter(name=old_workflow).first()
        or Workflow(name=new_workflow)
    )
    workflow.name = new_workflow
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})


def forwards(apps, schema_editor):
    ensure_permissions_exist(apps)
    groups = set_up_groups(apps, GROUPS)
    set_up_workflow(
        apps, WORKFLOW_NAMES, TASK_NAMES, ("home", "editorialapprovaltask"), groups["Chefredaktion"]
    )


def backwards(apps, schema_editor):
    groups = set_up_groups(apps, WAGTAIL_GROUPS)
    set_up_workflow(
        apps,
        WORKFLOW_NAMES[::-1],
        TASK_NAMES[::-1],
        ("wagtailcore", "groupapprovaltask"),
        groups["Moderators"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_sitesettings_faq_page"),
        ("blog", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="EditorialApprovalTask",
            fields=[],
            options={
                "verbose_name": "Redaktionelle Freigabe durch eine Gruppe",
                "verbose_name_plural": "Redaktionelle Freigaben durch eine Gruppe",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
