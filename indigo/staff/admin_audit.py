"""The Django admin's reads of personal data go into the processing log too.

The admin's pages are Django's own, so rather than wrapping each ModelAdmin this
middleware looks at what an admin page is about to show — a change list's rows or the
one object of a change page — and records the people those rows belong to.
"""

from django.conf import settings

from indigo.audit.activities import Activity
from indigo.cases.access import persons_seen
from indigo.cases.models import Applicant, Application


def _applicant_ids(objects) -> set[int]:
    ids, application_ids = set(), set()
    for obj in objects:
        if isinstance(obj, Applicant):
            ids.add(obj.pk)
        elif getattr(obj, "applicant_id", None):
            ids.add(obj.applicant_id)
        elif getattr(obj, "application_id", None):
            application_ids.add(obj.application_id)
        elif getattr(getattr(obj, "document", None), "application_id", None):
            application_ids.add(obj.document.application_id)
    if application_ids:
        ids |= set(
            Application.objects.filter(pk__in=application_ids).values_list(
                "applicant_id", flat=True
            )
        )
    return ids


class AdminProcessingLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + getattr(settings, "INDIGO_ADMIN_PATH", "admin/").strip("/") + "/"

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        if not request.path.startswith(self.prefix) or response.status_code != 200:
            return response
        context = response.context_data or {}
        objects = []
        if context.get("cl") is not None:
            objects = list(context["cl"].result_list)
        elif context.get("original") is not None:
            objects = [context["original"]]
        ids = _applicant_ids(objects)
        if ids:
            match = request.resolver_match
            persons_seen(
                user=request.user,
                applicant_ids=ids,
                context=match.view_name if match else request.path[:120],
                activity=Activity.TECHNICAL_ADMINISTRATION,
            )
        return response
