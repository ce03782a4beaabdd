"""The catalog admin pages render, with derived and protected fields."""

from datetime import date

import pytest
from django.urls import reverse

from indigo.catalog.models import Product, ProductVersion


@pytest.fixture
def hsm_2025(catalog):
    return ProductVersion.objects.get(
        product__code="highly-skilled-migrant", valid_from=date(2025, 1, 1)
    )


def test_the_version_list_renders_with_the_derived_valid_to(admin_client, hsm_2025):
    response = admin_client.get(reverse("admin:catalog_productversion_changelist"))

    assert response.status_code == 200
    assert "Dec. 31, 2025" in response.text


def test_the_version_list_filters_by_process(admin_client, catalog):
    url = reverse("admin:catalog_productversion_changelist")

    response = admin_client.get(url, {"product__process__exact": "asylum"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_the_version_change_page_renders_with_documents_and_customer_groups(admin_client, hsm_2025):
    response = admin_client.get(reverse("admin:catalog_productversion_change", args=[hsm_2025.pk]))

    assert response.status_code == 200
    assert "recognised-sponsor" in response.text
    assert 'name="fee_eur"' in response.text


def test_a_pinned_version_shows_its_fee_read_only(admin_client, hsm_2025, pin_application):
    pin_application(hsm_2025)

    response = admin_client.get(reverse("admin:catalog_productversion_change", args=[hsm_2025.pk]))

    assert response.status_code == 200
    assert 'name="fee_eur"' not in response.text


def test_the_version_change_page_lets_the_tasks_be_edited(admin_client, hsm_2025):
    response = admin_client.get(reverse("admin:catalog_productversion_change", args=[hsm_2025.pk]))

    assert response.status_code == 200
    assert 'value="income-check"' in response.text
    assert 'name="task_definitions-0-expected_days"' in response.text


def test_a_pinned_version_keeps_its_tasks_editable(admin_client, hsm_2025, pin_application):
    pin_application(hsm_2025)

    response = admin_client.get(reverse("admin:catalog_productversion_change", args=[hsm_2025.pk]))

    assert 'name="task_definitions-0-expected_days"' in response.text


def test_the_product_change_page_lists_its_versions(admin_client, catalog):
    product = Product.objects.get(code="family-partner")

    response = admin_client.get(reverse("admin:catalog_product_change", args=[product.pk]))

    assert response.status_code == 200
    assert response.text.count("open-ended") == 1


def test_the_version_history_page_renders(admin_client, hsm_2025):
    response = admin_client.get(reverse("admin:catalog_productversion_history", args=[hsm_2025.pk]))

    assert response.status_code == 200
