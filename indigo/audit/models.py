"""The processing log (Logboek Dataverwerkingen) and who did the processing.

Following the Logboek Dataverwerkingen standard, a processing line says *what* was
processed — trace, span, operation, processing activity, pseudonymised data subject —
and not *who*: the who is in a separate audit row (`AccessTrace`), linked by trace id.
Both tables are append-only and hash-chained (`indigo.audit.chain`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.audit.chain import ChainHead

__all__ = ["AccessTrace", "ChainHead", "ProcessingRecord"]


class Chained(models.Model):
    content_hash = models.CharField(max_length=64, editable=False)
    chain_hash = models.CharField(max_length=64, editable=False)

    class Meta:
        abstract = True


class AccessTrace(Chained):
    """Who caused a trace: one row per request (or command run) that processed
    personal data. The processing lines of that trace point here by `trace_id`."""

    CHAIN_PREFIX = "access-trace"
    CHAIN_ORDERING = ("id",)

    trace_id = models.CharField(max_length=32)
    span_id = models.CharField(max_length=16)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField()
    # The page or operation (a URL name such as "staff:application-list", or a command);
    # never the query string, which may hold a name someone searched for.
    operation = models.CharField(max_length=120)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["trace_id", "span_id"], name="audit_one_who_per_span")
        ]

    def __str__(self) -> str:
        return f"{self.trace_id}/{self.span_id} by {self.user_id}"

    def chain_key(self) -> str:
        return self.CHAIN_PREFIX

    def chain_content(self) -> dict:
        return {
            "trace_id": self.trace_id,
            "span_id": self.span_id,
            "user_id": self.user_id,
            "at": self.at,
            "operation": self.operation,
        }


class ProcessingRecord(Chained):
    """One processing of one data subject's personal data (a span in the standard)."""

    class Status(models.TextChoices):
        UNSET = "Unset"
        OK = "Ok"
        ERROR = "Error"

    CHAIN_PREFIX = "processing-log"
    CHAIN_ORDERING = ("id",)

    trace_id = models.CharField(max_length=32, db_index=True)
    span_id = models.CharField(max_length=16)
    # The span of the request or command: with the trace id, the key of its AccessTrace.
    parent_span_id = models.CharField(max_length=16, blank=True)
    name = models.CharField(_("operation"), max_length=120)
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.OK)
    start_time = models.DateTimeField()
    end_time = models.DateTimeField()
    # dpl.core.processing_activity_id: a URI into the register of processing activities
    # (AVG art. 30), see indigo.audit.activities.
    processing_activity_id = models.CharField(max_length=200)
    # dpl.core.data_subject_id, pseudonymised (HMAC, see indigo.audit.pseudonyms).
    data_subject_id = models.CharField(max_length=64, db_index=True)
    data_subject_id_type = models.CharField(max_length=40)

    class Meta:
        ordering = ["-start_time", "-id"]

    def __str__(self) -> str:
        return f"{self.name} {self.trace_id}/{self.span_id}"

    def chain_key(self) -> str:
        return self.CHAIN_PREFIX

    def chain_content(self) -> dict:
        return {
            "trace_id": self.trace_id,
            "span_id": self.span_id,
            "parent_span_id": self.parent_span_id,
            "name": self.name,
            "status": self.status,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "processing_activity_id": self.processing_activity_id,
            "data_subject_id": self.data_subject_id,
            "data_subject_id_type": self.data_subject_id_type,
        }
