from django.apps import AppConfig


class MonevConfig(AppConfig):
    name = "renaksi.monev"
    label = "monev"
    verbose_name = "Monitoring dan evaluasi"

    def ready(self) -> None:
        from . import perubahan

        perubahan.connect()
