from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "indigo.contacts"
    label = "contacts"
    verbose_name = _("Contacts: one view of a person, and the contact log")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.contacts.models import ContactMoment

        append_only.register(ContactMoment)
        append_only.connect()
