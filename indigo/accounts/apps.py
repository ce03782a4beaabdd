from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "indigo.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from indigo.accounts.middleware import mark_seen_at_login

        user_logged_in.connect(mark_seen_at_login, dispatch_uid="indigo-staff-seen-at-login")
