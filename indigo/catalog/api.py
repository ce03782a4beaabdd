"""Read-only API of the product catalog."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.catalog.citations import citation_of
from indigo.catalog.models import Product
from indigo.catalog.remedies import NoRemedy, remedy_for
from indigo.catalog.selectors import versions_with_valid_to


def _period(value, unit):
    return None if value is None else {"value": value, "unit": unit}


class PeriodSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    unit = serializers.ChoiceField(choices=["days", "weeks", "months"])


class CustomerGroupOutput(serializers.Serializer):
    code = serializers.CharField()
    name_en = serializers.CharField()
    name_nl = serializers.CharField()
    channels = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    norm = serializers.SerializerMethodField()

    def get_norm(self, group) -> PeriodSerializer:
        return _period(group.norm_value, group.norm_unit)


class DocumentRequirementOutput(serializers.Serializer):
    code = serializers.CharField(source="document_type.code")
    name_en = serializers.CharField(source="document_type.name_en")
    name_nl = serializers.CharField(source="document_type.name_nl")
    required = serializers.BooleanField()


class CitationOutput(serializers.Serializer):
    nl = serializers.CharField()
    en = serializers.CharField()


class RemedyOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["objection", "appeal"])
    period = PeriodSerializer()
    citation = CitationOutput()


class ProductVersionOutput(serializers.Serializer):
    """Only what the law says, with its citation as published; the internal source notes
    (research markers) stay in the admin and ``indigo check``."""

    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)
    legal_basis = serializers.SerializerMethodField()
    decision_period = serializers.SerializerMethodField()
    extension = serializers.SerializerMethodField()
    fee_eur = serializers.DecimalField(
        max_digits=8, decimal_places=2, allow_null=True, source="fee_if_known"
    )
    remedy_against_refusal = serializers.SerializerMethodField()
    documents = DocumentRequirementOutput(many=True, source="versiondocumenttype_set")
    customer_groups = CustomerGroupOutput(many=True)

    def get_decision_period(self, version) -> PeriodSerializer:
        return _period(version.decision_period_value, version.decision_period_unit)

    def get_extension(self, version) -> PeriodSerializer(allow_null=True):
        return _period(version.extension_value, version.extension_unit)

    def get_legal_basis(self, version) -> CitationOutput(allow_null=True):
        citation = citation_of(version.product.code)
        return {"nl": citation.nl, "en": citation.en} if citation else None

    def get_remedy_against_refusal(self, version) -> RemedyOutput(allow_null=True):
        try:
            remedy = remedy_for(version, "refuse", on=version.valid_from)
        except NoRemedy:
            return None
        return {
            "kind": remedy.kind,
            "period": _period(remedy.period.value, str(remedy.period.unit)),
            "citation": {"nl": remedy.citation.nl, "en": remedy.citation.en},
        }


class ProductOutput(serializers.Serializer):
    code = serializers.CharField()
    process = serializers.CharField()
    name_en = serializers.CharField()
    name_nl = serializers.CharField()


class ProductDetailOutput(ProductOutput):
    versions = serializers.SerializerMethodField()

    def get_versions(self, product) -> ProductVersionOutput(many=True):
        return ProductVersionOutput(versions_with_valid_to(product=product), many=True).data


PRODUCT_EXAMPLE = {
    "code": "study",
    "process": "regular-economic",
    "name_en": "Study",
    "name_nl": "Studie",
}


class ProductListApi(APIView):
    """The products of the agency. Public information: no login needed."""

    permission_classes = [AllowAny]

    @extend_schema(
        responses=ProductOutput(many=True),
        operation_id="products_list",
        summary="List the products",
        description="What one can apply for. Public information: no login needed.",
        examples=[OpenApiExample("Products", value=[PRODUCT_EXAMPLE], response_only=True)],
    )
    def get(self, request):
        return Response(ProductOutput(Product.objects.order_by("code"), many=True).data)


class ProductDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        responses=ProductDetailOutput,
        operation_id="products_retrieve",
        summary="Get a product with its versions",
        description=(
            "A product with its law-dated versions: decision period, fee, documents and "
            "customer groups, each with its legal source and `valid_from`."
        ),
        examples=[
            OpenApiExample(
                "Study",
                value=PRODUCT_EXAMPLE
                | {
                    "versions": [
                        {
                            "valid_from": "2024-01-01",
                            "valid_to": None,
                            "legal_basis": "Vreemdelingenbesluit 2000, art. 3.41",
                            "decision_period": {"value": 60, "unit": "days"},
                            "decision_period_source": "https://ind.nl/",
                            "extension": None,
                            "fee_eur": "228.00",
                            "fee_source": "https://ind.nl/",
                            "documents": [],
                            "customer_groups": [],
                        }
                    ]
                },
                response_only=True,
            )
        ],
    )
    def get(self, request, code: str):
        product = get_object_or_404(Product, code=code)
        return Response(ProductDetailOutput(product).data)
