from datetime import date

import factory
from django.contrib.auth import get_user_model

from indigo.accounts.roles import STAFF_ROLES, Role, grant_role
from indigo.catalog.models import Process
from indigo.organisation.models import Location, Membership, Unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            grant_role(self, Role(extracted))
        self.save()


def make_unit(code: str, *, kind=Unit.Kind.INTEGRAL, processes=(), specialisms=(), city="Zwolle"):
    location, _ = Location.objects.get_or_create(
        code=city.lower(), defaults={"name": f"IND {city}", "city": city}
    )
    unit, _ = Unit.objects.get_or_create(
        code=code,
        defaults={
            "name_en": code,
            "name_nl": code,
            "kind": kind,
            "location": location,
            "processes": list(processes),
            "specialisms": list(specialisms),
        },
    )
    return unit


def join(
    user,
    unit: Unit,
    *,
    valid_from=date(2000, 1, 1),
    valid_to=None,
    temporary=False,
    casework: bool | None = None,
):
    Membership.objects.create(
        user=user,
        unit=unit,
        valid_from=valid_from,
        valid_to=valid_to,
        temporary=temporary,
        casework=casework,
    )
    user.__dict__.pop("_indigo_units", None)
    user.__dict__.pop("_indigo_casework", None)
    return user


def user_with_role(role: str | None, *, units=None, **kwargs):
    """A user with a role; staff join an integral unit for every process unless `units`."""
    user = UserFactory(role=role, **kwargs)
    if units is None and role in STAFF_ROLES:
        units = [make_unit("all-processes", processes=Process.values)]
    for unit in units or ():
        join(user, unit)
    return user
