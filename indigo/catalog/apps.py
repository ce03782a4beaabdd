from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "indigo.catalog"
    label = "catalog"
    verbose_name = "Product catalog"

    def ready(self) -> None:
        from indigo.catalog import checks  # noqa: F401  (registers system checks)
