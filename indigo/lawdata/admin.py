"""For the admin of a law-dated model: the derived end of each version as a column."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class ValidToColumn:
    """Mixin for a ModelAdmin or inline: ``valid_to_shown`` in list_display, fields or
    readonly_fields shows the last day a version is in force, computed for the whole
    list in one query."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_valid_to()

    @admin.display(description=_("valid to"))
    def valid_to_shown(self, row):
        if row.pk is None:
            return "—"
        return row.valid_to or _("open-ended")
