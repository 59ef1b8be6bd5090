"""Panels of the story editor."""

from wagtail.admin.panels import MultipleChooserPanel


class ChooserPanel(MultipleChooserPanel):
    """Wagtail's multiple chooser panel, whose button keeps German nouns capitalised ("Autorin / Autor
    hinzufügen"; Wagtail lower-cases the label, as English would)."""

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "blog/editor/multiple_chooser_panel.html"
