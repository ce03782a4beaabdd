"""What the portal asks per product: the facts an applicant supplies themselves.

Data, not code: each product names facts of the rules vocabulary
(`indigo.rules.vocabulary.FACT_NAMES`), with the question as an applicant reads it.
The answers are recorded as facts with source "applicant" when the application is
submitted, so the rules start from what the applicant told us (the caseworker and
partner agencies confirm or correct them: a fact is never overwritten, only followed
by a newer one). A product that is not listed asks only the travel document number.
A question whose fact a partner agency supplies is left out (`questions_for`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from indigo.partners.adapters import supplied_facts
from indigo.rules.vocabulary import FACT_NAMES, FactName


@dataclass(frozen=True)
class Question:
    fact: str
    text: str
    hint: str = ""
    required: bool = True

    @property
    def fact_name(self) -> FactName:
        return FACT_NAMES[self.fact]


TRAVEL_DOCUMENT = Question(
    "travel_document_number",
    _("What is the number of your passport?"),
    _("You find it on the page with your photo."),
)
PROGRAMME_NAME = Question(
    "programme_name",
    _("What is the name of your study programme?"),
    _("As it is on the letter from your school or university."),
)
PROGRAMME_END = Question(
    "programme_end_date",
    _("When does your study programme end?"),
    _("The last day of the programme. Your permit is given for this period."),
)
MONTHLY_MEANS = Question(
    "monthly_means",
    _("How much money do you have each month?"),
    _("In euros, for example 1200. Count your savings, grant or other income."),
)
SALARY = Question(
    "gross_monthly_salary",
    _("What is your gross salary per month?"),
    _("In euros, before tax, without holiday pay. It is in your employment contract."),
)
CONTRACT_START = Question(
    "contract_start_date",
    _("On what date does your job start?"),
)
CONTRACT_OPEN_ENDED = Question(
    "contract_open_ended",
    _("Is your employment contract for an indefinite period?"),
    _("This means: the contract has no end date."),
)
CONTRACT_END = Question(
    "contract_end_date",
    _("On what date does your employment contract end?"),
    _("Leave this empty if your contract has no end date."),
    required=False,
)
RELATIONSHIP = Question(
    "relationship_registered",
    _("Are you married to your partner, or do you have a registered partnership?"),
)
SPONSOR_BIRTH = Question(
    "sponsor_date_of_birth",
    _("What is the date of birth of your partner in the Netherlands?"),
    _("Your partner in the Netherlands is your sponsor (referent)."),
)
SPONSOR_BSN = Question(
    "sponsor_bsn",
    _("What is the citizen service number (BSN) of your family member in the Netherlands?"),
    _(
        "9 digits. With it we get the date of birth from the population register (BRP) "
        "and the income from UWV and the Tax Administration: you do not have to send them."
    ),
)
SPONSOR_INCOME = Question(
    "sponsor_gross_monthly_income",
    _("What is the gross income per month of your family member in the Netherlands?"),
    _("In euros, before tax, without holiday pay."),
)
INCOME_DURATION = Question(
    "income_duration_months",
    _("For how many months from now will your family member have this income?"),
    _("A whole number, for example 12."),
)
SINGLE_PARENT = Question(
    "sponsor_is_single_parent",
    _("Is your parent in the Netherlands a single parent?"),
)
YEARS_RESIDENCE = Question(
    "years_legal_residence",
    _("How many years have you lived in the Netherlands with a residence permit?"),
    _("A whole number, for example 5."),
)
OWN_INCOME = Question(
    "gross_monthly_income",
    _("What is your own gross income per month?"),
    _("In euros, before tax, without holiday pay."),
)
CIVIC_INTEGRATION = Question(
    "civic_integration_passed",
    _("Have you passed the civic integration exam (inburgeringsexamen)?"),
    _("Answer yes too if you do not have to take the exam (exemption)."),
)

WORK = (SALARY, CONTRACT_START, CONTRACT_OPEN_ENDED, CONTRACT_END, TRAVEL_DOCUMENT)

PRODUCT_QUESTIONS: dict[str, tuple[Question, ...]] = {
    "study": (PROGRAMME_NAME, PROGRAMME_END, MONTHLY_MEANS, TRAVEL_DOCUMENT),
    "exchange": (PROGRAMME_NAME, PROGRAMME_END, TRAVEL_DOCUMENT),
    "au-pair": (MONTHLY_MEANS, TRAVEL_DOCUMENT),
    "highly-skilled-migrant": WORK,
    "eu-blue-card": WORK,
    "paid-employment": WORK,
    "family-partner": (
        SPONSOR_BSN,
        RELATIONSHIP,
        SPONSOR_BIRTH,
        SPONSOR_INCOME,
        INCOME_DURATION,
        TRAVEL_DOCUMENT,
    ),
    "family-child": (SPONSOR_BSN, SINGLE_PARENT, SPONSOR_INCOME, INCOME_DURATION, TRAVEL_DOCUMENT),
    "permanent-residence-eu": (
        YEARS_RESIDENCE,
        OWN_INCOME,
        CIVIC_INTEGRATION,
        TRAVEL_DOCUMENT,
    ),
    "naturalisation": (YEARS_RESIDENCE, CIVIC_INTEGRATION, TRAVEL_DOCUMENT),
}


def questions_for(product_code: str) -> tuple[Question, ...]:
    """What the applicant is asked: never a fact that a partner agency supplies
    (`indigo.partners`: the BRP, UWV and the Tax Administration, …)."""
    supplied = supplied_facts(product_code)
    return tuple(
        q for q in PRODUCT_QUESTIONS.get(product_code, (TRAVEL_DOCUMENT,)) if q.fact not in supplied
    )
