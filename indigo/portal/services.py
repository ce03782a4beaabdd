"""Writes of the applicant portal: drafts, payments, sending the application, replies.

Every function takes the acting user as a keyword; the rules about applications
themselves stay in `cases`, `dossier` and `rules`, which these functions call.
"""

import logging
import re
import secrets
from collections.abc import Callable
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.accounts.roles import Role, grant_role, has_role, is_staff_member
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.information_requests import information_request_answer
from indigo.cases.models import Application, InformationRequest
from indigo.cases.services import ApplicantData, application_create
from indigo.catalog.models import Channel
from indigo.dossier.services import document_upload
from indigo.errors import Conflict, InvalidInput, NotAllowed
from indigo.partners.adapters import supplied_documents
from indigo.portal import selectors, uploads, wizard
from indigo.portal.models import AccessibilityReport, Draft, DraftDocument, Payment
from indigo.portal.payments import TRANSITIONS, payment_provider
from indigo.portal.questions import questions_for
from indigo.portal.selectors import Offer
from indigo.rules.services import fact_record

logger = logging.getLogger(__name__)

USERNAME = re.compile(r"^[\w.@+-]{1,150}\Z")


# --- logging in ---------------------------------------------------------------------


def dev_login_user(*, username: str, email: str = ""):
    """The applicant account for the development login, made on first use.

    Only applicant accounts: the development login never opens a staff or sponsor
    account, whatever name is typed.
    """
    if not settings.INDIGO_DEV_LOGIN:
        raise NotAllowed(_("The development login is switched off."))
    username = (username or "").strip()
    if not USERNAME.match(username):
        raise InvalidInput(
            _("Use only letters, digits and the characters . @ + - _ (at most 150)."),
            field="username",
        )
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, email=email.strip())
        user.set_unusable_password()
        user.save()
        grant_role(user, Role.APPLICANT)
        return user
    if user.is_superuser or is_staff_member(user) or not has_role(user, Role.APPLICANT):
        raise NotAllowed(
            _("This account cannot log in here. The development login is for applicants only."),
            field="username",
        )
    if email.strip() and not user.email:
        user.email = email.strip()
        user.save(update_fields=["email"])
    return user


# --- drafts -------------------------------------------------------------------------


def draft_open(*, user, offer: Offer) -> Draft:
    now = clock.now()
    draft, _created = Draft.objects.get_or_create(
        user=user, product=offer.product, defaults={"created_at": now, "updated_at": now}
    )
    return draft


def draft_step_save(*, draft: Draft, step: str, answers: dict | None = None) -> Draft:
    """Keep the answers of one step and mark it done."""
    if answers is not None:
        draft.answers = {**draft.answers, step: answers}
    if step not in draft.completed_steps:
        draft.completed_steps = [*draft.completed_steps, step]
    draft.updated_at = clock.now()
    draft.save(update_fields=["answers", "completed_steps", "updated_at"])
    return draft


def _version_document_type(offer: Offer, code: str):
    for link in offer.version.versiondocumenttype_set.select_related("document_type"):
        if link.document_type.code == code:
            return link.document_type
    raise InvalidInput(_("Choose one of the documents in the list."), field="document_type")


def draft_document_add(
    *, draft: Draft, offer: Offer, document_type_code: str, file
) -> DraftDocument:
    """Check an uploaded file like the dossier does and keep it with the draft; a new
    file of the same kind replaces the earlier one."""
    document_type = _version_document_type(offer, document_type_code)
    checked = uploads.upload_check(file)
    stored_name = uploads.stage(file, checked)
    try:
        with transaction.atomic():
            earlier = DraftDocument.objects.filter(draft=draft, document_type=document_type).first()
            if earlier is not None:
                old_name = earlier.stored_name
                earlier.delete()
                transaction.on_commit(lambda: uploads.unstage(old_name))
            document = DraftDocument.objects.create(
                draft=draft,
                document_type=document_type,
                stored_name=stored_name,
                original_name=_clean_name(getattr(file, "name", "")),
                content_type=checked.content_type,
                size_bytes=checked.size,
                uploaded_at=clock.now(),
            )
            draft.updated_at = clock.now()
            draft.save(update_fields=["updated_at"])
    except BaseException:
        uploads.unstage(stored_name)
        raise
    return document


def _clean_name(name: str) -> str:
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable()).strip()[:255]


def draft_document_remove(*, draft: Draft, document_type_code: str) -> None:
    document = draft.documents.filter(document_type__code=document_type_code).first()
    if document is None:
        return
    stored_name = document.stored_name
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: uploads.unstage(stored_name))


