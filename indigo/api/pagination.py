"""Cursor pagination with `_links` (ADR extensions API-42): stable and fast at millions
of rows, because it never counts or offsets."""

from rest_framework.pagination import CursorPagination
from rest_framework.response import Response


class LinkCursorPagination(CursorPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = ("-received_on", "-id")

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
