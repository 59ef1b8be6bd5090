"""The story editor in Wagtail's admin: the story form with the house rules (`forms`) and Wagtail's page
views as stories need them (`views`)."""