def draft_documents_done(*, draft: Draft, offer: Offer) -> Draft:
    present = set(draft.documents.values_list("document_type__code", flat=True))
    present |= supplied_documents(offer.product.code)  # a partner agency supplies these
    missing = [
        link.document_type.name
        for link in offer.version.versiondocumenttype_set.select_related("document_type")
        if link.required and link.document_type.code not in present
    ]
    if missing:
        raise InvalidInput(
            _("Upload these documents first: %(documents)s.") % {"documents": ", ".join(missing)},
            field="documents",
            code="documents-missing",
        )
    return draft_step_save(draft=draft, step=wizard.DOCUMENTS)


def draft_discard(*, draft: Draft) -> None:
    if selectors.paid_payment(draft) is not None:
        raise Conflict(
            _(
                "You have already paid the fee for this application. Send the application, "
                "or contact us to get your money back."
            ),
            code="paid",
        )
    names = list(draft.documents.values_list("stored_name", flat=True))
    with transaction.atomic():
        draft.payments.filter(state=Payment.State.OPEN).update(
            state=Payment.State.EXPIRED, updated_at=clock.now()
        )
        draft.delete()
        transaction.on_commit(lambda: [uploads.unstage(name) for name in names])


# --- payments -----------------------------------------------------------------------


def payment_start(
    *, user, draft: Draft, offer: Offer, return_url_for: Callable[[str], str]
) -> tuple[Payment, str]:
    """A new payment of the fee; returns it and the provider's page to send the user to.

    `return_url_for(reference)` is the absolute URL the provider sends the user back to.
    """
    if offer.fee_unknown:
        raise Conflict(
            _(
                "The fee for this application cannot be charged yet. You do not pay now; "
                "we will tell you the amount later."
            ),
            code="fee-unknown",
        )
    if offer.fee <= 0:
        raise Conflict(_("There is no fee to pay for this application."), code="no-fee")
    if selectors.paid_payment(draft) is not None:
        raise Conflict(_("You have already paid the fee."), code="paid")
    now = clock.now()
    with transaction.atomic():
        # A payment started earlier and left open is replaced, so it cannot be paid twice.
        draft.payments.filter(state=Payment.State.OPEN).update(
            state=Payment.State.EXPIRED, updated_at=now
        )
        payment = Payment.objects.create(
            reference=secrets.token_hex(16),
            user=user,
            draft=draft,
            product=offer.product,
            amount_eur=offer.fee,
            provider=settings.INDIGO_PAYMENT_PROVIDER,
            created_at=now,
            updated_at=now,
        )
    # Outside the transaction: a real provider is an HTTP call away.
    url = payment_provider().start(payment=payment, return_url=return_url_for(payment.reference))
    payment.save(update_fields=["provider_reference"])
    return payment, url


def payment_settle(*, payment: Payment, state: str) -> Payment:
    """Record what became of a payment (the provider's word). Repeating it is harmless."""
    if state not in Payment.State.values:
        raise InvalidInput(f"Unknown payment state {state!r}.", field="state")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.state == state:
            return payment
        if state not in TRANSITIONS[payment.state]:
            raise Conflict(
                _("This payment is already %(state)s; it cannot change any more.")
                % {"state": Payment.State(payment.state).label.lower()},
                code="payment-final",
            )
        now = clock.now()
        payment.state = state
        payment.updated_at = now
        if state == Payment.State.PAID:
            payment.paid_at = now
        payment.save(update_fields=["state", "updated_at", "paid_at"])
    return payment


def payment_refresh(*, payment: Payment) -> Payment:
    """Ask the provider what became of the payment (the browser's return proves nothing)."""
    if payment.state != Payment.State.OPEN:
        return payment
    return payment_settle(payment=payment, state=payment_provider().state_of(payment=payment))


# --- sending the application ----------------------------------------------------------


def _check_complete(*, draft: Draft, offer: Offer) -> Payment | None:
    open_steps = [
        str(wizard.TITLES[code])
        for code in wizard.step_codes(offer)
        if code != wizard.CHECK and code not in draft.completed_steps
    ]
    if open_steps:
        raise Conflict(
            _("Finish these steps first: %(steps)s.") % {"steps": ", ".join(open_steps)},
            code="steps-open",
        )
    if offer.fee <= 0:
        return None
    payment = selectors.paid_payment(draft)
    if payment is None:
        raise Conflict(_("Pay the fee first. Then you can send your application."), code="unpaid")
    if payment.amount_eur < offer.fee:
        raise Conflict(
            _(
                "The fee changed after you paid: it is now € %(fee)s. Contact us; we will "
                "tell you how to pay the difference."
            )
            % {"fee": offer.fee},
            code="fee-changed",
        )
    return payment


