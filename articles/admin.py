from django.contrib import admin
from django.db import models
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleImage, Section, Source


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    # Django 6 assumes https for addresses typed without a scheme; so do we, now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name"]


def thumbnail(image, size=80):
    if not image:
        return "—"
    return format_html(
        '<img src="{}" alt="" style="width:{}px;height:auto;border-radius:3px">',
        image.url,
        size,
    )


class ArticleImageInline(admin.StackedInline):
    model = ArticleImage
    extra = 0
    fields = ["preview", "image", "caption", "credit", "alt_text", "order"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image if obj.pk else None, size=240)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "headline", "section", "status", "published_at"]
    list_display_links = ["thumbnail", "headline"]
    list_filter = ["status", "section", "source", "tags"]
    list_select_related = ["section"]
    search_fields = ["headline", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [ArticleImageInline]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "lead", "body"]}),
        (_("Placement"), {"fields": ["section", "tags", "source", "byline"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "images", queryset=ArticleImage.objects.order_by("order", "pk")
                )
            )
        )

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        cover = obj.cover
        return thumbnail(cover.image if cover else None)
