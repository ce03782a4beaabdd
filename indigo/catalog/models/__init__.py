from indigo.catalog.models.products import (
    Channel,
    CustomerGroup,
    DocumentType,
    Process,
    Product,
    ProductVersion,
    VersionDocumentType,
)
from indigo.catalog.models.tasks import TaskDefinition

__all__ = [
    "Channel",
    "CustomerGroup",
    "DocumentType",
    "Process",
    "Product",
    "ProductVersion",
    "TaskDefinition",
    "VersionDocumentType",
]
