"""Wagtail's page views for stories, with two changes.

- The first save of a story that autosave brought into being says it was created, as Wagtail's create
  view would have said: Wagtail's autosave creates the page in the background and hands the editor
  over to its edit view, whose "save" only ever says "updated".
- Approving a story in review checks the house rules on the version that goes live: Wagtail publishes
  the latest revision, and someone may have saved an incomplete draft after the story was submitted.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet

from .. import house_rules
from ..models import StoryPage

# Added to the editor's form when autosave has just created the story (see the template): the next
# save the editor makes is the story's first.
CREATED_BY_AUTOSAVE = "created_by_autosave"

# Wagtail's own words for a page saved for the first time, read from Wagtail's catalog as its create
# view does; a variable, so that it is not extracted into ours.
PAGE_CREATED = "Page '%(page_title)s' created."


class StoryEditView(EditView):
    partials_template_name = "blog/editor/story_edit_partials.html"

    def add_save_confirmation_message(self):
        if self.request.POST.get(CREATED_BY_AUTOSAVE) and not self.is_reverting:
            title = self.page.get_admin_display_title()
            messages.success(self.request, gettext(PAGE_CREATED) % {"page_title": title})
        else:
            super().add_save_confirmation_message()

    def get_context_data(self, **kwargs):
        return super().get_context_data(created_by_autosave_field=CREATED_BY_AUTOSAVE, **kwargs)


class StoryWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        if self.action_name == "approve":
            story = self.object.get_latest_revision_as_object()
            if gaps := story.house_rule_gaps():
                return self.refuse_approval(story, gaps)
        return super().post(request, *args, **kwargs)

    def refuse_approval(self, story, gaps):
        messages.error(
            self.request,
            gettext("„%(title)s“ kann so nicht freigegeben werden. %(summary)s")
            % {"title": story.get_admin_display_title(), "summary": house_rules.summary(gaps)},
        )
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(self.request, {"step": "success", "redirect": self.redirect_url})
        return redirect(self.redirect_url)


class StoryPageViewSet(PageViewSet):
    model = StoryPage
    edit_view_class = StoryEditView
    workflow_action_view_class = StoryWorkflowActionView
    # The explorer keeps Wagtail's listing for the story index: this viewset changes only the views above.
    parent_models = ()
