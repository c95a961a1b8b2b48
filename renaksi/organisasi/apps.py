from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    name = "renaksi.organisasi"
    label = "organisasi"
    verbose_name = _("Organisasi")
