"""Fixtures of the catalog tests.

The root conftest loads the shipped catalog into the test database once; tests that
need a catalog of their own start from ``empty_catalog`` or write a file with
``write_catalog``.
"""

from datetime import date

import pytest
import yaml

from indigo.catalog.models import (
    CustomerGroup,
    DocumentType,
    Product,
    ProductVersion,
    TaskDefinition,
    VersionDocumentType,
)
from indigo.catalog.remedies import DEFAULT_REMEDIES_PATH


def period(value: int, unit: str, source: str = "a source") -> dict:
    return {"value": value, "unit": unit, "source": source}


def task(code: str, queue: str = "process", **values) -> dict:
    name = code.replace("-", " ").capitalize()
    entry = {"code": code, "name_en": name, "name_nl": name, "queue": queue, "blocking": True}
    return entry | {"expected_days": 2, "due_days": 5} | values


def minimal_catalog() -> dict:
    """A small valid catalog file, as parsed YAML: one product with one version."""
    return {
        "document_types": [
            {"code": "passport", "name_en": "Passport", "name_nl": "Paspoort"},
            {"code": "photo", "name_en": "Passport photo", "name_nl": "Pasfoto"},
        ],
        "products": [
            {
                "code": "test-study",
                "process": "regular-economic",
                "name_en": "Test study",
                "name_nl": "Teststudie",
                "versions": [
                    {
                        "valid_from": date(2025, 1, 1),
                        "legal_basis": "Vw 2000 art. 14",
                        "decision_period": period(60, "days", "ind.nl Beslistermijnen"),
                        "extension": None,
                        "objection_period": period(4, "weeks", "Vw 2000 art. 69(1)"),
                        "objection_decision_period": period(6, "weeks", "Awb 7:10"),
                        "fee": {"eur": 100, "verified": True, "source": "a fee table"},
                        "documents": [
                            {"code": "passport", "required": True},
                            {"code": "photo", "required": False},
                        ],
                        "customer_groups": [
                            {
                                "code": "individual",
                                "name_en": "Individual applicant",
                                "name_nl": "Individuele aanvrager",
                                "channels": ["online", "post"],
                                "languages": ["nl", "en"],
                                "norm": period(60, "days", "the statutory period"),
                            }
                        ],
                        "tasks": [
                            task("sponsor-check"),
                            task("document-examination", "specialism", blocking=False),
                        ],
                    }
                ],
            }
        ],
    }


def catalog_counts() -> dict[str, int]:
    models = [
        DocumentType,
        Product,
        ProductVersion,
        VersionDocumentType,
        CustomerGroup,
        TaskDefinition,
    ]
    counts = {m.__name__: m.objects.count() for m in models}
    for model in (DocumentType, Product, ProductVersion, CustomerGroup):
        counts[f"history of {model.__name__}"] = model.history.count()
    return counts


def remedies_file_for(product_codes) -> dict:
    """A remedies file (as parsed YAML) giving the shipped regular remedies to products."""
    shipped = yaml.safe_load(DEFAULT_REMEDIES_PATH.read_text(encoding="utf-8"))
    regular = shipped["remedies"][0]["versions"]
    return {"remedies": [{"products": sorted(product_codes), "versions": regular}]}


@pytest.fixture
def write_catalog(tmp_path):
    """Writes a catalog file, and beside it the remedies of its products (unless
    ``remedies`` is given: then that file)."""

    def write(data: dict, *, remedies: dict | None = None, citations: dict | None = None):
        path = tmp_path / "products.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        if remedies is None:
            codes = [p["code"] for p in data.get("products") or [] if isinstance(p, dict)]
            codes = [c for c in codes if isinstance(c, str)] or ["none"]
            remedies = remedies_file_for(codes)
        (tmp_path / "remedies.yaml").write_text(
            yaml.safe_dump(remedies, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        if citations is None:
            names = [p.get("code") for p in data.get("products") or [] if isinstance(p, dict)]
            citations = {
                "citations": {
                    code: {
                        "nl": "artikel 14 Vreemdelingenwet 2000",
                        "en": "Aliens Act 2000, art. 14",
                    }
                    for code in names
                    if isinstance(code, str)
                }
                or {"none": {"nl": "geen", "en": "none"}}
            }
        (tmp_path / "citations.yaml").write_text(
            yaml.safe_dump(citations, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        return path

    return write


@pytest.fixture
def empty_catalog(db):
    """No catalog rows (the shipped catalog is removed inside the test's transaction)."""
    TaskDefinition.objects.all().delete()
    CustomerGroup.objects.all().delete()
    VersionDocumentType.objects.all().delete()
    ProductVersion.objects.all().delete()
    Product.objects.all().delete()
    DocumentType.objects.all().delete()


@pytest.fixture
def pin_application():
    """Pin an application to a version (cases.Application), as intake would."""

    def pin(version: ProductVersion):
        from indigo.cases.models import Applicant, Application

        applicant = Applicant.objects.create(
            given_names="Ana", surname="Test", date_of_birth=date(1998, 4, 12), nationality="COL"
        )
        return Application.objects.create(
            reference=f"TEST-{version.pk}",
            product=version.product,
            product_version=version,
            applicant=applicant,
            received_on=version.valid_from,
            decision_due=version.valid_from,
        )

    return pin
