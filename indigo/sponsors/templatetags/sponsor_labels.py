from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from indigo.errors import day
from indigo.rules.vocabulary import FACT_NAMES, FactName, Kind

register = template.Library()


@register.filter
def fact_label(fact) -> str:
    """A fact's name (a FactName or its code) in the active language."""
    declared = fact if isinstance(fact, FactName) else FACT_NAMES.get(fact)
    if declared is None:
        return str(fact)
    return declared.label(get_language() or "en")


@register.filter
def fact_value(fact) -> str:
    """A recorded fact's value as people read it."""
    declared = FACT_NAMES.get(fact.name)
    if declared is None:
        return str(fact.value)
    value = declared.read(fact.value)
    if declared.kind is Kind.BOOL:
        return _("Yes") if value else _("No")
    if declared.kind is Kind.DATE:
        return day(value)
    if declared.kind is Kind.MONEY:
        return _("EUR %(amount)s per month") % {"amount": value}
    return str(value)
