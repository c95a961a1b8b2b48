from django.apps import AppConfig


class SintetisConfig(AppConfig):
    name = "renaksi.sintetis"
    label = "sintetis"
    verbose_name = "Pemda sintetis"
