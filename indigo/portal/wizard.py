"""The steps of applying online, generated from the product version in force.

personal details → questions of the product → documents the version asks for → fee
(only when the version has one) → check and send. A step counts as done when its
answers are saved in the draft; the applicant can go back to any done step.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from indigo.portal.models import Draft
from indigo.portal.selectors import Offer

PERSONAL = "personal"
QUESTIONS = "questions"
DOCUMENTS = "documents"
FEE = "fee"
CHECK = "check"

TITLES = {
    PERSONAL: _("Your details"),
    QUESTIONS: _("Questions about your situation"),
    DOCUMENTS: _("Documents"),
    FEE: _("Pay the fee"),
    CHECK: _("Check and send"),
}


@dataclass(frozen=True)
class Step:
    code: str
    number: int
    done: bool
    reachable: bool

    @property
    def title(self) -> str:
        return str(TITLES[self.code])


def step_codes(offer: Offer) -> list[str]:
    codes = [PERSONAL, QUESTIONS, DOCUMENTS]
    if offer.fee > 0:
        codes.append(FEE)
    codes.append(CHECK)
    return codes


def steps(offer: Offer, draft: Draft) -> list[Step]:
    done = set(draft.completed_steps)
    result = []
    reachable = True
    for number, code in enumerate(step_codes(offer), start=1):
        result.append(Step(code=code, number=number, done=code in done, reachable=reachable))
        reachable = reachable and code in done
    return result


def first_open_step(offer: Offer, draft: Draft) -> str:
    for step in steps(offer, draft):
        if not step.done:
            return step.code
    return CHECK


def next_step(offer: Offer, code: str) -> str:
    codes = step_codes(offer)
    return codes[min(codes.index(code) + 1, len(codes) - 1)]


def may_open(offer: Offer, draft: Draft, code: str) -> bool:
    return any(s.code == code and s.reachable for s in steps(offer, draft))
