"""Service desks (IND-loketten, R12): where applicants come by appointment.

Desks, their opening hours and their capacity are configuration, loaded from
``data/desks.yaml`` (`indigo desks_load`). An appointment holds one *seat* of one slot:
slot = (desk, appointment type, start); a slot has as many seats as the desk has
counters for that type (`Capacity.seats`). The database refuses two live appointments
on the same seat (`desks_one_appointment_per_seat`), and the booking service only hands
out seats 1..capacity, so a slot is never overbooked, also under concurrent booking.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from indigo.catalog.models.products import BilingualNameMixin


class Desk(BilingualNameMixin):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("IND desk")
        EXPAT_CENTRE = "expat-centre", _("Expat centre")

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    location = models.ForeignKey(
        "organisation.Location", on_delete=models.PROTECT, related_name="desks"
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    # Product codes whose applicants this desk serves; empty: every product. Expat
    # centres serve their target groups only.
    products = models.JSONField(default=list, blank=True)
    active = models.BooleanField(_("active"), default=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["-kind", "name_en"]  # regular desks first

    def serves(self, product_code: str) -> bool:
        return not self.products or product_code in self.products


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One period a desk is open on a weekday (several per day: a lunch break)."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["desk", "weekday", "opens"]
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "weekday", "opens"], name="desks_opening_hours_unique"
            ),
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="desks_closes_after_opening"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="desks_weekday_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosedDay(models.Model):
    """A day a desk is closed besides the public holidays (those close every desk by
    themselves, see `indigo.desks.slots`). Without a desk: every desk is closed."""

    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, null=True, blank=True, related_name="closed_days"
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "day"], name="desks_closed_day_unique"),
            models.UniqueConstraint(
                fields=["day"], condition=Q(desk__isnull=True), name="desks_all_closed_day_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.reason}"


class AppointmentType(BilingualNameMixin):
    """What an applicant comes for; says what the desk may record at it."""

    code = models.SlugField(max_length=60, unique=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    takes_biometrics = models.BooleanField(default=False)
    issues_residence_document = models.BooleanField(default=False)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1), name="desks_type_takes_time"
            )
        ]


class Capacity(models.Model):
    """How many applicants a desk receives at once for a type: the seats of a slot."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="capacities")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="capacities"
    )
    seats = models.PositiveSmallIntegerField(_("counters per slot"))

    class Meta:
        ordering = ["desk", "appointment_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "appointment_type"], name="desks_one_capacity_per_type"
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="desks_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.desk.code} {self.appointment_type.code}: {self.seats}"


class Appointment(models.Model):
    class State(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no-show", _("Did not come")

    class IdentityDocument(models.TextChoices):
        PASSPORT = "passport", _("Passport")
        IDENTITY_CARD = "identity-card", _("National identity card")
        RESIDENCE_DOCUMENT = "residence-document", _("Dutch residence document")
        TRAVEL_DOCUMENT = "travel-document", _("Travel document for refugees or aliens")

    # The appointment code (afspraakcode) the applicant brings; unguessable.
    code = models.CharField(_("appointment code"), max_length=8, unique=True)
    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, related_name="appointments")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="appointments"
    )
    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="appointments"
    )
    applicant = models.ForeignKey(
        "cases.Applicant", on_delete=models.PROTECT, related_name="appointments"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    seat = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=12, choices=State.choices, default=State.BOOKED)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A move is a cancellation and a new booking in one transaction (IND appointments
    # cannot be moved, only cancelled and booked again); this links the two.
    moved_to = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="moved_from"
    )
    identified_at = models.DateTimeField(null=True, blank=True)
    identified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    identity_document = models.CharField(
        max_length=20, choices=IdentityDocument.choices, blank=True
    )
    biometrics_at = models.DateTimeField(null=True, blank=True)
    biometrics_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document_issued_at = models.DateTimeField(null=True, blank=True)
    document_issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    card_number = models.CharField(_("residence card number"), max_length=9, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["desk", "starts_at"], name="desks_appt_desk_day"),
            models.Index(fields=["applicant", "-starts_at"], name="desks_appt_applicant"),
        ]
        constraints = [
            # The guarantee against overbooking: one live appointment per seat.
            models.UniqueConstraint(
                fields=["desk", "appointment_type", "starts_at", "seat"],
                condition=~Q(state="cancelled"),
                name="desks_one_appointment_per_seat",
            ),
            models.UniqueConstraint(
                fields=["application", "appointment_type"],
                condition=Q(state="booked"),
                name="desks_one_booked_per_application_and_type",
            ),
            models.UniqueConstraint(
                fields=["card_number"],
                condition=~Q(card_number=""),
                name="desks_card_number_issued_once",
            ),
            models.CheckConstraint(condition=Q(seat__gte=1), name="desks_seat_from_one"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="desks_appt_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["booked", "cancelled", "attended", "no-show"]),
                name="desks_appt_known_state",
            ),
            # Nothing is recorded for a person whose identity was not checked.
            models.CheckConstraint(
                condition=Q(biometrics_at__isnull=True) | Q(identified_at__isnull=False),
                name="desks_biometrics_after_identification",
            ),
            models.CheckConstraint(
                condition=Q(document_issued_at__isnull=True) | Q(identified_at__isnull=False),
                name="desks_document_after_identification",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.desk.code} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def identified(self) -> bool:
        return self.identified_at is not None
