from django.apps import AppConfig


class SintetisConfig(AppConfig):
    name = "renaksi.sintetis"
    label = "sintetis"
    verbose_name = "Pemda sintetis"

    def ready(self) -> None:
        from . import tugas

        tugas.daftarkan()  # `renaksi synth --job` runs in a worker (renaksi.pekerjaan)
