"""System checks of the rule parameters and rule sets.

They read the database, so Django runs them only when a database is named:

    indigo check --database default --tag rules

Before the tables exist they report nothing. Everything here is a warning except a
product version without a rule set: its applications cannot be evaluated at all.
"""

from django.core.checks import Error, Tags, Warning, register

from indigo import clock
from indigo.lawdata.checks import checkable_databases
from indigo.rules.models import Parameter
from indigo.rules.parameter_keys import PARAMETER_KEYS
from indigo.rules.registry import NoRuleSet, rule_set_for

TAG = "rules"


def _databases(app_configs, databases, models) -> list[str]:
    return checkable_databases("rules", app_configs, databases)


@register(TAG, Tags.database)
def check_parameters_verified(app_configs=None, databases=None, **kwargs):
    return [
        Warning(
            f"The value {row.value} of '{row.key}' from {row.valid_from:%Y-%m-%d} is not verified.",
            hint=f"Check it against its source ({row.source}), then set it verified.",
            obj=row,
            id="rules.W001",
        )
        for alias in _databases(app_configs, databases, [Parameter])
        for row in Parameter.objects.using(alias).filter(verified=False, value__isnull=False)
    ]


@register(TAG, Tags.database)
def check_parameters_in_force_today(app_configs=None, databases=None, **kwargs):
    """A key whose version in force today has no value (or that has no version at all):
    every application received today gets 'needs judgement' on the rule using it."""
    messages = []
    today = clock.today()
    for alias in _databases(app_configs, databases, [Parameter]):
        in_force = {row.key: row for row in Parameter.objects.using(alias).all_in_force_on(today)}
        for key, declared in PARAMETER_KEYS.items():
            row = in_force.get(key)
            if declared.owner != "rules" and (row is None or row.value is None):
                continue  # another app's threshold, with a default of its own
            if row is None:
                messages.append(
                    Warning(
                        f"The parameter '{key}' has no version in force today ({today:%Y-%m-%d}).",
                        hint="Add it to the parameter file with its source and run "
                        "`indigo parameters_load`.",
                        obj=key,
                        id="rules.W002",
                    )
                )
            elif row.value is None:
                messages.append(
                    Warning(
                        f"'{key}' has no value from {row.valid_from:%Y-%m-%d}, which is in "
                        "force today: rules that need it ask the caseworker's judgement.",
                        hint="Enter the figure with its source (parameter file or admin).",
                        obj=row,
                        id="rules.W003",
                    )
                )
    return messages


@register(TAG, Tags.database)
def check_product_versions_have_rule_sets(app_configs=None, databases=None, **kwargs):
    from indigo.catalog.models import Product, ProductVersion

    errors = []
    for alias in _databases(app_configs, databases, [Product, ProductVersion]):
        for version in ProductVersion.objects.using(alias).select_related("product"):
            try:
                rule_set_for(product=version.product.code, version_valid_from=version.valid_from)
            except NoRuleSet:
                errors.append(
                    Error(
                        f"No rule set applies to product '{version.product.code}' from "
                        f"{version.valid_from:%Y-%m-%d}, so its applications cannot be "
                        "evaluated.",
                        hint="Register one with @rule_set in indigo/rules/products/.",
                        obj=version,
                        id="rules.E001",
                    )
                )
    return errors
