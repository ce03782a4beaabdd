from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def measure(value, kind: str = "count") -> str:
    """A measure's value as people read it: 87.5%, 12 days, 1.3; a dash when unknown."""
    if value is None:
        return "\u2013"  # en dash
    if kind == "share":
        return f"{number_format(100 * value, 1)}%"
    if kind == "days":
        return _("%(n)s days") % {"n": number_format(value, 0)}
    if isinstance(value, float):
        return number_format(value, 2 if kind == "ratio" else 1)
    return number_format(value, 0, force_grouping=True)


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key)
