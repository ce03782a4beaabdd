"""What the lifecycle's steps do for recognised sponsors (see `indigo.cases.lifecycle`).

Registered in `SponsorsConfig.ready()`; run inside the step's transaction.
"""

from indigo import clock
from indigo.cases import steps
from indigo.sponsors.models import SponsoredApplication
from indigo.work.services import task_complete_known

SPONSOR_CHECK = "sponsor-check"


@steps.effect("sponsors.confirm-recognition")
def confirm_recognition(step: steps.Step) -> None:
    """The system knows: a sponsor in Indigo's register of recognised sponsors filed the
    application through its own account, so the sponsor check is done (issue 11). A
    sponsor no longer recognised leaves the check to a person."""
    sponsorship = (
        SponsoredApplication.objects.select_related("sponsor")
        .filter(application=step.application)
        .first()
    )
    if sponsorship is None or not sponsorship.sponsor.is_recognised_on(clock.today()):
        return
    sponsor = sponsorship.sponsor
    task_complete_known(
        application=step.application,
        code=SPONSOR_CHECK,
        actor=step.actor,
        result=(
            f"{sponsor.name} (KvK {sponsor.kvk_number}) is a recognised sponsor since "
            f"{sponsor.recognised_since:%Y-%m-%d} (Indigo's register) and filed this "
            "application through its own account."
        ),
    )
