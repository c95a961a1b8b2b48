from django.apps import AppConfig


class DasborConfig(AppConfig):
    name = "renaksi.dasbor"
    label = "dasbor"
