"""Start-up checks: the misuse settings must make sense before any sweep runs."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from indigo.misuse import conf


@register()
def check_misuse_settings(app_configs, **kwargs):
    errors = []
    for key in conf.DEFAULTS:
        try:
            conf.setting_value(key)
        except ImproperlyConfigured as exc:
            errors.append(Error(str(exc), id="misuse.E001"))
    try:
        provider = conf.refused_applications_provider()
    except ImportError as exc:
        errors.append(
            Error(
                f"{conf.REFUSED_APPLICATIONS_SETTING} cannot be imported: {exc}",
                hint="Name a function refused_application_ids(*, application_ids) -> set[int].",
                id="misuse.E002",
            )
        )
    else:
        if not callable(provider):
            errors.append(
                Error(f"{conf.REFUSED_APPLICATIONS_SETTING} is not a function.", id="misuse.E002")
            )
    return errors
