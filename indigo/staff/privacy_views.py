"""The privacy officer's screens: who processed a person's data, and their data export.

Only the privacy role (and the technical superuser) may open them; every use is itself
recorded in the processing log (activity: privacy oversight / right of access).
"""

from functools import wraps

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from indigo.accounts.roles import Role, has_role
from indigo.audit.activities import DESCRIPTIONS, Activity
from indigo.audit.selectors import accesses_to
from indigo.cases.access import persons_seen
from indigo.cases.models import Applicant
from indigo.privacy.export import export_file_name, person_export


def privacy_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_superuser or has_role(request.user, Role.PRIVACY)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class PersonLookupForm(forms.Form):
    v_number = forms.RegexField(
        label=_("V-number"), regex=r"\A[0-9]{10}\Z", required=False, max_length=10
    )
    reference = forms.CharField(label=_("Application reference"), required=False, max_length=20)

    def clean(self):
        data = super().clean()
        if not (data.get("v_number") or data.get("reference")):
            raise forms.ValidationError(_("Give a V-number or an application reference."))
        return data


def person_lookup(*, v_number: str = "", reference: str = "") -> list[Applicant]:
    people = Applicant.objects.all()
    if v_number:
        people = people.filter(v_number=v_number)
    if reference:
        people = people.filter(applications__reference="".join(reference.split()).upper())
    return list(people.distinct().order_by("surname", "pk")[:10])


@privacy_required
@require_GET
def access_log(request):
    """Who saw a person's data: the processing log read back, joined with the who."""
    form = PersonLookupForm(request.GET or None)
    persons, accesses = [], []
    if form.is_valid():
        persons = person_lookup(
            v_number=form.cleaned_data["v_number"], reference=form.cleaned_data["reference"]
        )
        if persons:
            accesses = accesses_to(applicant_ids=[p.pk for p in persons])
            persons_seen(
                user=request.user,
                applicant_ids=[p.pk for p in persons],
                context="staff:privacy-access-log",
                activity=Activity.PRIVACY_OVERSIGHT,
            )
    return render(
        request,
        "staff/privacy_access_log.html",
        {
            "form": form,
            "persons": persons,
            "accesses": [
                (a, DESCRIPTIONS.get(Activity(a.processing_activity_id))) for a in accesses
            ]
            if accesses
            else [],
            "searched": form.is_bound and form.is_valid(),
        },
    )


@privacy_required
@require_GET
def export(request, applicant_id: int):
    """Everything about one person as a zip file (right of access, AVG art. 15)."""
    applicant = get_object_or_404(Applicant, pk=applicant_id)
    response = HttpResponse(person_export(actor=request.user, applicant=applicant))
    response["Content-Type"] = "application/zip"
    response["Content-Disposition"] = f'attachment; filename="{export_file_name(applicant)}"'
    response["Cache-Control"] = "no-store"
    return response
