from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "indigo.organisation"
    label = "organisation"
    verbose_name = "Organisation: locations, units and memberships"
