"""A task definition edited by hand (in the admin) is validated like the catalog file."""

import pytest
from django.core.exceptions import ValidationError

from indigo.catalog.tests.factories import TaskDefinitionFactory


def test_a_task_expected_to_take_longer_than_it_is_given_is_invalid():
    definition = TaskDefinitionFactory.build(expected_days=12, due_days=10)

    with pytest.raises(ValidationError) as invalid:
        definition.clean()

    assert set(invalid.value.message_dict) == {"expected_days"}


def test_a_task_due_on_the_day_it_is_created_is_invalid():
    definition = TaskDefinitionFactory.build(expected_days=0, due_days=0)

    with pytest.raises(ValidationError) as invalid:
        definition.clean()

    assert set(invalid.value.message_dict) == {"expected_days", "due_days"}


def test_the_code_of_the_owners_task_is_reserved():
    definition = TaskDefinitionFactory.build(code="handle")

    with pytest.raises(ValidationError) as invalid:
        definition.clean()

    assert set(invalid.value.message_dict) == {"code"}


def test_a_specialism_task_goes_to_the_queue_of_its_specialism():
    definition = TaskDefinitionFactory.build(code="language-analysis", queue_kind="specialism")

    assert definition.queue_for("asylum") == "specialism:language-analysis"
