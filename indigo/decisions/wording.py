"""The words of decision letters, Dutch and English side by side (B1, formal "u").

A letter is a legal act in the applicant's language, so its words are kept here in
both languages rather than in the translation catalogue: a letter can never fall back
to English inside a Dutch letter because a translation is missing. Placeholders are
``{name}`` fields, filled by ``say``; a field left unfilled raises, never reaches a
letter.

What a permit is (``PERMIT_NATURE``) is checked against its source:
- permanent / EU long-term residence: valid indefinitely, the document is renewed every
  5 years [ind.nl "Verblijfsvergunning onbepaalde tijd"; Vw 2000 art. 20];
- naturalisation: you become Dutch at the ceremony by making the declaration of
  solidarity; attendance is compulsory from 16 and must be within 1 year of the
  decision, or the decision lapses [leusden.nl, heerde.nl, noordwijk.nl
  "Naturalisatieceremonie"; RWN art. 7];
- entry visa (mvv): collect within 3 months of the decision at the embassy or consulate
  named in the application [ind.nl "Positieve beslissing - mvv en verblijfsvergunning";
  Vc 2000 B1/3.3.4 via mvv-gezinshereniging.nl].
"""

import string

from indigo.catalog.remedies import Words

W = Words

PHRASES: dict[str, Words] = {
    "sender": W(
        "Immigratie- en Naturalisatiedienst (IND)", "Immigration and Naturalisation Service (IND)"
    ),
    "date": W("Datum", "Date"),
    "our_reference": W("Ons kenmerk", "Our reference"),
    "v_number": W("V-nummer", "V-number"),
    "subject": W("Onderwerp", "Subject"),
    "subject_text": W(
        "Besluit op uw aanvraag “{product}” van {received}",
        "Decision on your application “{product}” of {received}",
    ),
    "title": W("Besluit op uw aanvraag {reference}", "Decision on your application {reference}"),
    "salutation": W("Geachte {name},", "Dear {name},"),
    "preview": W(
        "Voorbeeld: deze brief is nog niet verstuurd. De data gaan ervan uit dat hij "
        "vandaag wordt verstuurd.",
        "Preview: this letter has not been sent yet. The dates assume that it is sent today.",
    ),
    "h_decision": W("Ons besluit", "Our decision"),
    "refused": W("Wij wijzen uw aanvraag af.", "We refuse your application."),
    "granted": W("Wij willigen uw aanvraag in.", "We grant your application."),
    "granted_naturalisation": W(
        "Wij willigen uw verzoek om naturalisatie in.",
        "We grant your request for naturalisation.",
    ),
    "valid_period": W(
        "U krijgt een verblijfsvergunning. Die is geldig van {start} tot en met {end}.",
        "You get a residence permit. It is valid from {start} up to and including {end}.",
    ),
    "valid_indefinitely": W(
        "U krijgt een verblijfsvergunning voor onbepaalde tijd. Die is geldig vanaf {start}. "
        "De vergunning zelf verloopt niet. Alleen het verblijfsdocument (de pas) vernieuwt "
        "u elke 5 jaar.",
        "You get a residence permit for an indefinite period. It is valid from {start}. "
        "The permit itself does not expire. Only the residence document (the card) is "
        "renewed every 5 years.",
    ),
    "granted_differently": W(
        "Uw vergunning is geldig voor een andere periode dan de regels geven. Hieronder "
        "leest u waarom.",
        "Your permit is valid for a different period than the rules give. We explain why below.",
    ),
    "h_todo": W("Wat moet u nu doen?", "What must you do now?"),
    "collect_permit": W(
        "Maak een afspraak bij een IND-loket om uw verblijfsdocument op te halen. Dat kan "
        "online. Neem uw paspoort mee.",
        "Make an appointment at an IND desk to collect your residence document. You can "
        "do this online. Bring your passport.",
    ),
    "collect_mvv": W(
        "Heeft u een inreisvisum (mvv) nodig? Haal de mvv dan op bij de Nederlandse "
        "ambassade of het consulaat dat in uw aanvraag staat. Doe dit binnen 3 maanden na "
        "de datum van deze brief. Maak daarvoor een afspraak bij de ambassade of het "
        "consulaat. Neem uw paspoort en deze brief mee. Daarna reist u naar Nederland en "
        "haalt u uw verblijfsdocument op bij een IND-loket.",
        "Do you need an entry visa (mvv)? Then collect the mvv at the Dutch embassy or "
        "consulate named in your application. Do this within 3 months after the date of "
        "this letter. Make an appointment at the embassy or consulate for this. Bring "
        "your passport and this letter. Then travel to the Netherlands and collect your "
        "residence document at an IND desk.",
    ),
    "ceremony": W(
        "U bent nog geen Nederlander. U wordt Nederlander op de naturalisatieceremonie in "
        "uw gemeente. Daar legt u de verklaring van verbondenheid af. Uw gemeente nodigt u "
        "uit. U moet de ceremonie bijwonen binnen 1 jaar na de datum van deze brief. Komt "
        "u niet? Dan wordt u geen Nederlander en moet u opnieuw een verzoek doen.",
        "You are not Dutch yet. You become Dutch at the naturalisation ceremony in your "
        "municipality. There you make the declaration of solidarity. Your municipality "
        "will invite you. You must attend the ceremony within 1 year after the date of "
        "this letter. If you do not come, you do not become Dutch and you must apply "
        "again.",
    ),
    "refused_todo": W(
        "Lees hieronder waarom wij uw aanvraag afwijzen en wat u kunt doen als u het niet "
        "eens bent met dit besluit.",
        "Read below why we refuse your application and what you can do if you disagree "
        "with this decision.",
    ),
    "h_why": W("Waarom hebben wij dit besloten?", "Why did we decide this?"),
    "not_met_intro": W("U voldoet niet aan deze voorwaarden:", "You do not meet these conditions:"),
    "met_intro": W("Wij hebben deze voorwaarden gecontroleerd:", "We checked these conditions:"),
    "condition_met": W(
        "{label}: u voldoet aan deze voorwaarde.", "{label}: you meet this condition."
    ),
    "condition_not_met": W(
        "{label}: u voldoet niet aan deze voorwaarde.", "{label}: you do not meet this condition."
    ),
    "h_explanation": W("Onze uitleg", "Our explanation"),
    "h_view": W("Uw zienswijze", "Your written view"),
    "view_answered": W(
        "U heeft op {date} gereageerd op ons voornemen. Dit is ons antwoord op uw reactie:",
        "On {date} you responded to our intention. This is our answer to your response:",
    ),
    "h_objection": W(
        "Bent u het niet eens met dit besluit? Maak bezwaar binnen {period}",
        "Do you disagree with this decision? Object within {period}",
    ),
    "h_appeal": W(
        "Bent u het niet eens met dit besluit? Ga in beroep binnen {period}",
        "Do you disagree with this decision? Appeal within {period}",
    ),
    "objection_body": W(
        "U kunt bezwaar maken bij {to}. Dat doet u met een brief: een bezwaarschrift. U "
        "heeft daarvoor {period}. Uw bezwaarschrift moet uiterlijk op {date} bij ons zijn.",
        "You can object to {to}. You do this with a letter: a notice of objection. You have "
        "{period} to do this. Your notice of objection must reach us no later than {date}.",
    ),
    "appeal_body": W(
        "U kunt tegen dit besluit in beroep gaan bij {to}. U kunt geen bezwaar maken bij "
        "de IND. U heeft {period} om in beroep te gaan. De laatste dag is {date}.",
        "You can appeal against this decision to {to}. You cannot object to the IND. You "
        "have {period} to appeal. The last day is {date}.",
    ),
    "send_to": W("Stuur het naar:", "Send it to:"),
    "include": W("Zet dit in uw brief:", "Put this in your letter:"),
    "include_name": W("uw naam en adres", "your name and address"),
    "include_date": W("de datum", "the date"),
    "include_reference": W(
        "de datum van deze brief en ons kenmerk {reference}",
        "the date of this letter and our reference {reference}",
    ),
    "include_why": W(
        "waarom u het niet eens bent met het besluit", "why you disagree with the decision"
    ),
    "include_signature": W("uw handtekening", "your signature"),
    "include_copy": W(
        "Stuur een kopie van deze brief (het besluit) mee.",
        "Send a copy of this letter (the decision) with it.",
    ),
    "h_stay": W("Mag u in Nederland blijven?", "May you stay in the Netherlands?"),
    "h_questions": W("Heeft u vragen?", "Do you have questions?"),
    "questions": W(
        "Neem dan contact met ons op. Noem ons kenmerk {reference}.",
        "Please contact us. Mention our reference {reference}.",
    ),
    "regards": W("Met vriendelijke groet,", "Kind regards,"),
    "h_law": W("Wettelijke grondslag", "Legal basis"),
    "law_intro": W("Dit besluit is gebaseerd op:", "This decision is based on:"),
    "law_remedy": W("Termijn voor bezwaar of beroep:", "Period to object or appeal:"),
    # The intended refusal (voornemen) and its period for a written view (zienswijze).
    "intention_title": W(
        "Voornemen om uw aanvraag {reference} af te wijzen",
        "Intention to refuse your application {reference}",
    ),
    "intention_subject": W(
        "Voornemen op uw aanvraag “{product}” van {received}",
        "Intention on your application “{product}” of {received}",
    ),
    "h_intention": W(
        "Wij zijn van plan uw aanvraag af te wijzen", "We intend to refuse your application"
    ),
    "intention_body": W(
        "Dit is nog geen besluit. Wij willen eerst weten wat u hiervan vindt. Hieronder "
        "leest u waarom wij van plan zijn uw aanvraag af te wijzen.",
        "This is not a decision yet. We first want to know what you think of it. Below you "
        "read why we intend to refuse your application.",
    ),
    "h_view_how": W("Wat kunt u nu doen?", "What can you do now?"),
    "view_how": W(
        "U kunt schriftelijk reageren: dat heet een zienswijze. Uw reactie moet uiterlijk "
        "op {date} bij ons zijn. Stuur nieuwe documenten mee als u die heeft. Wij beslissen "
        "pas daarna. In het besluit leest u wat wij met uw reactie hebben gedaan.",
        "You can respond in writing: this is called a written view (zienswijze). Your "
        "response must reach us no later than {date}. Send new documents with it if you "
        "have them. We decide only after that. The decision tells you what we did with "
        "your response.",
    ),
    "view_none": W(
        "Reageert u niet op tijd? Dan beslissen wij op basis van wat wij nu weten.",
        "If you do not respond in time, we decide on what we know now.",
    ),
    "intention_law": W(
        "Wij sturen u dit voornemen op grond van:", "We send you this intention under:"
    ),
}

PERMIT_NATURE = {
    "permanent-residence-eu": "valid_indefinitely",
}


class _Strict(string.Formatter):
    def get_value(self, key, args, kwargs):
        if key not in kwargs:
            raise KeyError(f"the letter phrase needs {{{key}}}")
        return kwargs[key]


_FORMATTER = _Strict()


def say(key: str, language: str, **values) -> str:
    """The phrase ``key`` in ``language`` with its fields filled; KeyError if one is not."""
    return _FORMATTER.format(PHRASES[key](language), **values)


def salutation_name(applicant) -> str:
    """The name after "Geachte"/"Dear": the full name, as the gender is not recorded."""
    return f"{applicant.given_names} {applicant.surname}".strip()
