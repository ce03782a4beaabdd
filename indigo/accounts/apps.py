from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "indigo.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
