"""The survey after a decision, reached from the e-mail's link or the application page.

The link's token is the key: no login needed, and the page shows nothing about the
application. Answering twice is refused with a message (409), nothing changes.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from indigo.errors import Conflict, DomainError
from indigo.portal.forms import SurveyForm
from indigo.quality.models import Survey
from indigo.quality.satisfaction import survey_answer


@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    found = Survey.objects.filter(token=token).only("answered_at").first()
    if found is None:
        raise Http404
    context = {"hide_nav": True, "answered": found.answered_at is not None, "thanks": False}
    form = SurveyForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                survey_answer(token=token, **form.cleaned_data)
            except Conflict as exc:
                context |= {"answered": True, "refusal": exc.message}
                status = 409
            except DomainError as exc:
                form.add_domain_error(exc)
                status = 400
            else:
                context["thanks"] = True
        else:
            status = 400
    return render(request, "portal/survey.html", context | {"form": form}, status=status)
