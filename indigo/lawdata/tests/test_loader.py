"""Reading a data file (every problem at once, each named) and reporting a load."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from indigo.lawdata.loader import (
    LawDataError,
    LoadReport,
    Reader,
    SourcedPeriod,
    all_or_nothing,
    row_sync,
    yaml_read,
)


@dataclass(frozen=True)
class RateVersion:
    valid_from: date
    amount: Decimal | None
    term: SourcedPeriod | None
    kind: str | None
    days: list[str]
    years: int | None
    notes: str


class RateFileReader(Reader):
    """A small file of law-dated rates, using every typed read."""

    def parse(self, data):
        if self.mapping(data, "rates file", required={"rates"}) is None:
            return []
        rates = [
            self.rate(raw, i) for i, raw in enumerate(self.items(data, "rates", "rates file"), 1)
        ]
        return [rate for rate in rates if rate]

    def rate(self, raw, index: int):
        keys = {"code", "name", "versions"}
        raw, code, where = self.entry(raw, "rate", index, required=keys, optional={"secret"})
        if raw is None:
            return None
        name = self.text(raw, "name", where)
        secret = self.flag(raw, "secret", where, default=False)
        versions = self.versions(raw, "versions", where, lambda v, i: self.version(v, where, i))
        return code, name, secret, versions

    def version(self, raw, rate_where: str, index: int):
        valid_from, where = self.version_where(raw, rate_where, index)
        keys, optional = {"valid_from", "amount", "term"}, {"kind", "days", "years", "notes"}
        if self.mapping(raw, where, required=keys, optional=optional) is None:
            return None
        version = RateVersion(
            valid_from=valid_from,
            amount=self.money(raw, "amount", where),
            term=self.period(raw, "term", where, nullable=True),
            kind=self.choice(raw, "kind", where, allowed=["fixed", "indexed"]),
            days=self.choices(raw, "days", where, allowed=["mon", "tue"], noun="day"),
            years=self.whole_number(raw, "years", where),
            notes=self.text(raw, "notes", where, blank=True),
        )
        return version if valid_from else None


def a_version(**values) -> dict:
    return {"valid_from": date(2026, 1, 1), "amount": 100, "term": None} | values


def a_file(*versions, **rate) -> dict:
    entry = {"code": "income-norm", "name": "Income norm", "versions": list(versions)}
    return {"rates": [entry | rate]}


def problems(data) -> list[str]:
    with pytest.raises(LawDataError) as refused:
        RateFileReader().read_data(data)
    return refused.value.errors


def test_a_sound_file_gives_its_versions_oldest_first():
    data = a_file(
        a_version(valid_from="2026-01-01", amount="120.50", kind="indexed", years=5),
        a_version(
            valid_from=date(2025, 1, 1),
            term={"value": 3, "unit": "months", "source": "Vw 2000 art. 25"},
            days=["mon", "tue"],
            notes="  first  ",
        ),
    )

    [(code, name, secret, versions)] = RateFileReader().read_data(data)

    assert (code, name, secret) == ("income-norm", "Income norm", False)
    assert versions == [
        RateVersion(
            date(2025, 1, 1),
            Decimal("100.00"),
            SourcedPeriod(3, "months", "Vw 2000 art. 25"),
            None,
            ["mon", "tue"],
            None,
            "first",
        ),
        RateVersion(date(2026, 1, 1), Decimal("120.50"), None, "indexed", [], 5, ""),
    ]


def test_every_problem_is_reported_at_once_naming_the_entry_and_the_field():
    data = a_file(
        a_version(amount=-5, kind="floating", days=["mon", "sun", "mon"], years=0),
        a_version(valid_from="1 January 2025", amount="ten"),
        name=" ",
        secret="yes",
    )

    assert problems(data) == [
        "rate 'income-norm': name: must be a non-empty text",
        "rate 'income-norm': secret: 'yes' must be true or false",
        "rate 'income-norm', version 2026-01-01: amount: an amount cannot be negative (-5)",
        "rate 'income-norm', version 2026-01-01: kind: unknown kind 'floating' "
        "(use fixed, indexed)",
        "rate 'income-norm', version 2026-01-01: days: unknown day 'sun' (use mon, tue)",
        "rate 'income-norm', version 2026-01-01: days: mon listed more than once",
        "rate 'income-norm', version 2026-01-01: years: 0 is not a whole number of at least 1",
        "rate 'income-norm', version #2: valid_from: '1 January 2025' is not a date "
        "like 2026-01-01",
        "rate 'income-norm', version #2: amount: 'ten' is not an amount in euros",
    ]


def test_an_unknown_key_asks_to_check_the_spelling_and_a_missing_one_is_named():
    version = a_version(amuont=100)
    del version["amount"]

    assert problems(a_file(version)) == [
        "rate 'income-norm', version 2026-01-01: amuont: unknown key (check the spelling)",
        "rate 'income-norm', version 2026-01-01: amount: missing",
    ]


def test_an_entry_without_a_sound_code_is_named_by_its_place():
    assert problems(a_file(a_version(), code="Income Norm")) == [
        "rate #1: code: 'Income Norm' is not a code (lower-case letters, digits and "
        "hyphens, like 'eu-blue-card')"
    ]


def test_two_versions_from_the_same_day_are_refused_as_overlapping():
    assert problems(a_file(a_version(), a_version(amount=200))) == [
        "rate 'income-norm', version 2026-01-01: valid_from: two versions start on the "
        "same day, so their validity overlaps; keep one"
    ]


def test_a_period_is_read_with_its_unit_and_source():
    term = {"value": True, "unit": "fortnights", "source": ""}

    assert problems(a_file(a_version(term=term))) == [
        "rate 'income-norm', version 2026-01-01: term.value: True is not a whole number of "
        "at least 1",
        "rate 'income-norm', version 2026-01-01: term.unit: unknown period unit "
        "'fortnights' (use days, weeks, months)",
        "rate 'income-norm', version 2026-01-01: term.source: must be a non-empty text",
    ]


@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        ("1.005", "1.005 must be at most 999999.99, in whole cents"),
        (1000000, "1000000 must be at most 999999.99, in whole cents"),
        (True, "True is not an amount in euros"),
        ("NaN", "'NaN' is not an amount in euros"),
        (None, "None is not an amount in euros"),
    ],
)
def test_an_amount_is_euros_in_whole_cents(amount, problem):
    assert problems(a_file(a_version(amount=amount))) == [
        f"rate 'income-norm', version 2026-01-01: amount: {problem}"
    ]


def test_a_moment_is_not_a_date():
    moment = "2026-01-01 10:00"

    assert problems(a_file(a_version(valid_from=moment))) == [
        "rate 'income-norm', version #1: valid_from: '2026-01-01 10:00' is not a date like "
        "2026-01-01"
    ]


def test_a_file_that_is_not_a_mapping_is_refused():
    assert problems(["rates"]) == ["rates file: must be a mapping, not list"]


def test_the_message_names_the_file_on_every_line(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text("rates:\n  - {code: income-norm, name: '', versions: []}\n", encoding="utf-8")

    with pytest.raises(LawDataError) as refused:
        RateFileReader().read(path)

    assert str(refused.value) == (
        f"{path} was not loaded:\n"
        "- rates.yaml: rate 'income-norm': name: must be a non-empty text\n"
        "- rates.yaml: rate 'income-norm': versions: must be a non-empty list"
    )
    assert refused.value.path == path


def test_a_missing_file_is_refused_as_unreadable(tmp_path):
    with pytest.raises(LawDataError) as refused:
        yaml_read(tmp_path / "nowhere.yaml")

    assert refused.value.errors == ["cannot be read (No such file or directory)"]


def test_a_file_that_is_not_yaml_is_refused(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("rates: [unclosed\n", encoding="utf-8")

    with pytest.raises(LawDataError) as refused:
        yaml_read(path)

    assert refused.value.errors[0].startswith("is not valid YAML: ")


# -- the report ---------------------------------------------------------------------------


def test_a_report_reads_as_lines_for_the_administrator():
    report = LoadReport("the rates")
    report.record("rate a", created=True)
    report.record("rate b", changed=["amount", "notes"])
    report.record("rate c")
    report.record("rate d")
    report.deleted.append("term of rate e")
    report.kept.append("rate f")
    report.notes.append("rate b is in use")

    assert report.changed
    assert report.lines() == [
        "created rate a",
        "updated rate b (amount, notes)",
        "deleted term of rate e",
        "kept (not in the file) rate f",
        "note: rate b is in use",
        "unchanged: 2 more",
    ]


def test_a_report_without_changes_says_it_is_up_to_date():
    report = LoadReport("the rates")
    report.record("rate a")
    report.kept.append("rate f")

    assert not report.changed
    assert report.lines() == [
        "kept (not in the file) rate f",
        "Up to date: nothing changed in the rates.",
    ]


def test_a_dry_run_report_says_nothing_was_saved():
    report = LoadReport("the rates", dry_run=True)
    report.record("rate a", created=True)

    assert report.lines() == ["created rate a", "Dry run: nothing was saved."]


# -- loading rows -------------------------------------------------------------------------


def test_row_sync_creates_updates_and_leaves_alone(rates):
    report = LoadReport("the rates")
    lookup = {"series": "a", "valid_from": date(2026, 1, 1)}

    row_sync(report, "rate a", rates, lookup=lookup, values={"amount": 100})
    row_sync(report, "rate a", rates, lookup=lookup, values={"amount": 100})
    row_sync(report, "rate a", rates, lookup=lookup, values={"amount": 120})

    assert (report.created, report.unchanged, report.updated) == (
        ["rate a"],
        ["rate a"],
        ["rate a (amount)"],
    )
    assert list(rates.objects.values_list("amount", flat=True)) == [120]


def test_a_dry_run_is_rolled_back(rates):
    report = LoadReport("the rates", dry_run=True)

    with all_or_nothing(report):
        rates.objects.create(series="a", valid_from=date(2026, 1, 1), amount=100)

    assert not rates.objects.exists()


def test_a_load_that_fails_halfway_writes_nothing(rates):
    report = LoadReport("the rates")

    with pytest.raises(LawDataError), all_or_nothing(report):
        rates.objects.create(series="a", valid_from=date(2026, 1, 1), amount=100)
        raise LawDataError(["rate a: in use"])

    assert not rates.objects.exists()
