"""Finding answers: search what holds on a day, and what changed on a day."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from indigo.knowledge.models import ArticleVersion

SEARCH_LIMIT = 20


def answers_search(
    *, text: str, on: date, audience: str = "", product: str = ""
) -> list[ArticleVersion]:
    """The versions in force on `on` whose title or answer holds every word of `text`."""
    versions = ArticleVersion.objects.all_in_force_on(on).select_related("article")
    for word in text.split()[:8]:
        versions = versions.filter(Q(title__icontains=word) | Q(body__icontains=word))
    found = list(versions.order_by("title")[: SEARCH_LIMIT * 3])
    if audience:
        found = [v for v in found if audience in v.article.audiences]
    if product:  # answers about this product first, then the general ones
        found.sort(key=lambda v: (product not in v.article.products, v.title))
    return found[:SEARCH_LIMIT]


@dataclass(frozen=True)
class Change:
    version: ArticleVersion
    previous: ArticleVersion | None


def changes_on(day: date) -> list[Change]:
    """Answers whose new version holds from `day` (what changed today), with the one before."""
    changes = []
    for version in ArticleVersion.objects.filter(valid_from=day).select_related("article"):
        previous = (
            ArticleVersion.objects.filter(article=version.article, valid_from__lt=day)
            .order_by("-valid_from")
            .first()
        )
        changes.append(Change(version, previous))
    return sorted(changes, key=lambda c: c.version.title)


def answer_history(*, code: str) -> list[ArticleVersion]:
    return list(
        ArticleVersion.objects.filter(article__code=code)
        .select_related("article", "created_by")
        .with_valid_to()
        .order_by("-valid_from")
    )


def changes_count_on(day: date) -> int:
    """How many answers changed on `day` (one query, for pages that only link to them)."""
    return ArticleVersion.objects.filter(valid_from=day).count()
