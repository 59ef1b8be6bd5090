"""Every story in one flat list, whatever its status: Wagtail's page listing for one page type, with the
status in German words, the authors and the story's date, filtered by status, category and author."""

from django.db.models import Prefetch
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter, ModelMultipleChoiceFilter, MultipleChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.models import Task

from ..models import Author, StoryAuthor, StoryCategory, StoryPage
from .statuses import StoryStatus, status_label, with_status


class StoryFilterSet(WagtailFilterSet):
    status = MultipleChoiceFilter(
        label=_("Status"), choices=StoryStatus.choices, widget=CheckboxSelectMultiple
    )
    categories = ModelMultipleChoiceFilter(
        label=_("Kategorien"), queryset=StoryCategory.objects.all(), widget=CheckboxSelectMultiple
    )
    authors = ModelMultipleChoiceFilter(
        label=_("Autorinnen und Autoren"),
        field_name="story_authors__author",
        queryset=Author.objects.all(),
        widget=CheckboxSelectMultiple,
    )
    latest_revision_created_at = DateFromToRangeFilter(
        label=_("Zuletzt geändert"), widget=DateRangePickerWidget
    )

    class Meta:
        model = StoryPage
        fields = []


def author_names(story):
    return ", ".join(author.name for author in story.authors)


COLUMNS = [
    BulkActionsColumn("bulk_actions"),
    PageTitleColumn("title", label=_("Titel"), sort_key="title", classname="title"),
    StatusTagColumn("status", label=_("Status"), accessor=status_label, primary=lambda story: story.live),
    Column("authors", label=_("Autorinnen und Autoren"), accessor=author_names),
    Column("date", label=_("Datum"), sort_key="date", width="12%"),
    DateColumn(
        "latest_revision_created_at",
        label=_("Zuletzt geändert"),
        sort_key="latest_revision_created_at",
        width="14%",
    ),
]


def share_specific_tasks(stories):
    """Wagtail's permission checks on each row ask a story in review for its current task in its specific
    form, one query per story; here one query fetches them all for the listed stories."""
    task_states = [
        state.current_task_state
        for story in stories
        for state in getattr(story, "_current_workflow_states", [])
        if state.current_task_state
    ]
    if not task_states:
        return
    tasks = Task.objects.filter(pk__in={task_state.task_id for task_state in task_states}).specific()
    specific_tasks = {task.pk: task for task in tasks}
    for task_state in task_states:
        task_state.task.specific = specific_tasks[task_state.task_id]


class StoryIndexView(IndexView):
    """Wagtail's flat page listing, with each story's status, authors and workflow task fetched for all
    rows at once."""

    page_title = _("Alle Geschichten")

    def get_base_queryset(self):
        stories = (
            super()
            .get_base_queryset()
            .prefetch_related(
                Prefetch("story_authors", queryset=StoryAuthor.objects.select_related("author"))
            )
        )
        return with_status(stories)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        share_specific_tasks(context["object_list"])
        return context
