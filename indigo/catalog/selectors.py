"""Reads of the product catalog."""

from datetime import date

from django.apps import apps
from django.db import connections, router
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from indigo.catalog.models import Product, ProductVersion, TaskDefinition


class NoVersionInForce(Exception):
    def __init__(self, product: Product, on: date):
        super().__init__(
            _("Product '%(product)s' has no rules (version) in force on %(date)s.")
            % {"product": product.code, "date": date_format(on, "j F Y")}
        )
        self.product = product
        self.on = on


def version_in_force(*, product: Product, on: date) -> ProductVersion:
    """The version of `product` whose law applies on `on` (latest valid_from <= on)."""
    version = product.versions.in_force_on(on)
    if version is None:
        raise NoVersionInForce(product, on)
    return version


def versions_with_valid_to(*, product: Product) -> QuerySet[ProductVersion]:
    """Versions of a product, oldest first, each with its `valid_to` (None: open-ended)."""
    return (
        product.versions.with_valid_to()
        .prefetch_related("customer_groups", "versiondocumenttype_set__document_type")
        .order_by("valid_from")
    )


def pinned_version_ids(*, versions: QuerySet[ProductVersion] | None = None) -> set[int]:
    """Ids of the versions that applications are pinned to (``cases.Application``).

    Such a version is the law those applications are judged under, so its law-relevant
    fields may no longer change. The cases app is looked up lazily: the catalog works
    without it, and before its tables exist.
    """
    application_model = _model_with_table("cases", "Application")
    if application_model is None:
        return set()
    pinned = application_model.objects.filter(product_version=OuterRef("pk"))
    versions = ProductVersion.objects.all() if versions is None else versions
    return set(versions.filter(Exists(pinned)).values_list("pk", flat=True))


def task_definition_ids_in_use(*, definitions: QuerySet[TaskDefinition]) -> set[int]:
    """Ids of the ``definitions`` that tasks were opened from (``work.Task``).

    Such a definition cannot be deleted (the task refers to it). The work app is looked
    up lazily, like the cases app above.
    """
    task_model = _model_with_table("work", "Task")
    if task_model is None:
        return set()
    used = task_model.objects.filter(definition=OuterRef("pk"))
    return set(definitions.filter(Exists(used)).values_list("pk", flat=True))


def _model_with_table(app_label: str, model_name: str) -> type[Model] | None:
    """A model of an app built on the catalog; None if not installed or not migrated yet."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    connection = connections[router.db_for_read(model)]
    if model._meta.db_table not in connection.introspection.table_names():
        return None
    return model
