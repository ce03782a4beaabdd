"""The categories of recognition, and which products fall under each.

Recognition is per KvK entity and per category; there are four [V] ind.nl/en
"apply-for-recognition-as-sponsor" (shared/reference/ind-facts.md section 5):
study; exchange (au pair, cultural exchange); research (Directive (EU) 2016/801);
work (highly skilled migrant, paid employment, seasonal work, work experience,
intra-corporate transfer, EU Blue Card).

Which products a sponsor may actually file is decided by the catalog: a product is open
to sponsors when its version in force has the `recognised-sponsor` customer group. This
table only says under which recognition a product falls. The catalog has no research
product yet, so no product maps to it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

RECOGNISED_SPONSOR = "recognised-sponsor"  # the catalog's customer group code


class Category(models.TextChoices):
    STUDY = "study", _("Study")
    EXCHANGE = "exchange", _("Exchange (au pair, cultural exchange)")
    RESEARCH = "research", _("Research (Directive (EU) 2016/801)")
    WORK = "work", _("Work")


PRODUCT_CATEGORY: dict[str, Category] = {
    "study": Category.STUDY,
    "au-pair": Category.EXCHANGE,
    "exchange": Category.EXCHANGE,
    "highly-skilled-migrant": Category.WORK,
    "eu-blue-card": Category.WORK,
    "paid-employment": Category.WORK,
}

# The rules' fact that says the sponsor is recognised, per category (the rule sets of
# `indigo.rules.products` read these).
RECOGNITION_FACT: dict[Category, str] = {
    Category.STUDY: "institution_is_recognised",
    Category.EXCHANGE: "sponsor_is_recognised",
    Category.WORK: "employer_is_recognised_sponsor",
}


class ChangeKind(models.TextChoices):
    """Changes a recognised sponsor must report (informatieplicht)."""

    STOPPED_STUDYING = "stopped-studying", _("The student stopped studying")
    LEFT_EMPLOYMENT = "left-employment", _("The employee left (employment ended)")
    # The sponsor's own address (2 weeks). A migrant's move is not reported by the
    # sponsor: it reaches the IND from the municipal register (BRP).
    ADDRESS = "address", _("The sponsor's own address changed")
    OTHER = "other", _("Another change")


# A change that only makes sense for some categories; the others fit every application.
CHANGE_KIND_CATEGORIES: dict[str, frozenset[Category]] = {
    ChangeKind.STOPPED_STUDYING: frozenset({Category.STUDY}),
    ChangeKind.LEFT_EMPLOYMENT: frozenset({Category.WORK, Category.RESEARCH}),
}

# The rule parameter (weeks) within which each kind must be reported: a change of the
# sponsor's own address within 2 weeks, other relevant changes within 4 [V] ind.nl
# "legal obligations recognised sponsor" (ind-facts.md section 5).
INFORMATION_DUTY = "sponsor-information-duty-weeks"
ADDRESS_DUTY = "sponsor-address-change-weeks"
DUTY_PARAMETER: dict[str, str] = {ChangeKind.ADDRESS: ADDRESS_DUTY}


def duty_parameter_for(kind: str) -> str:
    return DUTY_PARAMETER.get(kind, INFORMATION_DUTY)


def category_of(product_code: str) -> Category | None:
    return PRODUCT_CATEGORY.get(product_code)
