from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PemeriksaanConfig(AppConfig):
    name = "renaksi.pemeriksaan"
    label = "pemeriksaan"
    verbose_name = _("Pemeriksaan")

    def ready(self) -> None:
        from . import perubahan

        perubahan.connect()
