"""The processing log in the admin: read only (the tables are append-only anyway)."""

from django.contrib import admin

from indigo.audit.models import AccessTrace, ProcessingRecord


class ReadOnlyAdmin(admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProcessingRecord)
class ProcessingRecordAdmin(ReadOnlyAdmin):
    list_display = ["start_time", "name", "processing_activity_id", "trace_id", "data_subject_id"]
    list_filter = ["processing_activity_id"]


@admin.register(AccessTrace)
class AccessTraceAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "operation", "trace_id"]
    list_select_related = ["user"]
