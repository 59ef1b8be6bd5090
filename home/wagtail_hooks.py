from wagtail import hooks

from .action_menu import use_approval_words

hooks.register("construct_page_action_menu", use_approval_words)
