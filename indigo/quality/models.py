"""What quality measurement keeps: per-application facts derived from the events, the
municipalities' advice forms, and the satisfaction surveys.

`ApplicationFact` is a pre-computed summary of one application's events, never typed in
by anyone: `indigo.quality.facts` derives it from the history and can rebuild it from
scratch at any time (a test holds the incremental and the rebuilt tables equal). The
measures aggregate over it, so a dashboard at a million applications reads one row per
application instead of replaying every event.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ApplicationFact(models.Model):
    application = models.OneToOneField(
        "cases.Application", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    product = models.SlugField(max_length=60)
    customer_group = models.SlugField(max_length=60, blank=True)
    channel = models.CharField(max_length=20)
    # The unit of the caseworker who owned the case last ("" while nobody has taken it).
    unit = models.SlugField(max_length=60, blank=True)
    received_on = models.DateField()
    # The first decision notified (the objection's decision does not count again).
    decided_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    # The day it left the stock: decided or withdrawn.
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    # The legal decision date in force when the decision was notified.
    decision_due = models.DateField(null=True, blank=True)
    # The service norm's end (received_on + the customer group's norm), if it has one.
    norm_due = models.DateField(null=True, blank=True)
    on_time = models.BooleanField(null=True)
    within_norm = models.BooleanField(null=True)
    throughput_days = models.IntegerField(null=True, blank=True)
    requests = models.PositiveIntegerField(default=0)
    # Complete at intake: decided without any request to the applicant or repair period.
    first_time_right = models.BooleanField(null=True)
    objection_lodged_on = models.DateField(null=True, blank=True)
    events = models.PositiveIntegerField(default=0)
    last_event_id = models.BigIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["received_on"], name="quality_fact_received"),
            models.Index(fields=["decided_on"], name="quality_fact_decided"),
            models.Index(fields=["ended_on", "received_on"], name="quality_fact_stock"),
            models.Index(fields=["unit", "decided_on"], name="quality_fact_unit_decided"),
            models.Index(fields=["product", "decided_on"], name="quality_fact_product_decided"),
            # The stock today: the open applications by receipt (index-only at millions).
            models.Index(
                fields=["received_on", "product", "unit"],
                condition=Q(ended_on__isnull=True),
                name="quality_fact_open",
            ),
            models.Index(
                fields=["withdrawn_on"],
                condition=Q(withdrawn_on__isnull=False),
                name="quality_fact_withdrawn",
            ),
            models.Index(
                fields=["objection_lodged_on"],
                condition=Q(objection_lodged_on__isnull=False),
                name="quality_fact_objection",
            ),
        ]
        permissions = [
            ("view_all_measures", "Can see the measures of every unit (directorate, chain)")
        ]

    def __str__(self) -> str:
        return f"facts of application {self.application_id}"


class FactWatermark(models.Model):
    """How far the incremental refresh has read the event history (one row)."""

    last_event_id = models.BigIntegerField(default=0)
    # The watermark before the worker's last run: its next run reads again from here.
    previous_event_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"facts up to event {self.last_event_id}"


class AdviceForm(models.Model):
    """A municipality's advice form (adviesblad) on a naturalisation application.

    The municipality takes the application in and sends it with its advice; the form's
    parts are listed in `indigo.quality.advice.ADVICE_FORM_PARTS`. `missing` is what the
    form lacked at delivery; `first` marks the first delivery of the application's form
    (a corrected form is a new delivery). Completeness at first delivery per municipality
    is the seed's own Condor example of partner input quality.
    """

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="advice_forms"
    )
    municipality_code = models.CharField(_("municipality code (CBS)"), max_length=6)
    municipality_name = models.CharField(_("municipality"), max_length=120)
    delivered_on = models.DateField(_("delivered on"))
    first = models.BooleanField(default=True)
    parts = models.JSONField(default=dict, help_text=_("The form's answers by part."))
    missing = models.JSONField(default=list)
    complete = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["delivered_on", "id"]
        indexes = [models.Index(fields=["municipality_code", "delivered_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=Q(first=True), name="quality_one_first_form"
            )
        ]

    def __str__(self) -> str:
        return f"advice form of {self.municipality_name} on {self.application_id}"


class Survey(models.Model):
    """The short survey after a decision: one per decision, answered once (1 to 5 and a
    comment). The invitation e-mail holds only a link with `token`, no personal data."""

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="surveys"
    )
    # The decision letter's event: unique, so each decision invites once.
    event = models.OneToOneField(
        "cases.ApplicationEvent", on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=5)
    invited_at = models.DateTimeField()
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at", "-id"]
        indexes = [models.Index(fields=["answered_on"], name="quality_survey_answered")]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5),
                name="quality_survey_score_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"survey on {self.application_id}"


class StaffPulse(models.Model):
    """A member of staff's weekly pulse (1 to 5 and a comment); shown only in aggregate."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text=_("The Monday of the week answered for."))
    unit = models.SlugField(max_length=60, blank=True)
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["-week", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="quality_one_pulse_per_week"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="quality_pulse_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"pulse of week {self.week}"


class TelephonyDay(models.Model):
    """One day of one telephone queue, as exported by the telephony system (see
    docs/telephony-csv.md). Importing a day again replaces it (the export is the truth)."""

    day = models.DateField()
    queue = models.SlugField(max_length=60)
    offered = models.PositiveIntegerField(help_text=_("Calls that reached the queue."))
    answered = models.PositiveIntegerField()
    answered_in_target = models.PositiveIntegerField(
        help_text=_("Calls answered within the target waiting time.")
    )
    abandoned = models.PositiveIntegerField()
    wait_seconds_mean = models.PositiveIntegerField(help_text=_("Mean wait of answered calls."))
    wait_seconds_max = models.PositiveIntegerField()
    file_sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-day", "queue"]
        constraints = [
            models.UniqueConstraint(fields=["day", "queue"], name="quality_one_row_per_queue_day")
        ]

    def __str__(self) -> str:
        return f"{self.queue} on {self.day}"


class OpenStock(models.Model):
    """How many applications are open now, by receipt day and the four dimensions: an
    aggregate of `ApplicationFact` (ended_on empty) kept in step by the facts refresh,
    so the stock and its age at a million applications are read from a few thousand
    rows. `facts_rebuild` recomputes it; a test holds the two equal."""

    received_on = models.DateField()
    product = models.SlugField(max_length=60)
    unit = models.SlugField(max_length=60, blank=True)
    customer_group = models.SlugField(max_length=60, blank=True)
    channel = models.CharField(max_length=20)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["received_on", "product", "unit", "customer_group", "channel"],
                name="quality_open_stock_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.n} open {self.product} received {self.received_on}"
