"""What a rule set may read: the application's facts and the parameters of its
reference date. Nothing else — in particular not nationality, unless a law names it
and the rule cites that article (see `nationality_for`)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from indigo.cases.models import Application
from indigo.rules.findings import FactUse
from indigo.rules.models import Fact
from indigo.rules.selectors import parameter_in_force
from indigo.rules.vocabulary import FACT_NAMES
from indigo.rules.waiting import Waiting, waiting_for


@dataclass(frozen=True)
class ParameterValue:
    key: str
    value: object
    unit: str
    source: str
    valid_from: date
    verified: bool

    def use(self) -> FactUse:
        return FactUse(
            name=self.key,
            value=self.value,
            source=f"parameter: from {self.valid_from:%Y-%m-%d}: {self.source}",
        )

    @property
    def amount(self) -> Decimal:
        """The value as an exact amount (EUR parameters are stored as text)."""
        return Decimal(str(self.value))


class RuleContext:
    def __init__(self, application: Application, *, reference_date: date | None = None):
        self.application = application
        # The law of the receipt date applies (first applications; see the catalog).
        self.reference_date = reference_date or application.received_on
        self._params: dict[str, ParameterValue | None] = {}

    @cached_property
    def facts(self) -> dict[str, Fact]:
        latest: dict[str, Fact] = {}
        for fact in Fact.objects.filter(application=self.application).order_by(
            "name", "-recorded_at", "-id"
        ):
            latest.setdefault(fact.name, fact)
        return latest

    @cached_property
    def waiting(self) -> dict[str, Waiting]:
        """Facts asked of a partner agency that has not answered yet."""
        return waiting_for(self.application)

    def fact(self, name: str) -> Fact | None:
        return self.facts.get(name)

    def value(self, name: str):
        """The fact's value as Python (Decimal for money, date for dates), or None."""
        fact = self.facts.get(name)
        if fact is None:
            return None
        return FACT_NAMES[name].read(fact.value) if name in FACT_NAMES else fact.value

    def use(self, name: str) -> FactUse:
        fact = self.facts[name]
        source = f"{fact.source}: {fact.source_detail}" if fact.source_detail else fact.source
        return FactUse(name=name, value=fact.value, source=source)

    def param(self, key: str) -> ParameterValue | None:
        """The parameter in force on the reference date; None if not set (value null)."""
        if key not in self._params:
            row = parameter_in_force(key=key, on=self.reference_date)
            self._params[key] = (
                None
                if row is None or row.value is None
                else ParameterValue(
                    key=key,
                    value=row.value,
                    unit=row.unit,
                    source=row.source,
                    valid_from=row.valid_from,
                    verified=row.verified,
                )
            )
        return self._params[key]

    def age_on_reference_date(self) -> int:
        return age_on(self.application.applicant.date_of_birth, self.reference_date)

    def date_of_birth_use(self) -> FactUse:
        """The applicant's date of birth, as registered with the application."""
        born = self.application.applicant.date_of_birth
        return FactUse(name="date_of_birth", value=born.isoformat(), source="application")

    def nationality_for(self, *, article: str) -> str:
        """Nationality, only for a rule that applies a law naming it; `article` is cited
        in the finding (e.g. visa-exempt nationalities, Vb 2000 art. 3.71(2))."""
        if not article.strip():
            raise ValueError("Nationality may only be read citing the article that names it")
        return self.application.applicant.nationality


def age_on(born: date, on: date) -> int:
    """Completed years on `on` (someone born on 29 February turns a year older on 1 March
    in a year without one)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
