"""Admin: applications are changed only through services, so the admin only reads."""

from django.contrib import admin

from indigo.cases.models import Applicant, Application, ApplicationEvent, Suspension


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    fields = [
        "effective_on",
        "occurred_at",
        "actor",
        "action",
        "from_status",
        "to_status",
        "reason",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "product", "status", "received_on", "decision_due"]
    list_filter = ["status", "product"]
    search_fields = ["reference"]
    inlines = [EventInline]
    show_full_result_count = False


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ["application", "action", "from_status", "to_status", "effective_on", "actor"]
    list_filter = ["action"]
    list_select_related = ["application", "actor"]
    show_full_result_count = False


@admin.register(Applicant)
class ApplicantAdmin(ReadOnlyAdmin):
    list_display = ["surname", "given_names", "date_of_birth", "nationality", "v_number"]
    search_fields = ["v_number", "surname"]


admin.site.register(Suspension, ReadOnlyAdmin)
