from django.apps import AppConfig


class PemeriksaanConfig(AppConfig):
    name = "renaksi.pemeriksaan"
    label = "pemeriksaan"
