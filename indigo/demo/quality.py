"""The demo's quality and steering data: made-up partner input, answers and calls.

After the applications are loaded: the municipalities' advice forms on the demo's
naturalisation applications (each municipality with its own habit of forgetting a
part), a few knowledge base answers, two weeks of made-up telephony figures, and the
application facts derived from the events, so the dashboards show the demo at once.
"""

import random
from datetime import date, timedelta

from indigo import clock
from indigo.cases.models import Application
from indigo.catalog.models import Process
from indigo.knowledge.services import article_publish
from indigo.quality.advice import ADVICE_FORM_PARTS, advice_form_record
from indigo.quality.facts import facts_rebuild
from indigo.quality.models import TelephonyDay

# CBS municipality codes; the share of forms complete at first delivery (made up).
MUNICIPALITIES = [
    ("GM0363", "Amsterdam", 0.7),
    ("GM0599", "Rotterdam", 0.6),
    ("GM0344", "Utrecht", 0.9),
    ("GM0518", "'s-Gravenhage", 0.8),
    ("GM0193", "Zwolle", 0.95),
]

ANSWERS = [
    {
        "code": "decision-period",
        "title": "How long may a decision take?",
        "body": (
            "The law sets a decision period per kind of application. The applicant sees the "
            "last day in My IND. When we ask for missing documents, the period stops until "
            "the answer arrives; when we extend it, we say so in a letter with the reason."
        ),
        "source": "Awb art. 4:13-4:15; Vw 2000 art. 25 and 42 (wetten.overheid.nl)",
        "audiences": ["contact-centre", "desk", "chain"],
        "products": [],
    },
    {
        "code": "repair-period",
        "title": "We asked for missing documents: what now?",
        "body": (
            "The letter or the message in My IND says what is missing and until when it can "
            "be sent. The applicant can reply in My IND. If nothing arrives in time, we may "
            "decide without it."
        ),
        "source": "Awb art. 4:5 (wetten.overheid.nl)",
        "audiences": ["contact-centre", "desk"],
        "products": [],
    },
    {
        "code": "naturalisation-municipality",
        "title": "Where does a naturalisation request start?",
        "body": (
            "At the municipality where the applicant lives. The municipality checks the "
            "request and sends it to the IND with its advice."
        ),
        "source": "Rijkswet op het Nederlanderschap; Handleiding RWN 2003 (wetten.overheid.nl)",
        "audiences": ["contact-centre", "desk", "chain"],
        "products": ["naturalisation"],
    },
]


def demo_quality_load(*, rng: random.Random, today: date) -> list[str]:
    notes = []
    forms = 0
    naturalisation = Application.objects.filter(product__process=Process.NATURALISATION)
    for application in naturalisation.order_by("pk"):
        code, name, habit = rng.choice(MUNICIPALITIES)
        parts = {key: "yes" for key in ADVICE_FORM_PARTS}
        if rng.random() > habit:
            parts[rng.choice(list(ADVICE_FORM_PARTS))] = ""
        advice_form_record(
            actor=None,
            application=application,
            municipality_code=code,
            municipality_name=name,
            delivered_on=min(application.received_on + timedelta(days=rng.randint(0, 10)), today),
            parts=parts,
        )
        forms += 1
    for answer in ANSWERS:
        article_publish(actor=None, valid_from=today - timedelta(days=90), **answer)
    article_publish(
        actor=None,
        valid_from=today,
        change_note="The reply can now be sent in My IND",
        **ANSWERS[1] | {"body": ANSWERS[1]["body"] + " Replying in My IND is fastest."},
    )
    for back in range(1, 15):
        day = today - timedelta(days=back)
        for queue, base in (("general", 1200), ("chain-line", 80)):
            offered = int(base * rng.uniform(0.8, 1.2))
            answered = int(offered * rng.uniform(0.72, 0.9))
            TelephonyDay.objects.update_or_create(
                day=day,
                queue=queue,
                defaults={
                    "offered": offered,
                    "answered": answered,
                    "answered_in_target": int(answered * rng.uniform(0.6, 0.85)),
                    "abandoned": offered - answered,
                    "wait_seconds_mean": rng.randint(40, 240),
                    "wait_seconds_max": rng.randint(600, 1500),
                    "file_sha256": "demo",
                    "imported_at": clock.now(),
                },
            )
    facts = facts_rebuild()
    notes.append(
        f"Quality: {facts} application facts, {forms} advice forms, {len(ANSWERS)} answers, "
        "14 days of telephony figures (made up)."
    )
    return notes
