from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "renaksi.laporan"
    label = "laporan"
