"""Walking through the portal as an applicant would, with the test client."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indigo.dossier.tests.files import tiny_pdf
from indigo.partners.adapters import supplied_documents

PERSONAL = {
    "given_names": "Valentina",
    "surname": "Restrepo Gómez",
    "date_of_birth": "1998-04-12",
    "nationality": "COL",
    "email": "valentina@example.org",
    "language": "nl",
}

# The sponsor's date of birth and income come from the BRP and UWV/Tax Administration
# simulators (indigo.partners); the applicant gives the sponsor's BSN (made-up).
FAMILY_PARTNER_ANSWERS = {
    "sponsor_bsn": "999993653",
    "relationship_registered": "yes",
    "travel_document_number": "AB1234567",
}

PERMANENT_ANSWERS = {
    "years_legal_residence": "6",
    "gross_monthly_income": "3100",
    "civic_integration_passed": "yes",
    "travel_document_number": "AB1234567",
}


def step_url(product: str, step: str) -> str:
    return reverse("portal:apply-step", args=[product, step])


def pdf(name="scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(), content_type="application/pdf")


def upload(client, product: str, document_type: str, file=None):
    return client.post(
        step_url(product, "documents"),
        {"action": "upload", "document_type": document_type, "file": file or pdf()},
    )


def fill_until_documents(client, product: str, answers: dict, personal=None):
    client.post(step_url(product, "personal"), personal or PERSONAL)
    client.post(step_url(product, "questions"), answers)


def upload_required(client, offer) -> None:
    """Upload what the portal asks: the required documents no partner agency supplies."""
    supplied = supplied_documents(offer.product.code)
    for link in offer.version.versiondocumenttype_set.filter(required=True):
        if link.document_type.code not in supplied:
            upload(client, offer.product.code, link.document_type.code)
    client.post(step_url(offer.product.code, "documents"), {"action": "continue"})


def pay(client, product: str, outcome: str = "pay"):
    """Start the payment and answer on the simulated provider's page; returns the
    response after coming back."""
    response = client.post(step_url(product, "fee"))
    assert response.status_code == 302, response
    provider_page = response["Location"]
    back = client.post(provider_page, {"outcome": outcome})
    return client.get(back["Location"])
