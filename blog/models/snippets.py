"""The people and topics stories are filed under: snippets editors manage beside the pages."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index

from core.names import initials


class Author(index.Indexed, models.Model):
    """A person who writes or appears as a voice of the company in stories."""

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=120, unique=True, allow_unicode=False)
    role = models.CharField(_("Rolle"), max_length=120, blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("Kurzbiografie"), blank=True, max_length=600)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzerkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("Antworten dieses Kontos auf eigene Geschichten tragen das Abzeichen „Team“."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Autorin / Autor")
        verbose_name_plural = _("Autorinnen und Autoren")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def initials(self):
        return initials(self.name)


class StoryCategory(index.Indexed, models.Model):
    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=80, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=400)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["name"]

    def __str__(self):
        return self.name