def application_submit(*, user, draft: Draft, offer: Offer) -> Application:
    """Send the application: create it, record the applicant's answers as facts, put
    the documents in the dossier and link the payment. All or nothing."""
    payment = _check_complete(draft=draft, offer=offer)
    personal = draft.answers.get("personal", {})
    applicant = ApplicantData(
        given_names=personal.get("given_names", ""),
        surname=personal.get("surname", ""),
        date_of_birth=date.fromisoformat(personal["date_of_birth"]),
        nationality=personal.get("nationality", ""),
        language=personal.get("language") or settings.LANGUAGE_CODE,
    )
    answers = draft.answers.get("questions", {})
    staged = list(draft.documents.select_related("document_type"))
    with transaction.atomic():
        application = application_create(
            actor=user,
            product_code=offer.product.code,
            applicant=applicant,
            customer_group_code=offer.group.code,
            channel=Channel.ONLINE,
            account=user,
            fee_paid_eur=payment.amount_eur if payment is not None else None,
        )
        email = personal.get("email", "")
        if email and email != user.email:
            user.email = email
            user.save(update_fields=["email"])
        for question in questions_for(offer.product.code):
            value = answers.get(question.fact)
            if value is None or value == "":
                continue
            fact_record(
                actor=user,
                application=application,
                name=question.fact,
                value=value,
                source="applicant",
                source_detail="portal",
            )
        if payment is not None:
            payment.application = application
            payment.draft = None
            payment.save(update_fields=["application", "draft"])
            event_record(
                application=application,
                actor=user,
                action=EventKind.FEE_PAID,
                payload={"amount_eur": str(payment.amount_eur), "payment": payment.reference},
            )
        if offer.fee_unknown:
            # Never free by default: intake sees that the fee is still to be charged.
            event_record(
                application=application,
                actor=user,
                action=EventKind.FEE_NOT_CHARGED,
                payload={"product_version_valid_from": offer.version.valid_from.isoformat()},
            )
        storage = uploads.staging_storage()
        for staged_document in staged:
            with storage.open(staged_document.stored_name, "rb") as content:
                document_upload(
                    actor=user,
                    application=application,
                    document_type_code=staged_document.document_type.code,
                    file=File(content, name=staged_document.original_name or "document"),
                )
        names = [d.stored_name for d in staged]
        draft.delete()
        transaction.on_commit(lambda: [uploads.unstage(name) for name in names])
    return application


# --- following the application ---------------------------------------------------------


def information_request_reply(
    *,
    user,
    application: Application,
    request: InformationRequest,
    answer: str,
    document_type_code: str = "",
    file=None,
) -> InformationRequest:
    """The applicant's reply to a request: an optional document, then the answer, which
    resumes the decision period (`information_request_answer`). All or nothing."""
    if request.application_id != application.pk:
        raise NotAllowed(_("This request is not part of this application."))
    answer = (answer or "").strip()
    with transaction.atomic():
        if file is not None:
            if not document_type_code:
                raise InvalidInput(
                    _("Choose what kind of document you send."), field="document_type"
                )
            document = document_upload(
                actor=user,
                application=application,
                document_type_code=document_type_code,
                file=file,
            )
            if not answer:
                answer = _("I have sent the document “%(type)s”.") % {
                    "type": document.document_type.name
                }
        return information_request_answer(actor=user, request=request, answer=answer)


# --- accessibility ------------------------------------------------------------------


def accessibility_report_create(
    *, user, page: str, description: str, contact: str, language: str
) -> AccessibilityReport:
    description = limits.text_check(description, field="description")
    if not description:
        raise InvalidInput(_("Tell us what went wrong."), field="description")
    anonymous = not getattr(user, "is_authenticated", False)
    if anonymous:
        # Anyone may report without logging in, but not without limit (issue 9): the
        # anonymous reports of the last hour are counted across every web process.
        since = clock.now() - timedelta(hours=1)
        recent = AccessibilityReport.objects.filter(user=None, created_at__gte=since).count()
        if recent >= settings.INDIGO_ACCESSIBILITY_ANONYMOUS_PER_HOUR:
            raise Conflict(
                _(
                    "We received many reports in the last hour. Please try again later, "
                    "or log in to send your report now."
                ),
                code="too-many-reports",
            )
    report = AccessibilityReport.objects.create(
        page=limits.text_check(page, field="page", max_length=limits.SHORT_TEXT_MAX),
        description=description,
        contact=limits.text_check(contact, field="contact", max_length=254),
        language=language,
        user=user if getattr(user, "is_authenticated", False) else None,
        created_at=clock.now(),
    )
    team = getattr(settings, "INDIGO_ACCESSIBILITY_EMAIL", "")
    if team:
        transaction.on_commit(lambda: _tell_team(report, team))
    return report


def _tell_team(report: AccessibilityReport, address: str) -> None:
    try:
        send_mail(
            f"Accessibility report {report.number}",
            f"Page: {report.page}\n\n{report.description}\n\nContact: {report.contact}",
            None,
            [address],
        )
    except Exception:
        # The report is stored; the team also sees it in the admin.
        logger.exception("Could not e-mail accessibility report %s", report.number)
