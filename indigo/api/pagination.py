"""Cursor pagination with `_links` (ADR extensions API-42): stable and fast at millions
of rows, because it never counts or offsets."""

from datetime import date

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response


class LinkCursorPagination(CursorPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = ("-received_on", "-id")

    def decode_cursor(self, request):
        """A cursor is ours only when its position is a date (the first ordering
        field); a forged one is a 404 like any invalid cursor, never a server error."""
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                date.fromisoformat(cursor.position)
            except ValueError:
                raise NotFound(_("Invalid cursor.")) from None
        return cursor

    def get_paginated_response(self, data):
        return Response(
            {
                "_links": {"next": self.get_next_link(), "prev": self.get_previous_link()},
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["_links", "results"],
            "properties": {
                "_links": {"type": "object", "properties": {"next": link, "prev": link}},
                "results": schema,
            },
        }
