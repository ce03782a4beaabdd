"""The applicant's start page and the list of what they can apply for."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from indigo import clock
from indigo.portal import selectors
from indigo.portal.phases import phase_of
from indigo.portal.sessions import portal_login_required


@portal_login_required
@require_GET
def home(request):
    applications = [
        (application, phase_of(application.status))
        for application in selectors.own_applications(user=request.user)
    ]
    return render(
        request,
        "portal/home.html",
        {
            "applications": applications,
            "drafts": list(selectors.drafts_of(user=request.user)),
            "nav": "home",
        },
    )


@portal_login_required
@require_GET
def start(request):
    return render(
        request,
        "portal/start.html",
        {"offers": selectors.offers(on=clock.today()), "nav": "apply"},
    )
