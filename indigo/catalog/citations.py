"""Applicant-facing citations of each product's legal basis, Dutch and English.

The catalog's ``legal_basis`` is the internal note (with research markers, for the
admin and ``indigo check``); letters, the portal and the API show this citation
instead. Articles are cited as published, at the level that was checked: where a
sub-article was not checked, the article or the chapter is cited.
"""

from indigo.catalog.remedies import Words

_REGULAR = Words(
    "artikel 14 en 16 Vreemdelingenwet 2000 en hoofdstuk 3 Vreemdelingenbesluit 2000",
    "Aliens Act 2000 (Vreemdelingenwet 2000), articles 14 and 16; Aliens Decree 2000 "
    "(Vreemdelingenbesluit 2000), chapter 3",
)

PRODUCT_CITATIONS: dict[str, Words] = {
    "study": _REGULAR,
    "highly-skilled-migrant": _REGULAR,
    "eu-blue-card": Words(
        "artikel 14 en 16 Vreemdelingenwet 2000, hoofdstuk 3 Vreemdelingenbesluit 2000 en "
        "Richtlijn (EU) 2021/1883",
        "Aliens Act 2000 (Vreemdelingenwet 2000), articles 14 and 16; Aliens Decree 2000 "
        "(Vreemdelingenbesluit 2000), chapter 3; Directive (EU) 2021/1883",
    ),
    "paid-employment": Words(
        "artikel 14 en 16 Vreemdelingenwet 2000, hoofdstuk 3 Vreemdelingenbesluit 2000 en "
        "artikel 8 Wet arbeid vreemdelingen",
        "Aliens Act 2000 (Vreemdelingenwet 2000), articles 14 and 16; Aliens Decree 2000 "
        "(Vreemdelingenbesluit 2000), chapter 3; Foreign Nationals Employment Act (Wet "
        "arbeid vreemdelingen), article 8",
    ),
    "au-pair": _REGULAR,
    "exchange": _REGULAR,
    "family-partner": _REGULAR,
    "family-child": _REGULAR,
    "permanent-residence-eu": Words(
        "artikel 20, 21 en 45a Vreemdelingenwet 2000",
        "Aliens Act 2000 (Vreemdelingenwet 2000), articles 20, 21 and 45a",
    ),
    "asylum": Words(
        "artikel 28, 29 en 31 Vreemdelingenwet 2000",
        "Aliens Act 2000 (Vreemdelingenwet 2000), articles 28, 29 and 31",
    ),
    "naturalisation": Words(
        "artikel 7 en 8 Rijkswet op het Nederlanderschap",
        "Kingdom Act on Netherlands Nationality (Rijkswet op het Nederlanderschap), "
        "articles 7 and 8",
    ),
}


def citation_of(product_code: str) -> Words | None:
    return PRODUCT_CITATIONS.get(product_code)


def citations_missing(*, product_codes) -> list[str]:
    return [
        f"product '{code}': citation: missing (add the applicant-facing citation of its "
        "legal basis to indigo/catalog/citations.py)"
        for code in sorted(set(product_codes) - set(PRODUCT_CITATIONS))
    ]
