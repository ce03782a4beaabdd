"""Lodging a complaint from the portal (Awb chapter 9), and its confirmation."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from indigo.complaints.models import Complaint
from indigo.complaints.selectors import complaints_visible_to
from indigo.complaints.services import complaint_lodge
from indigo.errors import DomainError
from indigo.portal import selectors
from indigo.portal.forms import ComplaintForm
from indigo.portal.sessions import portal_login_required


@portal_login_required
@require_http_methods(["GET", "POST"])
def complaint_new(request):
    applications = selectors.own_applications(user=request.user).select_related("product")
    initial = {
        "email": request.user.email,
        "complainant_name": request.user.get_full_name(),
        "application": request.GET.get("application", ""),
    }
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        categories=Complaint.Category.choices,
        applications=applications,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            complaint = complaint_lodge(
                actor=request.user,
                channel=Complaint.Channel.PORTAL,
                application_reference=data.pop("application"),
                language=(get_language() or "nl")[:2],
                **data,
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            return redirect("portal:complaint", complaint_id=complaint.pk)
    return render(
        request,
        "portal/complaint_new.html",
        {"form": form, "nav": "complaint"},
        status=400 if form.is_bound and form.errors else 200,
    )


@portal_login_required
@require_GET
def complaint_detail(request, complaint_id: int):
    complaint = get_object_or_404(complaints_visible_to(request.user), pk=complaint_id)
    return render(request, "portal/complaint.html", {"complaint": complaint, "nav": "complaint"})
