"""The API's JSON parser, bounded: a body nesting deeper than `limits.JSON_DEPTH_MAX`
is refused before Python's recursive parser sees it (it would fail with a
RecursionError, a server error)."""

import io

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from indigo import limits


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read() if stream is not None else b""
        if limits.json_depth_exceeds(body):
            raise ParseError(
                _("The JSON nests deeper than %(max)d levels.") % {"max": limits.JSON_DEPTH_MAX}
            )
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError:  # belt and braces: never a server error
            raise ParseError(_("The JSON nests too deeply.")) from None
