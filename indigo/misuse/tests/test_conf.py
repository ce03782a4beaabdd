from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from indigo import clock
from indigo.misuse import conf
from indigo.misuse.checks import check_misuse_settings
from indigo.rules.models import Parameter


def parameter(key, value, *, valid_from=date(2020, 1, 1)):
    return Parameter.objects.create(
        key=key, valid_from=valid_from, value=value, unit="", source="Integrity board, 2026"
    )


def test_without_parameters_the_setting_defaults_apply(db):
    thresholds = conf.thresholds_on(clock.today())

    assert thresholds == conf.Thresholds(
        sponsor_refusal_share=Decimal("0.5"),
        sponsor_minimum_applications=10,
        address_registrations=8,
        lookback_days=365,
    )


def test_a_setting_overrides_the_default(db, settings):
    settings.INDIGO_MISUSE_ADDRESS_REGISTRATIONS = 12

    assert conf.thresholds_on(clock.today()).address_registrations == 12


def test_the_parameter_in_force_overrides_the_setting(db):
    parameter(conf.ADDRESS_REGISTRATIONS, 5)
    parameter(conf.ADDRESS_REGISTRATIONS, 6, valid_from=date(2024, 1, 1))
    parameter(conf.ADDRESS_REGISTRATIONS, 7, valid_from=clock.today() + timedelta(days=1))

    assert conf.thresholds_on(clock.today()).address_registrations == 6


def test_a_parameter_without_a_value_falls_back_to_the_setting(db):
    parameter(conf.SPONSOR_REFUSAL_SHARE, "0.2")
    parameter(conf.SPONSOR_REFUSAL_SHARE, None, valid_from=date(2024, 1, 1))

    assert conf.thresholds_on(clock.today()).sponsor_refusal_share == Decimal("0.5")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (conf.SPONSOR_REFUSAL_SHARE, "1.5"),
        (conf.SPONSOR_REFUSAL_SHARE, 0),
        (conf.SPONSOR_MINIMUM_APPLICATIONS, 2.5),
        (conf.LOOKBACK_DAYS, "a year"),
    ],
)
def test_a_parameter_that_makes_no_sense_is_refused_with_its_name(db, key, value):
    parameter(key, value)

    with pytest.raises(ImproperlyConfigured, match=key):
        conf.thresholds_on(clock.today())


def test_the_system_check_reports_a_wrong_setting(settings):
    settings.INDIGO_MISUSE_LOOKBACK_DAYS = -1

    assert [e.id for e in check_misuse_settings(None)] == ["misuse.E001"]


def test_the_system_check_reports_a_refusals_provider_that_does_not_exist(settings):
    settings.INDIGO_MISUSE_REFUSED_APPLICATIONS = "indigo.decisions.nowhere.refused"

    assert [e.id for e in check_misuse_settings(None)] == ["misuse.E002"]


def test_the_shipped_settings_pass_the_system_check():
    assert check_misuse_settings(None) == []
