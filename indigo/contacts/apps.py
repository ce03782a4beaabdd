from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "indigo.contacts"
    label = "contacts"
    verbose_name = "Contacts: one view of a person, and the contact log"

    def ready(self) -> None:
        from indigo import append_only
        from indigo.contacts.models import ContactMoment

        append_only.register(ContactMoment)
        append_only.connect()
