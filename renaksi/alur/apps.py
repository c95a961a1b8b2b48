from django.apps import AppConfig


class AlurConfig(AppConfig):
    name = "renaksi.alur"
    verbose_name = "Alur persetujuan"
