"""The legal basis of a condition in two voices: the internal note and the citation.

A ``Basis`` is the internal note (a ``str``: where the figure or article was checked,
with research markers, for the caseworker's admin and ``indigo check``) that also
carries the applicant-facing citation in Dutch and English, at the level that was
checked (the law or its chapter where the article was not).
"""


class Basis(str):
    nl: str
    en: str

    def __new__(cls, note: str, *, nl: str, en: str) -> "Basis":
        basis = super().__new__(cls, note)
        basis.nl, basis.en = nl, en
        return basis

    def citation(self, language: str) -> str:
        return self.nl if (language or "en").startswith("nl") else self.en


VW = ("Vreemdelingenwet 2000", "Aliens Act 2000 (Vreemdelingenwet 2000)")
VB3 = (
    "hoofdstuk 3 Vreemdelingenbesluit 2000",
    "Aliens Decree 2000 (Vreemdelingenbesluit 2000), chapter 3",
)
CITATIONS: dict[str, tuple[str, str]] = {
    "IDENTITY": ("artikel 31 Vreemdelingenwet 2000", f"{VW[1]}, article 31"),
    "CREDIBILITY": ("artikel 31 Vreemdelingenwet 2000", f"{VW[1]}, article 31"),
    "PROTECTION": ("artikel 29 Vreemdelingenwet 2000", f"{VW[1]}, article 29"),
    "INCOME": (f"artikel 16 Vreemdelingenwet 2000 en {VB3[0]}", f"{VW[1]}, article 16; {VB3[1]}"),
    "STUDY_MEANS": (
        f"artikel 16 Vreemdelingenwet 2000 en {VB3[0]}",
        f"{VW[1]}, article 16; {VB3[1]}",
    ),
    "DURATION": VB3,
    "PARTNER_AGE": VB3,
    "RELATIONSHIP": VB3,
    "CHILD_AGE": VB3,
    "FAMILY_TIE": VB3,
    "STUDY_ADMISSION": VB3,
    "AU_PAIR_AGE": VB3,
    "HSM_SALARY": (
        f"{VB3[0]} en Besluit uitvoering Wet arbeid vreemdelingen",
        f"{VB3[1]}; Foreign Nationals Employment Decree",
    ),
    "BLUE_CARD_SALARY": (
        "artikel 5 Richtlijn (EU) 2021/1883 en " + VB3[0],
        "Directive (EU) 2021/1883, article 5; " + VB3[1],
    ),
    "BLUE_CARD_CONTRACT": (
        "artikel 5 Richtlijn (EU) 2021/1883",
        "Directive (EU) 2021/1883, article 5",
    ),
    "BLUE_CARD_QUALIFICATION": (
        "artikel 5 Richtlijn (EU) 2021/1883",
        "Directive (EU) 2021/1883, article 5",
    ),
    "PUBLIC_ORDER": ("artikel 16 Vreemdelingenwet 2000", f"{VW[1]}, article 16"),
    "LONG_TERM_RESIDENCE": (
        "artikel 4 Richtlijn 2003/109/EG en artikel 45a Vreemdelingenwet 2000",
        f"Directive 2003/109/EC, article 4; {VW[1]}, article 45a",
    ),
    "LONG_TERM_INTEGRATION": (
        "artikel 5 Richtlijn 2003/109/EG",
        "Directive 2003/109/EC, article 5",
    ),
    "LONG_TERM_INCOME": ("artikel 5 Richtlijn 2003/109/EG", "Directive 2003/109/EC, article 5"),
    "LONG_TERM_PUBLIC_ORDER": (
        "artikel 6 Richtlijn 2003/109/EG",
        "Directive 2003/109/EC, article 6",
    ),
    "NATURALISATION_RESIDENCE": (
        "artikel 8 Rijkswet op het Nederlanderschap",
        "Kingdom Act on Netherlands Nationality, article 8",
    ),
    "NATURALISATION_INTEGRATION": (
        "artikel 8 Rijkswet op het Nederlanderschap",
        "Kingdom Act on Netherlands Nationality, article 8",
    ),
    "NATURALISATION_PUBLIC_ORDER": (
        "artikel 9 Rijkswet op het Nederlanderschap",
        "Kingdom Act on Netherlands Nationality, article 9",
    ),
    "RECOGNISED_MANDATORY": (f"{VW[0]} (erkend referent)", f"{VW[1]} (recognised sponsor)"),
    "HSM_SPONSOR": (f"{VW[0]} (erkend referent)", f"{VW[1]} (recognised sponsor)"),
    "TURKISH_STANDSTILL": (
        "artikel 41 Aanvullend Protocol en artikel 13 Besluit 1/80 (Associatieovereenkomst "
        "EEG-Turkije)",
        "Additional Protocol, article 41, and Decision 1/80, article 13 (EEC-Turkey "
        "Association Agreement)",
    ),
    "LABOUR_MARKET": ("Wet arbeid vreemdelingen", "Foreign Nationals Employment Act"),
    "MINIMUM_WAGE": (
        "Wet arbeid vreemdelingen en Wet minimumloon en minimumvakantiebijslag",
        "Foreign Nationals Employment Act; Minimum Wage and Holiday Allowance Act",
    ),
}


def cited(name: str, note: str) -> Basis:
    """The internal note of the basis called ``name`` with its citation; KeyError when a
    basis has no citation (so a condition cannot reach a letter without one)."""
    nl, en = CITATIONS[name]
    return Basis(note, nl=nl, en=en)
