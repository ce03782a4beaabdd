"""GET /api/v1/measures: the Condor measures with their definitions (thin)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.quality.access import units_visible_to
from indigo.quality.measures.base import GROUP_BY
from indigo.quality.selectors import measure_query_parse, measures_answer


def measures_json(answer: dict) -> dict:
    query = answer["query"]
    body = {
        "from": query.date_from.isoformat(),
        "to": query.date_to.isoformat(),
        "filters": query.filters(),
    }
    if query.group_by:
        body["group_by"] = query.group_by
        body["groups"] = [
            {query.group_by: group, **values} for group, values in answer["groups"].items()
        ]
    else:
        body.update(answer["groups"][""])
    body["definitions"] = answer["definitions"]
    return body


class MeasuresApi(APIView):
    @extend_schema(
        operation_id="measures_list",
        tags=["measures"],
        summary="The quality measures (intake, output, stock, on time, …)",
        examples=[
            OpenApiExample(
                "Measures of a quarter",
                value={
                    "from": "2025-12-01",
                    "to": "2026-03-02",
                    "filters": {"product": "study"},
                    "intake": 1204,
                    "output": 1150,
                    "stock": 310,
                    "on_time_share": 0.94,
                    "definitions": {"intake": "Applications received in the period."},
                },
                response_only=True,
            )
        ],
        parameters=[
            OpenApiParameter(
                "from", OpenApiTypes.DATE, description="First day (default: 13 weeks ago)."
            ),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (default: today)."),
            OpenApiParameter("product", str, description="Product code."),
            OpenApiParameter("unit", str, description="Unit code."),
            OpenApiParameter("customer_group", str, description="Customer group code."),
            OpenApiParameter("channel", str),
            OpenApiParameter("group_by", enum=list(GROUP_BY)),
        ],
        responses=OpenApiTypes.OBJECT,
        description=(
            "Without `group_by` every measure is a top-level number (`intake`, `output`, "
            "`stock`, `on_time_share`, …) and `definitions` says what each one counts; "
            "with `group_by` the same figures per group under `groups`."
        ),
    )
    def get(self, request):
        units = units_visible_to(request.user)
        if units == ():
            raise PermissionDenied("Measures are for managers, the directorate and the chain.")
        query = measure_query_parse(request.query_params, units_allowed=units)
        return Response(measures_json(measures_answer(query)))
