"""Privacy tools for moderators: export and erase everything stored about one e-mail address."""

urlpatterns = []
