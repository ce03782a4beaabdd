from django.contrib import admin

from indigo.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "state", "language", "created_at", "sent_at"]
    list_filter = ["state", "kind", "language"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False
