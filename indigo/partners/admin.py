from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from indigo.partners.models import PartnerAttempt, PartnerCall, ResidenceQuestion, Subscription
from indigo.partners.subscriptions import deliveries_failing


class AttemptInline(admin.TabularInline):
    model = PartnerAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["started_at", "duration_ms", "outcome", "error"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PartnerCall)
class PartnerCallAdmin(admin.ModelAdmin):
    """Questions to partner agencies; a waiting one is retried through its outbox
    message (Outbox > Messages, key partners.call:<request id>)."""

    list_display = ["request_id", "partner", "application", "state", "attempts", "requested_at"]
    list_filter = ["partner", "state"]
    search_fields = ["request_id", "application__reference"]
    readonly_fields = [f.name for f in PartnerCall._meta.fields]
    exclude = ["subject"]  # personal data: not needed to follow a call
    inlines = [AttemptInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ResidenceQuestion)
class ResidenceQuestionAdmin(admin.ModelAdmin):
    """Every question a partner asked about someone's residence (the access log)."""

    list_display = ["asked_at", "asked_by", "purpose", "found"]
    list_filter = ["found"]
    readonly_fields = [f.name for f in ResidenceQuestion._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Partners' subscriptions. A delivery that keeps failing is an outbox message with
    topic partners.webhook (Outbox > Messages), where it can be tried again."""

    list_display = ["public_id", "owner", "url", "created_at", "ended_at", "failing"]
    list_filter = ["ended_at"]
    readonly_fields = [f.name for f in Subscription._meta.fields if f.name != "secret"]
    exclude = ["secret"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Failing deliveries"))
    def failing(self, subscription) -> int:
        return deliveries_failing(subscription=subscription).count()
