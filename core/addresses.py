"""Addresses (slugs) that drafts do not reserve, as in WordPress.

Wagtail gives a new page its address with its first save, and autosave saves a new page as soon as its
title is typed: an abandoned draft would keep "ein-esel-findet-heim" from the editor's next try at the
same story. With `DraftsReserveNoAddressMixin` only the pages that hold their address count: live ones,
those published before (readers and search engines know the address), those in review and those
scheduled (both about to go live). A draft is saved with any address; whether it is free is asked when
the page is submitted or published (`Page.clean`, and the page's form). Two drafts, or a draft and a live
page, may share an address, never two live pages; `core.routing` serves the live one.
"""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Revision, WorkflowState, get_default_page_content_type


def holding_their_address(pages):
    """The pages among `pages` whose address no sibling may take."""
    page_id = Cast(OuterRef("pk"), output_field=CharField())
    in_review = WorkflowState.objects.filter(
        base_content_type=get_default_page_content_type(),
        object_id=page_id,
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    scheduled = Revision.objects.page_revisions().filter(object_id=page_id, approved_go_live_at__isnull=False)
    return pages.filter(
        Q(live=True) | Q(last_published_at__isnull=False) | Exists(in_review) | Exists(scheduled)
    )


def address_holder(slug, parent_page, page=None):
    """The sibling below `parent_page` that holds `slug`, if any (`page` itself does not count)."""
    if parent_page is None:  # the root page's address is its own
        return None
    siblings = parent_page.get_children().filter(slug=slug)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return holding_their_address(siblings).first()


class DraftsReserveNoAddressMixin:
    """For a page model whose drafts reserve no address (before `Page` in the bases)."""

    @staticmethod
    def _slug_is_available(slug, parent_page, page=None):
        # Wagtail asks this in Page.clean() (submitting, publishing) and when it makes an address up from
        # the title; Wagtail's page form asks Page's own version, so the page's form asks `address_holder`.
        return address_holder(slug, parent_page, page) is None

    def minimal_clean(self):
        """Saving a draft: Wagtail's minimal validation without the address check (drafts hold none)."""
        self._set_core_field_defaults()
        self.title = self._meta.get_field("title").clean(self.title, self)
