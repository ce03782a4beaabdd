"""The knowledge base screens: search, what changed today, one answer with its history."""

from django.http import Http404
from django.shortcuts import render

from indigo import clock
from indigo.accounts.decorators import staff_required
from indigo.knowledge.models import Audience
from indigo.knowledge.selectors import answer_history, answers_search, changes_on


@staff_required
def knowledge(request):
    today = clock.today()
    text = request.GET.get("q", "").strip()[:200]
    audience = request.GET.get("audience", "")
    if audience not in Audience.values:
        audience = ""
    return render(
        request,
        "knowledge/search.html",
        {
            "nav": "knowledge",
            "q": text,
            "audience": audience,
            "audiences": Audience.choices,
            "results": answers_search(text=text, on=today, audience=audience) if text else None,
            "changes": changes_on(today),
            "today": today,
        },
    )


@staff_required
def answer(request, code: str):
    history = answer_history(code=code)
    today = clock.today()
    current = next((v for v in history if v.valid_from <= today), None)
    if current is None:
        raise Http404
    return render(
        request,
        "knowledge/answer.html",
        {"nav": "knowledge", "current": current, "history": history, "today": today},
    )
