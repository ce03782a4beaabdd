"""The register of processing activities (verwerkingsregister, AVG art. 30) that the
processing log points into (`dpl.core.processing_activity_id`).

Purpose, legal basis and retention belong in the register, not in each log line (a
decision of the Logboek Dataverwerkingen standard); this module is Indigo's copy of the
register's identifiers with a short description, so every line names a real activity.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

URN = "urn:indigo:verwerkingsactiviteit:"


class Activity(StrEnum):
    APPLICATION_HANDLING = URN + "aanvraag-behandelen"
    CUSTOMER_CONTACT = URN + "klantcontact"
    DESK_SERVICE = URN + "loket"
    SPONSOR_SERVICE = URN + "referent"
    TECHNICAL_ADMINISTRATION = URN + "technisch-beheer"
    PRIVACY_OVERSIGHT = URN + "privacytoezicht"
    RIGHT_OF_ACCESS = URN + "inzageverzoek"
    RETENTION = URN + "bewaartermijn"


DESCRIPTIONS = {
    Activity.APPLICATION_HANDLING: _(
        "Handling and deciding on applications for residence and naturalisation"
    ),
    Activity.CUSTOMER_CONTACT: _("Answering questions of applicants by phone and in writing"),
    Activity.DESK_SERVICE: _("Service desk appointments: identification, biometrics, permits"),
    Activity.SPONSOR_SERVICE: _("Recognised sponsors following the applications they filed"),
    Activity.TECHNICAL_ADMINISTRATION: _("Technical administration of the system"),
    Activity.PRIVACY_OVERSIGHT: _("Supervising who processed personal data"),
    Activity.RIGHT_OF_ACCESS: _("Answering a request for access (AVG art. 15)"),
    Activity.RETENTION: _("Removing or anonymising data past its retention period"),
}
