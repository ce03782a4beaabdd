"""The admin shows each parameter with its source, refuses a bad value, and only reads facts."""

from datetime import date

from django.urls import reverse

from indigo.rules.models import Fact, Parameter


def test_the_parameter_list_shows_values_with_their_sources(admin_client):
    response = admin_client.get(
        reverse("admin:rules_parameter_changelist"), {"key": "hsm-salary-30-plus"}
    )

    assert response.status_code == 200
    assert "meijburg.com" in response.text
    assert "5942.00" in response.text


def test_a_missing_figure_is_shown_as_to_be_entered(admin_client):
    response = admin_client.get(
        reverse("admin:rules_parameter_changelist"), {"key": "study-means-monthly"}
    )

    assert "not found: enter it" in response.text


def test_the_change_page_shows_the_source_and_the_derived_end(admin_client):
    row = Parameter.objects.get(key="hsm-salary-30-plus", valid_from=date(2025, 1, 1))

    response = admin_client.get(reverse("admin:rules_parameter_change", args=[row.pk]))

    assert response.status_code == 200
    assert 'name="source"' in response.text
    assert "2025-12-31" in response.text


def test_an_administrator_enters_a_missing_figure(admin_client):
    row = Parameter.objects.get(key="study-means-monthly")
    form = {
        "key": row.key,
        "valid_from": "2025-01-01",
        "value": "1100",
        "unit": row.unit,
        "verified": "on",
        "source": "Vv 2000 norm amounts, checked on ind.nl",
        "notes": "",
    }

    response = admin_client.post(reverse("admin:rules_parameter_change", args=[row.pk]), form)

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.value == "1100.00"


def test_a_value_of_the_wrong_type_is_refused_in_the_admin(admin_client):
    row = Parameter.objects.get(key="hsm-permit-max-years")
    form = {
        "key": row.key,
        "valid_from": "2025-01-01",
        "value": '"five"',
        "unit": "years",
        "source": "x",
    }

    response = admin_client.post(reverse("admin:rules_parameter_change", args=[row.pk]), form)

    assert response.status_code == 200
    assert "must be a whole number" in response.text


def test_a_parameter_cannot_be_deleted(admin_client):
    row = Parameter.objects.first()

    response = admin_client.get(reverse("admin:rules_parameter_delete", args=[row.pk]))

    assert response.status_code == 403


def test_facts_are_read_only(admin_client):
    assert admin_client.get(reverse("admin:rules_fact_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:rules_fact_add")).status_code == 403
    assert Fact._meta.app_label == "rules"


def test_an_administrator_sets_another_apps_threshold(admin_client):
    form = {
        "key": "misuse-sponsor-refusal-share",
        "valid_from": "2026-01-01",
        "value": "0.4",
        "unit": "share",
        "source": "Integrity board decision 2026-01",
        "notes": "",
    }

    response = admin_client.post(reverse("admin:rules_parameter_add"), form)

    assert response.status_code == 302
    assert Parameter.objects.get(key="misuse-sponsor-refusal-share").value == "0.4"


def test_a_key_no_app_reads_is_refused_in_the_admin(admin_client):
    form = {
        "key": "hsm-salary-30-pluss",
        "valid_from": "2026-01-01",
        "value": "1",
        "unit": "EUR/month",
        "source": "x",
    }

    response = admin_client.post(reverse("admin:rules_parameter_add"), form)

    assert response.status_code == 200
    assert not Parameter.objects.filter(key="hsm-salary-30-pluss").exists()
