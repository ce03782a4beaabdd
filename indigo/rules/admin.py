"""Admin of the rule parameters (for functional administrators) and, read-only, facts.

A parameter's source is shown next to its value, in the list and on the form; every
change is kept in history. A version is never deleted: applications may have been
judged with it. A missing figure (null) is entered here or in the parameter file.
Facts are recorded only through `fact_record`, so the admin only reads them.
"""

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from indigo.lawdata.admin import ValidToColumn
from indigo.rules.models import Fact, Parameter


@admin.register(Parameter)
class ParameterAdmin(ValidToColumn, SimpleHistoryAdmin):
    list_display = [
        "key",
        "valid_from",
        "valid_to_shown",
        "value_shown",
        "unit",
        "verified",
        "source_shown",
    ]
    list_filter = ["verified", "unit", "key"]
    search_fields = ["key", "source", "notes"]
    date_hierarchy = "valid_from"
    fields = ["key", "valid_from", "valid_to_shown", "value", "unit", "verified", "source", "notes"]
    readonly_fields = ["valid_to_shown"]

    @admin.display(description=_("value"), ordering="value")
    def value_shown(self, row: Parameter):
        return _("not found: enter it") if row.value is None else row.value

    @admin.display(description=_("source"))
    def source_shown(self, row: Parameter):
        return Truncator(row.source).chars(120)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = [
        "application",
        "name",
        "value",
        "source",
        "source_detail",
        "recorded_at",
        "recorded_by",
    ]
    list_filter = ["source", "name"]
    search_fields = ["application__reference", "name"]
    list_select_related = ["application", "recorded_by"]
    show_full_result_count = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
