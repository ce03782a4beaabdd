"""A law-dated model for the tests of this package only: a rate per series.

It lives in a registry of its own (not an installed app), so it has no migration;
the ``rates`` fixture creates its table for the tests that need it.
"""

from django.apps.registry import Apps
from django.db import models

from indigo.lawdata.models import LawDated

test_apps = Apps()


class Rate(LawDated):
    series = models.CharField(max_length=20)
    amount = models.IntegerField()

    series_fields = ("series",)

    class Meta:
        apps = test_apps
        app_label = "lawdata_tests"
        ordering = ["series", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["series", "valid_from"], name="lawdata_tests_rate_once")
        ]

    def __str__(self) -> str:
        return f"{self.series} from {self.valid_from:%Y-%m-%d}: {self.amount}"
