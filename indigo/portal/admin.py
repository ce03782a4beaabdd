from django.contrib import admin

from indigo.portal.models import AccessibilityReport, Payment


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(admin.ModelAdmin):
    list_display = ["number", "created_at", "page", "language", "handled_at"]
    list_filter = ["language", "handled_at"]
    readonly_fields = ["page", "description", "contact", "language", "user", "created_at"]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["reference", "state", "amount_eur", "product", "created_at", "paid_at"]
    list_filter = ["state", "product"]
    readonly_fields = [f.name for f in Payment._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
