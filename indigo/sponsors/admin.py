from django.contrib import admin

from indigo.sponsors.models import (
    Authorisation,
    ChangeReport,
    Sponsor,
    SponsoredApplication,
    SponsorUser,
)


class SponsorUserInline(admin.TabularInline):
    model = SponsorUser
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Sponsor)
class SponsorAdmin(admin.ModelAdmin):
    list_display = ["name", "kvk_number", "recognised_since", "recognition_withdrawn_on"]
    search_fields = ["name", "kvk_number"]
    inlines = [SponsorUserInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only by the sponsor services (with their events); shown for support."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Authorisation)
class AuthorisationAdmin(ReadOnlyAdmin):
    list_display = ["applicant", "sponsor", "product", "given_on", "withdrawn_on"]
    list_select_related = ["applicant", "sponsor", "product"]


@admin.register(SponsoredApplication)
class SponsoredApplicationAdmin(ReadOnlyAdmin):
    list_display = ["application", "sponsor", "created_by", "created_at"]
    list_select_related = ["application", "sponsor", "created_by"]


@admin.register(ChangeReport)
class ChangeReportAdmin(ReadOnlyAdmin):
    list_display = ["application", "sponsor", "kind", "on", "reported_at", "within_duty"]
    list_select_related = ["application", "sponsor"]
