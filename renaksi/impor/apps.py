from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporConfig(AppConfig):
    name = "renaksi.impor"
    label = "impor"
    verbose_name = _("Impor dokumen")

    def ready(self) -> None:
        from . import tugas

        tugas.daftarkan()  # a long PDF is read by a background job (renaksi.pekerjaan)
