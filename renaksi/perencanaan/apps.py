from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "renaksi.perencanaan"
    label = "perencanaan"
