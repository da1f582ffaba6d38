from django.contrib.sitemaps import Sitemap

from .editions import editions
from .models import Article, Section


class ArticleSitemap(Sitemap):
    """Every live story, at its address in its own edition."""

    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Article.objects.live()
            .only("pk", "slug", "language", "updated_at")
            .order_by("-pk")
        )

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    """Every section in every edition."""

    changefreq = "hourly"

    def items(self):
        return [
            (section, edition)
            for edition in editions()
            for section in Section.objects.all()
        ]

    def location(self, item):
        section, edition = item
        return section.url_in(edition)
