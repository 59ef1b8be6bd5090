"""The moderators' own views, below /admin/kommentare/ (the listing and detail are Wagtail's snippet
views, see `viewsets`)."""

from django.urls import path

from comments.dsa import report_views

from . import author_edits, blocks, cases, commenters, privacy, questions, undo, views

urlpatterns = [
    path("meldungen/", cases.QueueView.as_view(), name="queue"),
    path("<id:pk>/entscheiden/", cases.DecideView.as_view(), name="decide"),
    path("einspruch/<id:pk>/", cases.ObjectionView.as_view(), name="objection"),
    path("aenderung/<id:pk>/<slug:decision>/", author_edits.decide_edit, name="decide_edit"),
    path("<id:pk>/<slug:action>/", views.moderate, name="moderate"),
    path("rueckgaengig/", undo.undo, name="undo"),
    path("geschichte/<id:page_id>/<slug:decision>/", views.decide_discussion, name="discussion"),
    path("datenschutz/", privacy.PrivacyView.as_view(), name="privacy"),
    path("datenschutz/export/", privacy.ExportView.as_view(), name="privacy_export"),
    path("datenschutz/loeschen/", privacy.EraseView.as_view(), name="privacy_erase"),
    path("dsa-bericht/", report_views.TransparencyReportView.as_view(), name="dsa_report"),
    path("fragen/", questions.QuestionsView.as_view(), name="questions"),
    path("fragen/<id:pk>/nicht-noetig/", questions.set_aside, name="no_answer_needed"),
    path("antwort/<id:pk>/anheften/", questions.pin, name="pin"),
    path("antwort/<id:pk>/nicht-mehr-anheften/", questions.unpin, name="unpin"),
    path("sperren/", blocks.BlockListView.as_view(), name="blocks"),
    path("sperren/neu/", blocks.AddBlockView.as_view(), name="add_block"),
    path("sperren/<id:pk>/aufheben/", blocks.lift_block, name="lift_block"),
    path("<id:pk>/verfasser/vertrauen/", commenters.set_trust, name="commenter_trust"),
    path("<id:pk>/verfasser/notiz/", commenters.add_note, name="commenter_note"),
]
