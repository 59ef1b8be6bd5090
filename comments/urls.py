from django.urls import path

from . import edit_views, feeds, views
from .dsa import views as dsa_views

app_name = "comments"

urlpatterns = [
    path("posten/", views.post_comment, name="post"),
    path("start/<id:story_id>/", views.start_writing, name="start"),
    path("bestaetigen/<str:token>/", views.confirm_comment, name="confirm"),
    path("bestaetigt/<str:result>/", views.confirmation_result, name="confirmed"),
    path("bearbeiten/<str:token>/", edit_views.edit_comment, name="edit"),
    path("zurueckziehen/<str:token>/", edit_views.withdraw_comment, name="withdraw"),
    path("stumm/<str:token>/", views.mute_thread, name="mute"),
    path("melden/<id:comment_id>/", views.report_comment, name="report"),
    path("hilfreich/<id:comment_id>/", views.mark_helpful, name="helpful"),
    path("rechtswidrig-melden/", dsa_views.send_notice, name="notice"),
    path("rechtswidrig-melden/eingegangen/<str:result>/", dsa_views.notice_received, name="notice_received"),
    path("einspruch/<str:token>/", dsa_views.object_to_decision, name="object"),
]

# The comment feeds are public and kept by the page cache like any page (`config/urls.py` mounts them
# apart from the personal views above, without never_cache).
feed_urlpatterns = [
    path("", feeds.SiteCommentsRssFeed.as_view(), name="site"),
    path("atom/", feeds.SiteCommentsAtomFeed.as_view(), name="site_atom"),
    path("geschichte/<id:story_id>/", feeds.StoryCommentsRssFeed.as_view(), name="story"),
    path("geschichte/<id:story_id>/atom/", feeds.StoryCommentsAtomFeed.as_view(), name="story_atom"),
]
