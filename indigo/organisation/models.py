"""The agency's organisation: locations, units and who works in which unit.

A unit's work comes from *queues*. An integral unit (integrale unit) works on the
applications of the processes it covers (`process:<process>` queues: owning cases and
the integral tasks such as a register check); a specialist unit works on the tasks of
its specialisms (`specialism:<code>` queues, e.g. document examination). Several units
at different locations can serve the same queue: that is how work is shared (R4, R7).

Membership is dated: a temporary membership is how a manager lends an employee to
another unit's queue for a while (flexible deployment, R7).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from indigo.catalog.models.products import BilingualNameMixin


class Location(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    city = models.CharField(max_length=80)

    class Meta:
        ordering = ["city", "name"]

    def __str__(self) -> str:
        return self.name


class Unit(BilingualNameMixin):
    class Kind(models.TextChoices):
        INTEGRAL = "integral", _("Integral unit")
        SPECIALIST = "specialist", _("Specialist unit")
        DESK = "desk", _("Service desk")
        CONTACT_CENTRE = "contact-centre", _("Contact centre")

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="units")
    # Processes (catalog.Process values) whose applications this unit handles and sees.
    processes = models.JSONField(default=list, blank=True)
    # Task codes this unit's specialists perform (specialist units).
    specialisms = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["code"]

    def queues(self) -> set[str]:
        return self.process_queues() | self.specialism_queues()

    def process_queues(self) -> set[str]:
        return {f"process:{p}" for p in self.processes}

    def specialism_queues(self) -> set[str]:
        return {f"specialism:{s}" for s in self.specialisms}


class Membership(models.Model):
    """An employee's membership of a unit from `valid_from` up to and including `valid_to`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    temporary = models.BooleanField(
        default=False, help_text=_("Lent to this unit for a while (flexible deployment).")
    )
    reason = models.TextField(blank=True)
    # Whether the member does casework in this unit (gets work from its queues through
    # "Get next", owns applications, decides). Unset: caseworkers and specialists do,
    # managers, desk and contact-centre staff do not (indigo.organisation.permissions).
    casework = models.BooleanField(
        null=True,
        blank=True,
        help_text=_("Does casework in this unit; unset: decided by the person's role."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="organisation_membership_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.unit.code}"
