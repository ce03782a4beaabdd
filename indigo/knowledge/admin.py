from django.contrib import admin

from indigo.knowledge.models import Article, ArticleVersion


class VersionInline(admin.StackedInline):
    model = ArticleVersion
    extra = 0
    fields = ("valid_from", "title", "body", "source", "change_note")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("code", "audiences", "products")
    search_fields = ("code", "versions__title")
    inlines = [VersionInline]
