from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "indigo.catalog"
    label = "catalog"
    verbose_name = _("Product catalog")

    def ready(self) -> None:
        from indigo.catalog import checks  # noqa: F401  (registers system checks)
