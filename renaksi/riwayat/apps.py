from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiwayatConfig(AppConfig):
    name = "renaksi.riwayat"
    verbose_name = _("Riwayat dan catatan")

    def ready(self) -> None:
        from . import perubahan

        perubahan.connect()
