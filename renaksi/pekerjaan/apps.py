from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PekerjaanConfig(AppConfig):
    name = "renaksi.pekerjaan"
    verbose_name = _("Pekerjaan latar belakang")
    default_auto_field = "django.db.models.BigAutoField"
