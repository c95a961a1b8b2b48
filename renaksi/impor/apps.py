from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "renaksi.impor"
    label = "impor"
