"""Template helpers of the portal."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def url_or_none(name: str, *args) -> str | None:
    """The URL of a page of another app, or None when that app is not there (desks)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@register.filter
def euros(amount) -> str:
    """An amount as people write it in the active language: € 228,00 / € 228.00."""
    from django.utils.formats import number_format

    return f"€ {number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)}"


@register.filter
def as_day(value) -> str:
    """A date (or an ISO date as stored in a draft) as people write it in the page's
    language: 14 May 2001 / 14 mei 2001. Anything else is shown as it is."""
    from datetime import date

    from indigo.errors import day

    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, date):
        return day(value)
    return "" if value is None else str(value)
