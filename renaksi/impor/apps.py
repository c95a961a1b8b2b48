from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporConfig(AppConfig):
    name = "renaksi.impor"
    label = "impor"
    verbose_name = _("Impor dokumen")
