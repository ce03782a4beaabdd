"""REST API of units and their figures: stock, age, output, capacity, lent staff (R7, R17).

Thin: the managers' dashboard's figures (`indigo.work.capacity`); who may call what is
asked of `indigo.api.permissions`.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.api import permissions
from indigo.organisation.models import Unit
from indigo.work import capacity


class UnitSummaryOutput(serializers.Serializer):
    code = serializers.CharField(source="unit.code")
    name_en = serializers.CharField(source="unit.name_en")
    name_nl = serializers.CharField(source="unit.name_nl")
    kind = serializers.ChoiceField(choices=Unit.Kind.choices, source="unit.kind")
    city = serializers.CharField(source="unit.location.city")
    queues = serializers.ListField(child=serializers.CharField())
    stock = serializers.IntegerField(help_text="Open tasks in the unit's queues.")
    at_risk = serializers.IntegerField()
    late = serializers.IntegerField()
    expected_late = serializers.IntegerField()


class BucketOutput(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class StockOutput(serializers.Serializer):
    total = serializers.IntegerField()
    unassigned = serializers.IntegerField()
    assigned = serializers.IntegerField()
    at_risk = serializers.IntegerField()
    late = serializers.IntegerField()
    expected_late = serializers.IntegerField()
    by_age = serializers.SerializerMethodField(help_text="Days since receipt.")
    by_deadline = serializers.SerializerMethodField(help_text="Days left to the deadline.")

    def _buckets(self, pairs) -> list[dict]:
        return [{"key": b.key, "label": str(b.label), "count": n} for b, n in pairs]

    def get_by_age(self, stock) -> BucketOutput(many=True):
        return self._buckets(stock.by_age)

    def get_by_deadline(self, stock) -> BucketOutput(many=True):
        return self._buckets(stock.by_deadline)


class WeekOutput(serializers.Serializer):
    monday = serializers.DateField()
    iso_week = serializers.IntegerField()
    completed = serializers.IntegerField()
    complete = serializers.BooleanField(help_text="False for the week still running.")


class MemberOutput(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    roles = serializers.ListField(child=serializers.CharField())
    temporary = serializers.BooleanField(help_text="Lent to this unit.")
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()
    reason = serializers.CharField()


class WhatIfOutput(serializers.Serializer):
    extra = serializers.IntegerField()
    members = serializers.IntegerField()
    weeks_to_clear = serializers.FloatField(allow_null=True)


class UnitDetailOutput(serializers.Serializer):
    code = serializers.CharField(source="unit.code")
    name_en = serializers.CharField(source="unit.name_en")
    name_nl = serializers.CharField(source="unit.name_nl")
    on = serializers.DateField()
    queues = serializers.ListField(child=serializers.CharField())
    stock = StockOutput()
    output = WeekOutput(many=True, help_text="Tasks completed per ISO week.")
    workers = serializers.IntegerField(help_text="Members who take work from the queues.")
    throughput = serializers.FloatField(
        allow_null=True, help_text="Tasks per member per week (last 4 complete weeks)."
    )
    weeks_to_clear = serializers.FloatField(allow_null=True)
    what_if = WhatIfOutput(many=True)
    members = MemberOutput(many=True)
    lent = serializers.SerializerMethodField(help_text="Members lent to this unit.")

    def get_lent(self, figures) -> MemberOutput(many=True):
        return MemberOutput([m for m in figures.members if m.temporary], many=True).data


UNIT_SUMMARY_EXAMPLE = {
    "code": "economic-zwolle",
    "name_en": "Work and study, Zwolle",
    "name_nl": "Arbeid en studie, Zwolle",
    "kind": "integral",
    "city": "Zwolle",
    "queues": ["process:regular-economic"],
    "stock": 1240,
    "at_risk": 85,
    "late": 12,
    "expected_late": 97,
}


class UnitListApi(APIView):
    @extend_schema(
        operation_id="units_list",
        tags=["units"],
        summary="List the units with their stock",
        description="Every unit with the open work in its queues, at risk and late today.",
        responses=UnitSummaryOutput(many=True),
        examples=[OpenApiExample("Units", value=[UNIT_SUMMARY_EXAMPLE], response_only=True)],
    )
    def get(self, request):
        permissions.require(request.user, "units_list")
        rows = capacity.units_overview(on=clock.today())
        return Response(UnitSummaryOutput(rows, many=True).data)


class UnitDetailApi(APIView):
    @extend_schema(
        operation_id="units_retrieve",
        tags=["units"],
        summary="The figures of a unit",
        description=(
            "Stock by age and by days to the deadline, output per week, members and those "
            "lent to the unit, throughput and the weeks needed to clear the stock (also "
            "with one or two more members): the managers' dashboard as data."
        ),
        responses=UnitDetailOutput,
        examples=[
            OpenApiExample(
                "A unit",
                value={
                    "code": "economic-zwolle",
                    "name_en": "Work and study, Zwolle",
                    "name_nl": "Arbeid en studie, Zwolle",
                    "on": "2026-03-02",
                    "queues": ["process:regular-economic"],
                    "stock": {
                        "total": 3,
                        "unassigned": 2,
                        "assigned": 1,
                        "at_risk": 0,
                        "late": 0,
                        "expected_late": 0,
                        "by_age": [{"key": "0-30", "label": "0 to 30 days", "count": 3}],
                        "by_deadline": [{"key": "over-30", "label": "over 30 days", "count": 3}],
                    },
                    "output": [
                        {"monday": "2026-02-23", "iso_week": 9, "completed": 4, "complete": True}
                    ],
                    "workers": 2,
                    "throughput": 2.0,
                    "weeks_to_clear": 0.75,
                    "what_if": [{"extra": 1, "members": 3, "weeks_to_clear": 0.5}],
                    "members": [],
                    "lent": [],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request, code: str):
        permissions.require(request.user, "units_retrieve")
        unit = permissions.unit_for(request.user, code)
        return Response(UnitDetailOutput(capacity.unit_capacity(unit=unit, on=clock.today())).data)
