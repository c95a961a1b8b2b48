from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    name = "renaksi.laporan"
    label = "laporan"
    verbose_name = _("Laporan")

    def ready(self) -> None:
        from . import tugas

        tugas.daftarkan()  # the runners of its background jobs (renaksi.pekerjaan), its workflow receiver
