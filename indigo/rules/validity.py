"""How long a granted permit is valid: an end date from the facts, capped by the law.

The permit runs from the reference date (the date of receipt). The end is the end of
what the permit is for (contract, programme), plus any extra months the law adds, and
never later than the longest validity the law allows. All three numbers are
parameters of the reference date; the basis says in plain words which one decided.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from indigo.rules.context import ParameterValue, RuleContext
from indigo.rules.registry import Validity
from indigo.rules.wording import day_en


def after(start: date, parameter: ParameterValue) -> date:
    """`start` plus the parameter's number of years or months."""
    if parameter.unit == "years":
        return start + relativedelta(years=parameter.value)
    if parameter.unit == "months":
        return start + relativedelta(months=parameter.value)
    raise ValueError(f"{parameter.key} is not a period ({parameter.unit})")


def _period(parameter: ParameterValue) -> str:
    unit = parameter.unit.rstrip("s") if parameter.value == 1 else parameter.unit
    return f"{parameter.value} {unit}"


def capped_validity(
    ctx: RuleContext,
    *,
    end: date | None,
    end_reason: str,
    max_key: str,
    extra_key: str | None = None,
) -> Validity | None:
    """Until `end` (+ the extra months of `extra_key`), at most `max_key` from the start.

    `end` None means open-ended (e.g. a contract for an indefinite period): the maximum
    applies. Returns None when neither an end nor a maximum is known.
    """
    start = ctx.reference_date
    maximum = ctx.param(max_key) if max_key else None
    reasons = []
    until = end
    if end is not None:
        reasons.append(f"{end_reason} ends on {day_en(end)}")
        extra = ctx.param(extra_key) if extra_key else None
        if extra is not None:
            until = after(end, extra)
            reasons.append(f"plus {_period(extra)} ({extra.key})")
        elif extra_key:
            reasons.append(f"no extra period is configured ({extra_key})")
    else:
        reasons.append(f"{end_reason} has no end date")
    if maximum is not None:
        cap = after(start, maximum)
        if until is None or cap < until:
            until = cap
            reasons.append(f"capped at the maximum of {_period(maximum)} ({maximum.key})")
    elif max_key:
        reasons.append(f"no maximum is configured ({max_key})")
    if until is None:
        return None
    basis = f"From the date of receipt, {day_en(start)}: " + "; ".join(reasons) + "."
    return Validity(valid_from=start, valid_until=until, basis=basis)


def fixed_validity(ctx: RuleContext, *, key: str, what: str) -> Validity | None:
    """A fixed period from the date of receipt (None if the period is not configured)."""
    period = ctx.param(key)
    if period is None:
        return None
    start = ctx.reference_date
    return Validity(
        valid_from=start,
        valid_until=after(start, period),
        basis=f"From the date of receipt, {day_en(start)}: {what} is valid for "
        f"{_period(period)} ({key}).",
    )
