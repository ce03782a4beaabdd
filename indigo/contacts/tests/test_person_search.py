from datetime import date

import pytest

from indigo.cases.tests.factories import make_application
from indigo.contacts.selectors import person_search
from indigo.errors import InvalidInput

pytestmark = pytest.mark.usefixtures("catalog")


def test_a_person_is_found_by_v_number(agent):
    application = make_application(v_number="1234567890")

    assert person_search(user=agent, v_number="1234567890") == [application.applicant]


def test_a_person_is_found_by_surname_and_date_of_birth_ignoring_case(agent):
    application = make_application(surname="García Márquez", date_of_birth=date(1998, 4, 12))
    make_application(surname="García Márquez", date_of_birth=date(1999, 1, 1))

    found = person_search(user=agent, surname=" garcía  márquez ", date_of_birth=date(1998, 4, 12))

    assert found == [application.applicant]


def test_a_surname_prefix_does_not_find_anyone(agent):
    make_application(surname="Janssen", date_of_birth=date(1998, 4, 12))

    assert person_search(user=agent, surname="Jan", date_of_birth=date(1998, 4, 12)) == []


def test_a_person_is_found_by_the_reference_of_an_application(agent):
    application = make_application()
    make_application()

    found = person_search(user=agent, reference=application.reference.lower())

    assert found == [application.applicant]


def test_a_person_with_several_applications_is_found_once(agent):
    first = make_application(v_number="1234567890")
    make_application(v_number="1234567890", product="highly-skilled-migrant")

    assert person_search(user=agent, v_number="1234567890") == [first.applicant]


@pytest.mark.parametrize(
    "criteria",
    [
        {},
        {"surname": "Janssen"},
        {"date_of_birth": date(1998, 4, 12)},
        {"v_number": "", "reference": "  ", "surname": ""},
    ],
)
def test_a_search_without_enough_criteria_is_refused(agent, criteria):
    with pytest.raises(InvalidInput) as refused:
        person_search(user=agent, **criteria)

    assert refused.value.message == (
        "Give a V-number, a reference, or a surname with a date of birth."
    )


def test_a_malformed_v_number_is_refused(agent):
    with pytest.raises(InvalidInput) as refused:
        person_search(user=agent, v_number="12345")

    assert refused.value.field == "v_number"


def test_a_person_whose_only_application_is_invisible_is_not_found(agent):
    asylum = make_application(product="asylum", v_number="1234567890")
    person = asylum.applicant

    assert person_search(user=agent, v_number="1234567890") == []
    assert person_search(user=agent, reference=asylum.reference) == []
    assert (
        person_search(user=agent, surname=person.surname, date_of_birth=person.date_of_birth) == []
    )


def test_the_reference_of_an_invisible_application_does_not_find_its_person(agent):
    study = make_application(v_number="1234567890")
    asylum = make_application(product="asylum", v_number="1234567890")
    assert asylum.applicant == study.applicant

    assert person_search(user=agent, reference=asylum.reference) == []
