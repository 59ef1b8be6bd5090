"""The story form: Wagtail's page form with the house rules and addresses that drafts do not reserve.

Both wait for the moment a story is meant to be read: when the editor submits it for review, publishes
it or acts on it in a workflow. Saving a draft and autosaving run Wagtail's deferred validation, and
then neither the house rules nor the address stop the editor.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorList
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from core.addresses import address_holder

from .. import house_rules


class StoryPageForm(WagtailAdminPageForm):
    """Refuses a story that breaks a house rule (`blog.house_rules`) or takes an address another story
    holds (`core.addresses`), with a message at each field and a summary at the top of the editor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.house_rules_checked_by_form = True
        if "teaser" in self.fields:
            self.fields["teaser"].error_messages["required"] = house_rules.TEASER.advice

    def clean(self):
        # Not WagtailAdminPageForm.clean(): it refuses an address that any sibling has, a draft too.
        cleaned_data = super(WagtailAdminPageForm, self).clean()
        if not self.is_deferred_validation:
            self.check_address(cleaned_data.get("slug"))
            self.check_house_rules()
        self.explain_body_errors()
        return cleaned_data

    def check_address(self, slug):
        holder = slug and address_holder(slug, self.parent_page, self.instance)
        if holder:
            message = _("Der Kurztitel „%(slug)s“ gehört schon zu „%(title)s“ – bitte einen anderen wählen.")
            self.add_error("slug", forms.ValidationError(message % {"slug": slug, "title": holder.title}))

    def check_house_rules(self):
        gaps = house_rules.gaps(
            hero_image=self.cleaned_data.get("hero_image"),
            hero_alt=self.cleaned_data.get("hero_alt"),
            teaser=not self.has_error("teaser", code="required"),  # a teaser too long is no missing one
            author_count=len(self.chosen_authors()),
            category_count=len(self.cleaned_data.get("categories") or []),
        )
        if not gaps:
            return
        for gap in gaps:
            if gap is house_rules.AUTHORS:
                # Shown above the inline panel; the page's formset is not a field of this form.
                self.formsets["story_authors"].non_form_errors().append(gap.advice)
            elif gap.field not in self.errors:  # an empty teaser already says so (its "required" message)
                self.add_error(gap.field, gap.advice)
        self.add_error(None, house_rules.summary(gaps))
        self.put_summary_first()

    def put_summary_first(self):
        """The message above the editor lists the form's errors in order: the summary leads."""
        errors = self.errors
        for field in [field for field in errors if field != NON_FIELD_ERRORS]:
            errors[field] = errors.pop(field)

    def explain_body_errors(self):
        """Wagtail sums up any problem in a StreamField as "Validation error in StreamBlock", in English
        and in no catalog; the message above the editor says it in German (the blocks keep their own)."""
        for error in self.errors.get("body", ErrorList()).as_data():
            if isinstance(error, StreamBlockValidationError):
                if error.block_errors:
                    error.message = _("Ein Block ist noch nicht in Ordnung; er ist im Inhalt markiert.")
                else:
                    error.message = " ".join(error.non_block_errors)

    def chosen_authors(self):
        """The authors the editor has chosen and not removed again."""
        authors = self.formsets["story_authors"]
        authors.is_valid()  # cleans the rows
        return [
            row.cleaned_data["author"]
            for row in authors.forms
            if row.cleaned_data.get("author") and not row.cleaned_data.get("DELETE")
        ]
