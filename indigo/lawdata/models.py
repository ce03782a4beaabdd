"""The abstract model of law-dated data, and the one "in force on" and "valid to".

A concrete model names the fields that identify its series in ``series_fields``
(``("product",)`` for a product's versions, ``("key",)`` for a parameter) and declares
a unique constraint on them with ``valid_from``: two versions of a series never start on
the same day. The system check below says so when a model forgets.
"""

from datetime import date, timedelta

from django.core import checks
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

_NOT_ANNOTATED = object()


class LawDatedQuerySet(models.QuerySet):
    def in_force_on(self, day: date):
        """The version in force on ``day`` of the one series in this queryset, or None.

        Filter to one series first (``product.versions``, ``filter(key=...)``): over
        several series this is simply the newest start on or before the day.
        """
        return self.filter(valid_from__lte=day).order_by("-valid_from").first()

    def all_in_force_on(self, day: date) -> "LawDatedQuerySet":
        """The version in force on ``day`` of every series (one row per series; none for
        a series that only starts later)."""
        newer = self._same_series().filter(
            valid_from__gt=OuterRef("valid_from"), valid_from__lte=day
        )
        return self.filter(valid_from__lte=day).filter(~Exists(newer))

    def with_valid_to(self) -> "LawDatedQuerySet":
        """Each row with ``valid_to``: the day before the next version of its series
        starts, or None while it is the latest. One subquery for all rows, so a list
        does not ask the database again per row."""
        next_start = (
            self._same_series()
            .filter(valid_from__gt=OuterRef("valid_from"))
            .order_by("valid_from")
            .values("valid_from")[:1]
        )
        return self.annotate(
            valid_to=Cast(Subquery(next_start) - timedelta(days=1), models.DateField())
        )

    def _same_series(self) -> models.QuerySet:
        names = self.model.series_fields
        return self.model._default_manager.filter(**{name: OuterRef(name) for name in names})


class LawDated(models.Model):
    """A version of a series: what the law says from ``valid_from`` on."""

    valid_from = models.DateField(_("valid from"))

    # The fields that identify the series, e.g. ("product",); set on each concrete model.
    series_fields: tuple[str, ...] = ()

    objects = models.Manager.from_queryset(LawDatedQuerySet)()

    class Meta:
        abstract = True

    @property
    def valid_to(self) -> date | None:
        """The last day this version is in force; None while it is the latest."""
        annotated = self.__dict__.get("_valid_to", _NOT_ANNOTATED)
        if annotated is not _NOT_ANNOTATED:
            return annotated
        if self.valid_from is None:
            return None
        next_start = (
            type(self)
            ._default_manager.filter(**self.series_lookup(), valid_from__gt=self.valid_from)
            .order_by("valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        return next_start - timedelta(days=1) if next_start else None

    @valid_to.setter
    def valid_to(self, value: date | None) -> None:
        # Set by ``with_valid_to()``: the value the database computed for this row.
        self.__dict__["_valid_to"] = value

    def series_lookup(self) -> dict:
        """Filter arguments that select this version's series."""
        fields = (self._meta.get_field(name) for name in self.series_fields)
        return {field.attname: getattr(self, field.attname) for field in fields}

    @classmethod
    def check(cls, **kwargs):
        return [*super().check(**kwargs), *cls._check_series_fields()]

    @classmethod
    def _check_series_fields(cls) -> list[checks.CheckMessage]:
        if not cls.series_fields:
            return [
                checks.Error(
                    "A law-dated model must name the fields of its series.",
                    hint="Set series_fields, e.g. series_fields = ('product',).",
                    obj=cls,
                    id="lawdata.E001",
                )
            ]
        concrete = {f.name for f in cls._meta.concrete_fields}
        unknown = [name for name in cls.series_fields if name not in concrete]
        if unknown:
            return [
                checks.Error(
                    f"series_fields names {', '.join(unknown)}, which is not a field.",
                    obj=cls,
                    id="lawdata.E002",
                )
            ]
        if not cls._one_version_per_start_day():
            return [
                checks.Error(
                    "Two versions of one series could start on the same day, so which "
                    "one is in force would be undecided.",
                    hint=f"Add a UniqueConstraint on {[*cls.series_fields, 'valid_from']}.",
                    obj=cls,
                    id="lawdata.E003",
                )
            ]
        return []

    @classmethod
    def _one_version_per_start_day(cls) -> bool:
        wanted = {*cls.series_fields, "valid_from"}
        unique_sets = [set(fields) for fields in cls._meta.unique_together]
        unique_sets += [
            set(constraint.fields)
            for constraint in cls._meta.total_unique_constraints
            if constraint.fields
        ]
        return any(fields <= wanted for fields in unique_sets)
