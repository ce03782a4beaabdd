"""The parameters rules read, each with its unit and a label in Dutch and English.

The parameter file and the admin accept only these keys, so a typo
("hsm-salary-30-pluss") is refused instead of leaving a rule without its norm (which
would quietly turn every finding into "needs judgement").
"""

from dataclasses import dataclass

from indigo.rules.vocabulary import Kind


@dataclass(frozen=True)
class ParameterKey:
    key: str
    unit: str
    label_en: str
    label_nl: str
    # The app that reads it. Keys of other apps (operational thresholds) may have a
    # default of their own, so only the rules' own keys must have a value in force.
    owner: str = "rules"


# The units a parameter can have, and the kind of value each holds.
UNITS = {
    "EUR/month": Kind.MONEY,
    "age": Kind.INT,
    "years": Kind.INT,
    "months": Kind.INT,
    "weeks": Kind.INT,
    "days": Kind.INT,
    "count": Kind.INT,
    "share": Kind.DECIMAL,
}


def _param(key, unit, label_en, label_nl, owner="rules") -> tuple[str, ParameterKey]:
    assert unit in UNITS, unit
    return key, ParameterKey(key, unit, label_en, label_nl, owner)


PARAMETER_KEYS: dict[str, ParameterKey] = dict(
    [
        # Highly skilled migrant (kennismigrant) and EU Blue Card
        _param(
            "hsm-salary-30-plus",
            "EUR/month",
            "the minimum salary for a highly skilled migrant of 30 or older",
            "het minimumsalaris voor een kennismigrant van 30 jaar of ouder",
        ),
        _param(
            "hsm-salary-under-30",
            "EUR/month",
            "the minimum salary for a highly skilled migrant younger than 30",
            "het minimumsalaris voor een kennismigrant jonger dan 30 jaar",
        ),
        _param(
            "hsm-salary-reduced",
            "EUR/month",
            "the reduced minimum salary for a highly skilled migrant",
            "het verlaagde minimumsalaris voor een kennismigrant",
        ),
        _param(
            "hsm-age-boundary",
            "age",
            "the age from which the higher salary criterion applies",
            "de leeftijd vanaf wanneer het hogere salariscriterium geldt",
        ),
        _param(
            "hsm-permit-max-years",
            "years",
            "the longest validity of a highly skilled migrant permit",
            "de langste geldigheid van een verblijfsvergunning kennismigrant",
        ),
        _param(
            "eu-blue-card-salary",
            "EUR/month",
            "the minimum salary for an EU Blue Card",
            "het minimumsalaris voor een Europese blauwe kaart",
        ),
        _param(
            "eu-blue-card-salary-reduced",
            "EUR/month",
            "the reduced minimum salary for an EU Blue Card",
            "het verlaagde minimumsalaris voor een Europese blauwe kaart",
        ),
        _param(
            "eu-blue-card-minimum-contract-months",
            "months",
            "the shortest employment contract for an EU Blue Card",
            "het kortste arbeidscontract voor een Europese blauwe kaart",
        ),
        _param(
            "eu-blue-card-extra-months",
            "months",
            "the months an EU Blue Card is valid after the contract ends",
            "de maanden dat een Europese blauwe kaart na het contract geldig is",
        ),
        _param(
            "eu-blue-card-permit-max-years",
            "years",
            "the longest validity of an EU Blue Card",
            "de langste geldigheid van een Europese blauwe kaart",
        ),
        _param(
            "statutory-minimum-wage",
            "EUR/month",
            "the gross statutory minimum wage",
            "het bruto wettelijk minimumloon",
        ),
        _param(
            "paid-employment-permit-max-years",
            "years",
            "the longest validity of a single permit for paid employment",
            "de langste geldigheid van een gecombineerde vergunning voor arbeid",
        ),
        # Study, au pair, exchange
        _param(
            "study-means-monthly",
            "EUR/month",
            "the money a student needs per month",
            "het geld dat een student per maand nodig heeft",
        ),
        _param(
            "study-permit-extra-months",
            "months",
            "the months a study permit is valid after the programme ends",
            "de maanden dat een verblijfsvergunning studie na de opleiding geldig is",
        ),
        _param(
            "au-pair-minimum-age",
            "age",
            "the minimum age of an au pair",
            "de minimumleeftijd van een au pair",
        ),
        _param(
            "au-pair-maximum-age",
            "age",
            "the maximum age of an au pair",
            "de maximumleeftijd van een au pair",
        ),
        _param(
            "au-pair-permit-months",
            "months",
            "the validity of an au pair permit",
            "de geldigheid van een verblijfsvergunning au pair",
        ),
        _param(
            "exchange-permit-months",
            "months",
            "the validity of an exchange permit",
            "de geldigheid van een verblijfsvergunning uitwisseling",
        ),
        # Family
        _param(
            "family-income-norm-couple",
            "EUR/month",
            "the income a sponsor needs (100% of the statutory minimum wage)",
            "het inkomen dat een referent nodig heeft (100% van het wettelijk minimumloon)",
        ),
        _param(
            "family-income-norm-single-parent",
            "EUR/month",
            "the income a single parent needs (70% of the statutory minimum wage)",
            "het inkomen dat een alleenstaande ouder nodig heeft (70% van het wettelijk "
            "minimumloon)",
        ),
        _param(
            "family-income-minimum-months",
            "months",
            "how long the sponsor's income must last",
            "hoe lang het inkomen van de referent moet duren",
        ),
        _param(
            "family-partner-minimum-age",
            "age",
            "the minimum age of both partners",
            "de minimumleeftijd van beide partners",
        ),
        _param(
            "family-child-age-limit",
            "age",
            "the age from which a child cannot join a parent under this permit",
            "de leeftijd vanaf wanneer een kind niet meer met deze vergunning bij een ouder kan "
            "wonen",
        ),
        _param(
            "family-permit-years",
            "years",
            "the validity of a family permit",
            "de geldigheid van een verblijfsvergunning voor gezinsleden",
        ),
        # Permanent residence, naturalisation, asylum
        _param(
            "permanent-residence-years",
            "years",
            "the years of legal residence needed for permanent residence",
            "de jaren rechtmatig verblijf die nodig zijn voor verblijf voor onbepaalde tijd",
        ),
        _param(
            "permanent-residence-income-norm",
            "EUR/month",
            "the income needed for permanent residence",
            "het inkomen dat nodig is voor verblijf voor onbepaalde tijd",
        ),
        _param(
            "permanent-residence-document-years",
            "years",
            "the validity of the EU long-term resident document",
            "de geldigheid van het document langdurig ingezetene-EU",
        ),
        _param(
            "naturalisation-residence-years",
            "years",
            "the years of residence needed for naturalisation",
            "de jaren verblijf die nodig zijn voor naturalisatie",
        ),
        _param(
            "asylum-permit-years",
            "years",
            "the validity of an asylum residence permit for a fixed period",
            "de geldigheid van een verblijfsvergunning asiel voor bepaalde tijd",
        ),
        # Recognised sponsor (erkend referent): duties; read by the sponsor administration
        _param(
            "sponsor-information-duty-weeks",
            "weeks",
            "the weeks a recognised sponsor has to report a relevant change",
            "de weken die een erkend referent heeft om een relevante wijziging te melden",
        ),
        _param(
            "sponsor-address-change-weeks",
            "weeks",
            "the weeks a recognised sponsor has to report a change of address",
            "de weken die een erkend referent heeft om een adreswijziging te melden",
        ),
        # Operational thresholds of indigo.misuse (not law; that app falls back to its
        # settings while none is set): declared so the admin accepts them.
        _param(
            "misuse-sponsor-refusal-share",
            "share",
            "the share (0-1) of a sponsor's applications refused or withdrawn that is "
            "worth a review",
            "het deel (0-1) van de aanvragen van een referent dat is afgewezen of "
            "ingetrokken waarbij een controle nodig is",
            "misuse",
        ),
        _param(
            "misuse-sponsor-minimum-applications",
            "count",
            "the applications of a sponsor before its share counts",
            "het aantal aanvragen van een referent voordat het deel meetelt",
            "misuse",
        ),
        _param(
            "misuse-address-registrations",
            "count",
            "the different persons registering one address that are worth a review",
            "het aantal verschillende personen op één adres waarbij een controle nodig is",
            "misuse",
        ),
        _param(
            "misuse-lookback-days",
            "days",
            "the days the misuse signals look back",
            "het aantal dagen dat de signalen terugkijken",
            "misuse",
        ),
        _param(
            "sponsor-record-retention-years",
            "years",
            "the years a recognised sponsor keeps records after sponsorship ends",
            "de jaren dat een erkend referent gegevens bewaart na het einde van het referentschap",
        ),
    ]
)


def parameter_key_declare(
    key: str, *, unit: str, label_en: str, label_nl: str, owner: str
) -> ParameterKey:
    """Declare a parameter another app reads (call it from that app's ``ready()``), so
    the parameter file and the admin accept it. Declaring the same key again with the
    same unit changes nothing."""
    if unit not in UNITS:
        raise ValueError(f"Unknown unit {unit!r}; use one of: {', '.join(UNITS)}")
    known = PARAMETER_KEYS.get(key)
    if known is not None and known.unit != unit:
        raise ValueError(f"Parameter {key!r} is already declared with unit {known.unit!r}")
    PARAMETER_KEYS[key] = ParameterKey(key, unit, label_en, label_nl, owner)
    return PARAMETER_KEYS[key]
