"""Publishing a version of an answer."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.errors import InvalidInput, day
from indigo.knowledge.models import Article, ArticleVersion, Audience


def article_publish(
    *,
    actor,
    code: str,
    title: str,
    body: str,
    source: str,
    valid_from: date,
    audiences: list[str],
    products: list[str] = (),
    change_note: str = "",
) -> ArticleVersion:
    """A new version of the answer `code` (a new answer when the code is new)."""
    for name, value in (("code", code), ("title", title), ("body", body), ("source", source)):
        if not (value or "").strip():
            raise InvalidInput(_("Fill in %(field)s.") % {"field": name}, field=name)
    unknown = sorted(set(audiences) - set(Audience.values))
    if not audiences or unknown:
        raise InvalidInput(
            _("Choose who answers with it: %(choices)s.") % {"choices": ", ".join(Audience.values)},
            field="audiences",
        )
    with transaction.atomic():
        article, _created = Article.objects.select_for_update().get_or_create(code=code.strip())
        if article.versions.filter(valid_from=valid_from).exists():
            raise InvalidInput(
                _("This answer already has a version from %(day)s; choose another day.")
                % {"day": day(valid_from)},
                field="valid_from",
            )
        article.audiences = sorted(set(audiences))
        article.products = sorted(set(products))
        article.save()
        return ArticleVersion.objects.create(
            article=article,
            valid_from=valid_from,
            title=title.strip(),
            body=body.strip(),
            source=source.strip(),
            change_note=change_note.strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            created_at=clock.now(),
        )
