"""Screens for the contact centre and the desk: find a person, see them whole, log a contact."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from indigo import clock
from indigo.cases.access import persons_seen
from indigo.cases.models import Applicant
from indigo.contacts import selectors, services
from indigo.contacts.forms import ContactForm, PersonSearchForm
from indigo.errors import DomainError
from indigo.knowledge.selectors import answers_search, changes_count_on
from indigo.organisation.decorators import may_required
from indigo.organisation.permissions import Action

VIEW_CONTEXT = "contacts:person"


@may_required(Action.PERSON_VIEW)
@require_http_methods(["GET"])
def person_search(request):
    form = PersonSearchForm(request.GET or None)
    persons = None
    if form.is_valid():
        try:
            persons = selectors.person_search(user=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_domain_error(exc)
    if persons:
        persons_seen(
            user=request.user,
            applicant_ids=[p.pk for p in persons],
            context="contacts:person-search",
        )
    return render(
        request,
        "contacts/person_search.html",
        {"form": form, "persons": persons, "limit": selectors.SEARCH_LIMIT},
    )


@may_required(Action.PERSON_VIEW)
@require_http_methods(["GET", "POST"])
def person_detail(request, applicant_id: int):
    applicant = Applicant.objects.filter(pk=applicant_id).first()
    try:
        if applicant is None:
            raise Applicant.DoesNotExist
        overview = selectors.person_overview(user=request.user, applicant=applicant)
    except Applicant.DoesNotExist:
        # The same answer whether the person is unknown or only known elsewhere.
        raise Http404 from None
    shown = [facts.application for facts in overview.applications]
    form = ContactForm(request.POST if request.method == "POST" else None, applications=shown)
    if form.is_bound and form.is_valid():
        try:
            services.contact_log(actor=request.user, applicant=applicant, **form.cleaned_data)
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            messages.success(
                request,
                _("The contact was logged. It shows on the timeline of the applications."),
            )
            return redirect("contacts:person-detail", applicant_id=applicant.pk)
    persons_seen(user=request.user, applicant_ids=[applicant.pk], context=VIEW_CONTEXT)
    # The knowledge base, searched from here: answers about this person's products first.
    today = clock.today()
    kb = request.GET.get("kb", "").strip()[:200]
    products = [a.product.code for a in shown]
    results = (
        answers_search(text=kb, on=today, product=products[0] if products else "") if kb else None
    )
    return render(
        request,
        "contacts/person_detail.html",
        {
            "overview": overview,
            "form": form,
            "kb": kb,
            "results": results,
            "changed_today": changes_count_on(today),
        },
    )
