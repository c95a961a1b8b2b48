from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "renaksi.organisasi"
    label = "organisasi"
