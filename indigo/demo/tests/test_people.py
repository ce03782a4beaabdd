import random
from datetime import date

import pytest

from indigo.cases.validators import validate_nationality
from indigo.demo.people import AGES, NATIONALITIES, POOLS, REGION_OF, PersonGenerator


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@pytest.mark.parametrize("product", sorted(AGES))
def test_ages_are_plausible_for_the_product(product):
    people = PersonGenerator(random.Random(1))
    youngest, oldest = AGES[product]
    received = date(2026, 3, 2)

    ages = [age_on(people.date_of_birth(product, on=received), received) for _ in range(300)]

    assert youngest <= min(ages) and max(ages) <= oldest


def test_a_child_joining_a_parent_is_under_eighteen_and_a_student_at_least_eighteen():
    people = PersonGenerator(random.Random(2))
    day = date(2026, 3, 2)

    assert all(
        age_on(people.applicant("family-child", received_on=day).date_of_birth, day) < 18
        for _ in range(100)
    )
    assert all(
        age_on(people.applicant("study", received_on=day).date_of_birth, day) >= 18
        for _ in range(100)
    )


def test_a_birth_date_works_on_a_leap_day():
    people = PersonGenerator(random.Random(3))

    assert people.date_of_birth("study", on=date(2028, 2, 29)) < date(2028, 2, 29)


def test_every_nationality_is_a_valid_code_with_a_name_pool():
    for codes, _ in NATIONALITIES.values():
        for code in codes:
            assert validate_nationality(code) == code
            assert REGION_OF[code] in POOLS


def test_v_numbers_have_ten_digits_and_never_repeat():
    people = PersonGenerator(random.Random(4))

    numbers = [people.v_number() for _ in range(2000)]

    assert len(set(numbers)) == len(numbers)
    assert all(len(n) == 10 and n.isdigit() for n in numbers)


def test_the_same_seed_gives_the_same_people():
    def people(seed):
        generator = PersonGenerator(random.Random(seed))
        return [generator.applicant("asylum", received_on=date(2026, 3, 2)) for _ in range(20)]

    assert people(5) == people(5)
    assert people(5) != people(6)


def test_spanish_speaking_people_have_two_surnames():
    people = PersonGenerator(random.Random(7))

    _, surname = people.name("COL")

    assert len(surname.split()) >= 2


def test_about_half_the_demo_applicants_choose_dutch():
    from indigo.demo.people import language_for

    names = [(f"Given{i}", f"Surname{i * 7}") for i in range(200)]
    dutch = sum(language_for(g, s) == "nl" for g, s in names)
    assert 70 <= dutch <= 130
    assert {language_for(g, s) for g, s in names} == {"nl", "en"}
