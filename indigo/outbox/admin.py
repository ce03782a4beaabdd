from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from indigo.outbox.models import Message, ScheduledJob
from indigo.outbox.services import outbox_retry


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """What left Indigo or is waiting to; a dead message can be tried again here."""

    list_display = ["id", "topic", "state", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["state", "topic"]
    search_fields = ["key"]
    readonly_fields = [f.name for f in Message._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try the selected messages again"))
    def retry(self, request, queryset):
        count = 0
        for message in queryset.exclude(state=Message.State.DELIVERED):
            outbox_retry(message=message)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d message will be tried again.",
                "%(count)d messages will be tried again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    list_display = ["name", "every_seconds", "active", "next_run_at", "last_finished_at"]
    list_editable = ["every_seconds", "active"]
    readonly_fields = [
        "name",
        "function",
        "last_started_at",
        "last_finished_at",
        "last_result",
        "last_error",
    ]

    def has_add_permission(self, request):
        return False
