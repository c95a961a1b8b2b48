from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerencanaanConfig(AppConfig):
    name = "renaksi.perencanaan"
    label = "perencanaan"
    verbose_name = _("Perencanaan")
