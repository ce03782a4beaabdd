"""Reachability (R13): the telephony export beside the contact log's own counts."""

from collections import defaultdict

from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext_lazy as _

from indigo.contacts.models import ContactMoment
from indigo.quality.measures.base import Measure, MeasureProvider, MeasureQuery, bucket_of
from indigo.quality.models import TelephonyDay


class ReachabilityMeasures(MeasureProvider):
    measures = (
        Measure(
            "calls_offered", _("Calls"), _("Calls that reached the telephone queues."), "count"
        ),
        Measure(
            "reachability_share",
            _("Reachability"),
            _("Share of the calls answered (the seed's target: 80%), from the telephony export."),
            "share",
        ),
        Measure(
            "calls_answered_in_target_share",
            _("Answered in time"),
            _("Share of the calls answered within the target waiting time."),
            "share",
        ),
        Measure(
            "call_wait_mean_seconds",
            _("Waiting time on the phone (mean)"),
            _("Mean seconds an answered call waited, weighted by the calls answered."),
            "seconds",
        ),
        Measure(
            "contacts_logged",
            _("Contacts logged"),
            _("Contacts staff logged in the contact log in the period (all channels)."),
            "count",
        ),
    )

    def compute(self, query: MeasureQuery) -> dict[str, dict]:
        # Calls belong to no product, unit or customer group: only totals and time.
        if query.group_by not in ("", "week", "month") or query.filters():
            return {}
        days = TelephonyDay.objects.filter(day__gte=query.date_from, day__lte=query.date_to)
        logged = ContactMoment.objects.filter(
            logged_at__date__gte=query.date_from, logged_at__date__lte=query.date_to
        )
        out: dict[str, dict] = defaultdict(dict)
        sums = {
            "n_offered": Sum("offered"),
            "n_answered": Sum("answered"),
            "n_in_target": Sum("answered_in_target"),
            "n_waited": Sum(F("wait_seconds_mean") * F("answered")),
        }
        if query.group_by:
            trunc = TruncWeek if query.group_by == "week" else TruncMonth
            rows = days.annotate(_g=trunc("day")).values("_g").annotate(**sums).order_by()
            contact_rows = (
                logged.annotate(_g=trunc("logged_at")).values("_g").annotate(n=Count("pk"))
            )
            contacts = {bucket_of(query, _day(r["_g"])): r["n"] for r in contact_rows}
            keyed = [(bucket_of(query, _day(r["_g"])), r) for r in rows]
        else:
            keyed = [("", days.aggregate(**sums))]
            contacts = {"": logged.count()}
        for g, row in keyed:
            offered, answered = row["n_offered"] or 0, row["n_answered"] or 0
            out[g] |= {
                "calls_offered": offered,
                "reachability_share": round(answered / offered, 4) if offered else None,
                "calls_answered_in_target_share": (
                    round((row["n_in_target"] or 0) / answered, 4) if answered else None
                ),
                "call_wait_mean_seconds": round((row["n_waited"] or 0) / answered)
                if answered
                else None,
            }
        for g, n in contacts.items():
            out[g]["contacts_logged"] = n
        for g in out:
            out[g].setdefault("contacts_logged", 0)
        return out


def _day(value):
    return value.date() if hasattr(value, "hour") else value
