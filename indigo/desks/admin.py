"""Desks are configuration: the functional administrator keeps them here or in the file.
Appointments are only shown: they change through the services (with their events)."""

from django.contrib import admin

from indigo.desks.models import (
    Appointment,
    AppointmentType,
    Capacity,
    ClosedDay,
    Desk,
    OpeningHours,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class CapacityInline(admin.TabularInline):
    model = Capacity
    extra = 0


@admin.register(Desk)
class DeskAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "kind", "location", "active"]
    list_filter = ["kind", "active"]
    inlines = [OpeningHoursInline, CapacityInline]


@admin.register(AppointmentType)
class AppointmentTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "duration_minutes"]


@admin.register(ClosedDay)
class ClosedDayAdmin(admin.ModelAdmin):
    list_display = ["day", "desk", "reason"]
    list_filter = ["desk"]


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["code", "desk", "appointment_type", "starts_at", "state"]
    list_filter = ["state", "desk", "appointment_type"]
    search_fields = ["code", "application__reference"]
    date_hierarchy = "starts_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
