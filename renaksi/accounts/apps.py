from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "renaksi.accounts"
    label = "accounts"
