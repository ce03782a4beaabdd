"""The contact log: what a person was told, by phone, at the desk or in writing (R13)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.cases.models.events import AppendOnlyError


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    DESK = "desk", _("IND desk")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    CHAT = "chat", _("Chat")


class ContactMoment(models.Model):
    """One contact with a person about one or more of their applications. Append-only:
    a mistake is corrected by logging a new contact, never by rewriting the old one."""

    applicant = models.ForeignKey(
        "cases.Applicant", on_delete=models.PROTECT, related_name="contact_moments"
    )
    # The applications the contact was about; the log is shown only to staff who may
    # see every one of them.
    applications = models.ManyToManyField("cases.Application", related_name="contact_moments")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("what was said"))
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    logged_at = models.DateTimeField()

    class Meta:
        ordering = ["-logged_at", "-id"]
        indexes = [models.Index(fields=["applicant", "-logged_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.topic}"

    def save(self, *args, **kwargs):
        # The database trigger is the guarantee; this only gives a clearer error earlier.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("Contact moments are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Contact moments are append-only and cannot be deleted.")
