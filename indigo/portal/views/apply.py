"""Applying online, step by step (`indigo.portal.wizard`). Every step saves the draft
on the server, so an ended session or a closed browser loses nothing."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from indigo.errors import DomainError
from indigo.partners.adapters import supplied_documents
from indigo.portal import selectors, services, sessions, wizard
from indigo.portal.forms import CheckForm, DocumentForm, PersonalForm, QuestionsForm
from indigo.portal.models import Draft
from indigo.portal.sessions import portal_login_required
from indigo.portal.views._common import offer_and_draft, offer_or_404, render_step, step_url
from indigo.portal.views.payments import fee_step


@portal_login_required
@require_http_methods(["GET"])
def apply_product(request, product: str):
    offer, draft = offer_and_draft(request, product)
    return redirect(step_url(offer, wizard.first_open_step(offer, draft)))


@portal_login_required
@require_http_methods(["GET", "POST"])
def step(request, product: str, code: str):
    offer, draft = offer_and_draft(request, product)
    if code not in wizard.step_codes(offer):
        raise Http404
    if not wizard.may_open(offer, draft, code):
        return redirect(step_url(offer, wizard.first_open_step(offer, draft)))
    view = {
        wizard.PERSONAL: _personal,
        wizard.QUESTIONS: _questions,
        wizard.DOCUMENTS: _documents,
        wizard.FEE: fee_step,
        wizard.CHECK: _check,
    }[code]
    return view(request, offer, draft)


def _form_step(request, offer, draft, code: str, make_form, initial: dict):
    """A step that is one form: bound to the post, to what was being sent when the
    session ended, or filled with what the draft holds."""
    pending, had_file = sessions.pending_for(request)
    if request.method == "POST":
        form = make_form(data=request.POST)
    elif pending is not None:
        form = make_form(data=pending)
    else:
        form = make_form(initial=initial)
    if request.method == "POST" and form.is_valid():
        services.draft_step_save(draft=draft, step=code, answers=form.answers())
        return redirect(step_url(offer, wizard.next_step(offer, code)))
    invalid = request.method == "POST"
    return render_step(
        request,
        offer,
        draft,
        code,
        {"form": form, "restored": pending is not None, "restored_had_file": had_file},
        status=400 if invalid else 200,
    )


def _personal_initial(request, draft) -> dict:
    saved = draft.answers.get(wizard.PERSONAL)
    if saved:
        return PersonalForm.initial_from(saved)
    profile = selectors.profile_of(user=request.user)
    initial = {"email": request.user.email, "language": request.LANGUAGE_CODE}
    if profile is not None:
        initial |= {
            "given_names": profile.given_names,
            "surname": profile.surname,
            "date_of_birth": profile.date_of_birth,
            "nationality": profile.nationality,
            "language": profile.language,
        }
    return initial


def _personal(request, offer, draft):
    return _form_step(
        request, offer, draft, wizard.PERSONAL, PersonalForm, _personal_initial(request, draft)
    )


def _questions(request, offer, draft):
    code = offer.product.code

    def make_form(**kwargs):
        return QuestionsForm(product_code=code, **kwargs)

    initial = QuestionsForm.initial_from(draft.answers.get(wizard.QUESTIONS, {}), product_code=code)
    return _form_step(request, offer, draft, wizard.QUESTIONS, make_form, initial)


def _document_rows(offer, draft, bound: DocumentForm | None = None):
    staged = {d.document_type.code: d for d in draft.documents.select_related("document_type")}
    rows = []
    links = offer.version.versiondocumenttype_set.select_related("document_type").order_by(
        "-required", "document_type__code"
    )
    supplied = supplied_documents(offer.product.code)
    for link in links:
        kind = link.document_type
        if kind.code in supplied:
            continue  # a partner agency supplies it: not asked of the applicant
        form = DocumentForm(document_type=kind)
        if bound is not None and bound.data.get("document_type") == kind.code:
            form = bound
        rows.append(
            {"type": kind, "required": link.required, "staged": staged.get(kind.code), "form": form}
        )
    return rows


def _document_type(offer, code: str):
    link = (
        offer.version.versiondocumenttype_set.select_related("document_type")
        .filter(document_type__code=code)
        .first()
    )
    return link.document_type if link else None


def _documents(request, offer, draft):
    status = 200
    bound = None
    problem = None
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "upload":
        kind = _document_type(offer, request.POST.get("document_type", ""))
        bound = DocumentForm(request.POST, request.FILES, document_type=kind)
        if kind is None:
            problem = _("Choose one of the documents in the list.")
        elif bound.is_valid():
            try:
                services.draft_document_add(
                    draft=draft,
                    offer=offer,
                    document_type_code=bound.cleaned_data["document_type"],
                    file=bound.cleaned_data["file"],
                )
            except DomainError as exc:
                bound.add_error("file", exc.message)
            else:
                messages.success(request, _("The file is uploaded."))
                return redirect(step_url(offer, wizard.DOCUMENTS))
        status = 400
    elif action == "remove":
        services.draft_document_remove(
            draft=draft, document_type_code=request.POST.get("document_type", "")
        )
        messages.success(request, _("The file is removed."))
        return redirect(step_url(offer, wizard.DOCUMENTS))
    elif action == "continue":
        try:
            services.draft_documents_done(draft=draft, offer=offer)
        except DomainError as exc:
            problem = exc.message
            status = 400
        else:
            return redirect(step_url(offer, wizard.next_step(offer, wizard.DOCUMENTS)))
    _pending, had_file = sessions.pending_for(request)
    return render_step(
        request,
        offer,
        draft,
        wizard.DOCUMENTS,
        {
            "rows": _document_rows(offer, draft, bound),
            "upload_error": bound is not None and bool(bound.errors),
            "problem": problem,
            "restored": had_file,
            "restored_had_file": had_file,
        },
        status=status,
    )


def _summary(offer, draft) -> dict:
    questions = QuestionsForm(product_code=offer.product.code)
    answers = draft.answers.get(wizard.QUESTIONS, {})
    rows = []
    for question in questions.questions:
        if question.fact in answers:
            field = questions.fields[question.fact]
            value = QuestionsForm.initial_from(answers, product_code=offer.product.code)[
                question.fact
            ]
            if hasattr(field, "choices"):
                value = dict(field.choices).get(value, value)
            rows.append((question.text, value))
    personal = draft.answers.get(wizard.PERSONAL, {})
    form = PersonalForm()
    nationality = dict(form.fields["nationality"].choices).get(personal.get("nationality"), "")
    language = dict(form.fields["language"].choices).get(personal.get("language"), "")
    return {
        "personal": personal,
        "nationality": nationality,
        "language_name": language,
        "answers": rows,
        "documents": list(draft.documents.select_related("document_type")),
        "payment": selectors.paid_payment(draft),
    }


def _check(request, offer, draft):
    form = CheckForm(request.POST if request.method == "POST" else None)
    status = 200
    problem = None
    if request.method == "POST":
        if form.is_valid():
            try:
                application = services.application_submit(
                    user=request.user, draft=draft, offer=offer
                )
            except DomainError as exc:
                problem = exc.message
            else:
                messages.success(
                    request,
                    _(
                        "We have received your application. On this page you can follow it. "
                        "We send you an e-mail when there is news."
                    ),
                )
                return redirect("portal:application", reference=application.reference)
        status = 400
    return render_step(
        request,
        offer,
        draft,
        wizard.CHECK,
        {"form": form, "problem": problem, **_summary(offer, draft)},
        status=status,
    )


@portal_login_required
@require_POST
def discard(request, product: str):
    offer = offer_or_404(product)
    draft = Draft.objects.filter(user=request.user, product=offer.product).first()
    if draft is None:
        return redirect("portal:home")
    try:
        services.draft_discard(draft=draft)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(step_url(offer, wizard.first_open_step(offer, draft)))
    messages.success(request, _("Your unfinished application is deleted."))
    return redirect("portal:home")
