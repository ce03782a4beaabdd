import pytest
from django.db import connection

from indigo.lawdata.tests.models import Rate


@pytest.fixture(scope="module")
def rate_table(django_db_setup, django_db_blocker):
    """The test model's table, for the tests of one module."""
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(Rate)
        yield
        with connection.schema_editor() as editor:
            editor.delete_model(Rate)


@pytest.fixture
def rates(rate_table, db):
    """The Rate model, with an empty table."""
    return Rate
