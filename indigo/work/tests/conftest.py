import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application
from indigo.catalog.models import ProductVersion, TaskDefinition


@pytest.fixture
def regular_unit(catalog):
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def documents_unit(catalog):
    return make_unit(
        "bureau-documenten",
        kind="specialist",
        specialisms=["test-document-examination"],
        city="Rijswijk",
    )


@pytest.fixture
def caseworker(regular_unit):
    return user_with_role("caseworker", units=[regular_unit])


@pytest.fixture
def specialist(documents_unit):
    return user_with_role("specialist", units=[documents_unit])


@pytest.fixture
def with_tasks(catalog):
    """Give the study product two parallel tasks: one here, one at a specialist unit."""

    def define(product="study"):
        for version in ProductVersion.objects.filter(product__code=product):
            version.task_definitions.all().delete()
            TaskDefinition.objects.create(
                version=version,
                code="test-register-check",
                name_en="Register check",
                name_nl="BRP-controle",
                queue_kind="process",
                blocking=True,
                expected_days=3,
                due_days=10,
            )
            TaskDefinition.objects.create(
                version=version,
                code="test-document-examination",
                name_en="Documents",
                name_nl="Documentonderzoek",
                queue_kind="specialism",
                blocking=True,
                expected_days=20,
                due_days=30,
            )

    return define


@pytest.fixture
def new_application(caseworker):
    def make(**kwargs):
        kwargs.setdefault("actor", caseworker)
        return make_application(**kwargs)

    return make
