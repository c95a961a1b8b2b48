from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "renaksi.core"
    label = "core"
