from wagtail import hooks

from .action_menu import use_approval_words
from .sent_back import show_what_to_change

hooks.register("construct_page_action_menu", use_approval_words)
hooks.register("before_edit_page", show_what_to_change)
