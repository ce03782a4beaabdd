from indigo.catalog.models.products import (
    Channel,
    CustomerGroup,
    DocumentType,
    Process,
    Product,
    ProductVersion,
    VersionDocumentType,
)

__all__ = [
    "Channel",
    "CustomerGroup",
    "DocumentType",
    "Process",
    "Product",
    "ProductVersion",
    "VersionDocumentType",
]
