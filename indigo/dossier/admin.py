"""Read-only admin: the dossier changes only through its services.

The stored file is shown by name, never linked: opening a document goes through
`document_open`, which checks its checksum and records the access.
"""

from django.contrib import admin

from indigo.dossier.models import Document, DocumentAccess


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = [
        "application",
        "document_type",
        "version",
        "content_type",
        "size_bytes",
        "source",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["document_type", "source", "content_type"]
    list_select_related = ["application", "document_type", "uploaded_by"]
    search_fields = ["application__reference", "sha256"]
    ordering = ["-uploaded_at", "-id"]
    date_hierarchy = "uploaded_at"
    fields = [
        "application",
        "document_type",
        "version",
        "stored_as",
        "original_name",
        "content_type",
        "size_bytes",
        "sha256",
        "source",
        "uploaded_by",
        "uploaded_at",
    ]
    readonly_fields = fields

    @admin.display(description="stored as")
    def stored_as(self, document: Document) -> str:
        return document.file.name


@admin.register(DocumentAccess)
class DocumentAccessAdmin(ReadOnlyAdmin):
    list_display = ["at", "kind", "user", "document", "context"]
    list_filter = ["kind"]
    list_select_related = ["user", "document__document_type"]
    search_fields = ["document__application__reference", "user__username"]
    ordering = ["-at", "-id"]
    date_hierarchy = "at"
    fields = ["document", "user", "at", "kind", "context"]
    readonly_fields = fields
