"""Shared pieces of the API's endpoints: strict input, paging, example values.

Input serializers refuse fields they do not know (a typo such as `resutl` must not be
silently ignored), naming each unknown field in `invalidParams`.
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from indigo.api.pagination import LinkCursorPagination

# Query parameters every list accepts besides its filters.
PAGING = frozenset({"cursor", "page_size"})


class StrictInput(serializers.Serializer):
    """An input serializer that refuses unknown fields (400, each one in invalidParams)."""

    allowed_extra: frozenset[str] = frozenset()

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields) - set(self.allowed_extra))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [
                            ErrorDetail(
                                _("Unknown field. Known fields: %(fields)s.")
                                % {"fields": ", ".join(sorted(self.fields))},
                                code="unknown",
                            )
                        ]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


class FilterInput(StrictInput):
    """Query parameters of a list: its filters and the paging parameters."""

    allowed_extra = PAGING


def parse(serializer_class, data, **kwargs) -> dict:
    """Validated data, or a 400 problem naming every invalid field."""
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class TaskCursorPagination(LinkCursorPagination):
    ordering = ("start_by", "id")


class IdCursorPagination(LinkCursorPagination):
    ordering = ("-id",)


def with_lifecycle_actions(exc, application):
    """A 409 on an application lists the lifecycle steps possible in its status now."""
    from indigo.cases.lifecycle import actions_from
    from indigo.cases.models import Status

    application.refresh_from_db()
    exc.possible_actions = [t.action for t in actions_from(Status(application.status))]
    return exc
