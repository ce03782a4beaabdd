"""Catalog test data: a sound product version unless a test says otherwise."""

from datetime import date
from decimal import Decimal

import factory

from indigo.catalog.models import (
    CustomerGroup,
    DocumentType,
    Process,
    Product,
    ProductVersion,
    TaskDefinition,
    VersionDocumentType,
)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"document-{n}")
    name_en = factory.LazyAttribute(lambda o: o.code.replace("-", " ").capitalize())
    name_nl = factory.LazyAttribute(lambda o: o.name_en)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    code = factory.Sequence(lambda n: f"test-product-{n}")
    process = Process.REGULAR_ECONOMIC
    name_en = factory.LazyAttribute(lambda o: f"Product {o.code}")
    name_nl = factory.LazyAttribute(lambda o: f"Product {o.code}")


class ProductVersionFactory(factory.django.DjangoModelFactory):
    """A version that passes every catalog check (passport, verified fee, blocking task)."""

    class Meta:
        model = ProductVersion
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    valid_from = date(2025, 1, 1)
    legal_basis = "Vw 2000 art. 14"
    decision_period_value = 90
    decision_period_unit = "days"
    decision_period_source = "Vw 2000 art. 25"
    fee_eur = Decimal("405.00")
    fee_source = "Grant Thornton 2025"
    fee_verified = True

    @factory.post_generation
    def passport(version, create, extracted, **kwargs):
        if create and extracted is not False:
            VersionDocumentType.objects.create(
                version=version,
                document_type=DocumentTypeFactory(code="passport"),
                required=True,
            )

    @factory.post_generation
    def tasks(version, create, extracted, **kwargs):
        if create and extracted is not False:
            TaskDefinitionFactory(version=version)


class CustomerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomerGroup

    version = factory.SubFactory(ProductVersionFactory)
    code = "individual"
    name_en = "Individual applicant"
    name_nl = "Individuele aanvrager"
    channels = ["online"]
    languages = ["nl", "en"]
    norm_value = 90
    norm_unit = "days"
    norm_source = "Vw 2000 art. 25"


class TaskDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskDefinition

    version = factory.SubFactory(ProductVersionFactory, tasks=False)
    code = "income-check"
    name_en = "Income check"
    name_nl = "Inkomenstoets"
    queue_kind = TaskDefinition.QueueKind.PROCESS
    blocking = True
    expected_days = 3
    due_days = 10
