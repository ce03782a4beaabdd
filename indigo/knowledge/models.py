"""The knowledge base of answers for the contact centre, the desks and the chain's
information line (R13: answer from up-to-date information).

An answer is a series of dated versions, like the law data: each version says from
which day it holds (`valid_from`) and where it comes from (`source`), so staff answer
with what held on the day asked about, and "what changed today" is a query.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.lawdata.models import LawDated


class Audience(models.TextChoices):
    CONTACT_CENTRE = "contact-centre", _("Contact centre")
    DESK = "desk", _("Service desks")
    CHAIN = "chain", _("Chain partners' information line")


class Article(models.Model):
    code = models.SlugField(max_length=80, unique=True)
    audiences = models.JSONField(default=list, help_text=_("Who answers with it."))
    products = models.JSONField(default=list, blank=True, help_text=_("Product codes, if any."))

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class ArticleVersion(LawDated):
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions")
    title = models.CharField(_("question or title"), max_length=200)
    body = models.TextField(_("the answer"))
    source = models.TextField(_("source"), help_text=_("Where the answer comes from."))
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField()

    series_fields = ("article",)

    class Meta:
        ordering = ["article__code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "valid_from"], name="knowledge_one_version_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article.code} from {self.valid_from}"
