import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role


@pytest.fixture
def contact_centre():
    """A contact-centre unit that answers for the regular processes, not for asylum."""
    return make_unit(
        "contact-centre",
        kind="contact-centre",
        processes=["regular-economic", "regular-social", "naturalisation"],
    )


@pytest.fixture
def agent(contact_centre):
    return user_with_role("contact", units=[contact_centre])
